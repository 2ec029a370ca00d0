import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  attributeWords,
  findBannerCandidates,
  findListMatches,
  isScrollLocked,
  scanBanners,
  type ScanOptions,
} from '@/lib/autoclean/heuristics';

function load(body: string, head = '') {
  const dom = new JSDOM(`<html><head>${head}</head><body>${body}</body></html>`, {
    url: 'https://mojokerto.disway.id/read/18342/berita',
  });
  return { doc: dom.window.document, win: dom.window as unknown as Window };
}

function scan(body: string, head = '', options?: ScanOptions) {
  const { doc, win } = load(body, head);
  const candidates = scanBanners(doc, win, options);
  const flagged = (selector: string) => {
    const el = doc.querySelector(selector);
    if (!el) throw new Error(`fixture lacks ${selector}`);
    // Flagged itself or inside a flagged slot.
    return candidates.find((c) => c.element === el || c.element.contains(el))?.reason ?? null;
  };
  return { doc, candidates, flagged };
}

const STORY = `<div class="post-content" id="story">
  <h1 id="title" class="headline">Promo Ramadan, Harga Sembako di Mojokerto Turun</h1>
  <p id="p1">Pemerintah daerah menggelar promo pangan murah di 18 kecamatan selama sepekan penuh.</p>
  <p id="p2">Kepala dinas mengatakan iklan layanan masyarakat juga dipasang di pasar tradisional.</p>
  <figure id="photo"><img src="/uploads/2023/12/pasar-tanjung.jpg" width="728" height="410" alt="Suasana pasar"><figcaption>Suasana pasar</figcaption></figure>
  <img id="strip" src="/uploads/2023/12/panorama.jpg" width="728" height="90" alt="Panorama">
</div>`;

describe('scanBanners: positives', () => {
  it('flags banners by alt text, linked off-site', () => {
    const { flagged } = scan(`
      <div id="aci"><a href="https://aci-ojol.example/promo"><img alt="ACI OJOL BANNER" src="/img/a.png"></a></div>
      <div id="speed"><a href="https://speedcash.example/"><img alt="speedcash banner" src="/img/b.png"></a></div>
      ${STORY}`);
    expect(flagged('#aci')).toBe('words');
    expect(flagged('#speed')).toBe('words');
  });

  it('flags IAB-sized images linking off-site and ad-sized off-site frames', () => {
    const { flagged } = scan(`
      <div><a id="leader" href="https://shop.example/x"><img src="/x/1.jpg" width="728" height="90"></a></div>
      <div><a id="mrec" href="https://shop.example/y"><img src="/x/2.jpg" style="width:300px;height:250px"></a></div>
      <div><a id="scaled" href="https://shop.example/z"><img src="/x/3.jpg" width="364" height="45"></a></div>
      <iframe id="frame" src="https://widgets.example/slot" width="300" height="250"></iframe>
      ${STORY}`);
    expect(flagged('#leader')).toBe('iab-size');
    expect(flagged('#mrec')).toBe('iab-size');
    expect(flagged('#scaled')).toBe('iab-size');
    expect(flagged('#frame')).toBe('iab-size');
  });

  it('flags ad-network markers by their slot', () => {
    const { flagged, candidates, doc } = scan(`
      <div id="slot1"><ins class="adsbygoogle" data-ad-client="ca-pub-1" data-ad-slot="2"></ins></div>
      <div id="div-gpt-ad-123-0"></div>
      <div id="unit" data-ad-unit="/123/top"></div>
      ${STORY}`);
    expect(flagged('#slot1')).toBe('marker');
    expect(candidates.map((c) => c.element)).toContain(doc.getElementById('slot1'));
    expect(flagged('#div-gpt-ad-123-0')).toBe('marker');
    expect(flagged('#unit')).toBe('marker');
  });

  it('flags a labelled slot container, not what holds it', () => {
    const { candidates, doc } = scan(`
      <div class="post-content" id="story">
        <p>${'Isi berita yang cukup panjang untuk dianggap paragraf. '.repeat(3)}</p>
        <div id="slot"><div>ADVERTISEMENT</div><div class="x"></div><div>SCROLL TO CONTINUE WITH CONTENT</div></div>
        <p>${'Lanjutan isi berita setelah slot iklan di tengah artikel. '.repeat(3)}</p>
        <div id="top"><span>- Iklan -</span><div class="y"></div></div>
      </div>`);
    const els = candidates.filter((c) => c.reason === 'label').map((c) => c.element);
    expect(els).toContain(doc.getElementById('slot'));
    expect(els).toContain(doc.getElementById('top'));
    expect(els).not.toContain(doc.getElementById('story'));
  });

  it('flags sticky bottom bars holding an ad and full-screen overlays', () => {
    const { flagged } = scan(
      `<div id="bar"><button aria-label="Tutup">×</button><a href="https://shop.example/"><img src="/s.png"></a></div>
       <div id="overlay"><button>Lewati</button><div id="div-gpt-ad-interstitial"></div></div>
       ${STORY}`,
      `<style>
        #bar { position: fixed; left: 0; right: 0; bottom: 0; height: 100px; z-index: 99; }
        #overlay { position: fixed; top: 0; left: 0; right: 0; bottom: 0; z-index: 9999; }
      </style>`,
    );
    expect(flagged('#bar')).toBe('sticky');
    expect(flagged('#overlay')).toBe('overlay');
  });

  it('flags empty reserved slots named as ads', () => {
    const { flagged } = scan(
      `<div class="ads-wrapper" id="reserved"></div><div id="AdBox"><img src="/a.png"></div>${STORY}`,
    );
    expect(flagged('#reserved')).toBe('words');
    expect(flagged('#AdBox')).toBe('words');
  });
});

describe('scanBanners: negatives', () => {
  const page = `
    <header class="site-header" id="header">
      <div class="header-banner" id="brand"><a href="/"><img id="logo" src="/img/logo-disway.png" alt="Disway Mojokerto" width="728" height="90"></a></div>
    </header>
    <nav><ul><li><a href="/iklan">Iklan</a></li></ul></nav>
    <div class="badge" id="badge"><a href="/profil"><img src="/img/badge.png" alt="badge"></a></div>
    <div class="uploads" id="uploads"><img src="/uploads/foto.jpg"></div>
    <div id="loads" class="thread shadow"><img src="/img/loads.png"></div>
    <div id="share" class="share-bar"><a href="https://facebook.com/sharer">Facebook</a></div>
    ${STORY}
    <footer><a href="/info-iklan">Info Iklan</a></footer>`;

  it('leaves headline, photos, logo, badges and text alone', () => {
    const { candidates } = scan(page);
    expect(candidates.map((c) => c.element.outerHTML.slice(0, 80))).toEqual([]);
  });

  it('leaves a sticky site header alone', () => {
    const { candidates } = scan(
      `<div id="sticky-nav"><nav><a href="/">Home</a></nav><img src="/img/logo.png"></div>${STORY}`,
      '<style>#sticky-nav { position: fixed; top: 0; left: 0; right: 0; height: 60px; z-index: 50; }</style>',
    );
    expect(candidates).toEqual([]);
  });

  it('leaves a full-screen dialog without ads alone', () => {
    const { candidates } = scan(
      `<div id="login"><form><input type="email"><button>Masuk</button></form></div><div id="menu"><a href="/">Home</a></div>${STORY}`,
      `<style>
        #login { position: fixed; inset: 0; top: 0; left: 0; right: 0; bottom: 0; z-index: 1000; }
        #menu { position: fixed; top: 0; left: 0; width: 100%; height: 100%; z-index: 999; }
      </style>`,
    );
    expect(candidates).toEqual([]);
  });

  it('does not take a decorative fixed background for an overlay', () => {
    const { candidates } = scan(
      `<div id="bg"><img src="/img/batik-pattern.png"></div>${STORY}`,
      '<style>#bg { position: fixed; top: 0; left: 0; right: 0; bottom: 0; z-index: -1; }</style>',
    );
    expect(candidates).toEqual([]);
  });
});

describe('scanBanners: options', () => {
  const ads = `<div id="u"><div id="div-gpt-ad-1"></div></div><div data-bb-ui><div id="div-gpt-ad-2"></div></div>`;

  it('never flags ignored elements', () => {
    const { candidates, doc } = scan(ads);
    expect(candidates.some((c) => c.element.closest('[data-bb-ui]'))).toBe(false);
    expect(candidates.map((c) => c.element)).toContain(doc.getElementById('u'));
  });

  it('caps the elements examined', () => {
    const many = Array.from(
      { length: 20 },
      (_, i) => `<div><div id="div-gpt-ad-${i}"></div></div>`,
    ).join('');
    const { doc, win } = load(many);
    expect(findBannerCandidates(doc, win, { maxElements: 5 }).length).toBeLessThan(10);
    expect(findBannerCandidates(doc, win).length).toBe(20);
  });
});

describe('attributeWords', () => {
  it('splits camelCase, digits and separators without cutting words', () => {
    expect(attributeWords('bannerTop adSlot_2 ads300x250')).toEqual([
      'banner',
      'top',
      'ad',
      'slot',
      '2',
      'ads',
      '300x250',
    ]);
    expect(attributeWords('uploads headline badge loads')).toEqual([
      'uploads',
      'headline',
      'badge',
      'loads',
    ]);
  });
});

describe('isScrollLocked', () => {
  it('sees overflow hidden on body and html', () => {
    expect(isScrollLocked(load('').doc, load('').win)).toBe(false);
    const body = load('<p>x</p>', '<style>body { overflow: hidden; }</style>');
    expect(isScrollLocked(body.doc, body.win)).toBe(true);
    const html = load('<p>x</p>', '<style>html { overflow-y: hidden; }</style>');
    expect(isScrollLocked(html.doc, html.win)).toBe(true);
  });
});

describe('findListMatches', () => {
  const { doc } = load(
    '<div class="a" id="a"></div><section id="s"><div class="b" id="b"></div></section><div class="c">Iklan</div>',
  );

  it('isolates selectors the DOM rejects and still matches the rest', () => {
    const found = findListMatches(doc, {
      selectors: ['.a', 'div:not-a-pseudo(1)', '.b'],
      extended: [],
    });
    expect(found.map((el) => el.id).sort()).toEqual(['a', 'b']);
  });

  it('matches only inside a given root', () => {
    const found = findListMatches(doc.getElementById('s')!, {
      selectors: ['.a', '.b'],
      extended: [],
    });
    expect(found.map((el) => el.id)).toEqual(['b']);
  });

  it('respects the limit', () => {
    expect(findListMatches(doc, { selectors: ['div'], extended: [] }, 2)).toHaveLength(2);
  });
});
