/** Text out of article HTML: block-aware text, paragraphs, word counts. */

import { BLOCK_TAGS } from './cleanup/dom';

/** Tags that start a new line of text. */
const LINE_BREAKS = new Set([...BLOCK_TAGS, 'BR', 'HR']);

const PARAGRAPH_TAGS = 'p, li, blockquote, h2, h3, h4, pre';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Text with a blank line between blocks, so words of adjacent paragraphs do not run together.
 * Elements in `skip` (captions) are left out.
 */
export function blockText(root: Node, skip: ReadonlySet<Element> = NONE): string {
  const parts: string[] = [];
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      // Source line breaks are spaces, except in <pre>.
      parts.push(pre ? value : value.replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName;
    if (SKIP.has(tag) || skip.has(node as Element)) return;
    const block = LINE_BREAKS.has(tag);
    if (block) parts.push('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) {
      walk(child, pre || tag === 'PRE');
    }
    if (block) parts.push('\n');
  };
  walk(root, false);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

const NONE: ReadonlySet<Element> = new Set();

/**
 * Texts of paragraph-like blocks in order; a block holding other paragraph blocks gives way to
 * them. Captions (figures, elements in `captions`, text equal to `caption`) are left out.
 */
export function paragraphTexts(
  root: Element,
  caption: string | null = null,
  captions: ReadonlySet<Element> = NONE,
): string[] {
  const texts: string[] = [];
  const visit = (el: Element) => {
    if (captions.has(el) || el.tagName === 'FIGURE' || SKIP.has(el.tagName)) return;
    if (el.matches(PARAGRAPH_TAGS) && !el.querySelector(PARAGRAPH_TAGS)) {
      const text = blockText(el, captions)
        .replace(/\s*\n+\s*/g, ' ')
        .trim();
      if (text && text !== caption) texts.push(text);
      return;
    }
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) visit(child);
  };
  visit(root);
  return texts;
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
