/** Makes relative URLs absolute against the page URL (or its <base href>). */

const URL_ATTRS = ['href', 'src', 'poster', 'cite'];
const SRCSET_ATTRS = ['srcset'];

/** The base for relative URLs: the document's <base href> resolved against the page URL. */
export function baseUrl(doc: Document, pageUrl: string): string {
  const href = Array.from(doc.getElementsByTagName('base'))
    .find((base) => base.hasAttribute('href'))
    ?.getAttribute('href');
  if (href) {
    try {
      const base = new URL(href, pageUrl);
      // A javascript: or data: base would leave every link relative to the reader's own page.
      if (base.protocol === 'http:' || base.protocol === 'https:') return base.href;
    } catch {
      // A broken <base> is ignored, as browsers do.
    }
  }
  return pageUrl;
}

export function absolute(url: string, base: string): string {
  const trimmed = url.trim();
  // Fragments stay local, javascript: and data: are left for the sanitizer.
  if (!trimmed || trimmed.startsWith('#') || /^(javascript|data|mailto|tel):/i.test(trimmed))
    return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}

export function absoluteSrcset(srcset: string, base: string): string {
  return srcset
    .split(/,\s+/)
    .map((part) => {
      const [url, ...rest] = part.trim().split(/\s+/);
      return [absolute(url, base), ...rest].join(' ');
    })
    .join(', ');
}

/** Rewrites href, src, poster and srcset under `root` in place. */
export function absolutizeUrls(root: ParentNode, base: string): void {
  for (const name of URL_ATTRS) {
    for (const el of root.querySelectorAll(`[${name}]`)) {
      if (el.tagName === 'BASE') continue;
      el.setAttribute(name, absolute(el.getAttribute(name) ?? '', base));
    }
  }
  for (const name of SRCSET_ATTRS) {
    for (const el of root.querySelectorAll(`[${name}]`)) {
      el.setAttribute(name, absoluteSrcset(el.getAttribute(name) ?? '', base));
    }
  }
}
