import { blocksStartingWith, outermostWrapper, removeAll, shortText, textOf } from './cleanup/dom';

export interface Credit {
  /** 'author' for writers and reporters; otherwise the label as written ("Editor"). */
  role: string;
  name: string;
}

const AUTHOR_LABELS = new Set([
  'penulis',
  'reporter',
  'pewarta',
  'wartawan',
  'kontributor',
  'oleh',
  'writer',
  'author',
]);
const LABEL_RE =
  /(^|[\s|,·/•–-])(penulis|reporter|pewarta|wartawan|kontributor|oleh|writer|author|editor|redaktur|penyunting|fotografer|videografer)\s*(:|：)\s*/gi;
const NAME_RE = /^[\p{L}\p{M}.'’\-\s,&()]+$/u;
const MAX_CHARS = 160;
const MAX_NAME_WORDS = 8;

function cleanName(value: string): string {
  return value.replace(/^[\s|,·/•–:-]+|[\s|,·/•–:-]+$/g, '').trim();
}

/** Reads "Penulis: A | Editor: B" lines; null unless the whole text is credits. */
export function parseCredits(text: string): Credit[] | null {
  if (text.length > MAX_CHARS) return null;
  const matches = Array.from(text.matchAll(LABEL_RE));
  if (matches.length === 0 || text.slice(0, matches[0].index).trim()) return null;
  const credits: Credit[] = [];
  matches.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = i + 1 < matches.length ? matches[i + 1].index : text.length;
    const name = cleanName(text.slice(start, end));
    const label = match[2].toLowerCase();
    const role = AUTHOR_LABELS.has(label) ? 'author' : label[0].toUpperCase() + label.slice(1);
    credits.push({ role, name });
  });
  const valid = credits.every(
    (c) => c.name && NAME_RE.test(c.name) && c.name.split(/\s+/).length <= MAX_NAME_WORDS,
  );
  return valid ? credits : null;
}

/** Short text of an element, table cells kept apart; null when too long for a credit line. */
function lineText(el: Element): string | null {
  const text = shortText(el, MAX_CHARS);
  if (text === null || el.tagName !== 'TR') return text;
  return Array.from(el.children, (cell) => textOf(cell)).join(' ');
}

const CREDIT_BLOCKS = new Set([
  'p',
  'div',
  'tr',
  'li',
  'span',
  'small',
  'address',
  'em',
  'strong',
  'h5',
  'h6',
]);
/** How a credit line's text starts: its label (parseCredits wants the colon after it). */
const LABEL_START_RE =
  /^[\s|,·/•–-]*(penulis|reporter|pewarta|wartawan|kontributor|oleh|writer|author|editor|redaktur|penyunting|fotografer|videografer)/i;
/** NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION (the global is missing in some environments). */
const SHOW_TEXTS = 4 | 8;

/**
 * The blocks under `root` that could be credit lines, in document order. A credit line's text
 * starts with its label, so only blocks whose first text does are read, not every block's text.
 */
function* creditCandidates(root: Element): Generator<Element> {
  const texts = root.ownerDocument.createTreeWalker(root, SHOW_TEXTS);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    if (!LABEL_START_RE.test(text.nodeValue ?? '')) continue;
    const blocks = blocksStartingWith(text, root).filter((el) => CREDIT_BLOCKS.has(el.localName));
    for (let i = blocks.length - 1; i >= 0; i -= 1) yield blocks[i];
  }
}

/** Credit lines under `root`: the elements and what they say. */
function creditLines(root: Element): { el: Element; credits: Credit[] }[] {
  const lines: { el: Element; credits: Credit[] }[] = [];
  for (const el of creditCandidates(root)) {
    if (lines.some((line) => line.el.contains(el))) continue;
    const text = lineText(el);
    const credits = text ? parseCredits(text) : null;
    if (credits) lines.push({ el: el.tagName === 'TR' ? el : outermostWrapper(el), credits });
  }
  return lines;
}

/** The first credit line anywhere under `root`, read only (for bylines outside the article). */
export function findCredits(root: Element): Credit[] {
  for (const el of creditCandidates(root)) {
    const text = lineText(el);
    const credits = text ? parseCredits(text) : null;
    if (credits) return credits;
  }
  return [];
}

/** Finds credit lines in article content, removes them and returns who they name. */
export function takeCredits(root: Element): Credit[] {
  const lines = creditLines(root);
  removeAll(lines.map((line) => line.el));
  const credits = lines.flatMap((line) => line.credits);
  // Tables left with no rows (a credits table) go too.
  removeAll(Array.from(root.querySelectorAll('table')).filter((t) => !textOf(t)));
  return credits;
}

/** A company or a site rather than a person: "PT. VIVA MEDIA BARU", "Kompas Cyber Media". */
const ORGANIZATION_RE =
  /(^|\s)(pt\.?|tbk\.?|media|group|grup|network|corp\.?|inc\.?|ltd\.?|redaksi|newsroom)(\s|$)|\.(com|co\.id|id|net|org)\b/i;

export function isOrganization(name: string): boolean {
  return ORGANIZATION_RE.test(name);
}

/** Readability's byline plus credits, without repeating a name: "A · Editor: B". */
export function mergeByline(byline: string | null, credits: Credit[]): string | null {
  const parts: string[] = [];
  const seen: string[] = [];
  const add = (part: string, name: string) => {
    const key = name.toLowerCase();
    if (seen.some((s) => s.includes(key) || key.includes(s))) return;
    seen.push(key);
    parts.push(part);
  };
  const own = byline?.replace(/\s+/g, ' ').trim();
  // A byline that is itself a credit line ("Reporter: A | Editor: B") is read like one.
  const ownCredits = own ? parseCredits(own) : null;
  // The publisher in the author field gives way to the people credited in the article.
  const publisherOnly = own && isOrganization(own) && credits.length > 0;
  if (own && !ownCredits && !publisherOnly) add(own, own);
  for (const credit of [...(ownCredits ?? []), ...credits]) {
    add(credit.role === 'author' ? credit.name : `${credit.role}: ${credit.name}`, credit.name);
  }
  return parts.length ? parts.join(' · ') : null;
}
