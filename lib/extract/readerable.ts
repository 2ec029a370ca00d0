import { isProbablyReaderable } from '@mozilla/readability';
import { looksLikeHomepage } from './homepage';

/** Readability's check, minus front pages and headline indexes. Reads `doc` only. */
export function isReaderable(doc: Document, url: string): boolean {
  return isProbablyReaderable(doc) && !looksLikeHomepage(doc, url);
}
