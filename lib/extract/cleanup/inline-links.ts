import { blocksStartingWith, linkTextLength, outermostWrapper, removeAll, shortText } from './dom';

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
const NOT_TEXT_SELECTOR = 'script, style, noscript, template';
/** NodeFilter.SHOW_TEXT (the global is missing in some test environments). */
const SHOW_TEXT = 4;

/** Is there non-blank text in `node` (scripts and styles aside)? */
function hasReadableText(node: Node): boolean {
  if (node.nodeType === 3) return Boolean(node.nodeValue?.trim());
  if (node.nodeType !== 1 || NOT_TEXT.has((node as Element).tagName)) return false;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (hasReadableText(child)) return true;
  }
  return false;
}

/**
 * The outermost block below `root` whose first text is `label` and which reads as a read-also
 * link, or null. Only blocks that start with the label can be one.
 */
function readAlsoBlock(label: Text, root: Element): Element | null {
  const starts = blocksStartingWith(label, root, hasReadableText).filter((el) =>
    INLINE_BLOCKS.has(el.tagName),
  );
  for (let i = starts.length - 1; i >= 0; i -= 1) if (isReadAlso(starts[i])) return starts[i];
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

/**
 * Removes "Baca juga: ..." link paragraphs and boxes (the outermost block that is one). Only text
 * that starts like a label is looked at closely: one cheap pass over the text, whatever the page.
 */
export function removeReadAlsoLinks(root: Element): number {
  const found: Element[] = [];
  let taken: Element | null = null;
  const texts = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    if (!LABEL_START_RE.test(text.nodeValue ?? '') || taken?.contains(text)) continue;
    if (text.parentElement?.closest(NOT_TEXT_SELECTOR)) continue;
    const block = readAlsoBlock(text as Text, root);
    if (!block) continue;
    taken = block;
    found.push(outermostWrapper(block));
  }
  return removeAll(found);
}
