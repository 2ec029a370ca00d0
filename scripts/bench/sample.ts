/**
 * The benchmark's pages: an even spread over the id-news and aeb corpora (half each), each with
 * the original URL from its ground truth. Read in place; nothing is copied.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listCorpus } from '../lib/corpus';

export interface SamplePage {
  corpus: string;
  id: string;
  file: string;
  url: string;
}

export const CORPORA = '../shared/corpora';

function usable(corpus: string): SamplePage[] {
  const dir = join(CORPORA, corpus);
  if (!existsSync(dir)) return [];
  return listCorpus(dir).flatMap((page) => {
    const url = page.truth?.url;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url) || !existsSync(page.file)) return [];
    return [{ corpus, id: page.id, file: page.file, url }];
  });
}

/** `count` pages spread evenly over each list, so the pick does not change between runs. */
function spread<T>(items: T[], count: number): T[] {
  if (count >= items.length) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

export function samplePages(count: number): SamplePage[] {
  const idNews = usable('id-news');
  const aeb = usable('aeb');
  const fromIdNews = Math.min(idNews.length, Math.ceil(count / 2));
  const pages = [...spread(idNews, fromIdNews), ...spread(aeb, count - fromIdNews)];
  // One page per URL: the server maps a URL to one file.
  const seen = new Set<string>();
  return pages.filter((page) => !seen.has(page.url) && seen.add(page.url));
}

export const hostOf = (url: string): string => new URL(url).hostname.toLowerCase();
