import { linkTextLength, outermostWrapper, removeAll, shortText } from './dom';

/** "Baca juga: <link>" and its kin, as Indonesian news sites put between paragraphs. */
export const READ_ALSO_RE =
  /^(baca(\s+(juga|pula|selengkapnya|lainnya))?|lihat(\s+juga)?|simak(\s+juga)?|tonton(\s+juga)?|saksikan(\s+juga)?|artikel\s+terkait|berita\s+terkait|jangan\s+lewatkan|read\s+also|also\s+read|see\s+also|related)\b\s*(?<sep>:|：|-|–|—|»|>>)?/i;

/** Link paragraphs are short: a label and a headline or two. */
const MAX_CHARS = 300;
const INLINE_BLOCKS = 'p, div, li, h2, h3, h4, h5, h6, blockquote, aside, section, span, strong, b';

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

/** Removes "Baca juga: ..." link paragraphs and boxes. */
export function removeReadAlsoLinks(root: Element): number {
  const found: Element[] = [];
  for (const el of root.querySelectorAll(INLINE_BLOCKS)) {
    if (found.some((f) => f.contains(el))) continue;
    if (isReadAlso(el)) found.push(outermostWrapper(el));
  }
  return removeAll(found);
}
