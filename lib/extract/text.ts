/** Text out of article HTML: block-aware text, paragraphs, word counts. */

import { BLOCK_TAGS } from './cleanup/dom';

/** Tags that start a new line of text. */
const LINE_BREAKS = new Set([...BLOCK_TAGS, 'BR', 'HR']);

const PARAGRAPH_TAGS = 'p, li, blockquote, h2, h3, h4, pre';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Text with a blank line between blocks, so words of adjacent paragraphs do not run together. */
export function blockText(root: Node): string {
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
    if (SKIP.has(tag)) return;
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

/**
 * Texts of paragraph-like blocks in order; a block inside another counts once, as the inner one.
 * Captions (in a figure, or equal to `caption`) are not story paragraphs and are left out.
 */
export function paragraphTexts(root: Element, caption: string | null = null): string[] {
  const blocks = Array.from(root.querySelectorAll(PARAGRAPH_TAGS));
  const texts: string[] = [];
  for (const block of blocks) {
    // Skip blocks that hold other paragraph blocks: their parts are listed themselves.
    if (block.querySelector(PARAGRAPH_TAGS) || block.closest('figure')) continue;
    const text = blockText(block)
      .replace(/\s*\n+\s*/g, ' ')
      .trim();
    if (text && text !== caption) texts.push(text);
  }
  return texts;
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
