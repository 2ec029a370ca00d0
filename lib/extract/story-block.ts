/** The element of article content that holds the story's running text. */

import { BLOCK_TAGS, linkTextLength, textOf } from './cleanup/dom';

/** Chinese, Japanese and Korean text: a CJK character says about as much as a word. */
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A block's own text counts as prose from this length (teaser lines and labels are shorter). */
const MIN_PROSE_CHARS = 50;
/** The story block holds at least this share of the prose. */
const STORY_SHARE = 0.9;

/** Long lines without a full stop are headlines or labels, not running text. */
const HEADLINE_MAX_CHARS = 150;
const SENTENCE_END_RE = /([.!?]["”'’)]?(\s|$)|[。！？])/;

/** Prose directly in a block (text nodes and inline children, outside links): its length. */
export function ownProse(block: Element): number {
  let length = 0;
  let text = '';
  for (let child = block.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const value = textOf(child);
      length += value.length;
      text += ` ${value}`;
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (el.tagName === 'A' || BLOCK_TAGS.has(el.tagName)) continue;
      const value = textOf(el);
      length += value.length - linkTextLength(el);
      text += ` ${value}`;
    }
  }
  if (length < MIN_PROSE_CHARS) return 0;
  // A CJK character says about as much as a word.
  const weight = CJK_RE.test(text) ? 3 : 1;
  return length * weight > HEADLINE_MAX_CHARS || SENTENCE_END_RE.test(text) ? length : 0;
}

/**
 * The deepest element under `root` holding nearly all of its prose (blocks of running text,
 * `skip` left out: captions). What lies beside it on the way down is the story's surroundings:
 * the lead picture, labels, teasers. `root` when the prose is spread out or there is none.
 */
export function findStoryBlock(root: Element, skip: Set<Element> = new Set()): Element {
  const prose = new Map<Element, number>();
  const visit = (el: Element): number => {
    if (skip.has(el)) return 0;
    let sum = ownProse(el);
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      sum += visit(child);
    }
    prose.set(el, sum);
    return sum;
  };
  const total = visit(root);
  let block = root;
  while (total > 0) {
    let next: Element | null = null;
    for (let child = block.firstElementChild; child; child = child.nextElementSibling) {
      if ((prose.get(child) ?? 0) >= STORY_SHARE * total) next = child;
    }
    if (!next) break;
    block = next;
  }
  return block;
}
