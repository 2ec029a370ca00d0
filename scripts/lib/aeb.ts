/** The article-extraction-benchmark text metric: 4-token shingles, per-page normalised counts. */

const TOKEN_RE = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

export interface PageScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface MeanScore extends PageScore {
  pages: number;
}

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN_RE) ?? [];
  const counts = new Map<string, number>();
  // As in the benchmark: a text shorter than a shingle is one short shingle.
  for (let i = 0; i < Math.max(1, tokens.length - SHINGLE + 1); i++) {
    const key = tokens.slice(i, i + SHINGLE).join(' ');
    if (!key) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function harmonic(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

/** Score one page. Both empty counts as a perfect page. */
export function scorePage(predicted: string, expected: string): PageScore {
  const pred = shingles(predicted);
  const truth = shingles(expected);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, n] of pred) {
    const m = truth.get(key) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [key, m] of truth) fn += Math.max(0, m - (pred.get(key) ?? 0));
  // Counts normalised to sum 1 (precision and recall do not depend on the scale).
  const total = tp + fp + fn;
  if (fp === 0 && fn === 0) return { precision: 1, recall: 1, f1: 1 };
  [tp, fp, fn] = [tp / total, fp / total, fn / total];
  if (tp === 0) return { precision: 0, recall: 0, f1: 0 };
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return { precision, recall, f1: harmonic(precision, recall) };
}

/** Average precision and recall over pages; F1 is the harmonic mean of the averages. */
export function meanScore(scores: PageScore[]): MeanScore {
  const n = scores.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0, pages: 0 };
  const precision = scores.reduce((s, x) => s + x.precision, 0) / n;
  const recall = scores.reduce((s, x) => s + x.recall, 0) / n;
  return { precision, recall, f1: harmonic(precision, recall), pages: n };
}
