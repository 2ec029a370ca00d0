/**
 * Safety guard: whatever a list or heuristic proposes, never hide the article body, the
 * headline, the lead image, an in-article photo or a paragraph of the story. Cheap signals
 * only: paragraph text, a few well-known body selectors, og:image.
 */

export interface ProtectedRegion {
  /** Body, headline and lead image: hiding them or any ancestor is refused. */
  elements: Element[];
  body: Element | null;
  headline: Element | null;
  leadImage: Element | null;
  /** Story blocks and captioned figures: refused too, and so is inline text inside them. */
  content: Element[];
  /** Text length of every prose paragraph on the page, to refuse elements holding much of it. */
  proseTotal: number;
  prose: { el: Element; length: number }[];
}

/** Article-body containers used by Indonesian news CMSes (and schema.org). */
const BODY_SELECTORS = [
  '[itemprop="articleBody"]',
  '.entry-content',
  '.detail-text',
  '.detail__body-text',
  '.read__content',
  '.txt-article',
  '.post-content',
  '.article-content-body',
  '.article-content',
  '.content-detail',
  '.detail-content',
  '.post-body',
  '.article-body',
  '.article__content',
  '.single-content',
  '.isi-berita',
].join(',');

const MAX_BLOCKS = 3000;
const PROSE_MIN = 80;
/** A shorter paragraph inside the body is story text too (a disclosure, a one-line quote). */
const SHORT_TEXT_MIN = 25;
/** Slot labels: never story text, whatever their length. */
const AD_LABEL =
  /^[-–—\s]*(advertisement|advertising|iklan|ads|sponsored|scroll to continue with content|scroll untuk melanjutkan|gulir untuk melanjutkan)[-–—\s]*$/i;
/** Share of the page's prose above which an element is never hidden. */
const PROSE_SHARE = 0.25;
const OUTSIDE_CONTENT = 'nav, footer, aside, [role="navigation"], [role="complementary"]';

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

const INLINE = new Set([
  'A',
  'B',
  'STRONG',
  'I',
  'EM',
  'U',
  'SPAN',
  'SMALL',
  'SUP',
  'SUB',
  'FONT',
  'Q',
]);
const BLOCKS = 'p, div, td, section, article, blockquote, font';

/** Text a block shows itself: its text nodes and inline children, not nested blocks. */
function ownText(el: Element): { length: number; links: number } {
  let length = 0;
  let links = 0;
  for (const node of el.childNodes) {
    if (node.nodeType === 3) {
      length += (node.nodeValue ?? '').trim().length;
    } else if (node.nodeType === 1 && INLINE.has((node as Element).tagName)) {
      const child = node as Element;
      const text = textLength(child);
      length += text;
      if (child.tagName === 'A') links += text;
      else for (const a of child.querySelectorAll('a')) links += textLength(a);
    }
  }
  return { length, links };
}

/**
 * Blocks that read as story text: paragraphs, or divs of text split by <br>, long enough and
 * not mostly links.
 */
function findProse(doc: Document): { el: Element; length: number }[] {
  const prose: { el: Element; length: number }[] = [];
  const blocks = doc.body?.querySelectorAll(BLOCKS) ?? [];
  for (let i = 0; i < blocks.length && i < MAX_BLOCKS; i += 1) {
    const block = blocks[i];
    const { length, links } = ownText(block);
    if (length < PROSE_MIN || links > length * 0.5 || block.closest(OUTSIDE_CONTENT)) continue;
    prose.push({ el: block, length });
  }
  return prose;
}

/** The smallest element holding most of the prose (or a known body container). */
function findBody(doc: Document, prose: { el: Element; length: number }[]): Element | null {
  const total = prose.reduce((sum, p) => sum + p.length, 0);
  if (total === 0) {
    return doc.querySelector(BODY_SELECTORS) ?? doc.querySelector('article');
  }
  const byParent = new Map<Element, number>();
  for (const { el, length } of prose) {
    // Paragraphs vote for their container; a <br>-split text block is the container itself.
    const container = el.tagName === 'P' ? el.parentElement : el;
    if (container) byParent.set(container, (byParent.get(container) ?? 0) + length);
  }
  let body: Element | null = null;
  let best = 0;
  for (const [parent, score] of byParent) {
    if (score > best) [body, best] = [parent, score];
  }
  const within = (el: Element) =>
    prose.reduce((sum, p) => (el.contains(p.el) ? sum + p.length : sum), 0);
  // Climb until the container holds most of the story (paragraphs split by ad slots, etc.).
  while (body && within(body) < total * 0.6) {
    const parent: Element | null = body.parentElement;
    if (!parent || parent === doc.body || parent === doc.documentElement) break;
    body = parent;
  }
  // A known container around it that holds no extra prose is the better boundary.
  const known = body?.closest(BODY_SELECTORS);
  if (body && known && known !== doc.body && within(known) === within(body)) body = known;
  return body;
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );
}

function findHeadline(doc: Document, body: Element | null): Element | null {
  const headlines = [...doc.querySelectorAll('h1')].slice(0, 8);
  if (headlines.length <= 1) return headlines[0] ?? doc.querySelector('[itemprop="headline"]');
  const title =
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? doc.title;
  const titleWords = words(title);
  let best: Element | null = null;
  let bestScore = -1;
  for (const h1 of headlines) {
    const hw = words(h1.textContent ?? '');
    let score = [...hw].filter((w) => titleWords.has(w)).length;
    // Prefer the h1 in the same article as the body.
    if (body && h1.parentElement?.contains(body)) score += 0.5;
    if (score > bestScore) [best, bestScore] = [h1, score];
  }
  return best;
}

function fileName(url: string, base: string): string | null {
  try {
    const path = new URL(url, base).pathname;
    return path.slice(path.lastIndexOf('/') + 1).toLowerCase() || null;
  } catch {
    return null;
  }
}

function imageUrls(img: Element): string[] {
  const urls = ['src', 'data-src', 'data-lazy-src', 'data-original']
    .map((name) => img.getAttribute(name))
    .filter((url): url is string => !!url);
  const srcset = img.getAttribute('srcset') ?? img.getAttribute('data-srcset');
  if (srcset) urls.push(...srcset.split(',').map((part) => part.trim().split(/\s+/)[0]));
  return urls;
}

function findLeadImage(doc: Document, body: Element | null): Element | null {
  const base = doc.baseURI;
  const og = doc.querySelector('meta[property="og:image"]')?.getAttribute('content');
  const ogName = og ? fileName(og, base) : null;
  const images = [...(doc.body?.querySelectorAll('img') ?? [])].slice(0, 300);
  if (ogName) {
    const match = images.find((img) =>
      imageUrls(img).some((url) => fileName(url, base) === ogName),
    );
    if (match) return match;
  }
  const marked = doc.querySelector('img[itemprop="image"], [itemprop="image"] img');
  if (marked) return marked;
  // The first figure of the article, just before or at the top of the body.
  const article = body?.closest('article') ?? body?.parentElement ?? null;
  return article?.querySelector('figure img') ?? null;
}

/**
 * Short <p>s among the story's paragraphs (beside them, or one wrapper down) that read as
 * text: not mostly links, not an ad label. Teasers deeper in a wide body are not story text.
 */
function shortText(body: Element, story: Element[]): Element[] {
  const known = new Set(story);
  const containers = new Set(story.map((el) => (el.tagName === 'P' ? el.parentElement : el)));
  const found: Element[] = [];
  const paragraphs = body.querySelectorAll('p');
  for (let i = 0; i < paragraphs.length && i < MAX_BLOCKS; i += 1) {
    const p = paragraphs[i];
    const parent = p.parentElement;
    const nearStory = containers.has(parent) || containers.has(parent?.parentElement ?? null);
    if (known.has(p) || !nearStory || p.closest(OUTSIDE_CONTENT)) continue;
    const { length, links } = ownText(p);
    if (length < SHORT_TEXT_MIN || links > length * 0.5) continue;
    if (AD_LABEL.test((p.textContent ?? '').trim())) continue;
    found.push(p);
  }
  return found;
}

export function protectedRegion(doc: Document): ProtectedRegion {
  const prose = findProse(doc);
  const body = findBody(doc, prose);
  const headline = findHeadline(doc, body);
  const leadImage = findLeadImage(doc, body);
  const content: Element[] = prose.filter((p) => body?.contains(p.el)).map((p) => p.el);
  if (body) {
    content.push(...shortText(body, content));
    for (const figure of body.querySelectorAll('figure')) {
      if (figure.querySelector('figcaption') && figure.querySelector('img, picture, video')) {
        content.push(figure);
      }
    }
  }
  const elements = [body, headline, leadImage].filter((el): el is Element => el !== null);
  return {
    elements,
    body,
    headline,
    leadImage,
    content,
    prose,
    proseTotal: prose.reduce((sum, p) => sum + p.length, 0),
  };
}

export function isSafeToHide(el: Element, region: ProtectedRegion): boolean {
  const doc = el.ownerDocument;
  if (el === doc.documentElement || el === doc.body || el === doc.head) return false;
  for (const keep of region.elements) {
    if (el === keep || el.contains(keep)) return false;
  }
  if (region.headline?.contains(el)) return false;
  if (region.body?.contains(el)) {
    for (const keep of region.content) {
      if (el === keep || el.contains(keep)) return false;
      // Inline text of a story block (a link, a bold run) is part of the story; a block
      // nested in it (an ad <div> in a <br>-split text block) is not.
      if (keep.contains(el) && INLINE.has(el.tagName) && textLength(el) > 0) return false;
    }
  }
  if (region.proseTotal > 0) {
    let held = 0;
    for (const p of region.prose) if (el.contains(p.el)) held += p.length;
    if (held > region.proseTotal * PROSE_SHARE) return false;
  }
  return true;
}

/** Safe elements, without those already inside another chosen element. */
export function filterHideable(
  elements: Iterable<Element>,
  region: ProtectedRegion,
): { hide: Element[]; skipped: number } {
  const safe = new Set<Element>();
  let skipped = 0;
  for (const el of elements) {
    if (safe.has(el)) continue;
    if (isSafeToHide(el, region)) safe.add(el);
    else skipped += 1;
  }
  const hide = [...safe].filter((el) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (safe.has(up)) return false;
    return true;
  });
  return { hide, skipped };
}
