/**
 * Performance benchmarks, one run on real pages, every figure beside its budget.
 *
 *   npm run bench -- [--json FILE] [--pages N] [--runs N] [--popup-runs N] [--ext DIR]
 *                    [--only PART,PART]   (parts: size, summary, engine, extraction,
 *                                          extraction-chromium, page-load, main-thread, popup)
 *
 * Builds the extension into a temporary folder (or uses --ext DIR), serves a sample of the
 * id-news and aeb corpora under their original URLs from a local server (every other hostname
 * fails to resolve: nothing reaches the internet) and measures, in the same run:
 *  - page load with vs without the extension (load event, first contentful paint), and the
 *    main-thread time it adds before each (Chromium traces),
 *  - the content script's own main-thread work (its `baca-bersih:*` User Timing entries),
 *  - when list CSS and the first hide land, against first paint,
 *  - extraction (ours vs plain Readability, same jsdom Document; and the same in Chromium, on
 *    the live page), summary, the popup reader,
 *  - the background engine (load from its serialized cache, worker heap), bundle sizes.
 * Prints a table and writes JSON (default artifacts/bench/bench.json). Exits 0 whatever the
 * figures: it is a report. Timings belong here, never in tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  cachedEngineBytes,
  configureExtension,
  launchBench,
  workerHeap,
  type BenchBrowser,
} from './bench/browser';
import { extensionToTest } from './bench/build';
import { findChromium } from './lib/browser';
import { measureEngine } from './bench/engine';
import { measureExtraction, type ExtractionTiming } from './bench/extraction';
import { measureExtractionInChromium } from './bench/extraction-chromium';
import { measureMainThread, WINDOW_MS, type MainThreadResult } from './bench/main-thread';
import { measurePageLoads, ownTasks, type LoadSample, type PageLoads } from './bench/page-load';
import { measurePopup, type PopupTiming } from './bench/popup';
import { ms, printTable, ratio, type Row } from './bench/report';
import { CORPORA, hostOf, samplePages } from './bench/sample';
import { startBenchServer } from './bench/server';
import { CONTENT_SCRIPT_BUDGET_BYTES, contentScriptsSize, entrypointSizes, kB } from './bench/size';
import { median, quantile, round, sum } from './bench/stats';
import { measureSummary } from './bench/summary';

const PARTS = [
  'size',
  'summary',
  'engine',
  'extraction',
  'extraction-chromium',
  'page-load',
  'main-thread',
  'popup',
] as const;
type Part = (typeof PARTS)[number];

const USAGE =
  'usage: npm run bench -- [--json FILE] [--pages N] [--runs N] [--popup-runs N] [--ext DIR]\n' +
  `                        [--only PART,PART]  (parts: ${PARTS.join(', ')}; default all)`;

const BUDGET = {
  pageLoadRatio: 1.05,
  heuristicsMs: 16,
  pipelineVsReadability: 1.2,
  summaryMs: 10,
  popupMs: 150,
};

const DEMO_HOST = 'mojokerto.disway.id';
/** Traced loads are heavier: fewer pages and runs than the plain page loads. */
const MAIN_THREAD_PAGES = 10;
const MAIN_THREAD_RUNS = 3;
const LISTS = {
  abpindo: '../shared/filterlists/abpindo.txt',
  easylist: '../shared/filterlists/easylist.txt',
};
const INDOSUM = join(CORPORA, 'indosum/dev.01.jsonl');

interface Args {
  json: string;
  pages: number;
  runs: number;
  popupRuns: number;
  ext: string | null;
  only: Set<Part>;
}

function fail(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    json: 'artifacts/bench/bench.json',
    pages: 20,
    runs: 3,
    popupRuns: 7,
    ext: null,
    only: new Set(PARTS),
  };
  const count = (flag: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) fail(`${flag} needs a positive whole number`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') args.json = argv[++i] ?? fail('--json needs a file');
    else if (arg === '--pages') args.pages = count(arg, argv[++i]);
    else if (arg === '--runs') args.runs = count(arg, argv[++i]);
    else if (arg === '--popup-runs') args.popupRuns = count(arg, argv[++i]);
    else if (arg === '--ext') args.ext = resolve(argv[++i] ?? fail('--ext needs a folder'));
    else if (arg === '--only') args.only = parseParts(argv[++i] ?? fail('--only needs parts'));
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument ${arg}`);
  }
  return args;
}

function parseParts(value: string): Set<Part> {
  const parts = value.split(',').map((part) => part.trim());
  const unknown = parts.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) fail(`unknown part ${unknown.join(', ')}`);
  return new Set(parts as Part[]);
}

const SECTION_PART: Record<string, Part> = {
  'Page load': 'page-load',
  'Main thread': 'main-thread',
  'Content script': 'page-load',
  Banners: 'page-load',
  Extraction: 'extraction',
  'In Chromium': 'extraction-chromium',
  Summary: 'summary',
  Popup: 'popup',
  Size: 'size',
};

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Figures of one page, from its loads with and without the extension. */
function pageFigures(result: PageLoads) {
  const loads = (samples: LoadSample[]) => samples.map((s) => s.load);
  const fcps = (samples: LoadSample[]) =>
    samples.map((s) => s.fcp).filter((v): v is number => v !== null);
  const longTotal = (samples: LoadSample[]) =>
    median(samples.map((s) => sum(s.longTasks.map((t) => t.duration))));
  const own = result.with.map((s) => sum(ownTasks(s)));
  const longestOwn = result.with.map((s) => Math.max(0, ...ownTasks(s)));
  const heuristics = result.with
    .map((s) => s.measures.heuristics?.[0])
    .filter((v): v is number => v !== undefined);
  const heuristicsMax = result.with.flatMap((s) => s.measures.heuristics ?? []);
  const maxOf = (values: number[]) => (values.length ? Math.max(...values) : Number.NaN);
  const loadWith = median(loads(result.with));
  const loadWithout = median(loads(result.without));
  const fcpWith = median(fcps(result.with));
  const fcpWithout = median(fcps(result.without));
  // Banners: list CSS against first paint (first visit of the host vs repeat visits), and
  // the first element hidden against first contentful paint.
  const cssBeforePaint = result.with.map((s) => {
    const css = s.marks['list-css'];
    const paint = s.firstPaint ?? s.fcp;
    return css !== undefined && paint !== null ? css <= paint : null;
  });
  const hideAfterFcp = result.with
    .map((s) =>
      s.marks['first-hide'] !== undefined && s.fcp !== null ? s.marks['first-hide'] - s.fcp : null,
    )
    .filter((v): v is number => v !== null);
  const heuristicsDoneAfterFcp = result.with
    .map((s) => {
      const start = s.starts.heuristics?.[0];
      const duration = s.measures.heuristics?.[0];
      return start !== undefined && duration !== undefined && s.fcp !== null
        ? start + duration - s.fcp
        : null;
    })
    .filter((v): v is number => v !== null);
  const rulesAfterStart = result.with
    .map((s) =>
      s.marks.rules !== undefined && s.starts.start?.[0] !== undefined
        ? s.marks.rules - s.starts.start[0]
        : null,
    )
    .filter((v): v is number => v !== null);
  // Median per run of the time in each of our measures (nested ones included).
  const names = [...new Set(result.with.flatMap((s) => Object.keys(s.measures)))].sort();
  const breakdownMs = Object.fromEntries(
    names.map((name) => [name, round(median(result.with.map((s) => sum(s.measures[name] ?? []))))]),
  );
  return {
    id: result.page.id,
    corpus: result.page.corpus,
    url: result.page.url,
    error: result.error,
    runs: { with: result.with.length, without: result.without.length },
    loadWithMs: loadWith,
    loadWithoutMs: loadWithout,
    loadRatio: loadWith / loadWithout,
    fcpWithMs: fcpWith,
    fcpWithoutMs: fcpWithout,
    fcpRatio: fcpWith / fcpWithout,
    ownWorkMs: median(own),
    longestOwnTaskMs: median(longestOwn),
    heuristicsMs: median(heuristics),
    heuristicsMaxMs: maxOf(heuristicsMax),
    heuristicsPasses: median(result.with.map((s) => s.measures.heuristics?.length ?? 0)),
    ticks: median(result.with.map((s) => s.measures.tick?.length ?? 0)),
    longTasksWithMs: longTotal(result.with),
    longTasksWithoutMs: longTotal(result.without),
    listCssBeforePaint: cssBeforePaint,
    /** Share of loads where something was hidden. */
    hidSomething:
      result.with.filter((s) => s.marks['first-hide'] !== undefined).length /
      Math.max(1, result.with.length),
    firstHideAfterFcpMs: median(hideAfterFcp),
    heuristicsDoneAfterFcpMs: median(heuristicsDoneAfterFcp),
    rulesAnswerMs: median(rulesAfterStart),
    breakdownMs,
  };
}

const roundTiming = (e: ExtractionTiming) => ({
  ...e,
  oursMs: round(e.oursMs),
  readabilityMs: round(e.readabilityMs),
  ratio: round(e.ratio, 3),
});

function chromiumVersion(): string {
  try {
    const out = execFileSync(findChromium(), ['--version'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return /[\d.]+\.\d+/.exec(out.toString())?.[0] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const scratch = mkdtempSync(join(tmpdir(), 'baca-bersih-bench-'));
  const browsers: BenchBrowser[] = [];
  const server = await startBenchServer();
  try {
    const extDir =
      (await extensionToTest(args.ext, scratch)) ?? fail(`no built extension in ${args.ext}`);

    const pages = samplePages(args.pages);
    if (pages.length === 0) fail(`no corpus pages under ${CORPORA}`);
    for (const page of pages) server.page(page.url, page.file);
    server.folder(DEMO_HOST, 'tests/fixtures');
    const listUrls = Object.entries(LISTS)
      .filter(([, file]) => existsSync(file))
      .map(([id, file]) => ({ id, title: id, url: server.file(`${id}.txt`, resolve(file)) }));
    const hostnames = [...new Set([...pages.map((p) => hostOf(p.url)), DEMO_HOST])];

    // ---- Sizes, summary, engine, extraction: Node only.
    const run = (part: Part) => args.only.has(part);
    const sizes = entrypointSizes(extDir);
    const content = contentScriptsSize(extDir);
    let summary: ReturnType<typeof measureSummary> | null = null;
    if (run('summary') && existsSync(INDOSUM)) {
      log('Summary…');
      summary = measureSummary(INDOSUM);
    }
    let engine: ReturnType<typeof measureEngine> | null = null;
    if (run('engine')) {
      log('Background engine (Node)…');
      engine = measureEngine(LISTS);
    }
    let extraction: ReturnType<typeof measureExtraction> = [];
    if (run('extraction')) {
      log(`Extraction on ${pages.length} pages (jsdom)…`);
      extraction = measureExtraction(pages, 3);
    }

    // ---- Browsers.
    const browsing = run('page-load') || run('main-thread') || run('popup');
    let withExt: BenchBrowser | null = null;
    let plain: BenchBrowser | null = null;
    if (browsing) {
      log('Starting Chromium with and without the extension…');
      withExt = await launchBench({ extensionDir: extDir, hostnames, port: server.port });
      browsers.push(withExt);
    }
    if (run('page-load') || run('main-thread') || run('extraction-chromium')) {
      plain = await launchBench({ extensionDir: null, hostnames, port: server.port });
      browsers.push(plain);
    }
    const lists = withExt && listUrls.length ? await configureExtension(withExt, listUrls) : null;
    const chromium = chromiumVersion();

    let loads: PageLoads[] = [];
    if (withExt && plain && run('page-load')) {
      log(`Page loads: ${pages.length} pages × ${args.runs} runs, alternated…`);
      loads = await measurePageLoads(withExt, plain, pages, args.runs, (done, total) => {
        if (done % 10 === 0 || done === total) log(`  ${done}/${total}`);
      });
    }
    let mainThread: MainThreadResult | null = null;
    if (withExt && plain && run('main-thread')) {
      const traced = pages.slice(0, MAIN_THREAD_PAGES);
      log(`Main thread: ${traced.length} pages × ${MAIN_THREAD_RUNS} traced loads each way…`);
      mainThread = await measureMainThread(withExt, plain, traced, MAIN_THREAD_RUNS);
    }
    let extractionChromium: ExtractionTiming[] = [];
    if (plain && run('extraction-chromium')) {
      log(`Extraction on ${pages.length} pages (Chromium)…`);
      extractionChromium = await measureExtractionInChromium(plain, pages, 5);
    }
    let popup: PopupTiming | null = null;
    if (withExt && run('popup')) {
      log(`Popup reader: ${args.popupRuns} rounds…`);
      popup = await measurePopup(
        withExt,
        `http://${DEMO_HOST}/disway-article.html`,
        args.popupRuns,
      ).catch((error: unknown) => {
        log(`  popup failed: ${error instanceof Error ? error.message : error}`);
        return null;
      });
    }
    let heap: Awaited<ReturnType<typeof workerHeap>> = null;
    let engineCacheBytes = 0;
    if (withExt) {
      const heapPage = await withExt.context.newPage();
      heap = await workerHeap(withExt, heapPage);
      await heapPage.close();
      engineCacheBytes = await cachedEngineBytes(withExt).catch(() => 0);
    }

    // ---- Figures.
    const perPage = loads.map(pageFigures);
    const measured = perPage.filter((p) => !p.error || p.runs.with > 0);
    const col = (pick: (p: (typeof perPage)[number]) => number) =>
      measured.map(pick).filter((v) => Number.isFinite(v));
    const loadRatio = median(col((p) => p.loadRatio));
    const fcpRatio = median(col((p) => p.fcpRatio));
    const heuristicsTypical = median(col((p) => p.heuristicsMs));
    const heuristicsP90 = quantile(
      col((p) => p.heuristicsMs),
      0.9,
    );
    const worst = col((p) => p.heuristicsMaxMs);
    const heuristicsWorst = worst.length ? Math.max(...worst) : Number.NaN;
    const ownWork = median(col((p) => p.ownWorkMs));
    const ownWorkP90 = quantile(
      col((p) => p.ownWorkMs),
      0.9,
    );
    const longestOwn = quantile(
      col((p) => p.longestOwnTaskMs),
      0.9,
    );
    const longTaskDelta = median(col((p) => p.longTasksWithMs - p.longTasksWithoutMs));
    // A host's first visit: its first page in the first round (the warm-up loaded page 1).
    const seenHosts = new Set([hostOf(pages[0].url)]);
    const firstVisit = new Set<string>();
    for (const page of pages.slice(1)) {
      if (!seenHosts.has(hostOf(page.url))) firstVisit.add(page.id);
      seenHosts.add(hostOf(page.url));
    }
    const css = (first: boolean) =>
      measured.flatMap((p) =>
        p.listCssBeforePaint.filter(
          (v, i): v is boolean => v !== null && (i === 0 && firstVisit.has(p.id)) === first,
        ),
      );
    const cssRepeat = css(false);
    const cssFirst = css(true);
    const firstHide = median(col((p) => p.firstHideAfterFcpMs));
    const heuristicsDone = median(col((p) => p.heuristicsDoneAfterFcpMs));
    const rulesAnswer = median(col((p) => p.rulesAnswerMs));
    const extractionFigures = (timings: ExtractionTiming[]) => {
      const ok = timings.filter((e) => Number.isFinite(e.ratio));
      return {
        pages: ok.length,
        median: median(ok.map((e) => e.ratio)),
        total: sum(ok.map((e) => e.oursMs)) / sum(ok.map((e) => e.readabilityMs)),
      };
    };
    const inJsdom = extractionFigures(extraction);
    const inChromium = extractionFigures(extractionChromium);
    const pipelineVsReadability = inJsdom.median;
    const extractionTotal = inJsdom.total;
    const share = (values: boolean[]) =>
      values.length ? `${values.filter(Boolean).length}/${values.length} loads` : 'n/a';

    const allRows: Row[] = [
      {
        section: 'Page load',
        measure: 'load event, with/without extension (median of pages)',
        figure: ratio(loadRatio),
        budget: `≤ ${BUDGET.pageLoadRatio}`,
        pass: loadRatio <= BUDGET.pageLoadRatio,
      },
      {
        section: 'Page load',
        measure: 'first contentful paint, with/without',
        figure: ratio(fcpRatio),
        budget: `≤ ${BUDGET.pageLoadRatio}`,
        pass: fcpRatio <= BUDGET.pageLoadRatio,
      },
      {
        section: 'Main thread',
        measure: `busy time added in a load's first ${WINDOW_MS / 1000} s / with÷without (traced, ${mainThread?.pages.length ?? 0} pages)`,
        figure: mainThread ? `${ms(mainThread.addedMs)} / ${ratio(mainThread.ratio)}` : '–',
        budget: '',
        pass: null,
      },
      {
        section: 'Main thread',
        measure: 'the time added by trace event, own time (median of pages, top 5)',
        figure: mainThread
          ? mainThread.addedByEvent
              .slice(0, 5)
              .map(([name, added]) => `${name} ${ms(added)}`)
              .join(' · ')
          : '–',
        budget: '',
        pass: null,
      },
      {
        section: 'Content script',
        measure: 'heuristic pass, typical page (median)',
        figure: ms(heuristicsTypical),
        budget: `< ${BUDGET.heuristicsMs} ms`,
        pass: heuristicsTypical < BUDGET.heuristicsMs,
      },
      {
        section: 'Content script',
        measure: 'heuristic pass, p90 page / slowest pass',
        figure: `${ms(heuristicsP90)} / ${ms(heuristicsWorst)}`,
        budget: '',
        pass: null,
      },
      {
        section: 'Content script',
        measure: 'own main-thread work per page, median / p90',
        figure: `${ms(ownWork)} / ${ms(ownWorkP90)}`,
        budget: '',
        pass: null,
      },
      {
        section: 'Content script',
        measure: 'longest single task of ours (p90 page)',
        figure: ms(longestOwn),
        budget: '',
        pass: null,
      },
      {
        section: 'Content script',
        measure: 'page long-task time added (median)',
        figure: ms(longTaskDelta),
        budget: '',
        pass: null,
      },
      {
        section: 'Banners',
        measure: 'site CSS in place before first paint (repeat visits)',
        figure: share(cssRepeat),
        budget: 'all',
        pass: cssRepeat.length > 0 && cssRepeat.every(Boolean),
      },
      {
        section: 'Banners',
        measure: 'site CSS before first paint (first visit of a host)',
        figure: share(cssFirst),
        budget: '',
        pass: null,
      },
      {
        section: 'Banners',
        measure: 'first banner hidden / heuristics done, after FCP',
        figure: `${ms(firstHide, 0)} / ${ms(heuristicsDone, 0)}`,
        budget: '',
        pass: null,
      },
      {
        section: 'Banners',
        measure: "background's rules answer, after script start",
        figure: ms(rulesAnswer),
        budget: '',
        pass: null,
      },
      {
        section: 'Extraction',
        measure: `ours/Readability, jsdom, median of ${inJsdom.pages} pages (all: ${ratio(inJsdom.total)})`,
        figure: ratio(pipelineVsReadability),
        budget: `≤ ${BUDGET.pipelineVsReadability}`,
        pass: pipelineVsReadability <= BUDGET.pipelineVsReadability,
      },
      {
        section: 'In Chromium',
        measure: `ours/Readability, same pages live, median of ${inChromium.pages} (all: ${ratio(inChromium.total)})`,
        figure: ratio(inChromium.median),
        budget: `≤ ${BUDGET.pipelineVsReadability}`,
        pass: inChromium.median <= BUDGET.pipelineVsReadability,
      },
      {
        section: 'Summary',
        measure: summary
          ? `summarize(), ${summary.words} words (median of ${summary.runs})`
          : 'summarize() (no IndoSum file)',
        figure: ms(summary?.medianMs, 2),
        budget: `≤ ${BUDGET.summaryMs} ms`,
        pass: summary ? summary.medianMs <= BUDGET.summaryMs : null,
      },
      {
        section: 'Popup',
        measure: `open to .reader-article painted, median of ${args.popupRuns}`,
        figure: ms(popup?.firstOpenMedianMs, 0),
        budget: `≤ ${BUDGET.popupMs} ms`,
        pass: popup ? popup.firstOpenMedianMs <= BUDGET.popupMs : null,
      },
      {
        section: 'Popup',
        measure: 'second open (cached per page load)',
        figure: ms(popup?.secondOpenMedianMs, 0),
        budget: `≤ ${BUDGET.popupMs} ms`,
        pass: popup ? popup.secondOpenMedianMs <= BUDGET.popupMs : null,
      },
      {
        section: 'Popup',
        measure: "sidebar's key points painted, first / second open (after the article)",
        figure: popup
          ? `${ms(popup.firstKeyPointsMs, 0)} / ${ms(popup.secondKeyPointsMs, 0)}`
          : '–',
        budget: '',
        pass: null,
      },
      {
        section: 'Popup',
        measure: 'first open, step by step (ms from navigation start)',
        figure: popup ? popupSteps(popup.firstOpenSteps) : '–',
        budget: '',
        pass: null,
      },
      {
        section: 'Background',
        measure: engine
          ? `engine load from serialized cache (${kB(engine.serializedBytes)}; build ${ms(engine.buildMs, 0)})`
          : 'engine load from serialized cache',
        figure: ms(engine?.loadMs),
        budget: '',
        pass: null,
      },
      {
        section: 'Background',
        measure: 'service worker after the run: JS heap used / array buffers',
        figure: heap
          ? `${(heap.usedBytes / 1e6).toFixed(1)} / ${heap.backingStorageBytes === null ? 'n/a' : (heap.backingStorageBytes / 1e6).toFixed(1)} MB`
          : 'n/a',
        budget: '',
        pass: null,
      },
      ...sizes.map((entry): Row => ({
        section: 'Size',
        measure: `${entry.name} (${entry.kind}), raw ${kB(entry.rawBytes)}`,
        figure: `${kB(entry.gzipBytes)} gz`,
        budget: '',
        pass: null,
      })),
      {
        section: 'Size',
        // The instrumented build: a few hundred bytes over the shipped one that check:size gates.
        measure: `content scripts on every page (${content.files.join(', ')}), instrumented`,
        figure: `${kB(content.gzipBytes)} gz`,
        budget: `≤ ${kB(CONTENT_SCRIPT_BUDGET_BYTES)}`,
        pass: content.gzipBytes <= CONTENT_SCRIPT_BUDGET_BYTES,
      },
    ];
    // Only the rows of the parts that ran.
    const rows = allRows.filter((row) => {
      if (row.measure.startsWith('engine load')) return run('engine');
      if (row.section === 'Background') return browsing;
      return run(SECTION_PART[row.section] ?? 'size');
    });

    const seconds = (Date.now() - started) / 1000;
    const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Chromium ${chromium}`;
    console.log(`\nBaca Bersih benchmarks — ${new Date().toISOString().slice(0, 10)}`);
    console.log(`Machine: ${machine}`);
    console.log(
      `Sample: ${perPage.length} pages (${pages.filter((p) => p.corpus === 'id-news').length} id-news, ` +
        `${pages.filter((p) => p.corpus === 'aeb').length} aeb) × ${args.runs} runs each way; ` +
        `auto-clean on every site with ${lists ? Object.keys(lists.ruleCounts).join(' + ') : 'no downloaded'} lists; ` +
        `${Math.round(seconds)} s\n`,
    );
    console.log(printTable(rows));
    const failedPages = perPage.filter((p) => p.error);
    if (failedPages.length) {
      console.log(
        `\nPages that failed to load: ${failedPages.map((p) => `${p.id} (${p.error})`).join('; ')}`,
      );
    }

    const json = {
      date: new Date().toISOString(),
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model.trim() ?? null,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        chromium,
      },
      config: {
        pages: perPage.length,
        runs: args.runs,
        popupRuns: args.popupRuns,
        parts: [...args.only],
        autoCleanScope: 'all-sites',
        lists: lists?.ruleCounts ?? {},
        tls: server.tls,
        seconds: Math.round(seconds),
      },
      pipelineVsReadability: round(pipelineVsReadability, 3),
      pageLoadRatio: round(loadRatio, 3),
      fcpRatio: round(fcpRatio, 3),
      mainThreadAddedMs: mainThread ? round(mainThread.addedMs) : null,
      mainThreadRatio: mainThread ? round(mainThread.ratio, 3) : null,
      summaryMs1500: summary ? round(summary.medianMs) : null,
      popupArticleMs: popup ? round(popup.firstOpenMedianMs, 1) : null,
      popupArticleMsSecondOpen: popup ? round(popup.secondOpenMedianMs, 1) : null,
      popupKeyPointsMs: popup ? round(popup.firstKeyPointsMs, 1) : null,
      contentScriptGzipBytes: content.gzipBytes,
      contentScriptFiles: content.files,
      heuristicsMsMedian: round(heuristicsTypical),
      heuristicsMsP90: round(heuristicsP90),
      heuristicsMsMax: round(heuristicsWorst),
      contentScriptWorkMsMedian: round(ownWork),
      contentScriptWorkMsP90: round(ownWorkP90),
      contentScriptLongestTaskMsP90: round(longestOwn),
      longTaskMsAddedMedian: round(longTaskDelta),
      listCssBeforeFirstPaint: {
        repeat: { before: cssRepeat.filter(Boolean).length, loads: cssRepeat.length },
        firstVisit: { before: cssFirst.filter(Boolean).length, loads: cssFirst.length },
      },
      firstHideAfterFcpMs: round(firstHide, 1),
      heuristicsDoneAfterFcpMs: round(heuristicsDone, 1),
      rulesAnswerMs: round(rulesAnswer, 1),
      extractionTotalRatio: round(extractionTotal, 3),
      pipelineVsReadabilityChromium: round(inChromium.median, 3),
      extractionTotalRatioChromium: round(inChromium.total, 3),
      engineLoadMs: engine ? round(engine.loadMs) : null,
      engineBuildMs: engine ? round(engine.buildMs) : null,
      engineSerializedBytes: engine?.serializedBytes ?? null,
      engineCachedBytesInWorker: engineCacheBytes,
      workerHeapUsedBytes: heap?.usedBytes ?? null,
      workerHeapTotalBytes: heap?.totalBytes ?? null,
      workerArrayBufferBytes: heap?.backingStorageBytes ?? null,
      budgets: BUDGET,
      table: rows,
      details: {
        sizes,
        pages: perPage.map((p) => ({
          ...p,
          loadRatio: round(p.loadRatio, 3),
          fcpRatio: round(p.fcpRatio, 3),
        })),
        extraction: extraction.map(roundTiming),
        extractionChromium: extractionChromium.map(roundTiming),
        summary,
        popup,
        mainThread,
        engine,
        missedRequests: server.missed.length,
      },
    };
    mkdirSync(dirname(resolve(args.json)), { recursive: true });
    writeFileSync(args.json, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`\nJSON: ${args.json}`);
  } finally {
    for (const browser of browsers) await browser.close();
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // The figures never fail the run; a benchmark that could not run does.
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);

/** `script 40 · settings-and-tab 52 · …`, in the order the steps ended; durations after. */
function popupSteps(steps: Record<string, number>): string {
  const entries = Object.entries(steps);
  const at = entries
    .filter(([name]) => !name.endsWith('(duration)'))
    .sort(([, a], [, b]) => a - b)
    .map(([name, value]) => `${name.replace(/^popup:/, '')} ${Math.round(value)}`);
  const took = entries
    .filter(([name]) => name.endsWith('(duration)'))
    .map(([name, value]) => `${name.replace(' (duration)', '')} took ${Math.round(value)}`);
  return [at.join(' · '), ...took].join('; ');
}
