import { eng, ind } from 'stopword';

const WORD = /[\p{L}\p{N}]+/gu;
/** Words for counting: keeps "masing-masing", "1.229", "12/3", "20:00" and "Jum'at" whole. */
const COUNTED_WORD = /[\p{L}\p{N}]+(?:[-'’.,/:][\p{L}\p{N}]+)*/gu;

const ID_STOPS = new Set(ind);
const EN_STOPS = new Set(eng);
const STOPS = new Set([...ind, ...eng]);
// Words in only one list tell the languages apart ("di", "yang" vs "the", "of").
const ID_ONLY = new Set(ind.filter((w) => !EN_STOPS.has(w)));
const EN_ONLY = new Set(eng.filter((w) => !ID_STOPS.has(w)));

/** Indonesian news reads at about this many words a minute. */
export const WORDS_PER_MINUTE = 200;

/** Lowercased letter/number runs. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function isStopword(token: string): boolean {
  return STOPS.has(token);
}

/** Drops Indonesian and English stopwords from lowercased tokens. */
export function removeStops(tokens: string[]): string[] {
  return tokens.filter((t) => !STOPS.has(t));
}

/** Content tokens of a text: tokenized, without stopwords. */
export function contentTokens(text: string): string[] {
  return removeStops(tokenize(text));
}

/** 'en' when English-only stopwords outnumber Indonesian-only ones, else 'id'. */
export function detectLanguage(text: string, sample = 2000): 'id' | 'en' {
  let id = 0;
  let en = 0;
  for (const t of tokenize(text.slice(0, sample * 8)).slice(0, sample)) {
    if (ID_ONLY.has(t)) id++;
    else if (EN_ONLY.has(t)) en++;
  }
  return en > id ? 'en' : 'id';
}

export function countWords(text: string): number {
  return text.match(COUNTED_WORD)?.length ?? 0;
}

/** Whole minutes to read `words` words, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
