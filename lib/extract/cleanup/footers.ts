import { linkTextLength, outermostWrapper, removeAll, shortText } from './dom';

const SOURCE_RE = /^(sumber|source)\s*(:|：)?\s*/i;
const COPYRIGHT_RE =
  /^(copyright\s*(©|\(c\)|\d{4})|©|\(c\)\s*\d{4})|©\s*\d{4}|\b\d{4}\s*©|hak cipta dilindungi|all rights reserved/i;
/** "Info iklan", ad-sales and newsroom contact lines. */
const CONTACT_RE = /(pemasangan iklan|informasi iklan|info iklan|\[at\])/i;
const MAX_CHARS = 160;
const BLOCKS = 'p, div, li, small, footer, tr, dd, address';

/** "Sumber:" with nothing after it, or only a link. */
export function isEmptySource(el: Element): boolean {
  const text = shortText(el, MAX_CHARS);
  const match = text ? SOURCE_RE.exec(text) : null;
  if (!text || !match) return false;
  const rest = text.slice(match[0].length).replace(/^[:\s]+/, '');
  // Without a colon, "Sumber" must stand alone or label a table row ("Sumber | : link").
  if (!match[2] && rest && el.tagName !== 'TR') return false;
  return rest.length === 0 || linkTextLength(el) >= rest.length * 0.8;
}

/** Removes empty or link-only "Sumber:" lines, copyright lines and ad-sales contact lines. */
export function removeFooters(root: Element): number {
  const found: Element[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    // Photo credits in captions stay with their picture.
    if (found.some((f) => f.contains(el)) || el.closest('figure')) continue;
    const text = shortText(el, MAX_CHARS);
    if (!text) continue;
    if (isEmptySource(el) || COPYRIGHT_RE.test(text) || CONTACT_RE.test(text)) {
      found.push(outermostWrapper(el));
    }
  }
  return removeAll(found);
}
