/** Page language: html lang, og:locale, else a stopword count over the text. */

import { metaValue } from './meta';

const words = (list: string) => new Set(list.split(' '));
const STOPWORDS: Record<string, Set<string>> = {
  id: words(
    'yang dan di ke dari ini itu dengan untuk tidak pada dalam adalah akan juga oleh karena ' +
      'sudah bisa atau mereka kata ada saat telah',
  ),
  en: words(
    'the and of to in is that for it with as was on are be by this from have has not were which',
  ),
};
const MIN_HITS = 5;
const SAMPLE_CHARS = 20_000;

function normalise(code: string | null | undefined): string | null {
  const value = code?.trim().replace('_', '-');
  return value ? value : null;
}

/** Guesses Indonesian or English from stopwords; null when neither shows up enough. */
export function guessLanguage(text: string): string | null {
  const counts: Record<string, number> = { id: 0, en: 0 };
  const sample = text.toLowerCase().slice(0, SAMPLE_CHARS);
  for (const word of sample.match(/\p{L}+/gu) ?? []) {
    for (const lang of Object.keys(STOPWORDS)) if (STOPWORDS[lang].has(word)) counts[lang]++;
  }
  const [best, hits] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return hits >= MIN_HITS ? best : null;
}

export function findLanguage(doc: Document, text: string): string | null {
  return (
    normalise(doc.documentElement.getAttribute('lang')) ??
    normalise(doc.documentElement.getAttribute('xml:lang')) ??
    normalise(metaValue(doc, 'og:locale', 'language', 'content-language')) ??
    guessLanguage(text)
  );
}
