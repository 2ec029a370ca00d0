import { Readability } from '@mozilla/readability';
import type { ExtractedArticle } from '../article';
import { articleCaptions } from './captions';
import { cleanArticle, cleanPage } from './cleanup';
import { findCredits, mergeByline } from './credits';
import { findPublishedTime } from './dates';
import { findLanguage } from './lang';
import { resolveLazyImages } from './lazy-images';
import { findLeadImage } from './lead-image';
import { cleanTitle, findExcerpt, findSiteName } from './metadata';
import { isReaderable } from './readerable';
import { blockText, countWords, paragraphTexts } from './text';
import { absolutizeUrls, baseUrl } from './urls';

export { isReaderable };

export type ExtractResult =
  { ok: true; article: ExtractedArticle } | { ok: false; reason: 'not-readerable' | 'no-content' };

export interface ExtractOptions {
  /** The page URL: the base for relative links and a homepage signal. */
  url: string;
  /** Extract even when the page does not look like an article. */
  force?: boolean;
}

/** Pages with more elements than this are not parsed (Readability would take too long). */
export const MAX_ELEMENTS = 60_000;
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
  if (doc.getElementsByTagName('*').length > MAX_ELEMENTS)
    return { ok: false, reason: 'no-content' };
  const readerable = isReaderable(doc, options.url);
  if (!readerable && !options.force) return { ok: false, reason: 'not-readerable' };

  const base = baseUrl(doc, options.url);
  const clone = doc.cloneNode(true) as Document;
  preparePage(clone, base);
  const parsed = runReadability(clone);
  const root = parsed?.content;
  if (!parsed || !root) return { ok: false, reason: 'no-content' };

  const siteName = findSiteName(doc, parsed.siteName, options.url);
  const title = cleanTitle(doc, parsed.title, siteName, options.url);
  const { dates, credits } = cleanArticle(root, title);
  absolutizeUrls(root, base);
  // Before classes go: caption boxes are known by their class.
  const leadImage = findLeadImage(doc, root, base);
  const captions = articleCaptions(root);
  stripClasses(root);
  const textContent = blockText(root, captions) || blockText(root);
  if (!textContent) return { ok: false, reason: 'no-content' };

  const paragraphs = paragraphTexts(root, leadImage?.caption ?? null, captions);
  return {
    ok: true,
    article: {
      url: options.url,
      title,
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
