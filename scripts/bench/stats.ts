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
