/**
 * Extraction against plain Readability in Chromium, where the extension runs it: both bundled
 * (with vite) into each corpus page of the browser without the extension, on the same live
 * document, alternated, median per page. jsdom (extraction.ts) prices DOM work differently:
 * cloning a page, for one, parses every style element and style attribute again there.
 */
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import type { BenchBrowser } from './browser';
import { pageTiming, type ExtractionTiming } from './extraction';
import type { SamplePage } from './sample';

const GLOBAL = '__bacaBersihExtractionBench';

type Compare = typeof import('./extraction-page').compareExtraction;

/** The page-side code as one script that defines `GLOBAL`. */
export async function extractionBundle(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': resolve('.') } },
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve('scripts/bench/extraction-page.ts'),
        formats: ['iife'],
        name: GLOBAL,
        fileName: 'extraction-bench',
      },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunk = (Array.isArray(output) ? output[0] : output).output[0];
  return chunk.code;
}

export async function measureExtractionInChromium(
  browser: BenchBrowser,
  pages: SamplePage[],
  runs: number,
): Promise<ExtractionTiming[]> {
  const bundle = await extractionBundle();
  const results: ExtractionTiming[] = [];
  for (const sample of pages) {
    const page = await browser.context.newPage();
    try {
      await page.goto(sample.url, { waitUntil: 'load', timeout: 20_000 });
      // Evaluated through the DevTools protocol: the page's own CSP does not apply.
      await page.evaluate(bundle);
      const timing = await page.evaluate(
        ({ name, url, count }) => {
          const bench = (window as unknown as Record<string, { compareExtraction: Compare }>)[name];
          return bench.compareExtraction(document, url, count);
        },
        { name: GLOBAL, url: sample.url, count: runs },
      );
      results.push(pageTiming(sample, timing));
    } catch (error) {
      results.push(pageTiming(sample, { error }));
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  return results;
}
