import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildEngine, cosmeticsFor } from '@/lib/autoclean/engine';
import { filterHideable, isSafeToHide, protectedRegion } from '@/lib/autoclean/guard';
import { findListMatches, scanBanners } from '@/lib/autoclean/heuristics';
import { REGIONAL_FILTERS } from '@/lib/autoclean/regional-list';

// Real Indonesian news pages with their article text, read from ../shared by path.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpora/id-news');
const missing = !existsSync(`${ROOT}/ground-truth.json`);
if (missing) console.warn(`skipping id-news corpus tests: ${ROOT} not found`);

type Truth = Record<string, { articleBody: string; url: string }>;
const truth: Truth = missing ? {} : JSON.parse(readFileSync(`${ROOT}/ground-truth.json`, 'utf8'));
const engine = buildEngine([{ id: 'regional', text: REGIONAL_FILTERS }]);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(missing)('id-news corpus: auto-clean keeps the article', () => {
  const hiddenCounts: number[] = [];

  it.each(Object.keys(truth))('%s', (id) => {
    const { url, articleBody } = truth[id];
    const dom = new JSDOM(readFileSync(`${ROOT}/html/${id}.html`, 'utf8'), {
      url,
      virtualConsole: new VirtualConsole(),
    });
    const doc = dom.window.document;
    const cosmetics = cosmeticsFor(engine, { url, hostname: new URL(url).hostname });
    const proposed = [
      ...findListMatches(doc, cosmetics),
      ...scanBanners(doc, dom.window as unknown as Window).map((c) => c.element),
    ];
    const region = protectedRegion(doc);
    const { hide } = filterHideable(proposed, region);
    hiddenCounts.push(hide.length);

    // No sentence of the article may sit inside a hidden element.
    const hiddenText = squash(hide.map((el) => el.textContent ?? '').join('\n'));
    const sentences = articleBody
      .split(/(?<=[.!?"])\s+/)
      .map(squash)
      .filter((s) => s.length > 40);
    const lost = sentences.filter((s) => hiddenText.includes(s.slice(0, 40)));
    expect(lost).toEqual([]);

    for (let up = region.body; up; up = up.parentElement) {
      expect(isSafeToHide(up, region)).toBe(false);
    }
  });

  it('actually hides ads on most pages', () => {
    expect(hiddenCounts.filter((n) => n > 0).length).toBeGreaterThan(hiddenCounts.length * 0.8);
  });
});
