import { describe, expect, it } from 'vitest';
import { guessLanguage, findLanguage } from '@/lib/extract/lang';
import { findLeadImage } from '@/lib/extract/lead-image';
import { cleanTitle, findSiteName } from '@/lib/extract/metadata';
import { parse, PROSE } from './helpers';

const URL = 'https://radarmojokerto.jawapos.com/daerah/2023/12/14/banjir';

describe('cleanTitle', () => {
  it.each([
    ['Banjir Rendam Tiga Desa - Radar Mojokerto', 'Radar Mojokerto', 'Banjir Rendam Tiga Desa'],
    ['Pasar Direnovasi | Disway', null, 'Pasar Direnovasi'],
    ['Radar Mojokerto | Banjir Rendam Tiga Desa', 'Radar Mojokerto', 'Banjir Rendam Tiga Desa'],
    [
      'Pilkada 2024 - Hasil Hitung Cepat di Mojokerto',
      null,
      'Pilkada 2024 - Hasil Hitung Cepat di Mojokerto',
    ],
    ['Tempo Doeloe - Kisah Pasar Kliwon - Jawapos', null, 'Tempo Doeloe - Kisah Pasar Kliwon'],
    [
      'KapanLagi.com: FOTO: Dian Sastro Saat Berusia 13 Tahun',
      'KapanLagi.com',
      'FOTO: Dian Sastro Saat Berusia 13 Tahun',
    ],
    [
      'Polisi: Detik-detik Penangkapan Terekam CCTV',
      null,
      'Polisi: Detik-detik Penangkapan Terekam CCTV',
    ],
  ])('%s', (title, site, expected) => {
    expect(cleanTitle(parse('<p></p>'), title, site, URL)).toBe(expected);
  });
});

describe('findSiteName', () => {
  it('prefers og:site_name, then Readability, then the host', () => {
    expect(
      findSiteName(parse('<meta property="og:site_name" content="Radar Mojokerto">'), 'X', URL),
    ).toBe('Radar Mojokerto');
    expect(findSiteName(parse('<p></p>'), 'Jawa Pos', URL)).toBe('Jawa Pos');
    expect(findSiteName(parse('<p></p>'), null, 'https://www.suara.com/news/1')).toBe('suara.com');
  });
});

describe('findLanguage', () => {
  it('lets plain Indonesian text overrule a template lang="en"', () => {
    const doc = parse('<html lang="en"><body></body></html>');
    expect(findLanguage(doc, `${PROSE} ${PROSE} ${PROSE} ${PROSE}`)).toBe('id');
    expect(findLanguage(doc, 'Harga cabai naik.')).toBe('en');
    expect(findLanguage(parse('<html lang="fr"><body></body></html>'), PROSE)).toBe('fr');
  });

  it('reads html lang, then og:locale, then guesses from stopwords', () => {
    expect(findLanguage(parse('<html lang="id-ID"><body></body></html>'), '')).toBe('id-ID');
    expect(findLanguage(parse('<meta property="og:locale" content="id_ID">'), '')).toBe('id-ID');
    expect(findLanguage(parse('<p></p>'), PROSE)).toBe('id');
    expect(
      guessLanguage(
        'The mayor said that the market will be open for all of the traders in the city.',
      ),
    ).toBe('en');
    expect(guessLanguage('Harga 12.500')).toBeNull();
  });
});

describe('findLeadImage', () => {
  const lead = (head: string, content: string) => {
    const doc = parse(`<head>${head}</head><body><div id="c">${content}</div></body>`);
    return findLeadImage(doc, doc.getElementById('c') as Element, URL);
  };

  it('takes og:image, with alt and figcaption from the article', () => {
    const image = lead(
      '<meta property="og:image" content="/images/banjir-sooko.jpg">',
      `<figure><img src="https://radarmojokerto.jawapos.com/images/banjir-sooko-768x432.jpg" alt="Genangan"><figcaption>Warga melintasi genangan. (Foto: Dimas)</figcaption></figure><p>${PROSE}</p>`,
    );
    expect(image).toEqual({
      src: 'https://radarmojokerto.jawapos.com/images/banjir-sooko.jpg',
      alt: 'Genangan',
      caption: 'Warga melintasi genangan. (Foto: Dimas)',
    });
  });

  it('reads a caption boxed with the picture, and skips teaser images that link away', () => {
    const image = lead(
      '',
      `<p><a href="/read/2/lain"><img src="/thumb/lain.jpg"></a></p>` +
        `<div><p><img src="/foto/utama.jpg" alt="Utama"></p><p>Dokumentasi petugas BPBD memantau tanggul. (ANTARA FOTO/Budi)</p></div><p>${PROSE}</p>`,
    );
    expect(image?.src).toBe('https://radarmojokerto.jawapos.com/foto/utama.jpg');
    expect(image?.caption).toBe('Dokumentasi petugas BPBD memantau tanggul. (ANTARA FOTO/Budi)');
  });

  it('skips small images and gives null when there is no picture', () => {
    expect(lead('', `<p><img src="/ikon.png" width="40"></p><p>${PROSE}</p>`)).toBeNull();
  });
});
