/**
 * Page loads with and without the extension, alternated (A B, B A, ...), each in a fresh tab:
 * load event and first contentful paint from the page's own timeline, our content script's
 * User Timing entries (`baca-bersih:*`, made in its isolated world and visible on the page's
 * timeline in Chromium) and the page's long tasks.
 */
import type { Page } from 'playwright-core';
import type { BenchBrowser } from './browser';
import type { SamplePage } from './sample';

export interface LoadSample {
  /** loadEventStart, ms from navigation start. */
  load: number;
  fcp: number | null;
  firstPaint: number | null;
  /** Our measures: name (without prefix) → durations, in order. */
  measures: Record<string, number[]>;
  /** Start of each measure, same order as `measures`. */
  starts: Record<string, number[]>;
  /** Our marks: name → time from navigation start. */
  marks: Record<string, number>;
  longTasks: { startTime: number; duration: number }[];
}

export interface PageLoads {
  page: SamplePage;
  with: LoadSample[];
  without: LoadSample[];
  error?: string;
}

/**
 * Our work in one load, as the durations of its stretches: the union of all our measures (some
 * nest inside others, e.g. `list-pass` in `tick`; the first pass's `index`, `split` and `region`
 * run in tasks of their own).
 */
export function ownTasks(sample: Pick<LoadSample, 'measures' | 'starts'>): number[] {
  const spans = Object.entries(sample.measures)
    .flatMap(([name, durations]) =>
      durations.map((duration, i) => {
        const start = sample.starts[name]?.[i] ?? 0;
        return { start, end: start + duration };
      }),
    )
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged.map((span) => span.end - span.start);
}

async function collect(page: Page, waitForCleaner: boolean): Promise<LoadSample> {
  // FCP can come a little after the load event; the first heuristic pass runs after the first
  // paint, in idle periods, once the main content script started (at the load event in
  // Chromium). A build whose main script never starts (a control build in bench-compare) is
  // waited for 1 s after the load event, not the full timeout, so its loads do not leave
  // pauses that quieten the machine for the other builds' loads.
  await page
    .waitForFunction(
      (cleaner) => {
        const paints = performance.getEntriesByType('paint').length > 0;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const started = performance.getEntriesByName('baca-bersih:start').length > 0;
        const idle =
          !started && nav.loadEventEnd > 0 && performance.now() > nav.loadEventEnd + 1000;
        const done =
          !cleaner || idle || performance.getEntriesByName('baca-bersih:heuristics').length > 0;
        return paints && done;
      },
      waitForCleaner,
      { timeout: 3000, polling: 50 },
    )
    .catch(() => undefined);
  if (waitForCleaner) await page.waitForTimeout(50);
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const paint = (name: string) =>
      performance.getEntriesByType('paint').find((entry) => entry.name === name)?.startTime ?? null;
    const measures: Record<string, number[]> = {};
    const starts: Record<string, number[]> = {};
    for (const entry of performance.getEntriesByType('measure')) {
      if (!entry.name.startsWith('baca-bersih:')) continue;
      const name = entry.name.slice('baca-bersih:'.length);
      (measures[name] ??= []).push(entry.duration);
      (starts[name] ??= []).push(entry.startTime);
    }
    const marks: Record<string, number> = {};
    for (const entry of performance.getEntriesByType('mark')) {
      // The first of each: the early and the main content script may both mark it.
      const name = entry.name.slice('baca-bersih:'.length);
      if (entry.name.startsWith('baca-bersih:') && !(name in marks)) marks[name] = entry.startTime;
    }
    const long = (window as unknown as { __bbLongTasks?: LoadSample['longTasks'] }).__bbLongTasks;
    return {
      load: nav.loadEventStart,
      fcp: paint('first-contentful-paint'),
      firstPaint: paint('first-paint'),
      measures,
      starts,
      marks,
      longTasks: [...(long ?? [])],
    };
  });
}

/** One load in a fresh tab; `cleaner`: wait for the content script's first heuristic pass too. */
export async function loadOnce(browser: BenchBrowser, url: string, cleaner: boolean) {
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
    return await collect(page, cleaner);
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function measurePageLoads(
  withExtension: BenchBrowser,
  without: BenchBrowser,
  pages: SamplePage[],
  runs: number,
  progress: (done: number, total: number) => void,
): Promise<PageLoads[]> {
  // Warm both browsers up (process start, first compile) on the first page.
  if (pages[0]) {
    for (const browser of [withExtension, without]) {
      await loadOnce(browser, pages[0].url, false).catch(() => undefined);
    }
  }
  const results: PageLoads[] = pages.map((page) => ({ page, with: [], without: [] }));
  let done = 0;
  // Rounds go over every page before the next round, so a page's runs are spread in time.
  for (let run = 0; run < runs; run += 1) {
    for (const result of results) {
      if (result.error) continue;
      const order: [BenchBrowser, boolean][] =
        run % 2 === 0
          ? [
              [withExtension, true],
              [without, false],
            ]
          : [
              [without, false],
              [withExtension, true],
            ];
      try {
        for (const [browser, cleaner] of order) {
          const sample = await loadOnce(browser, result.page.url, cleaner);
          (cleaner ? result.with : result.without).push(sample);
        }
      } catch (error) {
        result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
      }
      done += 1;
      progress(done, runs * results.length);
    }
  }
  return results;
}
