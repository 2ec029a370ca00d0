/**
 * Readability on the story alone. Most of a news page is not its story (menus, teasers,
 * comments), and Readability scores all of it. When a page marks one story, the copy it reads
 * holds that story, the elements around it (without their other children), the page's metadata
 * and the first byline Readability would have found elsewhere on the page.
 */

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
/** The story holds at least this share of the page's paragraph text (comments can be long). */
const MIN_PROSE_SHARE = 0.5;

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

/** The page's one story: its only articleBody (or the <article> around it), else its only long <article>. */
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

/** Most of the page's paragraph text is in the story (a reader comment in an <article> is not). */
function holdsMostProse(body: HTMLElement, story: Element): boolean {
  let inStory = 0;
  let total = 0;
  for (const p of Array.from(body.getElementsByTagName('p'))) {
    const length = p.textContent?.length ?? 0;
    total += length;
    if (story.contains(p)) inStory += length;
  }
  if (total === 0) {
    inStory = story.textContent?.length ?? 0;
    total = body.textContent?.length ?? 0;
  }
  return inStory >= MIN_PROSE_SHARE * total;
}

function matchString(el: Element): string {
  const className = typeof el.className === 'string' ? el.className : String(el.className);
  return `${className} ${el.id}`;
}

/** Readability's `_isProbablyVisible`. */
function isProbablyVisible(el: Element): boolean {
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
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

/** What Readability's first pass removes before reading what is inside. */
function isRemovedWhole(el: Element): boolean {
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
    if (isRemovedWhole(el)) {
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
    if (isRemovedWhole(el) || isRemovedAsUnlikely(el, match)) return false;
  }
  return true;
}

/**
 * When Readability can read `doc`'s story alone and come to the same title and byline: the
 * story and the byline to carry. Null when the page marks no single story, the story is not
 * most of its prose, or Readability's title or first pass depends on the rest.
 */
export function planNarrowing(doc: Document): Narrowing | null {
  const body = doc.body;
  if (!body || !titleIgnoresHeadings(doc.title.trim())) return null;
  const story = markedStory(body);
  if (!story || !holdsMostProse(body, story) || !isStoryReached(story)) return null;
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
