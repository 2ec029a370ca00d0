/**
 * Reads the other pages of a multi-page article and merges them into the open page's article.
 * Runs in the page (the injected extractor): same-origin requests carry the site's own cookies,
 * and the result is cached with the page's extraction.
 */

import type { ExtractedArticle } from '@/lib/article';
import { extractArticle } from '@/lib/extract';
import { mergeArticlePages, type ArticlePage } from '@/lib/extract/merge-pages';
import { findPagination, isPageOf, type Pagination } from '@/lib/extract/pagination';
import {
  fetchPageHtml,
  PAGE_FETCH_LIMITS,
  type FetchFunction,
  type PageFetchLimits,
} from './fetch-pages';

export interface MultiPageOptions {
  fetch: FetchFunction;
  limits?: Partial<PageFetchLimits>;
}

interface LoadedPage {
  doc: Document;
  article: ExtractedArticle;
}

/**
 * The article of `win`'s page with its other pages merged in. `first` is that page's own
 * extraction; it comes back unchanged when the page has no other pages.
 */
export async function extractAllPages(
  win: Window & Pick<typeof globalThis, 'DOMParser'>,
  first: ExtractedArticle,
  options: MultiPageOptions,
): Promise<ExtractedArticle> {
  const pagination = findPagination(win.document, first.url);
  if (!pagination) return first;
  const limits = { ...PAGE_FETCH_LIMITS, ...options.limits };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const parser = new win.DOMParser();
  const origin = new URL(first.url).origin;

  const load = async (url: string): Promise<LoadedPage> => {
    const html = await fetchPageHtml(url, origin, {
      fetch: options.fetch,
      signal: controller.signal,
      maxBytes: limits.maxBytes,
    });
    const doc = parser.parseFromString(html, 'text/html');
    const result = extractArticle(doc, { url, force: true });
    if (!result.ok) throw new Error(`no article text at ${url}`);
    return { doc, article: result.article };
  };

  try {
    const known = knownPageCount(pagination);
    if (pagination.showAll) {
      const whole = await load(pagination.showAll).catch(() => null);
      // A show-all page shorter than this one is not the whole article: go page by page.
      if (whole && whole.article.wordCount > first.wordCount) {
        return mergeArticlePages(
          {
            base: first,
            pages: [{ number: pagination.current, article: whole.article }],
            total: known,
            failed: false,
            wholeArticle: true,
          },
          parser,
        );
      }
    }
    return mergeArticlePages(
      await loadPageByPage(first, pagination, load, limits, controller.signal),
      parser,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Pages this page links to, itself included; at least 2 (a show-all link alone says so much). */
function knownPageCount(pagination: Pagination): number {
  return Math.max(2, pagination.pages.length + 1);
}

/**
 * Fetches the known pages in order, a few at a time, learning later page numbers from each page
 * read (page 1 may list only 1 2, page 2 then lists 3). Stops at the first failure, the page
 * limit or the deadline; the pages shown are the unbroken run around the open page.
 */
async function loadPageByPage(
  first: ExtractedArticle,
  pagination: Pagination,
  load: (url: string) => Promise<LoadedPage>,
  limits: PageFetchLimits,
  signal: AbortSignal,
) {
  const known = new Map(pagination.pages.map((page) => [page.number, page.url]));
  const loaded = new Map<number, ExtractedArticle>([[pagination.current, first]]);
  let failed = false;
  while (!failed && !signal.aborted) {
    const room = limits.maxPages - loaded.size;
    const batch = Array.from(known.keys())
      .filter((number) => !loaded.has(number))
      .sort((a, b) => a - b)
      .slice(0, Math.max(0, Math.min(limits.parallel, room)));
    if (batch.length === 0) break;
    const results = await Promise.allSettled(batch.map((number) => load(known.get(number)!)));
    results.forEach((result, index) => {
      if (result.status === 'rejected') {
        failed = true;
        return;
      }
      loaded.set(batch[index], result.value.article);
      const more = findPagination(result.value.doc, result.value.article.url);
      for (const page of more?.pages ?? []) {
        if (!known.has(page.number) && page.number !== pagination.current) {
          if (isPageOf(page.url, first.url)) known.set(page.number, page.url);
        }
      }
    });
  }

  const order = [...new Set([pagination.current, ...known.keys()])].sort((a, b) => a - b);
  let start = order.indexOf(pagination.current);
  let end = start;
  while (start > 0 && loaded.has(order[start - 1])) start--;
  while (end < order.length - 1 && loaded.has(order[end + 1])) end++;
  const pages: ArticlePage[] = order
    .slice(start, end + 1)
    .map((number) => ({ number, article: loaded.get(number)! }));
  return {
    base: first,
    pages,
    total: order.length,
    failed: pages.length < order.length,
  };
}
