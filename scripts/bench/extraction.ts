/**
 * Our extraction pipeline against plain Readability on the same jsdom Document, page by page:
 * runs alternate (ours first, then Readability first), the median per page is kept. Readability
 * changes the document it parses, so it gets a clone (timed too: the extension would have to
 * clone as well, and `extractArticle` clones inside).
 */
import { closeDocument } from '../lib/dom';
import { loadPage } from '../lib/page';
import { compareExtraction } from './extraction-page';
import type { SamplePage } from './sample';

export interface ExtractionTiming {
  id: string;
  corpus: string;
  oursMs: number;
  readabilityMs: number;
  ratio: number;
  ok: boolean;
  error?: string;
}

/** One page's figures from what `compareExtraction` timed, or from why it failed. */
export function pageTiming(
  page: SamplePage,
  timing: { oursMs: number; readabilityMs: number; ok: boolean } | { error: unknown },
): ExtractionTiming {
  const { id, corpus } = page;
  if ('error' in timing) {
    const { error } = timing;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const none = Number.NaN;
    return {
      id,
      corpus,
      oursMs: none,
      readabilityMs: none,
      ratio: none,
      ok: false,
      error: message,
    };
  }
  return { id, corpus, ...timing, ratio: timing.oursMs / timing.readabilityMs };
}

export function measureExtraction(pages: SamplePage[], runs: number): ExtractionTiming[] {
  return pages.map((page) => {
    const { doc, url } = loadPage(page.file, page.url);
    try {
      return pageTiming(page, compareExtraction(doc, url, runs));
    } catch (error) {
      return pageTiming(page, { error });
    } finally {
      closeDocument(doc);
    }
  });
}
