import { Readability } from '@mozilla/readability';
import type { ExtractedArticle } from '../article';
import { articleCaptions } from './captions';
import { cleanArticle, cleanPage } from './cleanup';
import { findCredits, mergeByline } from './credits';
import { findPublishedTime } from './dates';
import { findLanguage } from './lang';
import { resolveLazyImages } from './lazy-images';
import { findLeadImage } from './lead-image';
import { cleanTitle, findExcerpt, findSiteName } from './metadata';
import { isTooLarge, MAX_DEPTH, MAX_ELEMENTS } from './limits';
import { CARRIED_BYLINE_ATTR, copyNarrowed, type Narrowing, planNarrowing } from './narrow';
import { withPageMemo } from './page-memo';
import { isReaderable } from './readerable';
import { blockText, countWords, paragraphTexts } from './text';
import { absolutizeUrls, baseUrl } from './urls';

export { isReaderable };

export type ExtractResult =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; reason: 'not-readerable' | 'no-content' | 'too-large' };

export interface ExtractOptions {
  /** The page URL: the base for relative links and a homepage signal. */
  url: string;
  /** Extract even when the page does not look like an article. */
  force?: boolean;
  /** Let Readability read the whole page, not the story alone (for comparisons). */
  wholePage?: boolean;
}

export { MAX_DEPTH, MAX_ELEMENTS };
/** Readability's default minimum article length; lower values let it settle for a page footer. */
const CHAR_THRESHOLD = 500;

/**
 * Never content: templates, links, http-equiv metas, SVG titles (Readability drops scripts and
 * styles); menus and form controls, which Readability would score on every pass and drop from
 * the article at the end (on some pages menus are a third of all elements).
 */
const NOT_CONTENT_TAGS = new Set([
  'template',
  'link',
  'meta',
  'title',
  'nav',
  'select',
  'button',
  'input',
  'textarea',
]);

/** Where a page may keep its story (`article, main, [itemprop="articleBody"]`). */
function isStory(el: Element): boolean {
  return (
    el.localName === 'article' ||
    el.localName === 'main' ||
    el.getAttribute('itemprop') === 'articleBody'
  );
}

function isNotContent(el: Element, stories: Element[]): boolean {
  switch (el.tagName) {
    case 'META':
      return el.hasAttribute('http-equiv');
    case 'TITLE':
      // SVG titles in the body would read as text; the page's own <title> stays.
      return el.parentElement?.tagName !== 'HEAD';
    case 'NAV':
      // A page that wraps its story in a <nav>, or marks the <nav> as its story, keeps it.
      return !stories.some((story) => el.contains(story));
    default:
      return true;
  }
}

/** Calls `visit` on `root` and every element under it, in document order. */
function forEachElement(root: Element | null, visit: (el: Element) => void): void {
  for (let el = root; el;) {
    visit(el);
    let next: Element | null = el.firstElementChild;
    while (!next && el && el !== root) {
      next = el.nextElementSibling;
      if (!next) el = el.parentElement;
    }
    el = next;
  }
}

/** Readability resolves the article's links against the document's base: make it ours. */
function setBase(clone: Document, base: string): void {
  const element = clone.createElement('base');
  element.setAttribute('href', base);
  const head = clone.head ?? clone.documentElement;
  head?.insertBefore(element, head.firstChild);
}

/**
 * On the clone: drop what is never content, resolve lazy images, take out "Baca juga" links.
 * URLs are made absolute on the article alone, afterwards (Readability resolves them too).
 */
function preparePage(clone: Document, base: string, pageUrl: string): void {
  // The page's own URL gives the same base; only a different one needs a <base>.
  if (pageUrl !== clone.URL) setBase(clone, base);
  // One walk over the page finds both, before anything is removed.
  const candidates: Element[] = [];
  const stories: Element[] = [];
  forEachElement(clone.documentElement, (el) => {
    if (NOT_CONTENT_TAGS.has(el.localName)) candidates.push(el);
    if (isStory(el)) stories.push(el);
  });
  for (const el of candidates) if (isNotContent(el, stories)) el.remove();
  resolveLazyImages(clone);
  if (clone.body) cleanPage(clone.body);
}

function runReadability(clone: Document): ReturnType<Readability<Element>['parse']> {
  try {
    return new Readability<Element>(clone, {
      charThreshold: CHAR_THRESHOLD,
      // Classes stay for our cleanup rules; stripClasses drops them afterwards.
      keepClasses: true,
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (node) => node as Element,
    }).parse();
  } catch {
    // Readability throws when the page has more than maxElemsToParse elements.
    return null;
  }
}

/** Scripts the copy keeps: JSON-LD, which Readability reads for metadata. */
const JSON_LD_TYPE = /^\s*application\/ld\+json\s*$/i;

/** Styles, links, templates and code: never read from the copy, and costly to copy. */
function worthCopying(node: Node): boolean {
  if (node.nodeType !== 1) return true;
  switch ((node as Element).localName) {
    case 'style':
    case 'link':
    case 'template':
      return false;
    case 'script':
      return JSON_LD_TYPE.test((node as Element).getAttribute('type') ?? '');
    default:
      return true;
  }
}

/**
 * Copies the page into `copy` (an empty document), leaving out the styles and scripts that sit
 * directly in <html>, <head> and <body>: a browser parses every copied stylesheet again (one
 * page's 845 kB of inline CSS made its copy take 26 ms instead of 0.6). With a `narrowing`, the
 * body holds only the story and what Readability reads around it.
 */
function copyPage(doc: Document, copy: Document, narrowing: Narrowing | null): void {
  for (let top = doc.firstChild; top; top = top.nextSibling) {
    if (top !== doc.documentElement) {
      copy.appendChild(copy.importNode(top, true));
      continue;
    }
    const html = copy.appendChild(copy.importNode(top, false));
    for (let part = top.firstChild; part; part = part.nextSibling) {
      if (part !== doc.head && part !== doc.body) {
        if (worthCopying(part)) html.appendChild(copy.importNode(part, true));
        continue;
      }
      const shell = html.appendChild(copy.importNode(part, false));
      if (narrowing && part === doc.body) {
        copyNarrowed(doc.body, shell as Element, narrowing);
        continue;
      }
      for (let child = part.firstChild; child; child = child.nextSibling) {
        if (worthCopying(child)) shell.appendChild(copy.importNode(child, true));
      }
    }
  }
}

/** A copy to clean; jsdom refuses to clone a doctype with a broken name (`html<`). */
function clonePage(doc: Document, narrowing: Narrowing | null): Document {
  try {
    const copy = doc.cloneNode(false) as Document;
    copyPage(doc, copy, narrowing);
    return copy;
  } catch {
    const copy = doc.implementation.createHTMLDocument('');
    copy.replaceChild(copy.importNode(doc.documentElement, true), copy.documentElement);
    return copy;
  }
}

/** Readability's reading of a prepared copy of `doc`, without the byline carried into it. */
function readCopy(doc: Document, base: string, pageUrl: string, narrowing: Narrowing | null) {
  const clone = clonePage(doc, narrowing);
  preparePage(clone, base, pageUrl);
  const parsed = runReadability(clone);
  if (narrowing?.byline) parsed?.content?.querySelector(`[${CARRIED_BYLINE_ATTR}]`)?.remove();
  return parsed;
}

/** Site class names mean nothing in the reader. */
function stripClasses(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[class]'))) el.removeAttribute('class');
  root.removeAttribute('class');
}

/** Credit lines of the page (read only), for bylines kept outside the article. */
function pageCredits(doc: Document) {
  return doc.body ? findCredits(doc.body) : [];
}

/** Extracts the article of `doc` without changing it. */
export function extractArticle(doc: Document, options: ExtractOptions): ExtractResult {
  return withPageMemo(doc, () => extract(doc, options));
}

function extract(doc: Document, options: ExtractOptions): ExtractResult {
  if (isTooLarge(doc)) return { ok: false, reason: 'too-large' };
  const readerable = isReaderable(doc, options.url);
  if (!readerable && !options.force) return { ok: false, reason: 'not-readerable' };

  const base = baseUrl(doc, options.url);
  const narrowing = options.wholePage ? null : planNarrowing(doc);
  let parsed = readCopy(doc, base, options.url, narrowing);
  // A story Readability finds nothing in (hidden, say): the whole page, as without narrowing.
  if (narrowing && !parsed?.content) parsed = readCopy(doc, base, options.url, null);
  const root = parsed?.content;
  if (!parsed || !root) return { ok: false, reason: 'no-content' };

  const siteName = findSiteName(doc, parsed.siteName, options.url);
  const title = cleanTitle(doc, parsed.title, siteName, options.url);
  const { dates, credits, story } = cleanArticle(root, title);
  absolutizeUrls(root, base);
  // Before classes go: caption boxes are known by their class.
  const leadImage = findLeadImage(doc, root, base);
  const captions = articleCaptions(root, story);
  stripClasses(root);
  const textContent = blockText(root, captions) || blockText(root);
  if (!textContent) return { ok: false, reason: 'no-content' };

  const paragraphs = paragraphTexts(root, leadImage?.caption ?? null, captions);
  return {
    ok: true,
    article: {
      url: options.url,
      title,
      byline: mergeByline(parsed.byline ?? null, credits.length ? credits : pageCredits(doc)),
      siteName,
      publishedTime: findPublishedTime(doc, [parsed.publishedTime, ...dates]),
      lang: findLanguage(doc, textContent),
      dir: parsed.dir ?? doc.documentElement.getAttribute('dir') ?? null,
      excerpt: findExcerpt(doc, parsed.excerpt, paragraphs),
      leadImage,
      content: root.innerHTML,
      textContent,
      paragraphs,
      wordCount: countWords(textContent),
      readerable,
    },
  };
}
