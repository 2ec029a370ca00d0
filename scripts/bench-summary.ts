/**
 * Median time to summarize a ~1,500-word Indonesian article built from an IndoSum file.
 *
 *   npx tsx scripts/bench-summary.ts <indosum.jsonl> [--words N] [--runs N]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { countWords, summarize } from '../lib/summary';

function fail(message: string): never {
  console.error(`bench-summary: ${message}`);
  process.exit(2);
}

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n <= 0) fail(`${name} needs a positive integer`);
  return n;
}

function main(): void {
  const argv = process.argv.slice(2);
  const file = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!file) fail('usage: bench-summary <indosum.jsonl> [--words N] [--runs N]');
  const target = option(argv, '--words', 1500);
  const runs = option(argv, '--runs', 50);

  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }

  // Whole articles, concatenated until the text reaches the target length.
  const paragraphs: string[] = [];
  let words = 0;
  for (const line of raw.split('\n')) {
    if (words >= target) break;
    try {
      const doc = JSON.parse(line) as { paragraphs: string[][][] };
      for (const p of doc.paragraphs) {
        const text = p.map((s) => s.join(' ')).join(' ');
        paragraphs.push(text);
        words += countWords(text);
      }
    } catch {
      // blank or broken line
    }
  }
  if (!paragraphs.length) fail(`no articles in ${file}`);

  const input = { paragraphs };
  for (let i = 0; i < 10; i++) summarize(input);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    summarize(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const sentences = summarize(input).keyPoints.length;
  console.log(`words: ${words}, paragraphs: ${paragraphs.length}, key points: ${sentences}`);
  console.log(`median: ${median.toFixed(2)} ms over ${runs} runs (min ${times[0].toFixed(2)} ms)`);
}

main();
