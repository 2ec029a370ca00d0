import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractGolden, goldenCases } from '@/scripts/lib/golden';

// Golden fixtures in the style of mozilla/readability's test pages. After an intended
// change, run `npm run golden:regenerate` and review the diff of expected.json.
const cases = goldenCases();

describe('golden extraction', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s matches expected.json', (_name, c) => {
    const expected = JSON.parse(readFileSync(c.expected, 'utf8'));
    expect(extractGolden(c.source)).toEqual(expected);
  });
});
