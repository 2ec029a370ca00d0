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
/** Enough evidence to overrule a declared language. */
const SURE_HITS = 20;
const SURE_RATIO = 3;
const SAMPLE_CHARS = 6_000;

function normalise(code: string | null | undefined): string | null {
  const value = code?.trim().replace('_', '-');
  return value ? value : null;
}

const LANGUAGES = Object.keys(STOPWORDS);

/** Stopword hits per language in the first part of `text`. */
function stopwordHits(text: string): Record<string, number> {
  const counts: Record<string, number> = { id: 0, en: 0 };
  const sample = text.slice(0, SAMPLE_CHARS).toLowerCase();
  const word = /\p{L}+/gu;
  for (let found = word.exec(sample); found; found = word.exec(sample)) {
    for (const lang of LANGUAGES) if (STOPWORDS[lang].has(found[0])) counts[lang]++;
  }
  return counts;
}

/** Guesses Indonesian or English from stopwords; null when neither shows up enough. */
export function guessLanguage(text: string): string | null {
  const [best, hits] = Object.entries(stopwordHits(text)).sort((a, b) => b[1] - a[1])[0];
  return hits >= MIN_HITS ? best : null;
}

/** The text is plainly in one of our languages: many hits, and several times the other's. */
function plainLanguage(text: string): string | null {
  const [[best, hits], [, other]] = Object.entries(stopwordHits(text)).sort((a, b) => b[1] - a[1]);
  return hits >= SURE_HITS && hits >= SURE_RATIO * other ? best : null;
}

/**
 * The page's declared language (html lang, og:locale), unless the text plainly says otherwise:
 * many Indonesian sites keep their template's lang="en". Else a guess from the text.
 */
export function findLanguage(doc: Document, text: string): string | null {
  const declared =
    normalise(doc.documentElement.getAttribute('lang')) ??
    normalise(doc.documentElement.getAttribute('xml:lang')) ??
    normalise(metaValue(doc, 'og:locale', 'language', 'content-language'));
  if (!declared) return guessLanguage(text);
  const primary = declared.toLowerCase().split('-')[0];
  if (!(primary in STOPWORDS)) return declared;
  const plain = plainLanguage(text);
  return plain && plain !== primary ? plain : declared;
}
