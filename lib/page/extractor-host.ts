import { extractArticle } from '@/lib/extract';
import { findPagination } from '@/lib/extract/pagination';
import { onMessages, type ExtractResponse } from '@/lib/messages';
import { timed } from '@/lib/perf';
import { extractAllPages } from './multi-page';
import { reportError, reportingHandlers } from './guarded';

const INSTALLED = Symbol.for('baca-bersih.extractor');

type PageWindow = Window & Pick<typeof globalThis, 'DOMParser'>;

/**
 * Runs extraction in the page and answers the reader; results are cached per page load. The
 * open page's article is answered alone first when asked (`mergePages: false`), saying whether
 * other pages exist; the merged article reuses that extraction.
 */
export function installExtractor(win: PageWindow & { [INSTALLED]?: boolean }): void {
  if (win[INSTALLED]) return;
  win[INSTALLED] = true;

  // Promises, so a second request while other pages load waits for the same work.
  const pages = new Map<string, Promise<ExtractResponse>>();
  const merged = new Map<string, Promise<ExtractResponse>>();
  const once = (
    cache: Map<string, Promise<ExtractResponse>>,
    key: string,
    work: () => Promise<ExtractResponse>,
  ) => {
    let response = cache.get(key);
    if (!response) {
      response = work();
      cache.set(key, response);
    }
    return response;
  };
  const pageAnswer = (force: boolean) => {
    const url = win.location.href;
    const key = `${force}:${url}`;
    const page = once(pages, key, async () =>
      timed('extract', () => extractSafely(win.document, url, force)),
    );
    return { key, page };
  };
  onMessages(
    reportingHandlers('extractor', {
      'extractor:extract': ({ force, mergePages = true }) => {
        const { key, page } = pageAnswer(force);
        if (!mergePages) return page.then((response) => withMorePages(win, response));
        return once(merged, key, () => page.then((response) => mergeOtherPages(win, response)));
      },
    }),
  );
  // The reader injects this script to ask for the article: the work starts now, in a task of
  // its own (the injection's answer goes back first), while the request is on its way.
  win.setTimeout(() => void pageAnswer(false), 0);
}

/** This page's answer, saying whether the article goes on over other pages. */
function withMorePages(win: PageWindow, response: ExtractResponse): ExtractResponse {
  if (!response.ok) return response;
  try {
    return { ...response, morePages: findPagination(win.document, response.article.url) !== null };
  } catch (error) {
    reportError('extractor:pagination', error);
    return response;
  }
}

/** The article with its other pages merged in; this page's alone when that fails. */
async function mergeOtherPages(
  win: PageWindow,
  response: ExtractResponse,
): Promise<ExtractResponse> {
  if (!response.ok) return response;
  try {
    const fetch = globalThis.fetch.bind(globalThis);
    return { ok: true, article: await extractAllPages(win, response.article, { fetch }) };
  } catch (error) {
    // Merging is a bonus: page 1 alone is still an answer.
    reportError('extractor:merge-pages', error);
    return response;
  }
}

function extractSafely(doc: Document, url: string, force: boolean): ExtractResponse {
  try {
    const result = extractArticle(doc, { url, force });
    return result.ok ? result : { ok: false, reason: result.reason };
  } catch (error) {
    reportError('extractor:extract', error);
    return {
      ok: false,
      reason: 'error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
