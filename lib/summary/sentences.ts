/** A sentence and where it sits in the article. */
export interface PlacedSentence {
  text: string;
  paragraphIndex: number;
  sentenceIndex: number;
}

// Periods after these never end a sentence (compared lowercased, without the period).
const ABBREVIATIONS = new Set(
  [
    // places, addresses, money and time
    'kab kec kel ds dsn kp gg jl jln no kav prov rt rw rp pk pkl tgl',
    // names, titles and degrees
    'h hj kh dr drg prof ir drs dra moh muh mhd abd bpk bp sdr sdri st tn ny nn pdt mr mrs ms jr sr',
    // police and military ranks
    'pol kompol akbp kombes brigjen irjen mayjen letjen jend kol letkol kapt',
    // others
    'hlm vol telp yth vs',
  ]
    .join(' ')
    .split(' '),
);

// These can also close a sentence: they end one when a capital follows.
const FINAL_ABBREVIATIONS = new Set(['dll', 'dsb', 'dst', 'dkk', 'etc']);

/** Dotted abbreviations: S.H, M.Si, S.Pd, a.n, s.d, u.p, e.g, i.e, U.S, K.H. */
const DOTTED = /^\p{L}{1,2}(?:\.\p{L}{1,3})+$/u;
const INITIAL = /^\p{Lu}$/u;
const LIST_NUMBER = /^\d{1,2}$/;

const TERMINATORS = '.!?…';
const CLOSERS = '"”’\'»)]';
const OPENERS = '"“‘\'«';
const LEADING_PUNCT = /^[("“‘'«[]+/u;
const UPPER_OR_DIGIT = /[\p{Lu}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const SPACE = /\s/;
/** A blank line always ends a sentence. */
const BLANK_LINE = /\n[^\S\n]*\n\s*/g;

/**
 * Splits Indonesian or English text into trimmed sentences, each an exact slice of `text`.
 * Keeps abbreviations, initials, numbers and datelines inside their sentence, and a closing
 * quote with the sentence it closes.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(BLANK_LINE)) {
    splitBlock(text.slice(from, m.index), out);
    from = m.index + m[0].length;
  }
  splitBlock(text.slice(from), out);
  return out;
}

/** Sentences of each paragraph, numbered across the article. */
export function splitParagraphSentences(paragraphs: string[]): PlacedSentence[] {
  const out: PlacedSentence[] = [];
  paragraphs.forEach((p, paragraphIndex) => {
    for (const text of splitSentences(p)) {
      out.push({ text, paragraphIndex, sentenceIndex: out.length });
    }
  });
  return out;
}

function splitBlock(text: string, out: string[]): void {
  let start = 0;
  let quotes = 0; // straight double quotes seen so far: odd means a quote is open
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (ch === '"') quotes++;
    if (!TERMINATORS.includes(ch)) continue;

    const dot = i;
    let end = i + 1;
    while (end < n && TERMINATORS.includes(text[end])) end++;
    const single = end - i === 1 && ch === '.';
    // Closing quotes and brackets stay with the sentence.
    while (end < n && CLOSERS.includes(text[end])) {
      if (text[end] === '"') quotes++;
      end++;
    }
    // Tokenized text puts a space before a closing quote: `diatur . " Dia`.
    let k = end;
    while (k < n && SPACE.test(text[k])) k++;
    if (k > end && k < n && (text[k] === '”' || (text[k] === '"' && quotes % 2 === 1))) {
      const after = text[k + 1];
      if (after === undefined || SPACE.test(after)) {
        if (text[k] === '"') quotes++;
        end = k + 1;
      }
    }
    i = end - 1;
    if (end >= n) break;
    if (!SPACE.test(text[end])) continue; // 3.5, 06.00, DISWAY.ID, "…"kata

    let next = end;
    while (next < n && SPACE.test(text[next])) next++;
    if (next >= n) break;
    if (!startsSentence(text, next) && !isCredit(text, next)) continue;
    if (single && keepsPeriod(text, start, dot, next)) continue;

    push(text.slice(start, end), out);
    start = next;
    i = next - 1;
  }
  push(text.slice(start), out);
}

function push(sentence: string, out: string[]): void {
  const s = sentence.trim();
  if (s) out.push(s);
}

/** True when the text at `at` can open a sentence. */
function startsSentence(text: string, at: number): boolean {
  const ch = text[at];
  if (UPPER_OR_DIGIT.test(ch)) return true;
  if (OPENERS.includes(ch)) return true;
  // iPhone, eSports
  return LOWER.test(ch) && UPPER.test(text[at + 1] ?? '');
}

/** True for a bracketed credit closing the text, such as "(ant)" or "[ PageSix.com ]". */
function isCredit(text: string, at: number): boolean {
  const close = text[at] === '(' ? ')' : text[at] === '[' ? ']' : '';
  if (!close) return false;
  let end = at + 1;
  while (end < text.length && end - at <= 60 && text[end] !== close) end++;
  if (text[end] !== close) return false;
  for (let i = end + 1; i < text.length; i++) if (!SPACE.test(text[i])) return false;
  return true;
}

/** True when the period at `dot` belongs to the word before it, not to the sentence. */
function keepsPeriod(text: string, start: number, dot: number, next: number): boolean {
  let s = dot;
  while (s > start && !SPACE.test(text[s - 1])) s--;
  const word = text.slice(s, dot).replace(LEADING_PUNCT, '');
  if (!word) return false; // tokenized text: "kata dia ."
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower) || DOTTED.test(word) || INITIAL.test(word)) return true;
  if (FINAL_ABBREVIATIONS.has(lower))
    return !UPPER.test(text[next]) && !OPENERS.includes(text[next]);
  // "1. Pertama": a list number opening the sentence
  return LIST_NUMBER.test(word) && s === start;
}
