/** Lazy-loading images: move the real URL into src, drop placeholders. */

const LAZY_SRC_ATTRS = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-img-src',
  'data-actualsrc',
  'data-echo',
];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset'];
/** Tiny or empty stand-ins: 1x1 gifs, blank.gif, data: placeholders. */
const PLACEHOLDER_RE =
  /(^data:|\b(blank|spacer|pixel|placeholder|transparent|lazy|loading|grey|gray|empty|1x1)[\w-]*\.(gif|png|svg|jpe?g|webp)\b)/i;

function isPlaceholder(src: string | null): boolean {
  if (!src || !src.trim()) return true;
  return PLACEHOLDER_RE.test(src.trim());
}

/** The largest candidate in a srcset ("a.jpg 300w, b.jpg 800w" -> b.jpg). */
export function bestFromSrcset(srcset: string): string | null {
  let best: { url: string; size: number } | null = null;
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/);
    if (!url || url.startsWith('data:')) continue;
    const size = parseFloat(descriptor) * (descriptor.endsWith('x') ? 1000 : 1) || 0;
    if (!best || size > best.size) best = { url, size };
  }
  return best?.url ?? null;
}

function firstAttr(el: Element, names: string[]): string | null {
  for (const name of names) {
    const value = el.getAttribute(name)?.trim();
    if (value && !value.startsWith('data:')) return value;
  }
  return null;
}

/** A data: URL that is an image too small to be a picture (a placeholder). */
function isTinyDataImage(src: string): boolean {
  return src.startsWith('data:') && src.length < 200;
}

/** Drops the lazy-loading attributes once their URLs are in place. */
function dropLazyAttrs(el: Element): void {
  for (const name of [...LAZY_SRC_ATTRS, ...LAZY_SRCSET_ATTRS]) el.removeAttribute(name);
}

/** Resolves lazy images in place; removes images that stay placeholders. Returns images fixed. */
export function resolveLazyImages(root: Document | Element): number {
  let fixed = 0;
  for (const source of Array.from(root.getElementsByTagName('source'))) {
    if (source.parentElement?.tagName !== 'PICTURE') continue;
    const srcset = firstAttr(source, LAZY_SRCSET_ATTRS);
    if (srcset) source.setAttribute('srcset', srcset);
    dropLazyAttrs(source);
  }
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    const src = img.getAttribute('src');
    const lazy = firstAttr(img, LAZY_SRC_ATTRS);
    const lazySet = firstAttr(img, LAZY_SRCSET_ATTRS);
    dropLazyAttrs(img);
    if (lazySet) img.setAttribute('srcset', lazySet);
    if (isPlaceholder(src) || (src && isTinyDataImage(src))) {
      const real = lazy ?? bestFromSrcset(lazySet ?? img.getAttribute('srcset') ?? '');
      if (real) {
        img.setAttribute('src', real);
        fixed++;
      } else if (!src || isTinyDataImage(src) || /\b1x1\b|blank|spacer|pixel/i.test(src)) {
        // Nothing to load: a placeholder or tracking pixel.
        // Keep it when a <picture> source or a <noscript> copy can stand in (Readability uses those).
        const parent = img.parentElement;
        if (
          !img.closest('picture')?.querySelector('source[srcset]') &&
          !parent?.querySelector('noscript')
        ) {
          img.remove();
        }
      }
    } else if (lazy && lazy !== src && !isPlaceholder(lazy)) {
      // Some sites keep a low-resolution preview in src and the real image in data-src.
      img.setAttribute('src', lazy);
      fixed++;
    }
  }
  return fixed;
}
