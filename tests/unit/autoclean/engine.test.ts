import { describe, expect, it } from 'vitest';
import {
  buildEngine,
  cosmeticsFor,
  engineLists,
  listChecksum,
  loadEngine,
  normalizeRules,
  serializeEngine,
  stripScriptletRules,
  validateFilterText,
} from '@/lib/autoclean/engine';

const page = (hostname: string, extra = {}) => ({
  url: `https://${hostname}/read/1`,
  hostname,
  ...extra,
});

const LIST = [
  'example.com##.ad-top',
  'example.com##div:has-text(/^ADVERTISEMENT$/)',
  'example.com##.shift:style(top: 0 !important)',
  '##.generic-banner',
  '##img[alt="judi"]',
  'other.com##.only-other',
  '~example.com##.not-on-example',
  'example.com#@#.generic-banner',
].join('\n');

describe('stripScriptletRules', () => {
  it('drops code, HTML and rewrite rules and keeps cosmetic ones', () => {
    const text = [
      '! comment',
      'example.com##+js(set-constant, adblock, false)',
      'example.com#@#+js(nowebrtc)',
      'example.com#%#window.ads = 1',
      'example.com#@%#window.ads = 1',
      'example.com#$#body { overflow: auto }',
      'example.com##^script:has-text(ads)',
      'example.com$$script[tag-content="ads"]',
      '||ads.example.com^$redirect=noopjs',
      '||example.com/ad.js$script,replace=/a/b/',
      '||example.com^$removeparam=utm_source',
      'example.com##.ad',
      'example.com##a[href$=".exe"]',
      '||ads.example.com^$third-party',
    ].join('\n');
    const { text: kept, dropped } = stripScriptletRules(text);
    expect(dropped).toBe(10);
    expect(kept.split('\n')).toEqual([
      '! comment',
      'example.com##.ad',
      'example.com##a[href$=".exe"]',
      '||ads.example.com^$third-party',
    ]);
  });
});

describe('normalizeRules', () => {
  it('turns #?# and -abp- pseudo-classes into the uBO form', () => {
    expect(normalizeRules('a.com#?#div:-abp-has(> span:-abp-contains(Iklan))')).toBe(
      'a.com##div:has(> span:has-text(Iklan))',
    );
    expect(normalizeRules('a.com#@?#.x')).toBe('a.com#@#.x');
  });
});

describe('buildEngine / cosmeticsFor', () => {
  const engine = buildEngine([{ id: 'test', text: LIST }]);

  it('returns host rules, procedural rules, styles and unexcepted generic rules', () => {
    const c = cosmeticsFor(engine, page('www.example.com'));
    expect(c.selectors).toContain('.ad-top');
    expect(c.selectors).toContain('img[alt="judi"]');
    // Unhidden on example.com, not applicable on example.com, other host.
    expect(c.selectors).not.toContain('.generic-banner');
    expect(c.selectors).not.toContain('.not-on-example');
    expect(c.selectors).not.toContain('.only-other');
    expect(c.extended).toHaveLength(1);
    expect(c.css).toContain('.ad-top { display: none !important; }');
    expect(c.css).toContain('.shift { top: 0 !important }');
    expect(c.count).toBe(c.selectors.length + c.extended.length + 1);
  });

  it('gives generic class rules only when the page has the class', () => {
    expect(cosmeticsFor(engine, page('other.com')).selectors).not.toContain('.generic-banner');
    const withClass = cosmeticsFor(engine, page('other.com', { classes: ['generic-banner'] }));
    expect(withClass.selectors).toContain('.generic-banner');
    expect(withClass.selectors).toContain('.only-other');
  });

  it('leaves out the base generic rules alone with base: false', () => {
    const features = page('other.com', { classes: ['generic-banner'] });
    expect(cosmeticsFor(engine, features).selectors).toContain('img[alt="judi"]');
    const c = cosmeticsFor(engine, features, { base: false });
    expect(c.selectors).not.toContain('img[alt="judi"]');
    expect(c.selectors).toContain('.generic-banner');
    expect(c.selectors).toContain('.only-other');
  });

  it('skips every generic rule with generic: false', () => {
    const c = cosmeticsFor(engine, page('other.com', { classes: ['generic-banner'] }), {
      generic: false,
    });
    expect(c.selectors).toEqual(['.only-other']);
  });

  it('ships no scriptlets even when the list has them', () => {
    const withJs = buildEngine([{ id: 'js', text: 'example.com##+js(nobab)\nexample.com##.x' }]);
    const c = cosmeticsFor(withJs, page('example.com'));
    expect(c.selectors).toEqual(['.x']);
    expect(c.css).not.toContain('nobab');
  });

  it('reads #?# rules instead of dropping them', () => {
    const e = buildEngine([{ id: 'adg', text: 'example.com#?#div:has-text(Iklan)' }]);
    expect(cosmeticsFor(e, page('example.com')).extended).toHaveLength(1);
  });

  it('records list ids and checksums', () => {
    const lists = engineLists(engine);
    expect([...lists.keys()]).toEqual(['test']);
    expect(lists.get('test')).toBe(listChecksum({ id: 'test', text: LIST }));
    expect(listChecksum({ id: 'x', text: LIST + '\n' })).not.toBe(lists.get('test'));
  });

  it('survives serialize → load with the same cosmetics and lists', () => {
    const bytes = serializeEngine(engine);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const loaded = loadEngine(bytes);
    for (const host of ['www.example.com', 'other.com']) {
      expect(cosmeticsFor(loaded, page(host, { classes: ['generic-banner'] }))).toEqual(
        cosmeticsFor(engine, page(host, { classes: ['generic-banner'] })),
      );
    }
    expect(engineLists(loaded)).toEqual(engineLists(engine));
  });
});

describe('validateFilterText', () => {
  it('reports unusable lines with 1-based line numbers', () => {
    const text = [
      '! comment', // 1
      '', // 2
      'example.com##.ok', // 3
      'example.com##div:has-text(x)', // 4
      '##div:has-text(x)', // 5: procedural without domain
      'example.com##div[', // 6: bad CSS
      'example.com##+js(nobab)', // 7
      '||ads.example.com^', // 8: network
      'example.com##', // 9: empty
      'example.com##div:nonsense-pseudo(1)', // 10
    ].join('\n');
    const problems = validateFilterText(text);
    expect(problems.map((p) => p.line)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(problems[0].message).toMatch(/need a domain/);
    expect(problems[2].message).toMatch(/MV3/);
    expect(problems[3].message).toMatch(/Network rule ignored/);
  });

  it('accepts CRLF text', () => {
    expect(validateFilterText('a.com##.x\r\nb.com##.y\r\n')).toEqual([]);
  });
});

describe(':style() from a list', () => {
  const engine = buildEngine([
    {
      id: 'hostile',
      text: [
        'example.com##.shift:style(top: 0 !important)',
        'example.com##.beacon:style(background: url(https://tracker.invalid/seen))',
        'example.com##.beacon2:style(background-image: URL ( "//tracker.invalid/x" ))',
        'example.com##.escape:style(color: red } body { display: none)',
        'example.com##.import:style(@import "https://tracker.invalid/a.css")',
        'example.com##.encoded:style(background: u\\72l(https://tracker.invalid/y))',
        'example.com##div:has-text(Promo):style(background: url(https://tracker.invalid/z))',
      ].join('\n'),
    },
  ]);
  const c = cosmeticsFor(engine, page('www.example.com'));

  it('keeps a harmless style', () => {
    expect(c.css).toContain('.shift { top: 0 !important }');
  });

  it('refuses styles that load something or break out of the rule', () => {
    expect(c.css).not.toMatch(/tracker\.invalid|display: none\)|@import/);
    expect(c.css).not.toContain('.beacon');
    expect(c.css).not.toContain('.escape');
    expect(c.css).not.toContain('.encoded');
    expect(c.extended).toHaveLength(0);
  });
});
