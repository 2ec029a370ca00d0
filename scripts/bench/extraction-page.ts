/**
 * Bundled into a corpus page by extraction-chromium.ts: our pipeline and plain Readability on
 * the live document, alternated (ours first, then Readability first), medians of the runs.
 */
import { Readability } from '@mozilla/readability';
import { extractArticle } from '@/lib/extract';
import { median, time } from './stats';

export function compareExtraction(url: string, runs: number) {
  const ours = () => extractArticle(document, { url, force: true });
  const plain = () => new Readability(document.cloneNode(true) as Document).parse();
  // Warm-up, as in the jsdom part: first-call compilation is not what a reader waits for.
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
  return { oursMs: median(oursMs), readabilityMs: median(readabilityMs), ok };
}
