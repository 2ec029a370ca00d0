/**
 * Joins the pages of a multi-page article into one: paging controls go, blocks a later page
 * repeats (title, byline, lead photo, lead paragraph) are dropped, the rest is appended in order.
 */

import type { ExtractedArticle, MultiPageInfo } from '../article';
import { isPageOf, NUMBER_TEXT, SHOW_ALL_TEXT, STEP_TEXT } from './pagination';
import { blockText, countWords, paragraphTexts } from './text';

export interface ArticlePage {
  number: number;
  article: ExtractedArticle;
}

export interface MergeInput {
  /** The page the reader was opened on: its title, byline, date and lead image stay. */
  base: ExtractedArticle;
  /** The pages to show, in order; the base page's own article among them. */
  pages: ArticlePage[];
  /** Pages the article has, as far as its links tell. */
  total: number;
  failed: boolean;
  /** `pages` holds one show-all page: it carries every page's text. */
  wholeArticle?: boolean;
}

/** Blocks compared across pages; a figure counts as one block. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figure, table, dt, dd';
/** Words and signs a pager is made of: "Halaman 1 2 3 Selanjutnya ›", "Tampilkan semua". */
const PAGER_WORDS =
  /\b(?:halaman|hal|page|pages|dari|of|selanjutnya|berikutnya|sebelumnya|next|prev|previous|lanjut|lanjutkan|tampilkan|lihat|baca|semua|seluruh|show|all|satu|penuh|single|isi|dalam)\b|\d+|[«»‹›<>|:.,/()–—-]/gi;
/** "Halaman 2 dari 3": a page marker without links. */
const PAGE_OF = /^(?:halaman|hal\.?|page)\s*\d{1,3}\s*(?:dari|of|\/)\s*\d{1,3}$/i;
const MEDIA = 'img, picture, video, audio, iframe, svg, table';
const KEEP_WHEN_EMPTY = `${MEDIA}, hr, br`;

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function isPagerText(text: string): boolean {
  return text.replace(PAGER_WORDS, '').trim() === '';
}

function isPagerLink(a: Element, articleUrl: string): boolean {
  const href = a.getAttribute('href') ?? '';
  const text = normalized(a.textContent ?? '');
  if (href && isPageOf(href, articleUrl)) return true;
  // A step or show-all label that leads nowhere useful once the pages are joined.
  return (
    (!href || href.startsWith('#') || href.startsWith('javascript:')) &&
    (STEP_TEXT.test(text) || SHOW_ALL_TEXT.test(text) || NUMBER_TEXT.test(text))
  );
}

/** Takes paging controls out of article content; returns how many went. */
export function removePagingControls(root: Element, articleUrl: string): number {
  let removed = 0;
  for (const a of Array.from(root.querySelectorAll('a'))) {
    if (!root.contains(a) || !isPagerLink(a, articleUrl)) continue;
    if (!isPagerText(a.textContent ?? '') || a.querySelector(MEDIA)) {
      // A page link around prose or a picture: keep what it holds, drop the link.
      a.replaceWith(...Array.from(a.childNodes));
      continue;
    }
    let target: Element = a;
    while (
      target.parentElement &&
      target.parentElement !== root &&
      isPagerText(target.parentElement.textContent ?? '') &&
      !target.parentElement.querySelector(MEDIA)
    ) {
      target = target.parentElement;
    }
    target.remove();
    removed++;
  }
  for (const el of Array.from(root.querySelectorAll('p, div, span'))) {
    if (root.contains(el) && PAGE_OF.test(normalized(el.textContent ?? ''))) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

function imageKeys(el: Element): string[] {
  const images = el.tagName === 'IMG' ? [el] : Array.from(el.querySelectorAll('img'));
  return images.map((img) => `img:${img.getAttribute('src') ?? ''}`);
}

/** Blocks with no other block inside (a figure is kept whole). */
function leafBlocks(root: Element): Element[] {
  return Array.from(root.querySelectorAll(BLOCKS)).filter(
    (el) => el.tagName === 'FIGURE' || (!el.querySelector(BLOCKS) && !el.closest('figure')),
  );
}

function blockKey(el: Element): string {
  return normalized(el.textContent ?? '');
}

/** Remembers the text and images of `root` as already shown. */
function remember(root: Element, seen: Set<string>): void {
  for (const el of leafBlocks(root)) {
    const key = blockKey(el);
    if (key) seen.add(key);
  }
  for (const key of imageKeys(root)) seen.add(key);
}

/** Drops blocks and images of `root` already shown on an earlier page. */
function dropRepeats(root: Element, seen: Set<string>): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (!root.contains(img) || !seen.has(imageKeys(img)[0])) continue;
    (img.closest('figure') ?? img.closest('picture') ?? img).remove();
  }
  for (const el of leafBlocks(root)) {
    if (!root.contains(el)) continue;
    const key = blockKey(el);
    if (key && seen.has(key)) el.remove();
  }
}

/** Containers left with nothing to read or see. */
function removeEmpty(root: Element): void {
  const containers = Array.from(root.querySelectorAll('div, section, ul, ol, figure, p, span'));
  for (const el of containers.reverse()) {
    if (!(el.textContent ?? '').trim() && !el.querySelector(KEEP_WHEN_EMPTY)) el.remove();
  }
}

/** Readability wraps each page as #readability-page-1: the ids would repeat. */
function dropPageIds(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[id^="readability-page"]'))) {
    el.removeAttribute('id');
  }
}

function parseBody(parser: DOMParser, html: string): HTMLElement {
  return parser.parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html')
    .body;
}

/** One article out of its pages; `parser` parses HTML without loading or running anything. */
export function mergeArticlePages(input: MergeInput, parser: DOMParser): ExtractedArticle {
  const { base } = input;
  const seen = new Set<string>([normalized(base.title)]);
  if (base.leadImage) seen.add(`img:${base.leadImage.src}`);
  const parts: string[] = [];
  let merged = 0;
  for (const [index, page] of input.pages.entries()) {
    const body = parseBody(parser, page.article.content);
    removePagingControls(body, page.article.url);
    if (index > 0) dropRepeats(body, seen);
    removeEmpty(body);
    dropPageIds(body);
    if (!blockText(body)) continue;
    remember(body, seen);
    parts.push(body.innerHTML);
    merged++;
  }
  if (merged === 0) return base;

  const content = parts.join('\n');
  const root = parseBody(parser, content);
  const textContent = blockText(root);
  const pages: MultiPageInfo = {
    merged: input.wholeArticle ? Math.max(input.total, merged) : merged,
    total: Math.max(input.total, merged),
    failed: input.failed,
  };
  return {
    ...base,
    content,
    textContent,
    paragraphs: paragraphTexts(root, base.leadImage?.caption ?? null),
    wordCount: countWords(textContent),
    pages,
  };
}
