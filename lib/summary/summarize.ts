import type { ArticleSummary, KeyPoint } from '@/lib/article';
import { splitParagraphSentences, type PlacedSentence } from './sentences';
import {
  contentTokens,
  countWords,
  readingMinutes,
  summaryLanguage,
  tokenize,
  type SummaryLanguage,
} from './tokens';

export interface SummaryInput {
  paragraphs: string[];
  title?: string | null;
  /** The page's declared language; used only when the text is too short to tell. */
  lang?: string | null;
}

export interface SummaryOptions {
  /** Key points wanted; the default depends on the article's length. */
  count?: number;
}

/** Ranking knobs, exported for tuning scripts. */
export interface Weights {
  /** Weight of the lead prior, which decays as exp(-index / positionDecay). */
  position: number;
  positionDecay: number;
  /** Weight of LexRank centrality, scaled to [0, 1]. */
  centrality: number;
  /** Weight of the share of title words a sentence holds. */
  title: number;
  /** Penalty for direct speech: news summaries report, they rarely quote. */
  quote: number;
  /** Sentences longer than this many words lose `longPenalty` per extra word. */
  longWords: number;
  longPenalty: number;
  /** A candidate this similar (cosine) to a chosen sentence is skipped. */
  maxSimilarity: number;
}

export const DEFAULT_WEIGHTS: Weights = {
  position: 1,
  positionDecay: 6,
  centrality: 0.1,
  title: 0.1,
  quote: 0.3,
  longWords: 45,
  longPenalty: 0.01,
  maxSimilarity: 0.6,
};

/** Shorter sentences are fragments: captions, bylines, "Baca juga" links. */
export const MIN_WORDS = 5;
/** Only the first sentences are ranked, which bounds the graph work. */
export const MAX_CANDIDATES = 60;
/** Two sentences sharing more of their words than this are near-duplicates. */
const MAX_JACCARD = 0.7;

const BOILERPLATE =
  /^(?:baca juga|simak juga|lihat juga|tonton juga|baca selengkapnya|advertisement|scroll to|foto\s*:|editor\s*:|penulis\s*:|reporter\s*:)/i;

/** Default key-point count for an article with `sentences` sentences. */
export function defaultCount(sentences: number): number {
  if (sentences < 12) return 3;
  if (sentences < 30) return 4;
  return 5;
}

/**
 * Picks the article's key sentences, in article order, each exactly as the text has it.
 * `paragraphIndex` of a key point indexes `input.paragraphs`.
 */
export function summarize(input: SummaryInput, options: SummaryOptions = {}): ArticleSummary {
  const stats = summaryStats(input);
  const sentences = splitParagraphSentences(input.paragraphs);
  const wanted = options.count ?? defaultCount(sentences.length);
  const count = Math.max(0, Math.min(Math.floor(wanted), sentences.length));
  return {
    ...stats,
    keyPoints: pickKeyPoints(sentences, input.title ?? '', count, DEFAULT_WEIGHTS, stats.lang),
  };
}

/** The summary without its key points: word count, reading time and language (cheap). */
export function summaryStats(input: SummaryInput): Omit<ArticleSummary, 'keyPoints'> {
  const wordCount = input.paragraphs.reduce((sum, p) => sum + countWords(p), 0);
  return {
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    lang: summaryLanguage(input.lang, leadText(input.paragraphs)),
  };
}

/** The first paragraphs, up to about `chars` characters: enough to tell the language. */
function leadText(paragraphs: string[], chars = 4000): string {
  let text = '';
  for (const p of paragraphs) {
    if (text.length >= chars) break;
    text += p + '\n';
  }
  return text;
}

/**
 * The `count` best sentences, in article order; fewer when the article has too few distinct
 * sentences outside boilerplate.
 */
export function pickKeyPoints(
  sentences: PlacedSentence[],
  title: string,
  count: number,
  weights: Weights = DEFAULT_WEIGHTS,
  lang: SummaryLanguage = 'id',
): KeyPoint[] {
  if (count <= 0) return [];
  const pool = sentences.slice(0, MAX_CANDIDATES);
  const tokens = pool.map((s) => contentTokens(s.text, lang));
  const words = pool.map((s) => countWords(s.text));
  const vectors = tfidf(tokens);
  const sims = similarities(vectors);
  const centrality = scaleToMax(lexRank(sims));
  const titleWords = new Set(contentTokens(title, lang));

  const speech = quoted(pool);
  const usable = (i: number) => words[i] >= MIN_WORDS && !BOILERPLATE.test(pool[i].text);
  // The lead prior counts usable sentences only, so a stray caption does not push the lead down.
  let rank = 0;
  const scores = pool.map((_, i) => {
    let score = weights.position * Math.exp(-rank / weights.positionDecay);
    if (usable(i)) rank++;
    score += weights.centrality * centrality[i];
    if (titleWords.size) score += weights.title * titleShare(tokens[i], titleWords);
    if (speech[i]) score -= weights.quote;
    score -= weights.longPenalty * Math.max(0, words[i] - weights.longWords);
    return score;
  });

  const tokenSets = pool.map((s) => new Set(tokenize(s.text)));
  const chosen: number[] = [];
  const distinct = (i: number) =>
    chosen.every(
      (j) =>
        sims[i][j] <= weights.maxSimilarity && jaccard(tokenSets[i], tokenSets[j]) <= MAX_JACCARD,
    );
  const take = (candidates: number[], ok: (i: number) => boolean) => {
    for (const i of candidates) {
      if (chosen.length >= count) return;
      if (!chosen.includes(i) && ok(i) && distinct(i)) chosen.push(i);
    }
  };
  const indices = pool.map((_, i) => i);
  take(
    [...indices].sort((a, b) => scores[b] - scores[a] || a - b),
    usable,
  );
  // Too few good sentences: take short ones too, earliest first, but never boilerplate.
  take(indices, (i) => !BOILERPLATE.test(pool[i].text));

  return chosen
    .sort((a, b) => a - b)
    .map((i) => ({
      text: sentences[i].text,
      sentenceIndex: sentences[i].sentenceIndex,
      paragraphIndex: sentences[i].paragraphIndex,
    }));
}

const QUOTE_MARKS = /["“”]/g;

/** Marks sentences that hold a quote mark or sit inside a quotation of their paragraph. */
function quoted(sentences: PlacedSentence[]): boolean[] {
  let open = false;
  let paragraph = -1;
  return sentences.map((s) => {
    if (s.paragraphIndex !== paragraph) [open, paragraph] = [false, s.paragraphIndex];
    const marks = s.text.match(QUOTE_MARKS) ?? [];
    const inside = open;
    for (const m of marks) open = m === '“' ? true : m === '”' ? false : !open;
    return inside || marks.length > 0;
  });
}

type Vector = Map<string, number>;

/** Unit-length TF-IDF vectors, one per sentence. */
function tfidf(docs: string[][]): Vector[] {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  return docs.map((doc) => {
    const v: Vector = new Map();
    for (const t of doc) v.set(t, (v.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, tf] of v) {
      const w = tf * Math.log(1 + docs.length / (df.get(t) ?? 1));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

/** Symmetric cosine similarity matrix; the diagonal is 0. */
function similarities(vectors: Vector[]): number[][] {
  const n = vectors.length;
  const sims = vectors.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [small, big] =
        vectors[i].size < vectors[j].size ? [vectors[i], vectors[j]] : [vectors[j], vectors[i]];
      let dot = 0;
      for (const [t, w] of small) dot += w * (big.get(t) ?? 0);
      sims[i][j] = sims[j][i] = dot;
    }
  }
  return sims;
}

/** Continuous LexRank: PageRank over the similarity graph. */
function lexRank(sims: number[][], damping = 0.85, rounds = 30): number[] {
  const n = sims.length;
  const rowSums = sims.map((row) => row.reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let r = 0; r < rounds; r++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let i = 0; i < n; i++) {
      if (rowSums[i] === 0) {
        for (let j = 0; j < n; j++) next[j] += (damping * rank[i]) / n;
        continue;
      }
      const share = (damping * rank[i]) / rowSums[i];
      const row = sims[i];
      for (let j = 0; j < n; j++) if (row[j]) next[j] += share * row[j];
    }
    rank = next;
  }
  return rank;
}

function scaleToMax(values: number[]): number[] {
  const max = Math.max(0, ...values);
  return max > 0 ? values.map((v) => v / max) : values.map(() => 0);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union ? shared / union : 0;
}

function titleShare(tokens: string[], titleWords: Set<string>): number {
  const hits = new Set(tokens.filter((t) => titleWords.has(t))).size;
  return hits / titleWords.size;
}
