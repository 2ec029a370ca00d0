/**
 * The toolbar reader on the demo page: open /popup.html?tab=ID&layout=popup until
 * `.reader-article` is painted, timed inside the popup from its navigation start (Element
 * Timing on the article's title and on the key points; for builds without it, the frame after
 * they appear), and until the sidebar's key points are painted. Each round
 * reloads the article tab (a new page load: the extractor is injected and runs again), then
 * opens the reader twice: the second open gets the extractor's cached answer.
 */
import type { Page } from 'playwright-core';
import { openTab, type BenchBrowser } from './browser';
import { median } from './stats';

/** When each step of a first open ended, ms from the popup's navigation start (medians). */
export type PopupSteps = Record<string, number>;

export interface PopupTiming {
  runs: number;
  /** First opens: the popup's `baca-bersih:popup:*` marks and the page's extraction time. */
  firstOpenSteps: PopupSteps;
  firstOpenMs: number[];
  secondOpenMs: number[];
  /** Time the article node appeared (before its paint), first opens. */
  firstAppearMs: number[];
  firstOpenMedianMs: number;
  secondOpenMedianMs: number;
  /** The sidebar's key points painted (medians), first and second opens. */
  firstKeyPointsMs: number;
  secondKeyPointsMs: number;
}

const VIEWPORT = { width: 780, height: 580 };

/**
 * Runs in the popup before its scripts. The paints come from Element Timing (the reader's title
 * carries `elementtiming="reader-article"`, the key points `elementtiming="key-points"`): the
 * time the frame was presented, which later tasks cannot push back. Builds without those
 * attributes fall back to the frame after each appears.
 */
function watchArticle(): void {
  type Watch = {
    appear?: number;
    framed?: number;
    painted?: number;
    digestFramed?: number;
    digest?: number;
  };
  const state: Watch = {};
  (window as unknown as { __bbReader: Watch }).__bbReader = state;
  const nextFrame = (set: (time: number) => void) =>
    requestAnimationFrame(() => setTimeout(() => set(performance.now()), 0));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { identifier?: string })[]) {
      const { renderTime } = entry as PerformanceEntry & { renderTime?: number };
      const time = renderTime || entry.startTime;
      if (entry.identifier === 'reader-article') state.painted ??= time;
      if (entry.identifier === 'key-points') state.digest ??= time;
    }
  }).observe({ type: 'element', buffered: true });
  const observer = new MutationObserver(() => {
    if (state.appear === undefined && document.querySelector('.reader-article')) {
      state.appear = performance.now();
      // Builds without the title's elementtiming: the frame after the article appears.
      nextFrame((time) => (state.framed = time));
    }
    if (
      state.digestFramed === undefined &&
      document.querySelector('aside.summary:not([aria-busy])')
    ) {
      state.digestFramed = Number.NaN;
      nextFrame((time) => (state.digestFramed = time));
      observer.disconnect();
    }
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributeFilter: ['aria-busy'],
  });
}

interface OpenTiming {
  appear: number;
  painted: number;
  /** Key points in the sidebar, painted. */
  digest: number;
  marks: Record<string, number>;
}

async function openReader(browser: BenchBrowser, tabId: number): Promise<OpenTiming> {
  const page: Page = await browser.context.newPage();
  try {
    await page.setViewportSize(VIEWPORT);
    await page.addInitScript(watchArticle);
    await page.goto(
      `chrome-extension://${browser.extension?.id}/popup.html?tab=${tabId}&layout=popup`,
    );
    await page.waitForFunction(
      () => {
        const watch = (window as unknown as { __bbReader: Record<string, number | undefined> })
          .__bbReader;
        return watch.framed !== undefined && !Number.isNaN(watch.digestFramed ?? Number.NaN);
      },
      null,
      { timeout: 20_000, polling: 50 },
    );
    // Element timing entries are delivered a little after the frame.
    await page.waitForTimeout(100);
    const watch = await page.evaluate(
      () => (window as unknown as { __bbReader: Record<string, number | undefined> }).__bbReader,
    );
    const timing = {
      appear: watch.appear ?? Number.NaN,
      painted: watch.painted ?? watch.framed ?? Number.NaN,
      digest: watch.digest ?? watch.digestFramed ?? Number.NaN,
    };
    const marks = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((mark) => mark.name.startsWith('baca-bersih:'))
          .map((mark) => [mark.name.slice('baca-bersih:'.length), mark.startTime]),
      ),
    );
    return { ...timing, marks };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function measurePopup(
  browser: BenchBrowser,
  url: string,
  runs: number,
): Promise<PopupTiming> {
  const { page, tabId } = await openTab(browser, url);
  const first: OpenTiming[] = [];
  const extractMs: number[] = [];
  const second: OpenTiming[] = [];
  try {
    // Warm-up round: the popup's first ever open compiles its code.
    await openReader(browser, tabId);
    for (let run = 0; run < runs; run += 1) {
      await page.reload({ waitUntil: 'load' });
      first.push(await openReader(browser, tabId));
      extractMs.push(await lastExtraction(page));
      second.push(await openReader(browser, tabId));
    }
  } finally {
    await page.close().catch(() => undefined);
  }
  const firstOpenMs = first.map((t) => t.painted);
  const steps: PopupSteps = {};
  for (const name of new Set(first.flatMap((t) => Object.keys(t.marks)))) {
    steps[name] = median(first.flatMap((t) => (name in t.marks ? [t.marks[name]] : [])));
  }
  steps['article-appears'] = median(first.map((t) => t.appear));
  if (extractMs.length > 0) steps['extraction in the page (duration)'] = median(extractMs);
  const secondOpenMs = second.map((t) => t.painted);
  return {
    runs,
    firstOpenSteps: steps,
    firstOpenMs,
    secondOpenMs,
    firstAppearMs: first.map((t) => t.appear),
    firstOpenMedianMs: median(firstOpenMs),
    secondOpenMedianMs: median(secondOpenMs),
    firstKeyPointsMs: median(first.map((t) => t.digest)),
    secondKeyPointsMs: median(second.map((t) => t.digest)),
  };
}

/** How long the page's last extraction took (its `baca-bersih:extract` measure). */
async function lastExtraction(page: Page): Promise<number> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByName('baca-bersih:extract');
    return entries.at(-1)?.duration ?? Number.NaN;
  });
}
