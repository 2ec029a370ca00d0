import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWindow } from '../../scripts/lib/dom';
import { checkCase, fixtureSources, fuzzCases, mutate } from '../../scripts/lib/fuzz-properties';

/** The properties of `npm run fuzz`, on a fixed seed and a few cases (the script runs 10,000). */
const RUNS = 40;
const SEED = 8;
/** A safety net against a hang, not a performance goal (timings live in `npm run bench`). */
const CASE_LIMIT_MS = 15_000;

describe('fuzzing extraction, sanitizing and the summary', () => {
  const win = makeWindow();
  const sources = fixtureSources();

  it('never throws, always sanitizes, and ends each case in time', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(fuzzCases(sources), (input) => {
        kinds.add(input.kind);
        checkCase(input, win, CASE_LIMIT_MS);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect([...kinds].sort()).toEqual(['grammar', 'grammar-article', 'mutated']);
  }, 120_000);

  it('fails a case over its time limit', () => {
    const unsafe = {
      kind: 'grammar' as const,
      source: 'test',
      url: 'https://contoh.example/',
      html: '',
    };
    expect(() => checkCase({ ...unsafe, html: '<p>a</p>' }, win, CASE_LIMIT_MS)).not.toThrow();
    expect(() => checkCase({ ...unsafe, html: '<p>a</p>' }, win, -1)).toThrow(/took/);
  });

  it('mutates pages the way it says', () => {
    const html = '<p>satu</p><b>dua</b>';
    expect(mutate(html, { kind: 'truncate', at: 5 })).toBe('<p>sa');
    expect(mutate(html, { kind: 'drop-tag', at: 0 })).toBe('satu</p><b>dua</b>');
    expect(mutate(html, { kind: 'duplicate-tag', at: 2 })).toBe('<p>satu</p><b><b>dua</b>');
    expect(mutate(html, { kind: 'swap-tags', at: 0, other: 1 })).toBe('</p>satu<p><b>dua</b>');
    expect(mutate(html, { kind: 'mangle-entities', at: 0, variant: 3 })).toBe(
      '&#60p>satu&#60/p>&#60b>dua&#60/b>',
    );
  });
});
