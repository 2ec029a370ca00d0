/**
 * Readability on the story alone. Most of a news page is not its story (menus, teasers,
 * comments), and Readability scores all of it. The story is the one the page marks, else the
 * block around nearly all of its running text. The copy Readability reads holds that story,
 * the elements around it (without their other children), the page's metadata and the first
 * byline Readability would have found elsewhere on the page.
 */

import { BLOCK_TAGS } from './cleanup/dom';

/** Readability's patterns (Readability.js 0.6.0, REGEXPS and UNLIKELY_ROLES). */
const BYLINE_RE = /byline|author|dateline|writtenby|p-author/i;
const UNLIKELY_RE =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE_CANDIDATE_RE = /and|article|body|column|content|main|shadow/i;
const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
]);
/** Readability's longest byline (characters). */
const MAX_BYLINE_CHARS = 100;
/** Shorter <article>s are teaser cards. */
const MIN_STORY_CHARS = 200;
/** A story holds at least this share of the page's text (reader comments can be long). */
const MIN_PROSE_SHARE = 0.5;
/** Blocks with less text of their own are captions, labels and teasers. */
const MIN_PARAGRAPH_CHARS = 50;
/** An unmarked story's block holds this share of the page's text. */
const PROSE_BLOCK_SHARE = 0.9;
/**
 * How far above that block the story starts: Readability adds what lies beside the element it
 * picks, often the block's parent (two levels gave the same metadata as the whole page on all
 * 350 corpus pages, one level changed one excerpt).
 */
const LEVELS_ABOVE_PROSE = 2;

/** Marks the byline carried into the copy, so it can be taken out of the article afterwards. */
export const CARRIED_BYLINE_ATTR = 'data-baca-bersih-byline';

export interface Narrowing {
  story: Element;
  /** The first byline Readability would find, when it lies outside the story. */
  byline: Element | null;
}

/**
 * Readability reads headings for a title only when `<title>` has a colon and no separator, or
 * is shorter than 15 or longer than 150 characters (`_getArticleTitle`).
 */
function titleIgnoresHeadings(title: string): boolean {
  if (/ [|\-\\/>»] /.test(title)) return true;
  if (title.includes(': ')) return false;
  return title.length >= 15 && title.length <= 150;
}

function matchString(el: Element): string {
  const className = typeof el.className === 'string' ? el.className : String(el.className);
  return `${className} ${el.id}`;
}

/** Readability's `_isProbablyVisible`. */
function isProbablyVisible(el: Element): boolean {
  // Inline styles set from script show in the attribute too; most elements have none.
  const style = el.hasAttribute('style') ? (el as HTMLElement).style : undefined;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  if (el.hasAttribute('hidden')) return false;
  return (
    el.getAttribute('aria-hidden') !== 'true' ||
    (typeof el.className === 'string' && el.className.includes('fallback-image'))
  );
}

/** Readability's `_hasAncestorTag` with its default depth. */
function hasNearAncestor(el: Element, tagName: string): boolean {
  let depth = 0;
  for (let parent = el.parentElement; parent && depth <= 3; parent = parent.parentElement) {
    if (parent.tagName === tagName) return true;
    depth += 1;
  }
  return false;
}

/** Left out of the copy with what they hold (see preparePage): menus and form controls. */
const NOT_COPIED_TAGS = new Set(['template', 'select', 'button', 'textarea']);

/** Not in the copy, or removed by Readability's first pass before it reads what is inside. */
function isRemovedWhole(el: Element, story: Element): boolean {
  if (NOT_COPIED_TAGS.has(el.localName)) return true;
  if (el.localName === 'nav' && !el.contains(story)) return true;
  if (!isProbablyVisible(el)) return true;
  if (el.getAttribute('aria-modal') === 'true' && el.getAttribute('role') === 'dialog') return true;
  return false;
}

function isRemovedAsUnlikely(el: Element, match: string): boolean {
  if (
    UNLIKELY_RE.test(match) &&
    !MAYBE_CANDIDATE_RE.test(match) &&
    !hasNearAncestor(el, 'TABLE') &&
    !hasNearAncestor(el, 'CODE') &&
    el.tagName !== 'BODY' &&
    el.tagName !== 'A'
  ) {
    return true;
  }
  return UNLIKELY_ROLES.has(el.getAttribute('role') ?? '');
}

/** Readability's `_isValidByline`. */
function isByline(el: Element, match: string): boolean {
  const itemprop = el.getAttribute('itemprop');
  if (
    el.getAttribute('rel') !== 'author' &&
    !itemprop?.includes('author') &&
    !BYLINE_RE.test(match)
  ) {
    return false;
  }
  const length = (el.textContent ?? '').trim().length;
  return length > 0 && length < MAX_BYLINE_CHARS;
}

/** The next element in document order after `el`'s subtree, within `root`. */
function nextOutside(el: Element, root: Element): Element | null {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (node.nextElementSibling) return node.nextElementSibling;
  }
  return null;
}

/**
 * The first byline of Readability's first pass over `doc`, walking as it does: hidden and
 * unlikely elements are skipped with what they hold. Null when there is none, or it is in `story`.
 */
function bylineOutside(doc: Document, story: Element): Element | null {
  const root = doc.documentElement;
  for (let el: Element | null = root; el;) {
    const match = matchString(el);
    if (isRemovedWhole(el, story)) {
      el = nextOutside(el, root);
      continue;
    }
    if (isByline(el, match)) return story.contains(el) ? null : el;
    el = isRemovedAsUnlikely(el, match)
      ? nextOutside(el, root)
      : (el.firstElementChild ?? nextOutside(el, root));
  }
  return null;
}

/** Readability's first pass reaches the story: nothing around it is removed whole. */
function isStoryReached(story: Element): boolean {
  for (let el: Element | null = story; el; el = el.parentElement) {
    const match = matchString(el);
    if (isRemovedWhole(el, story) || isRemovedAsUnlikely(el, match)) return false;
  }
  return true;
}

/** Text in blocks below <body>, as one of the two measures below counts it. */
interface Prose {
  /** Each counted block's own text. */
  own: Map<Element, number>;
  /** The text of the counted blocks inside each element (its own left out). */
  under: Map<Element, number>;
  total: number;
}

/** Never text a reader sees, wherever they sit. */
const NOT_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
/** NodeFilter.SHOW_TEXT (the global is missing in some environments). */
const SHOW_TEXT = 4;

/** Adds up `own` (blocks shorter than MIN_PARAGRAPH_CHARS left out) in each block's ancestors. */
function proseOf(body: HTMLElement, own: Map<Element, number>): Prose {
  const under = new Map<Element, number>();
  let total = 0;
  for (const [block, length] of own) {
    if (length < MIN_PARAGRAPH_CHARS) {
      own.delete(block);
      continue;
    }
    total += length;
    for (let el = block.parentElement; el && el !== body; el = el.parentElement) {
      under.set(el, (under.get(el) ?? 0) + length);
    }
  }
  return { own, under, total };
}

/** The page's paragraphs: what Readability scores most. */
function paragraphProse(body: HTMLElement): Prose {
  const own = new Map<Element, number>();
  for (const p of Array.from(body.getElementsByTagName('p'))) {
    own.set(p, (p.textContent ?? '').trim().length);
  }
  return proseOf(body, own);
}

/** The block whose own text `text` is (its nearest block); null in links, scripts and the like. */
function blockOf(text: Node, body: HTMLElement): Element | null {
  for (let el = text.parentElement; el && el !== body; el = el.parentElement) {
    if (el.tagName === 'A' || NOT_TEXT_TAGS.has(el.tagName)) return null;
    if (BLOCK_TAGS.has(el.tagName)) return el;
  }
  return null;
}

/**
 * All running text: what blocks hold directly, outside links, so a story kept in divs with line
 * breaks counts as well as one in paragraphs. One walk over the text nodes, each climbing to
 * its block: linear in the page's size times its depth (which isTooLarge bounds).
 */
function runningText(body: HTMLElement): Prose {
  const own = new Map<Element, number>();
  const texts = body.ownerDocument.createTreeWalker(body, SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    const length = (text.nodeValue ?? '').trim().length;
    const block = length > 0 ? blockOf(text, body) : null;
    if (block) own.set(block, (own.get(block) ?? 0) + length);
  }
  return proseOf(body, own);
}

/** The story the page marks: its only articleBody (or the <article> around it), else its only long <article>. */
function markedStory(body: HTMLElement): Element | null {
  const bodies = body.querySelectorAll('[itemprop="articleBody"]');
  if (bodies.length > 1) return null;
  if (bodies.length === 1) return bodies[0].closest('article') ?? bodies[0];
  let found: Element | null = null;
  for (const article of Array.from(body.getElementsByTagName('article'))) {
    if (found?.contains(article)) continue;
    if ((article.textContent ?? '').trim().length < MIN_STORY_CHARS) continue;
    if (found) return null;
    found = article;
  }
  return found;
}

/** `story` holds at least `share` of the text `prose` counts. */
function holdsShare(story: Element, prose: Prose, share: number): boolean {
  const inStory = (prose.under.get(story) ?? 0) + (prose.own.get(story) ?? 0);
  return prose.total > 0 && inStory >= share * prose.total;
}

/** The deepest block with nearly all the text `prose` counts, and around it; null when that is <body>. */
function proseStory(body: HTMLElement, prose: Prose): Element | null {
  if (prose.total === 0) return null;
  let block: Element = body;
  for (;;) {
    let next: Element | null = null;
    for (let child = block.firstElementChild; child; child = child.nextElementSibling) {
      if ((prose.under.get(child) ?? 0) >= PROSE_BLOCK_SHARE * prose.total) next = child;
    }
    if (!next) break;
    block = next;
  }
  for (let i = 0; i < LEVELS_ABOVE_PROSE && block !== body; i += 1) {
    block = block.parentElement ?? body;
  }
  return block === body ? null : block;
}

/**
 * The story: the one the page marks when it holds most of the paragraphs (a reader comment in an
 * <article> does not); else found from the paragraphs, when that holds most of the running text
 * (on a page whose story is in divs, the paragraphs may be a footer's); else from the running text.
 */
function findStory(body: HTMLElement): Element | null {
  const paragraphs = paragraphProse(body);
  const marked = markedStory(body);
  if (marked && holdsShare(marked, paragraphs, MIN_PROSE_SHARE)) return marked;
  const running = runningText(body);
  const fromParagraphs = proseStory(body, paragraphs);
  if (fromParagraphs && holdsShare(fromParagraphs, running, MIN_PROSE_SHARE)) return fromParagraphs;
  return proseStory(body, running);
}

/**
 * When Readability can read `doc`'s story alone and come to the same title and byline: the
 * story and the byline to carry. Null when no block holds most of the page's prose, or
 * Readability's title or first pass depends on the rest.
 */
export function planNarrowing(doc: Document): Narrowing | null {
  const body = doc.body;
  if (!body || !titleIgnoresHeadings(doc.title.trim())) return null;
  const story = findStory(body);
  if (!story || !isStoryReached(story)) return null;
  return { story, byline: bylineOutside(doc, story) };
}

/** Scripts and metas Readability reads for metadata wherever they are. */
function isMetadata(el: Element): boolean {
  return el.localName === 'meta' || el.getAttribute('type')?.trim() === 'application/ld+json';
}

/**
 * Fills `shell` (the copy's empty <body>) with `body`'s metadata, the elements from `body` down
 * to the story (without their other children), the carried byline and the story.
 */
export function copyNarrowed(body: HTMLElement, shell: Element, narrowing: Narrowing): void {
  const copy = shell.ownerDocument;
  const { story, byline } = narrowing;
  for (const el of Array.from(body.querySelectorAll('meta, script[type]'))) {
    if (isMetadata(el) && !story.contains(el)) shell.appendChild(copy.importNode(el, true));
  }
  const path: Element[] = [];
  for (let el = story.parentElement; el && el !== body; el = el.parentElement) path.push(el);
  let parent = shell;
  for (let i = path.length - 1; i >= 0; i -= 1) {
    parent = parent.appendChild(copy.importNode(path[i], false));
  }
  if (byline) {
    const carried = parent.appendChild(copy.importNode(byline, true));
    carried.setAttribute(CARRIED_BYLINE_ATTR, '');
  }
  parent.appendChild(copy.importNode(story, true));
}
