import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, type ExtractResult } from '@/lib/extract';
import { closeDocument, makeDocument } from './dom';
import { canonicalUrl } from './page';

/** Golden fixtures: tests/golden/<name>/source.html next to expected.json. */
export const GOLDEN_DIR = 'tests/golden';

export interface GoldenCase {
  name: string;
  source: string;
  expected: string;
}

export function goldenCases(dir = GOLDEN_DIR): GoldenCase[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: entry.name,
      source: join(dir, entry.name, 'source.html'),
      expected: join(dir, entry.name, 'expected.json'),
    }));
}

/** Extracts a fixture at the URL its <link rel="canonical"> names. */
export function extractGolden(source: string): ExtractResult {
  const html = readFileSync(source, 'utf8');
  const probe = makeDocument(html, 'http://localhost/');
  const url = canonicalUrl(probe);
  closeDocument(probe);
  if (!url) throw new Error(`${source} needs <link rel="canonical" href="https://...">`);
  const doc = makeDocument(html, url);
  const result = extractArticle(doc, { url });
  closeDocument(doc);
  return result;
}

export function serialise(result: ExtractResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
