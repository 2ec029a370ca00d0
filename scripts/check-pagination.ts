/**
 * Runs multi-page detection over a corpus folder and prints what it finds per page.
 *
 *   npx tsx scripts/check-pagination.ts ../shared/corpora/id-news [--expect-none]
 *
 * Pages without a ground-truth URL get http://<id prefix>.example.invalid/<id> (not a root
 * address, so homepages meet the homepage guard). `--expect-none` exits 1 when any page is
 * found to have other pages: every page of id-news is one page or a homepage.
 */

import { basename } from 'node:path';
import { findPagination } from '../lib/extract/pagination';
import { listCorpus, readHtml } from './lib/corpus';
import { closeDocument, makeDocument } from './lib/dom';

const args = process.argv.slice(2);
const dir = args.find((arg) => !arg.startsWith('--'));
if (!dir) {
  console.error('usage: tsx scripts/check-pagination.ts <corpus dir> [--expect-none]');
  process.exit(2);
}

let found = 0;
const pages = listCorpus(dir);
for (const page of pages) {
  const url = page.truth?.url ?? `http://${page.id.split('-')[0]}.example.invalid/${page.id}`;
  const doc = makeDocument(readHtml(page.file), url);
  const pagination = findPagination(doc, url);
  closeDocument(doc);
  if (!pagination) continue;
  found++;
  const numbers = pagination.pages.map((p) => p.number).join(',');
  console.log(
    `${page.id}\tcurrent=${pagination.current}\tpages=${numbers || '-'}\tshowAll=${pagination.showAll ?? '-'}`,
  );
}
console.log(`${basename(dir)}: ${found} of ${pages.length} pages have other pages`);
if (args.includes('--expect-none') && found > 0) process.exit(1);
