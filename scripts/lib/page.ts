import { basename } from 'node:path';
import { readHtml } from './corpus';
import { makeDocument } from './dom';

/** Where a saved page says it lives: <link rel=canonical> or og:url, when absolute http(s). */
export function canonicalUrl(doc: Document): string | null {
  const candidates = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const value of candidates) {
    if (value && /^https?:\/\//i.test(value.trim())) return value.trim();
  }
  return null;
}

export interface LoadedPage {
  doc: Document;
  url: string;
}

/**
 * Reads a saved page. The URL is `url` when given, else the page's canonical URL,
 * else http://localhost/<file name>.
 */
export function loadPage(file: string, url?: string | null): LoadedPage {
  return pageFromHtml(readHtml(file), file, url);
}

/** As loadPage, for HTML already read from `file`. */
export function pageFromHtml(html: string, file: string, url?: string | null): LoadedPage {
  const placeholder = `http://localhost/${encodeURIComponent(basename(file))}`;
  const doc = makeDocument(html, url ?? placeholder);
  return { doc, url: url ?? canonicalUrl(doc) ?? placeholder };
}
