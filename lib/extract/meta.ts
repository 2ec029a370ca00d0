/** <meta> values of a page by lowercased property, name or itemprop; the first one wins. */
import { memo } from './page-memo';

export type MetaMap = Map<string, string>;

export function readMeta(doc: Document): MetaMap {
  return memo(doc, 'meta', collectMeta);
}

function collectMeta(doc: Document): MetaMap {
  const map: MetaMap = new Map();
  for (const meta of doc.getElementsByTagName('meta')) {
    const content = meta.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      // A property attribute may list several names ("og:title twitter:title").
      for (const key of (meta.getAttribute(attr) ?? '').toLowerCase().split(/\s+/)) {
        if (key && !map.has(key)) map.set(key, content);
      }
    }
  }
  return map;
}

/** The first present value among `keys`. */
export function metaValue(doc: Document, ...keys: string[]): string | null {
  const map = readMeta(doc);
  for (const key of keys) {
    const value = map.get(key);
    if (value) return value;
  }
  return null;
}
