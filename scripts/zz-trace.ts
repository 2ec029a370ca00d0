import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configureExtension, launchBench, type BenchBrowser } from './bench/browser';
import { hostOf, samplePages } from './bench/sample';
import { startBenchServer } from './bench/server';

const builds = process.argv.slice(2).map((a) => a.split('='));
const server = await startBenchServer();
const pages = samplePages(16);
for (const page of pages) server.page(page.url, page.file);
const lists = ['abpindo', 'easylist'].map((id) => ({ id, title: id, url: server.file(`${id}.txt`, resolve(`../shared/filterlists/${id}.txt`)) }));
const hostnames = pages.map((p) => hostOf(p.url));
const browsers: [string, BenchBrowser][] = [];
for (const [name, dir] of builds) {
  const b = await launchBench({ extensionDir: dir, hostnames, port: server.port });
  await configureExtension(b, lists);
  browsers.push([name, b]);
}
browsers.push(['none', await launchBench({ extensionDir: null, hostnames, port: server.port })]);

async function traced(b: BenchBrowser, url: string) {
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'loading', 'blink.user_timing', 'devtools.timeline', '__metadata'] } } as any);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(400);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const nav = events.filter((e) => e.name === 'navigationStart' && fcp && e.pid === fcp.pid).at(-1);
  const load = events.filter((e) => (e.name === 'MarkLoad' || e.name === 'loadEventStart') && fcp && e.pid === fcp.pid).map((e) => e.ts);
  if (!fcp || !nav) return null;
  const main = events.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'));
  const tLoad = load.length ? Math.max(...load) : null;
  const busy = (t1: number, t2: number) => main.filter((e) => e.ts >= t1 && e.ts < t2 && e.name === 'ThreadControllerImpl::RunTask').reduce((a, e) => a + e.dur / 1000, 0);
  const busy2 = (t1: number, t2: number) => main.filter((e) => e.ts >= t1 && e.ts < t2 && e.name === 'RunTask').reduce((a, e) => a + e.dur / 1000, 0);
  return { fcp: (fcp.ts - nav.ts) / 1000, load: tLoad ? (tLoad - nav.ts) / 1000 : null, busyFcp: Math.max(busy(nav.ts, fcp.ts), busy2(nav.ts, fcp.ts)), busyLoad: tLoad ? Math.max(busy(nav.ts, tLoad), busy2(nav.ts, tLoad)) : null, busy1s: Math.max(busy(nav.ts, nav.ts + 1.5e6), busy2(nav.ts, nav.ts + 1.5e6)) };
}
const out: any[] = [];
const runs = Number(process.env.RUNS ?? 3);
for (let r = 0; r < runs; r++) for (const page of pages) for (const [name, b] of r % 2 ? [...browsers].reverse() : browsers) {
  const res = await traced(b, page.url).catch(() => null);
  if (res) out.push({ page: page.id, name, run: r, ...res });
}
writeFileSync('/work/scratch/trace/busy.json', JSON.stringify(out));
for (const [, b] of browsers) await b.close();
process.exit(0);
