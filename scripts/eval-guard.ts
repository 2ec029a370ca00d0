/**
 * Measures the article guard: every page of the readability, aeb and id-news corpora in real
 * Chromium with the built extension, every list (ours, ABPindo, EasyList served locally) and the
 * heuristics on, then which expected article text, headline or lead image the reader can no
 * longer see. Each page is compared with itself in the same tab with our stylesheets off, so
 * text the page never shows is not counted.
 *
 *   npm run eval:guard -- <corpora-dir> [--json FILE] [--max-pages-losing-text N] [--lists DIR]
 *     [--ext DIR] [--corpus NAME]... [--sample N] [--tabs N]
 *
 * Pages are served from a local server under their original hostnames (readability's test
 * pages, which have none, under fakehost); every other hostname fails to resolve. "Text not
 * shown": pages where none of the expected text is on screen even without our hiding (a page
 * script went elsewhere), so nothing there can be measured. Exits 1 when more than N pages lose
 * article text, 2 on a usage error.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { configureExtension, inWorker, launchBench, type BenchBrowser } from './bench/browser';
import { extensionToTest } from './bench/build';
import { startBenchServer, type BenchServer } from './bench/server';
import { isDirectory, listCorpus, type TruthRecord } from './lib/corpus';
import { losesArticle, measureLoss, type LossReport } from './lib/guard-loss';
import { guardSnapshot, type GuardSnapshot } from './lib/guard-snapshot';

const USAGE =
  'usage: npm run eval:guard -- <corpora-dir> [--json FILE] [--max-pages-losing-text N] ' +
  '[--lists DIR] [--ext DIR] [--corpus NAME]... [--sample N] [--tabs N]';
const CORPORA = ['readability', 'aeb', 'id-news'];
const STYLE_IDS = ['baca-bersih-autoclean', 'baca-bersih-lists', 'baca-bersih-lists-more'];
const LOAD_TIMEOUT_MS = 20_000;
const SETTLE_MAX_MS = 8_000;
const QUIET_MS = 750;
const PAGE_TIMEOUT_MS = 60_000;

interface Args {
  dir: string;
  json: string | null;
  maxLosing: number | null;
  lists: string | null;
  ext: string | null;
  corpora: string[];
  sample: number | null;
  tabs: number;
}

function fail(message: string): never {
  console.error(`eval:guard: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    dir: '',
    json: null,
    maxLosing: null,
    lists: null,
    ext: null,
    corpora: [],
    sample: null,
    tabs: 3,
  };
  const count = (flag: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) fail(`${flag} needs a whole number ≥ ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') args.json = argv[++i] ?? fail('--json needs a file');
    else if (arg === '--max-pages-losing-text') args.maxLosing = count(arg, argv[++i], 0);
    else if (arg === '--lists') args.lists = argv[++i] ?? fail('--lists needs a folder');
    else if (arg === '--ext') args.ext = resolve(argv[++i] ?? fail('--ext needs a folder'));
    else if (arg === '--corpus') args.corpora.push(argv[++i] ?? fail('--corpus needs a name'));
    else if (arg === '--sample') args.sample = count(arg, argv[++i], 1);
    else if (arg === '--tabs') args.tabs = count(arg, argv[++i], 1);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else args.dir = arg;
  }
  if (!args.dir) fail('no corpora folder');
  if (!isDirectory(args.dir)) fail(`not a folder: ${args.dir}`);
  if (args.corpora.length === 0) args.corpora = CORPORA;
  for (const name of args.corpora) {
    if (!CORPORA.includes(name)) fail(`unknown corpus ${name} (one of ${CORPORA.join(', ')})`);
  }
  return args;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

interface GuardPage {
  corpus: string;
  id: string;
  file: string;
  url: string;
  truth: TruthRecord;
}

/** `count` pages spread evenly over the list, the same ones every run. */
function spread<T>(items: T[], count: number | null): T[] {
  if (count === null || count >= items.length) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

/** A corpus's pages, each under its own URL: the original one where known and unique. */
function corpusPages(dir: string, corpus: string, sample: number | null): GuardPage[] {
  const seen = new Set<string>();
  const pages = listCorpus(join(dir, corpus)).flatMap((page) => {
    if (!page.truth || !existsSync(page.file)) return [];
    const original = page.truth.url;
    let url =
      typeof original === 'string' &&
      /^https?:\/\//.test(original) &&
      !original.includes('fakehost')
        ? original
        : `http://fakehost/test/${encodeURIComponent(page.id)}/page.html`;
    url = url.replace(/#.*$/, '');
    if (seen.has(url)) url += `${url.includes('?') ? '&' : '?'}bb-page=${page.id}`;
    seen.add(url);
    return [{ corpus, id: page.id, file: page.file, url, truth: page.truth }];
  });
  return spread(pages, sample);
}

interface PageResult {
  corpus: string;
  id: string;
  url: string;
  ms: number;
  error?: string;
  hidden?: number;
  skipped?: number;
  loss?: LossReport;
  losing?: boolean;
  /** Where the page ended up, when a page script navigated away. */
  finalUrl?: string;
}

interface CleanState {
  mode: string;
  hidden: number;
  skipped: number;
}

/** The content script's own counts, through the extension's message. */
function cleanState(browser: BenchBrowser, tabId: number): Promise<CleanState | null> {
  return inWorker(
    browser,
    async (id: number) => {
      try {
        const api = (globalThis as unknown as { chrome: ChromeTabsSend }).chrome;
        return (await api.tabs.sendMessage(
          id,
          { bacaBersih: 1, type: 'autoclean:state', data: null },
          { frameId: 0 },
        )) as CleanState;
      } catch {
        return null;
      }
    },
    tabId,
  );
}

interface ChromeTabsSend {
  tabs: {
    sendMessage(id: number, message: unknown, options: { frameId: number }): Promise<unknown>;
    create(props: { url: string; active: boolean }): Promise<{ id: number }>;
  };
}

/**
 * Cleaning has settled: the background's rules came, the heuristics ran, and what is hidden
 * and the list stylesheet stayed the same for QUIET_MS (or SETTLE_MAX_MS passed).
 */
async function settle(page: Page): Promise<void> {
  const deadline = Date.now() + SETTLE_MAX_MS;
  let last = '';
  let since = Date.now();
  while (Date.now() < deadline) {
    // A page script navigating away destroys the context: keep waiting for the new one.
    const state = await page
      .evaluate(() => {
        const started =
          performance.getEntriesByName('baca-bersih:rules').length > 0 &&
          performance.getEntriesByName('baca-bersih:heuristics').length > 0;
        const list = document.getElementById('baca-bersih-lists') as HTMLStyleElement | null;
        const rules = list?.sheet?.cssRules.length ?? 0;
        const marked = document.querySelectorAll('[data-bb-hidden]').length;
        return `${started}/${rules}/${marked}/${list?.textContent?.length ?? 0}`;
      })
      .catch(() => 'navigating');
    if (state !== last) {
      last = state;
      since = Date.now();
    } else if (state.startsWith('true') && Date.now() - since >= QUIET_MS) {
      return;
    }
    await page.waitForTimeout(150);
  }
}

interface Tab {
  page: Page;
  tabId: number;
}

async function openTab(browser: BenchBrowser): Promise<Tab> {
  const opened = browser.context.waitForEvent('page');
  const tabId = await inWorker(
    browser,
    async () => {
      const api = (globalThis as unknown as { chrome: ChromeTabsSend }).chrome;
      return (await api.tabs.create({ url: 'about:blank', active: false })).id;
    },
    null,
  );
  return { page: await opened, tabId };
}

async function measurePage(browser: BenchBrowser, tab: Tab, page: GuardPage): Promise<PageResult> {
  const started = Date.now();
  const result: PageResult = { corpus: page.corpus, id: page.id, url: page.url, ms: 0 };
  await tab.page
    .goto(page.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS })
    .catch(async (error: Error) => {
      // A page whose load event never comes is measured as it stands.
      if (!/Timeout/i.test(error.message)) throw error;
    });
  await settle(tab.page);
  const state = await cleanState(browser, tab.tabId);
  const snapshot = (await tab.page.evaluate(guardSnapshot, STYLE_IDS)) as GuardSnapshot;
  result.hidden = state?.hidden;
  result.skipped = state?.skipped;
  if (snapshot.url !== page.url) result.finalUrl = snapshot.url;
  result.loss = measureLoss(snapshot, page.truth);
  result.losing = losesArticle(result.loss);
  result.ms = Date.now() - started;
  return result;
}

interface Session {
  browser: BenchBrowser;
  tabs: Tab[];
}

async function startSession(
  extDir: string,
  server: BenchServer,
  hostnames: string[],
  lists: { id: string; title: string; url: string }[],
  tabs: number,
): Promise<Session> {
  const browser = await launchBench({ extensionDir: extDir, hostnames, port: server.port });
  await configureExtension(browser, lists);
  const opened: Tab[] = [];
  for (let i = 0; i < tabs; i += 1) opened.push(await openTab(browser));
  return { browser, tabs: opened };
}

/** A fresh tab in the slot; false when the browser itself is gone. */
async function replaceTab(session: Session, slot: number): Promise<boolean> {
  if (session.browser.context.pages().length === 0) return false;
  await session.tabs[slot].page.close().catch(() => undefined);
  const tab = await openTab(session.browser).catch(() => null);
  if (tab) session.tabs[slot] = tab;
  return tab !== null;
}

/** Runs the pages over the session's tabs; a crashed tab or browser is replaced. */
async function runPages(
  pages: GuardPage[],
  session: () => Promise<Session>,
  onResult: (result: PageResult) => void,
): Promise<void> {
  let current = await session();
  let next = 0;
  let restarting: Promise<void> | null = null;
  const worker = async (slot: number) => {
    while (next < pages.length) {
      const page = pages[next++];
      const started = Date.now();
      try {
        if (restarting) await restarting;
        const tab = current.tabs[slot];
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('page timed out (60 s)')), PAGE_TIMEOUT_MS);
        });
        try {
          onResult(await Promise.race([measurePage(current.browser, tab, page), timeout]));
        } finally {
          clearTimeout(timer);
        }
      } catch (error) {
        onResult({
          corpus: page.corpus,
          id: page.id,
          url: page.url,
          ms: Date.now() - started,
          error: (error as Error).message.split('\n')[0],
        });
        // The tab (or the browser) may be gone: replace it.
        const replaced = await replaceTab(current, slot);
        if (!replaced) {
          restarting ??= (async () => {
            await current.browser.close();
            current = await session();
          })().finally(() => (restarting = null));
          await restarting;
        }
      }
    }
  };
  await Promise.all(current.tabs.map((_, slot) => worker(slot)));
  await current.browser.close();
}

function describeLoss(result: PageResult): string[] {
  const loss = result.loss;
  if (!loss) return [];
  const lines = loss.runs.map(
    (run) =>
      `      lost ${run.words} words "${run.text.slice(0, 140)}${run.text.length > 140 ? '…' : ''}"` +
      ` ← ${run.causes.join('; ')}`,
  );
  if (loss.headlineLost) lines.push('      headline hidden');
  if (loss.leadImageLost) lines.push('      lead image hidden');
  lines.push(...loss.otherCauses.map((cause) => `      ${cause}`));
  return lines;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const listsDir = resolve(args.lists ?? join(args.dir, '..', 'filterlists'));
  const listFiles = ['abpindo', 'easylist'].map((id) => ({
    id,
    file: join(listsDir, `${id}.txt`),
  }));
  const missing = listFiles.filter((list) => !existsSync(list.file));
  if (missing.length) fail(`no filter list ${missing.map((m) => m.file).join(', ')}`);
  const pages = args.corpora.flatMap((corpus) =>
    isDirectory(join(args.dir, corpus)) ? corpusPages(args.dir, corpus, args.sample) : [],
  );
  if (pages.length === 0) fail(`no corpus pages under ${args.dir}`);

  const scratch = mkdtempSync(join(tmpdir(), 'baca-bersih-eval-guard-'));
  const server = await startBenchServer();
  const results: PageResult[] = [];
  try {
    const extDir =
      (await extensionToTest(args.ext, scratch)) ?? fail(`no built extension in ${args.ext}`);
    for (const page of pages) server.page(page.url, page.file);
    const lists = listFiles.map(({ id, file }) => ({
      id,
      title: id,
      url: server.file(`${id}.txt`, file),
    }));
    const hostnames = [...new Set(pages.map((page) => new URL(page.url).hostname.toLowerCase()))];
    log(`${pages.length} pages (${args.corpora.join(', ')}), ${args.tabs} tabs…`);
    const corpusStart = new Map<string, number>();
    const corpusEnd = new Map<string, number>();
    await runPages(
      pages,
      () => startSession(extDir, server, hostnames, lists, args.tabs),
      (result) => {
        corpusStart.set(result.corpus, corpusStart.get(result.corpus) ?? Date.now() - result.ms);
        corpusEnd.set(result.corpus, Date.now());
        results.push(result);
        const mark = result.error ? 'E' : result.losing ? '✗' : '·';
        process.stderr.write(mark);
        if (results.length % 60 === 0) process.stderr.write(` ${results.length}\n`);
      },
    );
    process.stderr.write('\n');

    const seconds = (ms: number) => Math.round(ms / 100) / 10;
    const summary = args.corpora.map((corpus) => {
      const mine = results.filter((r) => r.corpus === corpus);
      const losing = mine.filter((r) => r.losing);
      return {
        corpus,
        pages: mine.length,
        measured: mine.filter((r) => !r.error).length,
        errors: mine.filter((r) => r.error).length,
        /** Measured, but none of the expected text shows even without our hiding. */
        textNotShown: mine.filter((r) => r.loss && r.loss.shown === 0).length,
        pagesLosingText: losing.length,
        lostWords: losing.reduce((sum, r) => sum + (r.loss?.lostWords ?? 0), 0),
        hidden: mine.reduce((sum, r) => sum + (r.hidden ?? 0), 0),
        skippedByGuard: mine.reduce((sum, r) => sum + (r.skipped ?? 0), 0),
        runtimeS: seconds((corpusEnd.get(corpus) ?? 0) - (corpusStart.get(corpus) ?? 0)),
      };
    });
    const totalLosing = summary.reduce((sum, s) => sum + s.pagesLosingText, 0);

    console.log(
      `Article guard on ${pages.length} pages, lists: ours + ABPindo + EasyList, heuristics on`,
    );
    console.log(
      '| Corpus | Pages | Measured | Errors | Text not shown | Pages losing text | Hidden | Skipped by guard | Runtime |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const s of summary) {
      console.log(
        `| ${s.corpus} | ${s.pages} | ${s.measured} | ${s.errors} | ${s.textNotShown} | ${s.pagesLosingText} | ` +
          `${s.hidden} | ${s.skippedByGuard} | ${s.runtimeS} s |`,
      );
    }
    for (const result of results.filter((r) => r.losing)) {
      console.log(`  ✗ ${result.corpus}/${result.id} (${result.url})`);
      for (const line of describeLoss(result)) console.log(line);
    }
    for (const result of results.filter((r) => r.loss?.shown === 0)) {
      const where = result.finalUrl ? `, page went to ${result.finalUrl}` : '';
      console.log(`  text not shown ${result.corpus}/${result.id}${where}`);
    }
    for (const result of results.filter((r) => r.error)) {
      console.log(`  error ${result.corpus}/${result.id}: ${result.error}`);
    }
    const total = seconds(Date.now() - started);
    console.log(`Pages losing article text: ${totalLosing}; total ${total} s`);

    if (args.json) {
      mkdirSync(dirname(resolve(args.json)), { recursive: true });
      writeFileSync(args.json, JSON.stringify({ summary, totalSeconds: total, results }, null, 2));
    }
    if (args.maxLosing !== null && totalLosing > args.maxLosing) {
      console.error(
        `eval:guard: ${totalLosing} pages lose article text (at most ${args.maxLosing})`,
      );
      process.exitCode = 1;
    }
  } finally {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
