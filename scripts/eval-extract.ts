/**
 * Scores our extraction and plain @mozilla/readability on a corpus with the
 * article-extraction-benchmark metric, plus readerable accuracy.
 *
 *   npm run eval:extract -- <corpus-dir> [--json FILE] [--min-f1 X]
 *     [--min-readerable-accuracy X] [--no-worse-than-readability] [--same-metadata-as-whole-page]
 *
 * --same-metadata-as-whole-page also extracts each page with Readability on the whole page (not
 * the story alone) and fails when the title, byline, date, site, lead image, excerpt, language
 * or direction differ.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { type ExtractResult, extractArticle } from '@/lib/extract';
import { meanScore, type MeanScore, type PageScore, scorePage } from './lib/aeb';
import { isDirectory, listCorpus, readHtml } from './lib/corpus';
import { closeDocument, makeDocument } from './lib/dom';
import { pageFromHtml } from './lib/page';

interface Args {
  dir: string;
  json: string | null;
  minF1: number | null;
  minReaderable: number | null;
  noWorse: boolean;
  sameMetadata: boolean;
}

const USAGE =
  'usage: eval-extract <corpus-dir> [--json FILE] [--min-f1 X] [--min-readerable-accuracy X] [--no-worse-than-readability] [--same-metadata-as-whole-page]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    dir: '',
    json: null,
    minF1: null,
    minReaderable: null,
    noWorse: false,
    sameMetadata: false,
  };
  const number = (flag: string, value: string | undefined) => {
    const n = Number(value);
    if (value === undefined || Number.isNaN(n)) fail(`${flag} needs a number\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = argv[++i] ?? fail(`--json needs a file\n${USAGE}`);
    else if (arg === '--min-f1') args.minF1 = number(arg, argv[++i]);
    else if (arg === '--min-readerable-accuracy') args.minReaderable = number(arg, argv[++i]);
    else if (arg === '--no-worse-than-readability') args.noWorse = true;
    else if (arg === '--same-metadata-as-whole-page') args.sameMetadata = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else args.dir = arg;
  }
  if (!args.dir) fail(USAGE);
  if (!isDirectory(args.dir)) fail(`not a folder: ${args.dir}`);
  return args;
}

interface PageResult {
  id: string;
  ours: PageScore | null;
  readability: PageScore | null;
  /** Expected readerable value, when known. */
  expectedReaderable: boolean | null;
  oursReaderable: boolean;
  readabilityReaderable: boolean;
  /** What differs from reading the whole page (only with --same-metadata-as-whole-page). */
  metadataChanges: string[];
  error?: string;
}

interface SetResult {
  name: string;
  pages: PageResult[];
  ours: MeanScore;
  readability: MeanScore;
  readerable: { pages: number; ours: number | null; readability: number | null };
  seconds: number;
}

function plainReadability(html: string, url: string): { text: string; readerable: boolean } {
  const doc = makeDocument(html, url);
  const readerable = isProbablyReaderable(doc);
  const text = new Readability(doc).parse()?.textContent ?? '';
  closeDocument(doc);
  return { text, readerable };
}

/** The article's metadata, field by field, as text. */
function metadataOf(result: ExtractResult): Record<string, string> {
  if (!result.ok) return { result: result.reason };
  const a = result.article;
  const fields = { title: a.title, byline: a.byline, publishedTime: a.publishedTime };
  const more = { siteName: a.siteName, leadImage: a.leadImage?.src, excerpt: a.excerpt };
  const entries = Object.entries({ ...fields, ...more, lang: a.lang, dir: a.dir });
  return Object.fromEntries(entries.map(([key, value]) => [key, JSON.stringify(value ?? null)]));
}

/** The fields where `ours` differs from `whole`: "byline: "A" -> "B"". */
function metadataChanges(ours: ExtractResult, whole: ExtractResult): string[] {
  const a = metadataOf(whole);
  const b = metadataOf(ours);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((key) => a[key] !== b[key]).map((key) => `${key}: ${a[key]} -> ${b[key]}`);
}

/** Scores one folder. Pages without ground truth are non-articles: only readerable is checked. */
function evaluate(dir: string, name: string, sameMetadata: boolean): SetResult {
  const start = Date.now();
  const pages: PageResult[] = [];
  for (const page of listCorpus(dir)) {
    const truth = page.truth;
    const expectedReaderable = truth ? (truth.readerable ?? null) : false;
    try {
      const html = readHtml(page.file);
      const { doc, url } = pageFromHtml(html, page.file, truth?.url);
      // Forced, so text is scored even where we would not offer the reader; readerable is kept apart.
      const result = extractArticle(doc, { url, force: true });
      const whole = sameMetadata
        ? extractArticle(doc, { url, force: true, wholePage: true })
        : null;
      closeDocument(doc);
      const ours = result.ok ? result.article.textContent : '';
      const plain = plainReadability(html, url);
      const scored = truth?.articleBody !== undefined;
      pages.push({
        id: page.id,
        ours: scored ? scorePage(ours, truth.articleBody ?? '') : null,
        readability: scored ? scorePage(plain.text, truth.articleBody ?? '') : null,
        expectedReaderable,
        oursReaderable: result.ok && result.article.readerable,
        readabilityReaderable: plain.readerable,
        metadataChanges: whole ? metadataChanges(result, whole) : [],
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`${name}/${page.id}: ${message}`);
      const zero = { precision: 0, recall: 0, f1: 0 };
      pages.push({
        id: page.id,
        ours: truth ? zero : null,
        readability: truth ? zero : null,
        expectedReaderable,
        oursReaderable: false,
        readabilityReaderable: false,
        metadataChanges: [],
        error: message,
      });
    }
  }
  const scored = pages.filter((p) => p.ours && p.readability);
  const judged = pages.filter((p) => p.expectedReaderable !== null);
  const accuracy = (pick: (p: PageResult) => boolean) =>
    judged.length
      ? judged.filter((p) => pick(p) === p.expectedReaderable).length / judged.length
      : null;
  return {
    name,
    pages,
    ours: meanScore(scored.map((p) => p.ours as PageScore)),
    readability: meanScore(scored.map((p) => p.readability as PageScore)),
    readerable: {
      pages: judged.length,
      ours: accuracy((p) => p.oursReaderable),
      readability: accuracy((p) => p.readabilityReaderable),
    },
    seconds: (Date.now() - start) / 1000,
  };
}

const f3 = (n: number) => n.toFixed(3);
const prf = (s: PageScore) => `${f3(s.precision)} ${f3(s.recall)} ${f3(s.f1)}`;

function print(set: SetResult): void {
  console.log(`\n## ${set.name}`);
  if (set.ours.pages > 0) {
    console.log(`${'page'.padEnd(44)} ours P R F1          readability P R F1`);
    for (const page of set.pages) {
      if (!page.ours || !page.readability) continue;
      const mark = page.ours.f1 + 0.005 < page.readability.f1 ? '  <' : '';
      console.log(
        `${page.id.slice(0, 44).padEnd(44)} ${prf(page.ours)}   ${prf(page.readability)}${mark}`,
      );
    }
  }
  for (const page of set.pages) {
    if (page.expectedReaderable !== null && page.oursReaderable !== page.expectedReaderable) {
      console.log(
        `readerable wrong: ${page.id} (ours ${page.oursReaderable}, expected ${page.expectedReaderable})`,
      );
    }
  }
  if (set.ours.pages > 0) {
    console.log(
      `mean ours:        P ${f3(set.ours.precision)} R ${f3(set.ours.recall)} F1 ${f3(set.ours.f1)} (${set.ours.pages} pages)`,
    );
    console.log(
      `mean readability: P ${f3(set.readability.precision)} R ${f3(set.readability.recall)} F1 ${f3(set.readability.f1)}`,
    );
  }
  for (const page of set.pages) {
    for (const change of page.metadataChanges)
      console.log(`not as whole page: ${page.id}: ${change}`);
  }
  const refused = set.pages.filter((p) => p.ours && !p.oursReaderable).length;
  if (refused) console.log(`scored pages we call not readerable: ${refused} of ${set.ours.pages}`);
  const { readerable } = set;
  if (readerable.pages > 0 && readerable.ours !== null && readerable.readability !== null) {
    console.log(
      `readerable accuracy: ours ${f3(readerable.ours)}, isProbablyReaderable ${f3(readerable.readability)} (${readerable.pages} pages)`,
    );
  }
  console.log(`time: ${set.seconds.toFixed(1)} s`);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const sets = [evaluate(args.dir, args.dir, args.sameMetadata)];
  const extra = join(args.dir, 'not-articles');
  if (existsSync(join(args.dir, 'ground-truth.json')) && isDirectory(extra)) {
    sets.push(evaluate(extra, extra, args.sameMetadata));
  }
  sets.forEach(print);

  const failures: string[] = [];
  for (const set of sets) {
    if (set.ours.pages > 0) {
      if (args.noWorse && set.ours.f1 < set.readability.f1) {
        failures.push(`${set.name}: F1 ${f3(set.ours.f1)} < readability ${f3(set.readability.f1)}`);
      }
      if (args.minF1 !== null && set.ours.f1 < args.minF1) {
        failures.push(`${set.name}: F1 ${f3(set.ours.f1)} < ${args.minF1}`);
      }
    }
    const changed = set.pages.filter((page) => page.metadataChanges.length > 0).length;
    if (changed > 0) {
      failures.push(`${set.name}: metadata differs from the whole page's on ${changed} pages`);
    }
    const accuracy = set.readerable.ours;
    if (args.minReaderable !== null && accuracy !== null && accuracy < args.minReaderable) {
      failures.push(`${set.name}: readerable accuracy ${f3(accuracy)} < ${args.minReaderable}`);
    }
  }
  if (args.json) writeFileSync(args.json, JSON.stringify({ sets, failures }, null, 2));
  for (const failure of failures) console.error(`FAIL ${failure}`);
  process.exit(failures.length ? 1 : 0);
}

main();
