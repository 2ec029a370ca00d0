/**
 * Our extraction pipeline against plain Readability on the same jsdom Document, page by page:
 * runs alternate (ours first, then Readability first), the median per page is kept. Readability
 * changes the document it parses, so it gets a clone (timed too: the extension would have to
 * clone as well, and `extractArticle` clones inside).
 */
import { Readability } from '@mozilla/readability';
import { extractArticle } from '@/lib/extract';
import { closeDocument } from '../lib/dom';
import { loadPage } from '../lib/page';
import type { SamplePage } from './sample';
import { median, time } from './stats';

export interface ExtractionTiming {
  id: string;
  corpus: string;
  oursMs: number;
  readabilityMs: number;
  ratio: number;
  ok: boolean;
  error?: string;
}

export function measureExtraction(pages: SamplePage[], runs: number): ExtractionTiming[] {
  const results: ExtractionTiming[] = [];
  for (const page of pages) {
    const { doc, url } = loadPage(page.file, page.url);
    try {
      const ours = () => extractArticle(doc, { url, force: true });
      const plain = () => new Readability(doc.cloneNode(true) as Document).parse();
      // Warm-up: first-call compilation is not what a reader waits for on every page.
      const ok = ours().ok;
      plain();
      const oursMs: number[] = [];
      const readabilityMs: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        if (run % 2 === 0) {
          oursMs.push(time(ours));
          readabilityMs.push(time(plain));
        } else {
          readabilityMs.push(time(plain));
          oursMs.push(time(ours));
        }
      }
      const o = median(oursMs);
      const r = median(readabilityMs);
      results.push({
        id: page.id,
        corpus: page.corpus,
        oursMs: o,
        readabilityMs: r,
        ratio: o / r,
        ok,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({
        id: page.id,
        corpus: page.corpus,
        oursMs: Number.NaN,
        readabilityMs: Number.NaN,
        ratio: Number.NaN,
        ok: false,
        error: message,
      });
    } finally {
      closeDocument(doc);
    }
  }
  return results;
}
