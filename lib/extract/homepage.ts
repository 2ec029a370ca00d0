/** Cheap signals that a page is a front page or an index of headlines, not one article. */

import { BLOCK_TAGS } from './cleanup/dom';
import { jsonLdTypes } from './json-ld';
import { metaValue } from './meta';

const ARTICLE_TYPE = /(Article|BlogPosting|Report|Review)$/;
const LISTING_TYPE = /^(WebSite|CollectionPage|ItemList|SearchResultsPage)$/;
const ROOT_PATHS = new Set(['/', '/index.html', '/index.php', '/index.htm']);

/** Headline-like link: several words, like a teaser title. */
const HEADLINE_MIN_WORDS = 4;
/** Paragraph text counted only in blocks at least this long (teasers are short). */
const BLOCK_MIN_CHARS = 80;
/** A page that calls itself a site or a list: this many headlines, under this much text each. */
const LISTING_HEADLINES = 20;
const LISTING_CHARS_PER_HEADLINE = 10;
/** Any other page needs more headlines and much less text to count as an index. */
const INDEX_HEADLINES = 30;
const INDEX_CHARS_PER_HEADLINE = 5;
const NOT_TEXT = new Set(['A', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function ogType(doc: Document): string {
  return metaValue(doc, 'og:type')?.toLowerCase() ?? '';
}

/** The page says it is one article. */
export function hasArticleMetadata(doc: Document): boolean {
  if (ogType(doc).startsWith('article')) return true;
  if (metaValue(doc, 'article:published_time')) return true;
  return jsonLdTypes(doc).some((t) => ARTICLE_TYPE.test(t));
}

/** The page says it is a site, a collection or a plain web page. */
function hasListingMetadata(doc: Document): boolean {
  if (ogType(doc) === 'website') return true;
  if (jsonLdTypes(doc).some((t) => LISTING_TYPE.test(t))) return true;
  const rootType =
    (doc.documentElement.getAttribute('itemtype') ?? '') +
    (doc.body?.getAttribute('itemtype') ?? '');
  return /schema\.org\/(WebPage|CollectionPage|WebSite)\b/i.test(rootType);
}

function isRootPath(url: string): boolean {
  try {
    return ROOT_PATHS.has(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** Text of an element outside links and nested blocks. */
function ownText(el: Element): number {
  let length = 0;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) length += (child.nodeValue ?? '').trim().length;
    else if (child.nodeType === 1) {
      const tag = (child as Element).tagName;
      if (!NOT_TEXT.has(tag) && !BLOCK_TAGS.has(tag)) {
        length += (child.textContent ?? '').trim().length;
      }
    }
  }
  return length;
}

export interface PageShape {
  headlineLinks: number;
  /** The most paragraph text held by one container. */
  bestBlockText: number;
}

export function pageShape(doc: Document): PageShape {
  let headlineLinks = 0;
  for (const a of doc.querySelectorAll('a[href]')) {
    const text = (a.textContent ?? '').trim();
    if (text.split(/\s+/).length >= HEADLINE_MIN_WORDS) headlineLinks++;
  }
  const perContainer = new Map<Element, number>();
  for (const el of doc.querySelectorAll('p, pre, div, td')) {
    const length = ownText(el);
    if (length < BLOCK_MIN_CHARS) continue;
    const container = el.tagName === 'P' || el.tagName === 'PRE' ? (el.parentElement ?? el) : el;
    perContainer.set(container, (perContainer.get(container) ?? 0) + length);
  }
  let bestBlockText = 0;
  for (const length of perContainer.values()) bestBlockText = Math.max(bestBlockText, length);
  return { headlineLinks, bestBlockText };
}

/**
 * Front page or headline index: no article metadata, and a root URL, or many headlines beside
 * little running text (fewer headlines needed when the page calls itself a site or a list).
 */
export function looksLikeHomepage(doc: Document, url: string): boolean {
  if (hasArticleMetadata(doc)) return false;
  if (isRootPath(url)) return true;
  const { headlineLinks, bestBlockText } = pageShape(doc);
  if (hasListingMetadata(doc)) {
    return (
      headlineLinks >= LISTING_HEADLINES &&
      bestBlockText < LISTING_CHARS_PER_HEADLINE * headlineLinks
    );
  }
  return (
    headlineLinks >= INDEX_HEADLINES && bestBlockText < INDEX_CHARS_PER_HEADLINE * headlineLinks
  );
}
