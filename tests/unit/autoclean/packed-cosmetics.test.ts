import { describe, expect, it } from 'vitest';
import { buildEngine, cosmeticsFor } from '@/lib/autoclean/engine';
import {
  packCosmetics,
  styledLines,
  unpackCosmetics,
  type PageCosmetics,
} from '@/lib/autoclean/packed-cosmetics';
import { REGIONAL_FILTERS } from '@/lib/autoclean/regional-list';

const LIST = [
  'example.id##.banner-ojol',
  'example.id##img[alt="ACI OJOL BANNER"]',
  'example.id##.sticky:style(position: static !important)',
  'example.id##.promo:has-text(speedcash)',
  '##div[id^="div-gpt-ad"]',
].join('\n');

/** As a message or session storage carries it. */
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** What the page gets back: the rules as sent, and their other CSS lines apart. */
function expectRoundTrip(page: PageCosmetics): void {
  const back = unpackCosmetics(viaJson(packCosmetics(page)));
  expect(back).toMatchObject(viaJson(page));
  expect(back?.styled).toEqual(styledLines(page));
}

describe('packed cosmetics', () => {
  it('round-trips rules from the engine, CSS text and all', () => {
    const engine = buildEngine([{ id: 'test', text: LIST }]);
    const rules = cosmeticsFor(engine, { url: 'https://example.id/a', hostname: 'example.id' });
    const page = { css: rules.css, selectors: rules.selectors, extended: rules.extended };
    expect(page.selectors.length).toBeGreaterThan(1);
    expect(page.extended.length).toBe(1);
    expect(page.css).toContain('position: static !important');
    expectRoundTrip(page);
    // The custom style, and the attribute the procedural match's elements get.
    expect(unpackCosmetics(packCosmetics(page))?.styled).toEqual([
      '.sticky { position: static !important }',
      `[${page.extended[0].attribute}] { display: none !important; }`,
    ]);
  });

  it('round-trips the regional list for a real host', () => {
    const engine = buildEngine([{ id: 'regional', text: REGIONAL_FILTERS }]);
    const rules = cosmeticsFor(engine, {
      url: 'https://mojokerto.disway.id/read/1',
      hostname: 'mojokerto.disway.id',
    });
    const page = { css: rules.css, selectors: rules.selectors, extended: rules.extended };
    expect(page.selectors.length).toBeGreaterThan(5);
    expectRoundTrip(page);
  });

  it('sends each hiding selector once, not as a rule and a list entry', () => {
    const page = {
      css: '.a { display: none !important; }\n.b { display: none !important; }\n.c { top: 0 }',
      selectors: ['.a', '.b'],
      extended: [],
    };
    const packed = packCosmetics(page);
    expect(packed).toEqual({ hide: '.a\n.b', styled: '.c { top: 0 }', extended: [] });
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(page).length / 1.5);
  });

  it('keeps empty rules empty', () => {
    const empty = { css: '', selectors: [], extended: [] };
    expect(packCosmetics(empty)).toEqual({ hide: '', styled: '', extended: [] });
    expect(unpackCosmetics(viaJson(packCosmetics(empty)))).toMatchObject({
      ...empty,
      styled: [],
    });
  });

  it('refuses what is not packed rules', () => {
    for (const bad of [undefined, null, 'css', 42, {}, { hide: '.a', styled: 1, extended: [] }]) {
      expect(unpackCosmetics(bad)).toBeNull();
    }
    // The shape before packing (an old session copy) is refused too.
    expect(unpackCosmetics({ css: '.a { x }', selectors: ['.a'], extended: [] })).toBeNull();
  });
});
