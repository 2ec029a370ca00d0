/**
 * User Timing entries for `npm run bench`: `baca-bersih:<name>` measures around our work (the
 * content script's passes, extraction, the popup's steps) and marks for first visible effects.
 * Chromium shows entries made in the isolated world on the page's own performance timeline,
 * where the benchmark reads them.
 * Capped, so a long-lived page that keeps changing does not collect entries forever; never
 * throws (jsdom and old browsers lack parts of the API).
 */

export const PERF_PREFIX = 'baca-bersih:';
const MAX_ENTRIES = 200;
let entries = 0;
const marked = new Set<string>();

function timeline(): Performance | null {
  const perf = globalThis.performance as Performance | undefined;
  return perf && typeof perf.measure === 'function' ? perf : null;
}

/** A start time for `measureSince`. */
export function perfNow(): number {
  return globalThis.performance?.now() ?? 0;
}

export function measureSince(name: string, start: number): void {
  const perf = timeline();
  if (!perf || entries >= MAX_ENTRIES) return;
  entries += 1;
  try {
    perf.measure(PERF_PREFIX + name, { start, end: perf.now() });
  } catch {
    // Not supported here.
  }
}

/** Runs `work` inside a measure. */
export function timed<T>(name: string, work: () => T): T {
  const start = perfNow();
  try {
    return work();
  } finally {
    measureSince(name, start);
  }
}

/** A mark for the first time something happens on this page (first list CSS, first hide). */
export function markOnce(name: string): void {
  const perf = timeline();
  if (!perf || marked.has(name)) return;
  marked.add(name);
  try {
    perf.mark(PERF_PREFIX + name);
  } catch {
    // Not supported here.
  }
}
