import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';

/** Article markup the reader shows; everything else goes. */
const ALLOWED_TAGS = [
  'a',
  'abbr',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'section',
  'small',
  'source',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
];

const ALLOWED_ATTR = [
  'href',
  'src',
  'srcset',
  'sizes',
  'media',
  'type',
  'alt',
  'title',
  'width',
  'height',
  'colspan',
  'rowspan',
  'scope',
  'headers',
  'datetime',
  'cite',
  'lang',
  'dir',
  'start',
  'reversed',
  'open',
  'abbr',
];

/** Named even though the allow list already drops them, so a later edit cannot let them in. */
const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'base',
  'meta',
  'link',
  'noscript',
  'template',
  'svg',
  'math',
  'use',
  'dialog',
  'portal',
];
const FORBID_ATTR = [
  'style',
  'srcdoc',
  'formaction',
  'action',
  'xlink:href',
  'ping',
  'background',
  'class',
  'id',
  'name',
];

/** http(s), mailto, tel, or a relative URL (no scheme). */
const SAFE_URL_RE = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
const DATA_IMAGE_RE = /^data:image\/(png|gif|jpe?g|webp|avif);/i;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URL_RE,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

/** Browsers ignore control characters and spaces in URLs ("java\tscript:"); so do we. */
const compact = (value: string) =>
  Array.from(value)
    .filter((ch) => ch.charCodeAt(0) > 0x20)
    .join('');

function isSafeUrl(value: string, dataImageOk: boolean): boolean {
  const url = compact(value);
  if (/^data:/i.test(url)) return dataImageOk && DATA_IMAGE_RE.test(url);
  return SAFE_URL_RE.test(url);
}

/** Schemes that must never appear in a srcset, wherever its parser would put a URL boundary. */
const SRCSET_BAD_SCHEME_RE = /(?:^|[\s,])(?:javascript|vbscript|data|blob|file):/i;

/**
 * The URLs of a srcset as browsers read them: a URL runs to the next whitespace, and a
 * descriptor list runs to the next comma.
 */
function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let rest = value;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    if (!rest) return urls;
    const url = /^\S+/.exec(rest)?.[0] ?? '';
    rest = rest.slice(url.length);
    if (url.endsWith(',')) {
      urls.push(url.replace(/,+$/, ''));
      continue;
    }
    urls.push(url);
    const comma = rest.indexOf(',');
    if (comma < 0) return urls;
    rest = rest.slice(comma + 1);
  }
}

/** Every candidate of a srcset must be a safe URL. */
function isSafeSrcset(value: string): boolean {
  if (SRCSET_BAD_SCHEME_RE.test(value)) return false;
  return srcsetUrls(value).every((url) => isSafeUrl(url, false));
}

const WEB_SCHEME_RE = /^https?:$/;

/** An absolute http(s) URL as the browser would parse it, else null. */
function webUrl(value: string | null | undefined, base?: string): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return WEB_SCHEME_RE.test(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/** A page-supplied link target for the reader's own markup: http(s) only, else null. */
export function safeLinkUrl(value: string | null | undefined, base?: string): string | null {
  return webUrl(value, base)?.href ?? null;
}

/** A page-supplied image URL for the reader's own markup: http(s) or a raster data: image. */
export function safeImageUrl(value: string | null | undefined, base?: string): string | null {
  if (!value) return null;
  const url = compact(value);
  if (/^data:/i.test(url)) return DATA_IMAGE_RE.test(url) ? url : null;
  return webUrl(value, base)?.href ?? null;
}

const instances = new WeakMap<Window, Purifier>();

/** A DOMPurify of our own per window, so our hooks never touch a shared instance. */
function purifier(win: Window): Purifier {
  let purify = instances.get(win);
  if (purify) return purify;
  purify = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName;
    const value = data.attrValue ?? '';
    if (name === 'href' || name === 'src') {
      // data: only as an image in <img src>.
      if (!isSafeUrl(value, name === 'src' && node.nodeName === 'IMG')) data.keepAttr = false;
    } else if (name === 'srcset' && !isSafeSrcset(value)) {
      data.keepAttr = false;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && (node as Element).hasAttribute('href')) {
      (node as Element).setAttribute('target', '_blank');
      (node as Element).setAttribute('rel', 'noopener noreferrer');
    }
  });
  instances.set(win, purify);
  return purify;
}

/** Cleans article HTML for the reader: no scripts, handlers, frames, forms, styles or unsafe URLs. */
export function sanitizeArticleHtml(html: string, win: Window): string {
  return purifier(win).sanitize(html, CONFIG) as string;
}
