import type { ExtractedArticle } from '../article';
import { jsonLdObjects } from './json-ld';
import { metaValue } from './meta';
import { absolute } from './urls';

type LeadImage = NonNullable<ExtractedArticle['leadImage']>;

/** Images narrower than this are icons, avatars or logos. */
const MIN_WIDTH = 300;
/** A caption is a line or two, not a paragraph of the story. */
const MAX_CAPTION_CHARS = 500;
const MAX_CAPTION_BLOCKS = 2;
/** Text this short next to a picture reads as its caption. */
const SHORT_CAPTION = 100;
/** Class or id of a caption box. */
const CAPTION_NAME_RE = /(caption|keterangan|credit|desc|ket-?foto|foto-?ket)/i;
const CAPTION_BOX =
  'figcaption, [class*="caption" i], [class*="keterangan" i], [class*="credit" i]';
/** Photo credits: "(ANTARA FOTO/Budi)", "Foto: Dok.", "©KapanLagi.com", "/Radar Mojokerto)". */
const PHOTO_CREDIT_RE =
  /(©|\bfoto\s*:|\bphoto\s*:|\bdok\.|\((antara\s+)?foto\b|\bcredit\s*:|\b(reuters|afp|ap|antara)\)|\/[^/()]{2,40}\)\s*$)/i;
const IMAGE_URL_ATTRS = [
  'src',
  'data-src',
  'data-lazy-src',
  'data-original',
  'srcset',
  'data-srcset',
];

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function imageUrl(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return imageUrl(value[0]);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return imageUrl(record.url ?? record.contentUrl);
  }
  return null;
}

/** The image the page names for sharing: og:image, twitter:image or JSON-LD image. */
function declaredImage(doc: Document): string | null {
  const fromMeta = metaValue(
    doc,
    'og:image',
    'og:image:url',
    'og:image:secure_url',
    'twitter:image',
  );
  if (fromMeta) return fromMeta;
  for (const object of jsonLdObjects(doc)) {
    const url = imageUrl(object.image ?? object.thumbnailUrl);
    if (url) return url;
  }
  return null;
}

/** File name without extension or size suffix, to match resized copies of one image. */
function imageKey(url: string): string {
  try {
    const path = new URL(url, 'http://localhost/').pathname;
    return path
      .slice(path.lastIndexOf('/') + 1)
      .replace(/(-\d+x\d+)?\.\w+$/, '')
      .toLowerCase();
  } catch {
    return url;
  }
}

/** Does any URL of `img` (src, lazy attributes, srcset candidates) point at the image `key`? */
function showsImage(img: Element, key: string): boolean {
  return IMAGE_URL_ATTRS.some((name) =>
    (img.getAttribute(name) ?? '')
      .split(/,\s+/)
      .some((candidate) => candidate.trim() && imageKey(candidate.trim().split(/\s+/)[0]) === key),
  );
}

function isLarge(img: Element): boolean {
  const width = parseInt(img.getAttribute('width') ?? '', 10);
  return Number.isNaN(width) || width >= MIN_WIDTH;
}

/** An image that links to another page is a teaser, not the article's picture. */
function linksAway(img: Element, base: string): boolean {
  const href = img.closest('a[href]')?.getAttribute('href');
  if (!href || href.startsWith('#') || /\.(jpe?g|png|gif|webp|avif)(\?|#|$)/i.test(href)) {
    return false;
  }
  try {
    const target = new URL(href, base);
    const page = new URL(base);
    return target.origin + target.pathname !== page.origin + page.pathname;
  } catch {
    return false;
  }
}

/** The text of `box` reads as a caption: in a caption box, credited, or one short line. */
function readsAsCaption(box: Element): boolean {
  const text = clean(box.textContent);
  if (text.length <= SHORT_CAPTION) return true;
  const holder = box.querySelector(CAPTION_BOX);
  if (holder && clean(holder.textContent).length >= 0.9 * text.length) return true;
  return PHOTO_CREDIT_RE.test(text);
}

/** The largest box around `img` that holds only it and a caption. */
function figureBox(img: Element): Element {
  let box = img;
  for (let parent = img.parentElement; parent; parent = parent.parentElement) {
    if (parent.querySelectorAll('img').length > 1) break;
    if (clean(parent.textContent).length > MAX_CAPTION_CHARS) break;
    const blocks = Array.from(parent.querySelectorAll('p, div, figcaption')).filter(
      (el) => !el.querySelector('p, div') && clean(el.textContent),
    );
    if (blocks.length > MAX_CAPTION_BLOCKS || !readsAsCaption(parent)) break;
    box = parent;
  }
  return box;
}

/** The caption of an image: its figcaption, the text boxed with it, or a caption box after it. */
export function captionOf(img: Element): string | null {
  const figure = img.closest('figure');
  if (figure) return clean(figure.querySelector('figcaption')?.textContent) || null;
  const boxed = clean(figureBox(img).textContent);
  if (boxed) return boxed;
  let holder: Element = img;
  while (holder.parentElement?.childElementCount === 1) holder = holder.parentElement;
  const next = holder.nextElementSibling;
  const names = `${next?.getAttribute('class') ?? ''} ${next?.id ?? ''}`;
  return next && CAPTION_NAME_RE.test(names) ? clean(next.textContent) || null : null;
}

function describe(img: Element, src: string): LeadImage {
  return { src, alt: clean(img.getAttribute('alt')), caption: captionOf(img) };
}

/**
 * The article's picture with alt and caption: the page's declared image (og:image or JSON-LD),
 * found in the article or elsewhere on the page for its alt and caption; else the first large
 * image of the article. Reads only; the picture stays in the article.
 */
export function findLeadImage(doc: Document, content: Element, base: string): LeadImage | null {
  const images = Array.from(content.querySelectorAll('img[src]')).filter(
    (img) => !linksAway(img, base),
  );
  const declared = declaredImage(doc);
  if (declared) {
    const src = absolute(declared, base);
    const key = imageKey(src);
    const shown =
      images.find((img) => showsImage(img, key)) ??
      Array.from(doc.getElementsByTagName('img')).find((img) => showsImage(img, key));
    if (shown) return describe(shown, src);
    return { src, alt: metaValue(doc, 'og:image:alt') ?? '', caption: null };
  }
  const first = images.find(isLarge);
  return first ? describe(first, absolute(first.getAttribute('src') ?? '', base)) : null;
}
