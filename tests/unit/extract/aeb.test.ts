import { describe, expect, it } from 'vitest';
import { meanScore, scorePage } from '@/scripts/lib/aeb';

describe('AEB shingle metric', () => {
  it('scores identical, disjoint and empty texts', () => {
    expect(scorePage('satu dua tiga empat lima', 'satu dua tiga empat lima').f1).toBe(1);
    expect(scorePage('satu dua tiga empat', 'lima enam tujuh delapan').f1).toBe(0);
    expect(scorePage('', '')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(scorePage('', 'satu dua tiga empat').f1).toBe(0);
  });

  it('counts 4-token shingles with repeats, on Unicode word tokens', () => {
    // Prediction shingles: [a b c d], [b c d e]; truth: [a b c d] only.
    const score = scorePage('a b c d e', 'a, b. c; d!');
    expect(score.precision).toBeCloseTo(0.5);
    expect(score.recall).toBe(1);
    expect(scorePage('Jum’at ke-2', 'Jum at ke 2').f1).toBe(1);
  });

  it('averages precision and recall over pages, then takes their harmonic mean', () => {
    const mean = meanScore([
      { precision: 1, recall: 0.5, f1: 0 },
      { precision: 0.5, recall: 1, f1: 0 },
    ]);
    expect(mean).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, pages: 2 });
  });
});
