/**
 * Main-thread time the extension adds to a page load, from Chromium traces: the page's renderer
 * main thread, its top-level tasks summed over the first WINDOW_MS from navigation start (the
 * whole load, the first auto-clean pass and heuristics included), with the extension minus
 * without, median per page then over pages. A fixed window, because sums up to first paint or
 * to the load event move with those moments themselves. A preempted task still counts as long.
 * The added time is also broken down by trace event (style, layout, script compile, …), each
 * event's own time, to show where it goes.
 */
import type { CDPSession } from 'playwright-core';
import type { BenchBrowser } from './browser';
import type { SamplePage } from './sample';
import { median } from './stats';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
}

export interface MainThreadLoad {
  /** Main-thread busy time, ms, in the first WINDOW_MS from navigation start. */
  busyMs: number;
  /** The same time by trace event, each event's own time (its children's taken out), ms. */
  selfMs: Record<string, number>;
}

export interface MainThreadPage {
  id: string;
  withMs: number;
  withoutMs: number;
  addedMs: number;
  /** Median own time added, by trace event name. */
  addedSelfMs: Record<string, number>;
}

export interface MainThreadResult {
  windowMs: number;
  pages: MainThreadPage[];
  /** Median over pages of the busy time added, ms, and of with/without. */
  addedMs: number;
  ratio: number;
  /** Median over pages of the own time added, by trace event name, largest first. */
  addedByEvent: [string, number][];
}

export const WINDOW_MS = 2000;

const CATEGORIES = ['toplevel', 'loading', 'blink.user_timing', 'devtools.timeline', '__metadata'];
const TASK = 'ThreadControllerImpl::RunTask';

async function traceEvents(cdp: CDPSession, load: () => Promise<unknown>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES } });
  await load();
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

/** Busy time of the page's renderer main thread (the one that painted), or null without FCP. */
export function mainThreadLoad(events: TraceEvent[], windowMs = WINDOW_MS): MainThreadLoad | null {
  const fcp = events.find((event) => event.name === 'firstContentfulPaint');
  if (!fcp) return null;
  const start = events.filter((e) => e.name === 'navigationStart' && e.pid === fcp.pid).at(-1);
  if (!start) return null;
  const end = start.ts + windowMs * 1000;
  const thread = events.filter(
    (e) => e.ph === 'X' && e.pid === fcp.pid && e.tid === fcp.tid && e.dur !== undefined,
  );
  const tasks = thread.filter((e) => e.name === TASK && e.ts >= start.ts && e.ts < end);
  const busyMs = tasks.reduce((total, task) => total + (task.dur ?? 0) / 1000, 0);
  return { busyMs, selfMs: selfTimes(thread, start.ts, end) };
}

/** Own time by event name, in [from, to): each event's duration less its direct children's. */
export function selfTimes(thread: TraceEvent[], from: number, to: number): Record<string, number> {
  const sorted = thread
    .filter((event) => event.ts >= from && event.ts < to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self: Record<string, number> = {};
  const open: TraceEvent[] = [];
  for (const event of sorted) {
    while (open.length > 0) {
      const top = open[open.length - 1];
      if (event.ts < top.ts + (top.dur ?? 0)) break;
      open.pop();
    }
    const parent = open.at(-1);
    const ms = (event.dur ?? 0) / 1000;
    self[event.name] = (self[event.name] ?? 0) + ms;
    if (parent) self[parent.name] -= Math.min(ms, (parent.dur ?? 0) / 1000);
    open.push(event);
  }
  return self;
}

async function tracedLoad(browser: BenchBrowser, url: string): Promise<MainThreadLoad | null> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    const events = await traceEvents(cdp, async () => {
      const started = Date.now();
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
      await page.waitForTimeout(Math.max(0, WINDOW_MS + 200 - (Date.now() - started)));
    });
    return mainThreadLoad(events);
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function measureMainThread(
  withExt: BenchBrowser,
  plain: BenchBrowser,
  pages: SamplePage[],
  runs: number,
): Promise<MainThreadResult> {
  const samples = pages.map(() => ({
    with: [] as MainThreadLoad[],
    without: [] as MainThreadLoad[],
  }));
  for (let run = 0; run < runs; run += 1) {
    for (const [index, page] of pages.entries()) {
      const order = (run + index) % 2 === 0 ? [true, false] : [false, true];
      for (const extension of order) {
        const load = await tracedLoad(extension ? withExt : plain, page.url).catch(() => null);
        if (load) samples[index][extension ? 'with' : 'without'].push(load);
      }
    }
  }
  const result: MainThreadPage[] = [];
  pages.forEach((page, index) => {
    const { with: on, without: off } = samples[index];
    if (on.length === 0 || off.length === 0) return;
    const withMs = median(on.map((s) => s.busyMs));
    const withoutMs = median(off.map((s) => s.busyMs));
    const names = new Set([...on, ...off].flatMap((s) => Object.keys(s.selfMs)));
    const addedSelfMs: Record<string, number> = {};
    for (const name of names) {
      const self = (samples: MainThreadLoad[]) => median(samples.map((s) => s.selfMs[name] ?? 0));
      addedSelfMs[name] = self(on) - self(off);
    }
    result.push({ id: page.id, withMs, withoutMs, addedMs: withMs - withoutMs, addedSelfMs });
  });
  const names = new Set(result.flatMap((p) => Object.keys(p.addedSelfMs)));
  const addedByEvent = [...names]
    .map((name): [string, number] => [name, median(result.map((p) => p.addedSelfMs[name] ?? 0))])
    .sort((a, b) => b[1] - a[1]);
  return {
    windowMs: WINDOW_MS,
    pages: result,
    addedMs: median(result.map((p) => p.addedMs)),
    ratio: median(result.map((p) => p.withMs / p.withoutMs)),
    addedByEvent,
  };
}
