import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { launchBench } from './bench/browser';
import { hostOf, samplePages } from './bench/sample';
import { startBenchServer } from './bench/server';
const out = (await build({ configFile: false, logLevel: 'silent', resolve: { alias: { '@': resolve('.') } },
  build: { write: false, minify: false, lib: { entry: resolve('scripts/bench/zz-prof-page.ts'), formats: ['iife'], name: 'ZZ', fileName: 'zz' } } })) as Rolldown.RolldownOutput[];
const code = (Array.isArray(out) ? out[0] : out).output[0].code;
const server = await startBenchServer();
const pages = samplePages(20);
for (const p of pages) server.page(p.url, p.file);
const b = await launchBench({ extensionDir: null, hostnames: [...new Set(pages.map((p) => hostOf(p.url)))], port: server.port });
const self = new Map<string, number>();
const incl = new Map<string, number>();
let total = 0;
for (const p of pages) {
  const page = await b.context.newPage();
  await page.goto(p.url, { waitUntil: 'load' });
  await page.evaluate(code);
  await page.evaluate(({ url }) => (window as any).ZZ.run(document, url, 3), { url: p.url });
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.evaluate(({ url }) => (window as any).ZZ.run(document, url, 20), { url: p.url });
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const dt: number[] = profile.timeDeltas;
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const counts = new Map<number, number>();
  profile.samples.forEach((id: number, i: number) => counts.set(id, (counts.get(id) ?? 0) + (dt[i + 1] ?? 0)));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (const [id, us] of counts) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur).callFrame;
      const key = `${f.functionName || '(anon)'}:${f.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + us);
    }
  }
  for (const [id, us] of counts) {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  }
  await page.close();
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 45);
console.log('total ms per extraction (avg over pages):', (total / 1000 / 20 / 20).toFixed(2));
for (const [k, us] of rows) console.log(((us / total) * 100).toFixed(1).padStart(5) + '%', (us / 1000 / 400).toFixed(3), k);
console.log('--- inclusive');
for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 70)) console.log(((us / total) * 100).toFixed(1).padStart(5) + '%', (us / 1000 / 400).toFixed(3), k);
await b.close(); process.exit(0);
