import { describe, expect, it } from 'vitest';
import { isBannerImage, removeBanners } from '@/lib/extract/cleanup/banners';
import { body, PROSE } from './helpers';

const img = (attrs: string) => body(`<img ${attrs}>`).querySelector('img') as Element;

describe('removeBanners', () => {
  it('spots banners by alt, file name, folder or class', () => {
    expect(isBannerImage(img('alt="ACI OJOL BANNER" src="/a.png"'))).toBe(true);
    expect(isBannerImage(img('alt="speedcash banner" src="/b.png"'))).toBe(true);
    expect(isBannerImage(img('alt="" src="/upload/banner/aci.jpg"'))).toBe(true);
    expect(isBannerImage(img('alt="" src="/img/iklan-300x250.gif"'))).toBe(true);
    expect(isBannerImage(img('alt="" src="/a.jpg" class="ads-img"'))).toBe(true);
  });

  it('keeps photos, including ones whose long alt text mentions a banner', () => {
    expect(isBannerImage(img('alt="Warga melintasi genangan" src="/foto/banjir.jpg"'))).toBe(false);
    expect(
      isBannerImage(
        img(
          'alt="Petugas menurunkan banner kampanye yang dipasang di pohon sepanjang jalan" src="/f.jpg"',
        ),
      ),
    ).toBe(false);
    expect(isBannerImage(img('alt="" src="/uploads/2023/12/bannerman-band.jpg"'))).toBe(false);
  });

  it('removes the link and paragraph that only wrap the banner', () => {
    const root = body(
      `<p>${PROSE}</p><p class="x"><a href="https://promo.example"><img alt="ACI OJOL BANNER" src="/a.png"></a></p>`,
    );
    expect(removeBanners(root)).toBe(1);
    expect(root.querySelector('.x')).toBeNull();
    expect(root.querySelectorAll('p')).toHaveLength(1);
  });
});
