/**
 * User Timing entries for `npm run bench`: `baca-bersih:<name>` measures around our work (the
 * content script's passes, extraction, the popup's steps) and marks for first visible effects.
 * Chromium shows entries made in the isolated world on the page's own performance timeline,
 * where the benchmark reads them.
 *
 * Only in instrumented builds (`BACA_BERSIH_PERF=1`, as the benchmark and the article guard build
 * it): in the shipped build every function here does nothing, so a page never sees our entries
 * (they would tell it the extension is there) and readers never pay for them.
 * Capped, so a long-lived page that keeps changing does not collect entries forever; never
 * throws (jsdom and old browsers lack parts of the API).
 */

/** Replaced at build time (wxt.config.ts); undefined in unit tests unless stubbed. */
declare const __BACA_BERSIH_PERF__: boolean | undefined;

export const PERF_ENABLED =
  typeof __BACA_BERSIH_PERF__ !== 'undefined' && __BACA_BERSIH_PERF__ === true;
const PERF_PREFIX = 'baca-bersih:';
const MAX_ENTRIES = 200;
let entries = 0;
const marked = new Set<string>();

function timeline(): Performance | null {
  if (!PERF_ENABLED) return null;
  const perf = globalThis.performance as Performance | undefined;
  return perf && typeof perf.measure === 'function' ? perf : null;
}

/** A start time for `measureSince`. */
export function perfNow(): number {
  if (!PERF_ENABLED) return 0;
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
  if (!PERF_ENABLED) return work();
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
