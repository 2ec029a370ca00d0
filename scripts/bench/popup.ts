/**
 * The toolbar reader on the demo page: open /popup.html?tab=ID&layout=popup until
 * `.reader-article` is painted, timed inside the popup from its navigation start (a
 * MutationObserver sees the article appear; the next frame after it is the paint). Each round
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
}

const VIEWPORT = { width: 780, height: 580 };

/** Runs in the popup before its scripts: records when the article appears and is painted. */
function watchArticle(): void {
  const state = window as unknown as { __bbReader?: { appear: number; painted: number } };
  const seen = () => {
    if (!document.querySelector('.reader-article')) return false;
    const appear = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => (state.__bbReader = { appear, painted: performance.now() }), 0),
    );
    return true;
  };
  const observer = new MutationObserver(() => seen() && observer.disconnect());
  observer.observe(document, { childList: true, subtree: true });
}

interface OpenTiming {
  appear: number;
  painted: number;
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
    const handle = await page.waitForFunction(
      () => (window as unknown as { __bbReader?: { appear: number; painted: number } }).__bbReader,
      null,
      { timeout: 20_000, polling: 20 },
    );
    const timing = (await handle.jsonValue()) as { appear: number; painted: number };
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
  const second: number[] = [];
  try {
    // Warm-up round: the popup's first ever open compiles its code.
    await openReader(browser, tabId);
    for (let run = 0; run < runs; run += 1) {
      await page.reload({ waitUntil: 'load' });
      first.push(await openReader(browser, tabId));
      extractMs.push(await lastExtraction(page));
      second.push((await openReader(browser, tabId)).painted);
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
  return {
    runs,
    firstOpenSteps: steps,
    firstOpenMs,
    secondOpenMs: second,
    firstAppearMs: first.map((t) => t.appear),
    firstOpenMedianMs: median(firstOpenMs),
    secondOpenMedianMs: median(second),
  };
}

/** How long the page's last extraction took (its `baca-bersih:extract` measure). */
async function lastExtraction(page: Page): Promise<number> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByName('baca-bersih:extract');
    return entries.at(-1)?.duration ?? Number.NaN;
  });
}
