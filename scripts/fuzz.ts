/**
 * npm run fuzz -- [corpora-dir] [--runs N] [--seed S] [--max-ms MS] [--workers W]
 *
 * Property-based fuzzing of extraction, sanitizing and the summary (scripts/lib/fuzz-properties.ts)
 * on random HTML and on mutated pages from tests/fixtures and, when given, a corpora folder such as
 * ../shared/corpora. Prints runs, failures (the first few in full) and the time per case; exits 1
 * when a property broke. The runs go to child processes of at most 400 cases each, batch i on
 * seed S + i; --workers W runs W of them at a time.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { makeWindow } from './lib/dom';
import { checkCase, corpusSources, fixtureSources, fuzzCases } from './lib/fuzz-properties';

interface Options {
  corpora: string | null;
  runs: number;
  seed: number;
  maxMs: number;
  workers: number;
}

interface Failure {
  message: string;
  html: string;
}

/** What one worker sends back. */
interface WorkerResult {
  runs: number;
  times: number[];
  failures: Failure[];
  counts: Record<'grammar' | 'grammar-article' | 'mutated' | 'extracted' | 'forced', number>;
  slowest: { ms: number; source: string };
}

const RESULT_PREFIX = 'FUZZ-RESULT ';
/** A fresh jsdom window every so many cases: documents parsed in one pile up and slow the run. */
const WINDOW_CASES = 200;
/**
 * Cases per child process. jsdom keeps memory from window to window: one process reached its
 * 4 GB heap after about 1,100 cases (checked on this session's code and the previous one's).
 */
const BATCH_CASES = 400;
const PROGRESS_EVERY = 500;

function parseArgs(argv: string[]): Options & { worker: boolean } {
  const options = {
    corpora: null as string | null,
    runs: 10_000,
    seed: Date.now() % 2 ** 31,
    maxMs: 10_000,
    workers: 1,
    worker: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value)) throw new Error(`${arg} needs a number`);
      return value;
    };
    if (arg === '--runs') options.runs = next();
    else if (arg === '--seed') options.seed = next();
    else if (arg === '--max-ms') options.maxMs = next();
    else if (arg === '--workers') options.workers = Math.max(1, Math.floor(next()));
    else if (arg === '--worker') options.worker = true;
    else if (!arg.startsWith('--')) options.corpora = arg;
    else throw new Error(`Unknown option ${arg}`);
  }
  return options;
}

/** Runs the property `runs` times on `seed`; failures are collected, not thrown. */
function runCases(options: Options, log: (line: string) => void): WorkerResult {
  const sources = fixtureSources();
  if (options.corpora) sources.push(...corpusSources(options.corpora));
  let win = makeWindow();
  let cases = 0;
  const result: WorkerResult = {
    runs: options.runs,
    times: [],
    failures: [],
    counts: { grammar: 0, 'grammar-article': 0, mutated: 0, extracted: 0, forced: 0 },
    slowest: { ms: 0, source: '' },
  };
  const started = Date.now();
  fc.assert(
    fc.property(fuzzCases(sources), (input) => {
      result.counts[input.kind]++;
      if (++cases % WINDOW_CASES === 0) {
        win.close();
        win = makeWindow();
      }
      try {
        const outcome = checkCase(input, win, options.maxMs);
        result.times.push(outcome.ms);
        if (outcome.extracted) result.counts.extracted++;
        if (outcome.forced) result.counts.forced++;
        if (outcome.ms > result.slowest.ms)
          result.slowest = { ms: outcome.ms, source: input.source };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result.failures.push({ message, html: input.html.slice(0, 600) });
        log(`seed ${options.seed}: failure at case ${cases}: ${message}`);
      }
      if (cases % PROGRESS_EVERY === 0) {
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        log(
          `seed ${options.seed}: ${cases} cases, ${result.failures.length} failures, ${seconds} s`,
        );
      }
    }),
    { numRuns: options.runs, seed: options.seed },
  );
  return result;
}

function runWorker(options: Options, batch: number, runs: number): Promise<WorkerResult> {
  const args = ['--worker', '--runs', String(runs), '--seed', String(options.seed + batch)];
  args.push('--max-ms', String(options.maxMs));
  if (options.corpora) args.push(options.corpora);
  const child = fork(fileURLToPath(import.meta.url), args, {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    let result: WorkerResult | null = null;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith(RESULT_PREFIX)) result = JSON.parse(line.slice(RESULT_PREFIX.length));
        else if (line.trim()) console.log(`  ${line}`);
      }
    });
    child.on('exit', (code) => {
      if (buffer.startsWith(RESULT_PREFIX)) result = JSON.parse(buffer.slice(RESULT_PREFIX.length));
      if (result) resolve(result);
      else reject(new Error(`fuzz batch ${batch} exited with ${code} and no result`));
    });
  });
}

/** All cases, in child processes of at most BATCH_CASES each (seed + batch number), W at a time. */
async function runBatches(options: Options): Promise<WorkerResult[]> {
  const sizes: number[] = [];
  for (let left = options.runs; left > 0; left -= BATCH_CASES) {
    sizes.push(Math.min(BATCH_CASES, left));
  }
  const results: WorkerResult[] = [];
  let next = 0;
  const slot = async () => {
    while (next < sizes.length) {
      const batch = next++;
      results[batch] = await runWorker(options, batch, sizes[batch]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.workers, sizes.length) }, slot));
  return results;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function report(options: Options, results: WorkerResult[], seconds: number): void {
  const times = results.flatMap((result) => result.times).sort((a, b) => a - b);
  const failures = results.flatMap((result) => result.failures);
  const sum = (key: keyof WorkerResult['counts']) =>
    results.reduce((total, result) => total + result.counts[key], 0);
  const slowest = results.reduce((a, b) => (b.slowest.ms > a.slowest.ms ? b : a)).slowest;
  const seeds = results.map((_, index) => options.seed + index).join(', ');
  console.log(
    `\nRuns: ${sum('grammar') + sum('grammar-article') + sum('mutated')} ` +
      `(grammar ${sum('grammar')}, grammar in an article ${sum('grammar-article')}, mutated pages ${sum('mutated')})`,
  );
  console.log(
    `Extracted an article: ${sum('extracted')}; forced extraction tried: ${sum('forced')}`,
  );
  console.log(`Failures: ${failures.length}`);
  console.log(
    `CPU time per case: median ${percentile(times, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(times, 99).toFixed(1)} ms, max ${slowest.ms.toFixed(1)} ms (${slowest.source})`,
  );
  console.log(`Total: ${seconds.toFixed(0)} s; seeds ${seeds}`);
  for (const failure of failures.slice(0, 5)) {
    console.log(
      `\n✗ ${failure.message}\n  input (first 600 chars): ${JSON.stringify(failure.html)}`,
    );
  }
  if (failures.length) process.exitCode = 1;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.worker) {
    const result = runCases(options, (line) => console.log(line));
    console.log(RESULT_PREFIX + JSON.stringify(result));
    return;
  }
  const sources =
    fixtureSources().length + (options.corpora ? corpusSources(options.corpora).length : 0);
  console.log(
    `Fuzzing ${options.runs} cases, seed ${options.seed}, ${options.workers} worker(s), ${sources} source pages` +
      `${options.corpora ? ` (fixtures + ${options.corpora})` : ' (fixtures)'}, limit ${options.maxMs} ms per case`,
  );
  const started = Date.now();
  report(options, await runBatches(options), (Date.now() - started) / 1000);
}

void main();
