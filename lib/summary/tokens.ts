import { eng, ind } from 'stopword';

const WORD = /[\p{L}\p{N}]+/gu;
/** Words for counting: keeps "masing-masing", "1.229", "12/3", "20:00" and "Jum'at" whole. */
const COUNTED_WORD = /[\p{L}\p{N}]+(?:[-'’.,/:][\p{L}\p{N}]+)*/gu;

/** The languages the summarizer has resources for. */
export type SummaryLanguage = 'id' | 'en';

const ID_STOPS = new Set(ind);
const EN_STOPS = new Set(eng);
const STOPS_BY_LANGUAGE: Record<SummaryLanguage, Set<string>> = { id: ID_STOPS, en: EN_STOPS };
const ANY_STOPS = new Set([...ind, ...eng]);
// Words in only one list tell the languages apart ("di", "yang" vs "the", "of").
const ID_ONLY = new Set(ind.filter((w) => !EN_STOPS.has(w)));
const EN_ONLY = new Set(eng.filter((w) => !ID_STOPS.has(w)));

/** Indonesian news reads at about this many words a minute. */
export const WORDS_PER_MINUTE = 200;

/** Lowercased letter/number runs. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** A stopword in either language: such a word never starts a name, whatever the text's language. */
export function isStopword(token: string): boolean {
  return ANY_STOPS.has(token);
}

/** Drops the stopwords of `lang` from lowercased tokens. */
export function removeStops(tokens: string[], lang: SummaryLanguage = 'id'): string[] {
  const stops = STOPS_BY_LANGUAGE[lang];
  return tokens.filter((t) => !stops.has(t));
}

/** Content tokens of a text: tokenized, without the stopwords of `lang`. */
export function contentTokens(text: string, lang: SummaryLanguage = 'id'): string[] {
  return removeStops(tokenize(text), lang);
}

/** Text too short to tell: fewer language-specific stopwords than this. */
const MIN_LANGUAGE_EVIDENCE = 4;

function languageEvidence(text: string, sample: number): { id: number; en: number } {
  let id = 0;
  let en = 0;
  for (const t of tokenize(text.slice(0, sample * 8)).slice(0, sample)) {
    if (ID_ONLY.has(t)) id++;
    else if (EN_ONLY.has(t)) en++;
  }
  return { id, en };
}

/** 'en' when English-only stopwords outnumber Indonesian-only ones, else 'id'. */
export function detectLanguage(text: string, sample = 2000): SummaryLanguage {
  const { id, en } = languageEvidence(text, sample);
  return en > id ? 'en' : 'id';
}

/**
 * The summary language, told by the text's stopwords. Many Indonesian sites declare lang="en"
 * in their templates, so the page's declared language ("id", "in", "en-US") only decides when
 * the text is too short to tell.
 */
export function summaryLanguage(
  declared: string | null | undefined,
  text: string,
): SummaryLanguage {
  const { id, en } = languageEvidence(text, 2000);
  if (id + en >= MIN_LANGUAGE_EVIDENCE) return en > id ? 'en' : 'id';
  const primary = declared?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' ? 'en' : 'id';
}

export function countWords(text: string): number {
  return text.match(COUNTED_WORD)?.length ?? 0;
}

/** Whole minutes to read `words` words, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
