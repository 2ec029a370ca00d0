/** Small statistics for the benchmark: medians and percentiles of what was measured. */

export function quantile(values: number[], q: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

export const median = (values: number[]): number => quantile(values, 0.5);

export const sum = (values: number[]): number => values.reduce((total, v) => total + v, 0);

/** Rounded for JSON: NaN (nothing measured) becomes null. */
export function round(value: number, digits = 2): number | null {
  if (!Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Runs `work` and returns how long it took, in milliseconds. */
export function time(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * Our extraction against plain Readability: a warm-up of each (first-call compilation is not
 * what a reader waits for), then `runs` of each, alternated (ours first, then plain first), and
 * the medians. Pure, so the Chromium part can bundle it into a page.
 */
export function compareRuns(
  ours: () => { ok: boolean },
  plain: () => unknown,
  runs: number,
): { oursMs: number; readabilityMs: number; ok: boolean } {
  const ok = ours().ok;
  plain();
  const oursMs: number[] = [];
  const readabilityMs: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    if (run % 2 === 0) {
      oursMs.push(time(ours));
      readabilityMs.push(time(plain));
    } else {
      readabilityMs.push(time(plain));
      oursMs.push(time(ours));
    }
  }
  return { oursMs: median(oursMs), readabilityMs: median(readabilityMs), ok };
}
