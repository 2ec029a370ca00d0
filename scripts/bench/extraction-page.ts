/**
 * Our pipeline against plain Readability on one document, as `compareRuns` times them: a jsdom
 * Document in extraction.ts, the live page in Chromium (extraction-chromium.ts bundles this).
 */
import { Readability } from '@mozilla/readability';
import { extractArticle } from '@/lib/extract';
import { compareRuns } from './stats';

export function compareExtraction(doc: Document, url: string, runs: number) {
  return compareRuns(
    () => extractArticle(doc, { url, force: true }),
    () => new Readability(doc.cloneNode(true) as Document).parse(),
    runs,
  );
}
