/**
 * Before/after in the same conditions: several builds of the extension and a browser without
 * it, measured in one run. Page loads are rotated per page (every browser loads the page in
 * turn, the order shifting each round, a fresh tab each); the popup rounds alternate between
 * the builds. Prints, per build, the median over pages of load event and first contentful
 * paint with/without (as `npm run bench` does), the popup's first and second open, and when
 * the sidebar's key points are painted in a first open.
 *
 *   npx tsx scripts/bench-compare.ts [--pages N] [--runs N] [--popup-runs N] NAME=DIR NAME=DIR…
 *
 * DIR is a built extension (e.g. `npx tsx scripts/build-to.ts /tmp/before` on the old commit
 * gives /tmp/before/chrome-mv3). Exits 0 whatever the figures: it is a report.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { configureExtension, launchBench, type BenchBrowser } from './bench/browser';
import { warnIfNotInstrumented } from './bench/build';
import { loadOnce, type LoadSample } from './bench/page-load';
import { measurePopup } from './bench/popup';
import { hostOf, samplePages } from './bench/sample';
import { startBenchServer } from './bench/server';
import { median } from './bench/stats';

const USAGE =
  'usage: npx tsx scripts/bench-compare.ts [--pages N] [--runs N] [--popup-runs N] NAME=DIR NAME=DIR…';
const DEMO_HOST = 'mojokerto.disway.id';
const LISTS = ['abpindo', 'easylist'];

function fail(message: string): never {
  console.error(`bench-compare: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const args = { pages: 20, runs: 4, popupRuns: 6, builds: [] as { name: string; dir: string }[] };
  const count = (flag: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) fail(`${flag} needs a whole number`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--pages') args.pages = count(arg, argv[++i]);
    else if (arg === '--runs') args.runs = count(arg, argv[++i]);
    else if (arg === '--popup-runs') args.popupRuns = count(arg, argv[++i]);
    else if (/^[\w.-]+=/.test(arg)) {
      const [name, dir] = [
        arg.slice(0, arg.indexOf('=')),
        resolve(arg.slice(arg.indexOf('=') + 1)),
      ];
      if (!existsSync(join(dir, 'manifest.json'))) fail(`no built extension in ${dir}`);
      warnIfNotInstrumented(dir);
      args.builds.push({ name, dir });
    } else fail(`unknown argument ${arg}`);
  }
  if (args.builds.length === 0) fail('name at least one build');
  return args;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const server = await startBenchServer();
  const browsers: { name: string; browser: BenchBrowser }[] = [];
  try {
    const pages = samplePages(args.pages);
    for (const page of pages) server.page(page.url, page.file);
    server.folder(DEMO_HOST, 'tests/fixtures');
    const lists = LISTS.map((id) => ({ id, file: resolve(`../shared/filterlists/${id}.txt`) }))
      .filter(({ file }) => existsSync(file))
      .map(({ id, file }) => ({ id, title: id, url: server.file(`${id}.txt`, file) }));
    const hostnames = [...new Set([...pages.map((p) => hostOf(p.url)), DEMO_HOST])];
    for (const build of args.builds) {
      const browser = await launchBench({ extensionDir: build.dir, hostnames, port: server.port });
      browsers.push({ name: build.name, browser });
      if (lists.length) await configureExtension(browser, lists);
    }
    const plain = await launchBench({ extensionDir: null, hostnames, port: server.port });
    browsers.push({ name: '', browser: plain });

    // name → page id → samples
    const samples = new Map<string, Map<string, LoadSample[]>>();
    if (pages.length > 0 && args.runs > 0) {
      for (const { browser } of browsers) {
        await loadOnce(browser, pages[0].url, false).catch(() => undefined);
      }
    }
    for (let run = 0; run < args.runs; run += 1) {
      for (const [index, page] of pages.entries()) {
        const shift = (run + index) % browsers.length;
        for (const { name, browser } of [...browsers.slice(shift), ...browsers.slice(0, shift)]) {
          const sample = await loadOnce(browser, page.url, name !== '').catch(() => null);
          if (!sample) continue;
          const byPage = samples.get(name) ?? new Map<string, LoadSample[]>();
          samples.set(name, byPage);
          byPage.set(page.id, [...(byPage.get(page.id) ?? []), sample]);
        }
      }
      log(`page loads: round ${run + 1}/${args.runs}`);
    }

    const popups = new Map<string, { first: number[]; second: number[]; keyPoints: number[] }>();
    const builds = browsers.filter((b) => b.name !== '');
    for (let run = 0; run < args.popupRuns; run += 1) {
      for (const { name, browser } of run % 2 === 0 ? builds : [...builds].reverse()) {
        const timing = await measurePopup(browser, `http://${DEMO_HOST}/disway-article.html`, 1);
        const entry = popups.get(name) ?? { first: [], second: [], keyPoints: [] };
        popups.set(name, entry);
        entry.first.push(...timing.firstOpenMs);
        entry.second.push(...timing.secondOpenMs);
        entry.keyPoints.push(timing.firstKeyPointsMs);
      }
      log(`popup: round ${run + 1}/${args.popupRuns}`);
    }

    const without = samples.get('') ?? new Map<string, LoadSample[]>();
    const ratio = (name: string, pick: (s: LoadSample) => number | null) => {
      const ratios = pages.flatMap((page) => {
        const a = (samples.get(name)?.get(page.id) ?? []).map(pick).filter((v) => v !== null);
        const b = (without.get(page.id) ?? []).map(pick).filter((v) => v !== null);
        return a.length && b.length ? [median(a) / median(b)] : [];
      });
      return { value: median(ratios), pages: ratios.length };
    };
    const fixed = (value: number, digits: number) =>
      Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
    console.log(
      `\n${pages.length} pages × ${args.runs} runs per browser, rotated; popup ${args.popupRuns} rounds per build, alternated\n`,
    );
    console.log(
      '| Build | Load event, with/without | FCP, with/without | Popup first / second open | Key points, first open |',
    );
    console.log(
      '| ----- | -----------------------: | ----------------: | ------------------------: | ---------------------: |',
    );
    for (const { name } of builds) {
      const load = ratio(name, (s) => s.load);
      const fcp = ratio(name, (s) => s.fcp);
      const popup = popups.get(name);
      const open = popup
        ? `${fixed(median(popup.first), 0)} / ${fixed(median(popup.second), 0)} ms`
        : 'n/a';
      const keyPoints = popup ? `${fixed(median(popup.keyPoints), 0)} ms` : 'n/a';
      console.log(
        `| ${name} | ${fixed(load.value, 3)} | ${fixed(fcp.value, 3)} | ${open} | ${keyPoints} |`,
      );
    }
  } finally {
    for (const { browser } of browsers) await browser.close();
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
