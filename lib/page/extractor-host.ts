import { extractArticle } from '@/lib/extract';
import { onMessages, type ExtractResponse } from '@/lib/messages';
import { reportError, reportingHandlers } from './guarded';

const INSTALLED = Symbol.for('baca-bersih.extractor');

/** Runs extraction in the page and answers the reader; results are cached per page load. */
export function installExtractor(win: Window & { [INSTALLED]?: boolean }): void {
  if (win[INSTALLED]) return;
  win[INSTALLED] = true;

  const cache = new Map<string, ExtractResponse>();
  onMessages(
    reportingHandlers('extractor', {
      'extractor:ping': () => 'pong',
      'extractor:extract': ({ force }) => {
        const url = win.location.href;
        const key = `${force}:${url}`;
        let response = cache.get(key);
        if (!response) {
          response = extractSafely(win.document, url, force);
          cache.set(key, response);
        }
        return response;
      },
    }),
  );
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
