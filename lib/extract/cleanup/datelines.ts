import { findDate } from '../dates';
import { outermostWrapper, removeAll, shortText, textOf } from './dom';

const MAX_CHARS = 120;
/** What may sit beside the date on a meta line: a label, a view count, a name. */
const MAX_LEFTOVER_WORDS = 6;
const LABEL_RE =
  /\b(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|diperbarui|diterbitkan|dipublikasikan|update[d]?( on)?|published( on)?|posted( on)?|terbit|pukul|wib|wita|wit)\b/gi;

/** A short block that is only a date line ("Kamis, 5 November 2015 14:56 WIB | 1.229 Views"). */
export function datelineDate(el: Element): string | null {
  const text = shortText(el, MAX_CHARS);
  if (!text) return null;
  const found = findDate(text);
  if (!found || !(found.hasTime || found.hasWeekday)) return null;
  const leftover = (text.slice(0, found.start) + ' ' + text.slice(found.end))
    .replace(LABEL_RE, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim();
  const words = leftover ? leftover.split(/\s+/) : [];
  return words.length <= MAX_LEFTOVER_WORDS ? found.iso : null;
}

/** Date lines sit at the top or the bottom of a story; dates inside it are content. */
const EDGE_BLOCKS = 4;
const LINE_TAGS = new Set('P DIV LI H1 H2 H3 H4 H5 H6 HEADER FOOTER ADDRESS DD DT'.split(' '));
/** Dates in code, tables and quotes are content wherever they sit. */
const OPAQUE_TAGS = new Set(['PRE', 'CODE', 'TABLE', 'BLOCKQUOTE']);

/** The innermost text blocks under `root` in order, outside code, tables and quotes. */
function innermostBlocks(root: Element): Element[] {
  const blocks: Element[] = [];
  /** Returns whether `el` is or holds a line block. */
  const visit = (el: Element, opaque: boolean): boolean => {
    let holdsBlock = false;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (visit(child, opaque || OPAQUE_TAGS.has(child.tagName))) holdsBlock = true;
    }
    const isLine = LINE_TAGS.has(el.tagName);
    if (isLine && !holdsBlock && !opaque && textOf(el)) blocks.push(el);
    return isLine || holdsBlock;
  };
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    visit(child, OPAQUE_TAGS.has(child.tagName));
  }
  return blocks;
}

/** Removes date lines near the start or end of article content; returns their dates (ISO). */
export function removeDatelines(root: Element): string[] {
  const blocks = innermostBlocks(root);
  const edges = new Set([...blocks.slice(0, EDGE_BLOCKS), ...blocks.slice(-EDGE_BLOCKS)]);
  const found: Element[] = [];
  const dates: string[] = [];
  for (const el of edges) {
    const iso = datelineDate(el);
    if (!iso || el.querySelector('img, picture, video, iframe')) continue;
    found.push(outermostWrapper(el));
    dates.push(iso);
  }
  removeAll(found);
  return dates;
}
