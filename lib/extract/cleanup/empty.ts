import { removeAll } from './dom';

const MEDIA_TAGS = new Set(
  'IMG PICTURE VIDEO AUDIO IFRAME EMBED OBJECT SVG CANVAS TABLE HR'.split(' '),
);
const BLOCK_TAGS = new Set(
  'P DIV LI UL OL DL FIGURE SECTION ASIDE BLOCKQUOTE H1 H2 H3 H4 H5 H6'.split(' '),
);
const TEXT = 1;
const MEDIA = 2;

/** Removes blocks left with no text and no media after the other rules ran. */
export function removeEmptyBlocks(root: Element): number {
  const empty: Element[] = [];
  // A figure without its picture leaves an orphan caption.
  const orphans: Element[] = [];
  /** What `el` holds: TEXT and/or MEDIA. */
  const visit = (el: Element): number => {
    let holds = MEDIA_TAGS.has(el.tagName.toUpperCase()) ? MEDIA : 0;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) holds |= visit(child as Element);
      else if ((child.nodeType === 3 || child.nodeType === 4) && child.nodeValue?.trim()) {
        holds |= TEXT;
      }
    }
    if (el !== root && BLOCK_TAGS.has(el.tagName)) {
      if (holds === 0) empty.push(el);
      else if (el.tagName === 'FIGURE' && !(holds & MEDIA)) orphans.push(el);
    }
    return holds;
  };
  visit(root);
  return removeAll(empty) + removeAll(orphans);
}
