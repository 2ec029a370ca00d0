/**
 * Main-thread time the extension adds to a page load, from Chromium traces: the page's renderer
 * main thread, its top-level tasks summed from navigation start to first contentful paint and to
 * the load event, with the extension minus without, median per page then over pages. Steadier
 * than load-event ratios on a busy machine (it counts work, not waiting), though a preempted
 * task still counts as long.
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
  /** Main-thread busy time, ms, from navigation start to FCP and to the load event. */
  beforeFcpMs: number;
  beforeLoadMs: number | null;
  fcpMs: number;
}

export interface MainThreadPage {
  id: string;
  addedBeforeFcpMs: number;
  addedBeforeLoadMs: number | null;
}

export interface MainThreadResult {
  pages: MainThreadPage[];
  addedBeforeFcpMs: number;
  addedBeforeLoadMs: number;
}

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

/** Busy time of the renderer main thread that painted, or null when the trace has no FCP. */
export function mainThreadLoad(events: TraceEvent[]): MainThreadLoad | null {
  const fcp = events.find((event) => event.name === 'firstContentfulPaint');
  if (!fcp) return null;
  const sameThread = (event: TraceEvent) => event.pid === fcp.pid && event.tid === fcp.tid;
  const start = events.filter((e) => e.name === 'navigationStart' && e.pid === fcp.pid).at(-1);
  if (!start) return null;
  const loads = events.filter((e) => e.name === 'MarkLoad' && e.pid === fcp.pid).map((e) => e.ts);
  const tasks = events.filter((e) => e.ph === 'X' && e.name === TASK && sameThread(e));
  const busy = (end: number) =>
    tasks
      .filter((task) => task.ts >= start.ts && task.ts < end)
      .reduce((total, task) => total + (task.dur ?? 0) / 1000, 0);
  const loadAt = loads.length > 0 ? Math.max(...loads) : null;
  return {
    beforeFcpMs: busy(fcp.ts),
    beforeLoadMs: loadAt === null ? null : busy(loadAt),
    fcpMs: (fcp.ts - start.ts) / 1000,
  };
}

async function tracedLoad(browser: BenchBrowser, url: string): Promise<MainThreadLoad | null> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    const events = await traceEvents(cdp, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
      // FCP can come a little after the load event.
      await page.waitForTimeout(300);
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
    const loadsOn = on.flatMap((s) => (s.beforeLoadMs === null ? [] : [s.beforeLoadMs]));
    const loadsOff = off.flatMap((s) => (s.beforeLoadMs === null ? [] : [s.beforeLoadMs]));
    result.push({
      id: page.id,
      addedBeforeFcpMs:
        median(on.map((s) => s.beforeFcpMs)) - median(off.map((s) => s.beforeFcpMs)),
      addedBeforeLoadMs:
        loadsOn.length && loadsOff.length ? median(loadsOn) - median(loadsOff) : null,
    });
  });
  const loadAdded = result.flatMap((p) =>
    p.addedBeforeLoadMs === null ? [] : [p.addedBeforeLoadMs],
  );
  return {
    pages: result,
    addedBeforeFcpMs: median(result.map((p) => p.addedBeforeFcpMs)),
    addedBeforeLoadMs: loadAdded.length ? median(loadAdded) : Number.NaN,
  };
}
