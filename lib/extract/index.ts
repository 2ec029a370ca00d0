import { Readability } from '@mozilla/readability';
import type { ExtractedArticle } from '../article';
import { cleanArticle, cleanPage } from './cleanup';
import { findCredits, mergeByline } from './credits';
import { findPublishedTime } from './dates';
import { findLanguage } from './lang';
import { resolveLazyImages } from './lazy-images';
import { findLeadImage } from './lead-image';
import { cleanTitle, findExcerpt, findSiteName } from './metadata';
import { isTooLarge, MAX_DEPTH, MAX_ELEMENTS } from './limits';
import { isReaderable } from './readerable';
import { blockText, countWords, paragraphTexts } from './text';
import { absolutizeUrls, baseUrl } from './urls';

export { isReaderable };

export type ExtractResult =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; reason: 'not-readerable' | 'no-content' | 'too-large' };

export interface ExtractOptions {
  /** The page URL: the base for relative links and a homepage signal. */
  url: string;
  /** Extract even when the page does not look like an article. */
  force?: boolean;
}

export { MAX_DEPTH, MAX_ELEMENTS };
/** Readability's default minimum article length; lower values let it settle for a page footer. */
const CHAR_THRESHOLD = 500;

/** Scripts (except JSON-LD, which Readability reads), styles and templates are never content. */
const NOT_CONTENT =
  'script:not([type="application/ld+json"]), style, template, link, meta[http-equiv], body title';

/** On the clone: resolve lazy images, make URLs absolute, drop clutter Readability would keep. */
function preparePage(clone: Document, base: string): void {
  for (const el of Array.from(clone.querySelectorAll(NOT_CONTENT))) el.remove();
  resolveLazyImages(clone);
  absolutizeUrls(clone, base);
  if (clone.body) cleanPage(clone.body);
}

function runReadability(clone: Document): ReturnType<Readability<Element>['parse']> {
  try {
    return new Readability<Element>(clone, {
      charThreshold: CHAR_THRESHOLD,
      // Classes stay for our cleanup rules; stripClasses drops them afterwards.
      keepClasses: true,
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (node) => node as Element,
    }).parse();
  } catch {
    // Readability throws when the page has more than maxElemsToParse elements.
    return null;
  }
}

/** A deep copy to clean; jsdom refuses to clone a doctype with a broken name (`html<`). */
function clonePage(doc: Document): Document {
  try {
    return doc.cloneNode(true) as Document;
  } catch {
    const copy = doc.implementation.createHTMLDocument('');
    copy.replaceChild(copy.importNode(doc.documentElement, true), copy.documentElement);
    return copy;
  }
}

/** Site class names mean nothing in the reader. */
function stripClasses(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[class]'))) el.removeAttribute('class');
  root.removeAttribute('class');
}

/** Credit lines of the page (read only), for bylines kept outside the article. */
function pageCredits(doc: Document) {
  return doc.body ? findCredits(doc.body) : [];
}

/** Extracts the article of `doc` without changing it. */
export function extractArticle(doc: Document, options: ExtractOptions): ExtractResult {
  if (isTooLarge(doc)) return { ok: false, reason: 'too-large' };
  const readerable = isReaderable(doc, options.url);
  if (!readerable && !options.force) return { ok: false, reason: 'not-readerable' };

  const base = baseUrl(doc, options.url);
  const clone = clonePage(doc);
  preparePage(clone, base);
  const parsed = runReadability(clone);
  const root = parsed?.content;
  if (!parsed || !root) return { ok: false, reason: 'no-content' };

  const { dates, credits } = cleanArticle(root);
  absolutizeUrls(root, base);
  // Before classes go: caption boxes are known by their class.
  const leadImage = findLeadImage(doc, root, base);
  stripClasses(root);
  const textContent = blockText(root);
  if (!textContent) return { ok: false, reason: 'no-content' };

  const paragraphs = paragraphTexts(root, leadImage?.caption ?? null);
  const siteName = findSiteName(doc, parsed.siteName, options.url);
  return {
    ok: true,
    article: {
      url: options.url,
      title: cleanTitle(doc, parsed.title, siteName, options.url),
      byline: mergeByline(parsed.byline ?? null, credits.length ? credits : pageCredits(doc)),
      siteName,
      publishedTime: findPublishedTime(doc, [parsed.publishedTime, ...dates]),
      lang: findLanguage(doc, textContent),
      dir: parsed.dir ?? doc.documentElement.getAttribute('dir') ?? null,
      excerpt: findExcerpt(doc, parsed.excerpt, paragraphs),
      leadImage,
      content: root.innerHTML,
      textContent,
      paragraphs,
      wordCount: countWords(textContent),
      readerable,
    },
  };
}
