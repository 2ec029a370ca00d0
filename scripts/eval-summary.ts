/**
 * Scores the summarizer against LEAD-3 on an IndoSum JSONL file.
 *
 *   npm run eval:summary -- <indosum.jsonl> [--json FILE] [--limit N] [--gate]
 *
 * Each article's token lists are joined with spaces (sentences within a paragraph too), and
 * the paragraph strings go through summarize() exactly as the extension's would. LEAD-3 is
 * the first three sentences of our own split. ROUGE F1 uses lowercased \p{L}\p{N} tokens, no
 * stemming and no stopword removal; ROUGE-L is the summary-level union-LCS of ROUGE-1.5.5
 * (as rouge-score's "rougeLsum"). Scores are averaged over articles, ×100.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { splitParagraphSentences, summarize, tokenize } from '../lib/summary';

interface Scores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

interface Args {
  file: string;
  json: string | null;
  limit: number;
  gate: boolean;
}

const USAGE = 'usage: eval-summary <indosum.jsonl> [--json FILE] [--limit N] [--gate]';

function fail(message: string, code = 2): never {
  console.error(`eval-summary: ${message}`);
  process.exit(code);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { file: '', json: null, limit: Infinity, gate: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = argv[++i] ?? fail(`--json needs a file\n${USAGE}`);
    else if (a === '--limit') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n <= 0) fail(`--limit needs a positive integer\n${USAGE}`);
      args.limit = n;
    } else if (a === '--gate') args.gate = true;
    else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`);
    else if (!args.file) args.file = a;
    else fail(`unexpected argument ${a}\n${USAGE}`);
  }
  if (!args.file) fail(`missing input file\n${USAGE}`);
  return args;
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function f1(hits: number, candidate: number, reference: number): number {
  if (!hits || !candidate || !reference) return 0;
  const p = hits / candidate;
  const r = hits / reference;
  return (2 * p * r) / (p + r);
}

function rougeN(candidate: string[], reference: string[], n: number): number {
  const c = ngrams(candidate, n);
  const r = ngrams(reference, n);
  let hits = 0;
  for (const [g, k] of c) hits += Math.min(k, r.get(g) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return f1(hits, total(c), total(r));
}

/** Indices of `ref` on one longest common subsequence with `cand`. */
function lcsIndices(ref: string[], cand: string[]): number[] {
  const rows = ref.length + 1;
  const cols = cand.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      table[i * cols + j] =
        ref[i - 1] === cand[j - 1]
          ? table[(i - 1) * cols + j - 1] + 1
          : Math.max(table[(i - 1) * cols + j], table[i * cols + j - 1]);
    }
  }
  const out: number[] = [];
  for (let i = ref.length, j = cand.length; i > 0 && j > 0;) {
    if (ref[i - 1] === cand[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (table[(i - 1) * cols + j] >= table[i * cols + j - 1]) i--;
    else j--;
  }
  return out;
}

/** Summary-level ROUGE-L F1 (union LCS per reference sentence, hits clipped by counts). */
function rougeL(candidate: string[][], reference: string[][]): number {
  const counts = (sents: string[][]) => {
    const m = new Map<string, number>();
    for (const s of sents) for (const t of s) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const left = { c: counts(candidate), r: counts(reference) };
  let hits = 0;
  for (const ref of reference) {
    const union = new Set<number>();
    for (const cand of candidate) for (const i of lcsIndices(ref, cand)) union.add(i);
    for (const i of [...union].sort((a, b) => a - b)) {
      const t = ref[i];
      if ((left.c.get(t) ?? 0) > 0 && (left.r.get(t) ?? 0) > 0) {
        hits++;
        left.c.set(t, left.c.get(t)! - 1);
        left.r.set(t, left.r.get(t)! - 1);
      }
    }
  }
  const size = (s: string[][]) => s.reduce((a, x) => a + x.length, 0);
  return f1(hits, size(candidate), size(reference));
}

function score(candidate: string[], reference: string[]): Scores {
  const cand = candidate.map(tokenize);
  const ref = reference.map(tokenize);
  return {
    rouge1: rougeN(cand.flat(), ref.flat(), 1),
    rouge2: rougeN(cand.flat(), ref.flat(), 2),
    rougeL: rougeL(cand, ref),
  };
}

function isTokenLists(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  if (depth === 0) return value.every((t) => typeof t === 'string');
  return value.every((v) => isTokenLists(v, depth - 1));
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  let raw: string;
  try {
    raw = readFileSync(args.file, 'utf8');
  } catch (e) {
    fail(`cannot read ${args.file}: ${(e as Error).message}`);
  }

  const articles: { id: string; summary: string[] }[] = [];
  const sums = { ours: [0, 0, 0], lead3: [0, 0, 0] };
  const lines = raw.split('\n');
  for (let n = 0; n < lines.length && articles.length < args.limit; n++) {
    const line = lines[n].trim();
    if (!line) continue;
    let doc: { id?: unknown; paragraphs?: unknown; summary?: unknown };
    try {
      doc = JSON.parse(line);
    } catch (e) {
      console.error(`line ${n + 1}: skipped, bad JSON (${(e as Error).message})`);
      continue;
    }
    if (!isTokenLists(doc.paragraphs, 2) || !isTokenLists(doc.summary, 1)) {
      console.error(`line ${n + 1}: skipped, no paragraphs/summary token lists`);
      continue;
    }
    const paragraphs = (doc.paragraphs as string[][][]).map((p) =>
      p.map((s) => s.join(' ')).join(' '),
    );
    const reference = (doc.summary as string[][]).map((s) => s.join(' '));
    const ours = summarize({ paragraphs }).keyPoints.map((k) => k.text);
    const lead3 = splitParagraphSentences(paragraphs)
      .slice(0, 3)
      .map((s) => s.text);
    for (const [key, summary] of [
      ['ours', ours],
      ['lead3', lead3],
    ] as const) {
      const s = score(summary, reference);
      sums[key][0] += s.rouge1;
      sums[key][1] += s.rouge2;
      sums[key][2] += s.rougeL;
    }
    articles.push({ id: String(doc.id ?? `line-${n + 1}`), summary: ours });
  }
  if (!articles.length) fail(`no usable articles in ${args.file}`);

  const mean = (s: number[]): Scores => {
    const [rouge1, rouge2, rougeL] = s.map((v) => round((100 * v) / articles.length));
    return { rouge1, rouge2, rougeL };
  };
  const ours = mean(sums.ours);
  const lead3 = mean(sums.lead3);

  console.log(`articles: ${articles.length}`);
  console.log('system   ROUGE-1  ROUGE-2  ROUGE-L');
  for (const [name, s] of [
    ['ours', ours],
    ['lead3', lead3],
  ] as const) {
    const cells = [s.rouge1, s.rouge2, s.rougeL].map((v) => v.toFixed(2).padStart(7));
    console.log(`${name.padEnd(8)} ${cells.join('  ')}`);
  }

  if (args.json) {
    try {
      writeFileSync(args.json, JSON.stringify({ articles, ours, lead3 }, null, 2) + '\n');
    } catch (e) {
      fail(`cannot write ${args.json}: ${(e as Error).message}`);
    }
  }

  if (args.gate) {
    const pass =
      ours.rouge1 >= lead3.rouge1 + 1.0 && ours.rouge2 > lead3.rouge2 && ours.rougeL > lead3.rougeL;
    console.log(pass ? 'gate: pass' : 'gate: FAIL (need R1 >= LEAD-3 + 1.0, R2 and RL above)');
    if (!pass) process.exit(1);
  }
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

main();
