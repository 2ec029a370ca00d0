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

/** Every candidate of a srcset must be a safe URL. */
function isSafeSrcset(value: string): boolean {
  return value
    .split(/,\s+/)
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .every((url) => !url || isSafeUrl(url, false));
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
