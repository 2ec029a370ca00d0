import { extractArticle } from '@/lib/extract';
import { onMessages, type ExtractResponse } from '@/lib/messages';
import { extractAllPages } from './multi-page';
import { reportError, reportingHandlers } from './guarded';

const INSTALLED = Symbol.for('baca-bersih.extractor');

type PageWindow = Window & Pick<typeof globalThis, 'DOMParser'>;

/** Runs extraction in the page and answers the reader; results are cached per page load. */
export function installExtractor(win: PageWindow & { [INSTALLED]?: boolean }): void {
  if (win[INSTALLED]) return;
  win[INSTALLED] = true;

  // Promises, so a second request while other pages load waits for the same work.
  const cache = new Map<string, Promise<ExtractResponse>>();
  onMessages(
    reportingHandlers('extractor', {
      'extractor:ping': () => 'pong',
      'extractor:extract': ({ force, mergePages = true }) => {
        const url = win.location.href;
        const key = `${force}:${mergePages}:${url}`;
        let response = cache.get(key);
        if (!response) {
          response = extractWithPages(win, url, force, mergePages);
          cache.set(key, response);
        }
        return response;
      },
    }),
  );
}

/** This page's article, with the article's other pages merged in when asked. */
async function extractWithPages(
  win: PageWindow,
  url: string,
  force: boolean,
  mergePages: boolean,
): Promise<ExtractResponse> {
  const response = extractSafely(win.document, url, force);
  if (!response.ok || !mergePages) return response;
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
