import { linkTextLength, outermostWrapper, removeAll, shortText } from './dom';

/** "Baca juga: <link>" and its kin, as Indonesian news sites put between paragraphs. */
export const READ_ALSO_RE =
  /^(baca(\s+(juga|pula|selengkapnya|lainnya))?|lihat(\s+juga)?|simak(\s+juga)?|tonton(\s+juga)?|saksikan(\s+juga)?|artikel\s+terkait|berita\s+terkait|jangan\s+lewatkan|read\s+also|also\s+read|see\s+also|related)\b\s*(?<sep>:|：|-|–|—|»|>>)?/i;

/** Link paragraphs are short: a label and a headline or two. */
const MAX_CHARS = 300;
const INLINE_BLOCKS = new Set(
  'P DIV LI H2 H3 H4 H5 H6 BLOCKQUOTE ASIDE SECTION SPAN STRONG B'.split(' '),
);
/** The first word of a label, to skip every other block cheaply. */
const LABEL_START_RE =
  /^\s*(baca|lihat|simak|tonton|saksikan|artikel|berita|jangan|read|also|see|related)/i;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Does the first text inside `el` start like a read-also label? */
function startsLikeLabel(el: Element): boolean {
  const text = firstText(el);
  return text !== null && LABEL_START_RE.test(text);
}

/** The first non-blank text under `el`, or null. */
function firstText(el: Element): string | null {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const value = child.nodeValue ?? '';
      if (value.trim()) return value;
    } else if (child.nodeType === 1 && !NOT_TEXT.has((child as Element).tagName)) {
      const inner = firstText(child as Element);
      if (inner !== null) return inner;
    }
  }
  return null;
}

/**
 * A block is a read-also link when it starts with the label and what follows is a link,
 * or (when the label carries a colon) a short headline without one.
 */
export function isReadAlso(el: Element): boolean {
  const text = shortText(el, MAX_CHARS);
  if (!text) return false;
  const match = READ_ALSO_RE.exec(text);
  if (!match) return false;
  const rest = text.slice(match[0].length).trim();
  if (!rest) return false;
  if (linkTextLength(el) >= rest.length * 0.6) return true;
  // "Baca juga: Judul" without a link: only with a separator and no sentence of its own.
  return Boolean(match.groups?.sep) && !/[.!?]["”']?\s+\S/.test(rest) && rest.length <= 150;
}

/** Removes "Baca juga: ..." link paragraphs and boxes (the outermost block that is one). */
export function removeReadAlsoLinks(root: Element): number {
  const found: Element[] = [];
  const visit = (el: Element) => {
    if (NOT_TEXT.has(el.tagName)) return;
    if (INLINE_BLOCKS.has(el.tagName) && startsLikeLabel(el) && isReadAlso(el)) {
      found.push(outermostWrapper(el));
      return;
    }
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) visit(child);
  };
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) visit(child);
  return removeAll(found);
}
