/**
 * npm run fuzz -- [corpora-dir] [--runs N] [--seed S] [--max-ms MS]
 *
 * Property-based fuzzing of extraction, sanitizing and the summary (scripts/lib/fuzz-properties.ts)
 * on random HTML and on mutated pages from tests/fixtures and, when given, a corpora folder such as
 * ../shared/corpora. Prints runs, failures (the first few in full) and the time per case; exits 1
 * when a property broke.
 */
import fc from 'fast-check';
import { makeWindow } from './lib/dom';
import {
  checkCase,
  corpusSources,
  fixtureSources,
  fuzzCases,
  type FuzzCase,
} from './lib/fuzz-properties';

interface Options {
  corpora: string | null;
  runs: number;
  seed: number;
  maxMs: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    corpora: null,
    runs: 10_000,
    seed: Date.now() % 2 ** 31,
    maxMs: 10_000,
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
    else if (!arg.startsWith('--')) options.corpora = arg;
    else throw new Error(`Unknown option ${arg}`);
  }
  return options;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const sources = fixtureSources();
  if (options.corpora) sources.push(...corpusSources(options.corpora));
  console.log(
    `Fuzzing ${options.runs} cases, seed ${options.seed}, ${sources.length} source pages` +
      `${options.corpora ? ` (fixtures + ${options.corpora})` : ' (fixtures)'}, limit ${options.maxMs} ms per case`,
  );

  const win = makeWindow();
  const times: number[] = [];
  const failures: Array<{ message: string; input: FuzzCase }> = [];
  const counts = { grammar: 0, 'grammar-article': 0, mutated: 0, extracted: 0, forced: 0 };
  let slowest: { ms: number; source: string } = { ms: 0, source: '' };
  const started = Date.now();

  // Failures are collected rather than thrown, so one run reports all of them.
  fc.assert(
    fc.property(fuzzCases(sources), (input) => {
      counts[input.kind]++;
      try {
        const outcome = checkCase(input, win, options.maxMs);
        times.push(outcome.ms);
        if (outcome.extracted) counts.extracted++;
        if (outcome.forced) counts.forced++;
        if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, source: input.source };
      } catch (error) {
        failures.push({ message: error instanceof Error ? error.message : String(error), input });
      }
      if (times.length % 1000 === 0 && times.length) {
        console.log(
          `  ${times.length} cases, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    }),
    { numRuns: options.runs, seed: options.seed },
  );

  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `\nRuns: ${options.runs} (grammar ${counts.grammar}, grammar in an article ${counts['grammar-article']}, mutated pages ${counts.mutated})`,
  );
  console.log(`Extracted an article: ${counts.extracted} (${counts.forced} of them forced)`);
  console.log(`Failures: ${failures.length}`);
  console.log(
    `Time per case: median ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ` +
      `max ${slowest.ms.toFixed(1)} ms (${slowest.source})`,
  );
  console.log(
    `Total: ${((Date.now() - started) / 1000).toFixed(0)} s; repeat with --seed ${options.seed}`,
  );
  for (const failure of failures.slice(0, 5)) {
    console.log(
      `\n✗ ${failure.message}\n  input (first 600 chars): ${JSON.stringify(failure.input.html.slice(0, 600))}`,
    );
  }
  if (failures.length) process.exitCode = 1;
}

main();
