import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildEngine, cosmeticsFor, validateFilterText } from '@/lib/autoclean/engine';
import { findListMatches } from '@/lib/autoclean/heuristics';
import { REGIONAL_FILTERS, regionalSections } from '@/lib/autoclean/regional-list';
import { SITE_FAMILIES } from '@/lib/autoclean/sites';

const engine = buildEngine([{ id: 'regional', text: REGIONAL_FILTERS }]);

function hiddenOn(hostname: string, body: string): Element[] {
  const { document } = new JSDOM(`<body>${body}</body>`, { url: `https://${hostname}/read/1` })
    .window;
  const cosmetics = cosmeticsFor(engine, { url: document.URL, hostname });
  return findListMatches(document, cosmetics);
}

const ARTICLE = `<div class="post-content" id="story"><p>${'Warga Mojokerto menyambut baik perbaikan jalan desa. '.repeat(4)}</p><p>Iklan rokok kini dilarang di jalan protokol, kata bupati dalam promo program kerja.</p></div>`;

describe('REGIONAL_FILTERS', () => {
  it('parses with zero invalid lines', () => {
    expect(validateFilterText(REGIONAL_FILTERS)).toEqual([]);
  });

  it('has a section with rules for every site family', () => {
    const sections = regionalSections();
    for (const family of SITE_FAMILIES) {
      const domain = family.domains[0];
      const names = (rule: string) => rule.slice(0, rule.indexOf('#')).split(',');
      // A section of its own, not just the shared rules naming every domain.
      const section = sections.find(
        (s) => !s.title.startsWith('All') && s.rules.some((r) => names(r).includes(domain)),
      );
      expect(section, family.id).toBeDefined();
    }
    for (const section of sections) expect(section.rules.length, section.title).toBeGreaterThan(3);
  });

  it.each(['mojokerto.disway.id', 'radarmojokerto.jawapos.com', 'x.tribunnews.com'])(
    'gives site rules for %s beyond the generic ones',
    (hostname) => {
      const site = cosmeticsFor(engine, { url: `https://${hostname}/`, hostname });
      const other = cosmeticsFor(engine, { url: 'https://example.org/', hostname: 'example.org' });
      expect(site.count).toBeGreaterThan(other.count + 20);
      expect(site.extended.length).toBeGreaterThan(0);
      expect(other.extended).toHaveLength(0);
    },
  );

  it('selectors are valid CSS for the DOM', () => {
    const { selectors } = cosmeticsFor(engine, {
      url: 'https://disway.id/',
      hostname: 'disway.id',
    });
    for (const selector of selectors) expect(() => document.querySelector(selector)).not.toThrow();
  });

  it.each([
    ['mojokerto.disway.id', '<div class="banner-inarticle" id="ad"><img src="x.png"></div>'],
    [
      'mojokerto.disway.id',
      '<a id="ad" href="https://x.example" target="_blank"><img src="/uploads/banner/aci.jpg"></a>',
    ],
    ['radarmojokerto.jawapos.com', '<div id="iklan-atas"><div id="ad"></div></div>'],
    [
      'radarmojokerto.jawapos.com',
      '<div id="ad"><button aria-label="Tutup Iklan">x</button><img src="a.png"></div>',
    ],
    ['surabaya.tribunnews.com', '<div id="div-Center-FullBanner-1"><span id="ad"></span></div>'],
    ['news.detik.com', '<div class="ads-scrollpage-container"><span id="ad"></span></div>'],
    ['regional.kompas.com', '<div class="kcm__top" id="ad"></div>'],
    ['www.suara.com', '<div id="div-ad-top"><span id="ad"></span></div>'],
    ['news.okezone.com', '<div class="banner-belt300x250" id="ad"></div>'],
    ['www.liputan6.com', '<div class="box-ads-right" id="ad"></div>'],
    ['daerah.sindonews.com', '<div id="ads_1"><span id="ad"></span></div>'],
    ['www.jpnn.com', '<div id="jpnn_m_nasional_medrec"><span id="ad"></span></div>'],
    ['www.pikiran-rakyat.com', '<div id="prmn__megabillboard"><span id="ad"></span></div>'],
    ['jatimnow.com', '<div class="iklan-sidebar" id="ad"></div>'],
    ['beritajatim.com', '<div class="sticky-ad-bottom" id="ad"></div>'],
    ['example.org', '<a href="https://x.example"><img id="ad" alt="Promo ACI OJOL BANNER"></a>'],
    ['example.org', '<img id="ad" src="/ads/speedcash-300x250.png">'],
  ])('%s hides %s and not the article', (hostname, ad) => {
    const hidden = hiddenOn(hostname, ad + ARTICLE);
    expect(hidden.some((el) => el.id === 'ad' || el.querySelector('#ad'))).toBe(true);
    expect(hidden.some((el) => el.closest('#story') || el.querySelector('#story'))).toBe(false);
  });

  it('scopes site rules to their domains', () => {
    const markup = '<div class="kcm__top" id="a"></div><div id="div-Center-FullBanner-1"></div>';
    expect(hiddenOn('example.org', markup)).toEqual([]);
    expect(hiddenOn('news.detik.com', markup)).toEqual([]);
  });

  it('hides labelled slots but not an article that holds a label', () => {
    const slot =
      '<div class="slot" id="ad"><span>ADVERTISEMENT</span><div id="gpt"></div><span>SCROLL TO CONTINUE WITH CONTENT</span></div>';
    const article = `<div id="story"><span>IKLAN</span><p>${'Isi berita yang panjang sekali. '.repeat(5)}</p></div>`;
    const hidden = hiddenOn('mojokerto.disway.id', slot + article);
    expect(hidden.map((el) => el.id)).toContain('ad');
    expect(
      hidden.some(
        (el) => el.id === 'story' || el.contains(el.ownerDocument.getElementById('story')),
      ),
    ).toBe(false);
  });
});
