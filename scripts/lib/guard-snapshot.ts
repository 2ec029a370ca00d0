/**
 * Runs inside a corpus page (Playwright `page.evaluate`): what the reader sees with our hiding,
 * and what the same tab shows with our stylesheets switched off, in one synchronous task so
 * nothing else changes in between. Self-contained: no imports reach the page.
 */

export interface HiddenBlock {
  /** Visible text of the element once our stylesheets are off. */
  text: string;
  /** What hid it: a heuristic reason, `list`, or the list selectors that match it. */
  cause: string;
  tag: string;
}

export interface ImageState {
  src: string;
  withHiding: boolean;
  without: boolean;
}

export interface GuardSnapshot {
  /** Visible body text with our hiding, text nodes joined by spaces. */
  withHiding: string;
  /** The same tab with our stylesheets disabled. */
  without: string;
  /** Outermost elements visible only without our hiding. */
  hidden: HiddenBlock[];
  /** Images named by og:image (the lead image), with and without our hiding. */
  leadImages: ImageState[];
  /** <h1> elements, visible with and without our hiding. */
  headlines: { text: string; withHiding: boolean; without: boolean }[];
  url: string;
  elements: number;
}

/** The page-side function. Style ids are passed in so they stay in one place. */
export function guardSnapshot(styleIds: string[]): GuardSnapshot {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE']);
  const MAX_TEXT = 400;
  const body = document.body ?? document.documentElement;
  const all = [...body.querySelectorAll('*')];
  const sheets = styleIds
    .map((id) => (document.getElementById(id) as HTMLStyleElement | null)?.sheet ?? null)
    .filter((sheet): sheet is CSSStyleSheet => sheet !== null);
  const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true });

  const visibleText = (): string => {
    const cache = new Map<Element, boolean>();
    const parts: string[] = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.nodeValue ?? '';
      if (!parent || SKIP.has(parent.tagName) || text.trim() === '') continue;
      let shown = cache.get(parent);
      if (shown === undefined) {
        shown = visible(parent);
        cache.set(parent, shown);
      }
      if (shown) parts.push(text);
    }
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  };

  const og = document.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
  const fileName = (url: string) => {
    try {
      const path = new URL(url, document.baseURI).pathname;
      return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    } catch {
      return '';
    }
  };
  const ogName = og ? fileName(og) : '';
  const leadImages = ogName
    ? [...body.querySelectorAll('img')].filter((img) =>
        ['src', 'data-src', 'data-lazy-src', 'data-original', 'srcset', 'data-srcset']
          .map((name) => img.getAttribute(name) ?? '')
          .some((value) => value.split(/[\s,]+/).some((url) => url && fileName(url) === ogName)),
      )
    : [];
  const h1s = [...body.querySelectorAll('h1')].slice(0, 8);

  const withHiding = visibleText();
  const shownWith = all.map(visible);
  const leadWith = leadImages.map(visible);
  const h1With = h1s.map(visible);
  const disabled = sheets.map((sheet) => sheet.disabled);
  for (const sheet of sheets) sheet.disabled = true;
  let without: string;
  const hidden: HiddenBlock[] = [];
  let leadWithout: boolean[] = [];
  let h1Without: boolean[] = [];
  try {
    without = visibleText();
    leadWithout = leadImages.map(visible);
    h1Without = h1s.map(visible);
    const index = new Map(all.map((el, i) => [el, i]));
    const listRules = (el: Element): string[] => {
      const found: string[] = [];
      for (const sheet of sheets) {
        for (const rule of sheet.cssRules) {
          const selector = (rule as CSSStyleRule).selectorText;
          // Our own marker rule names no list rule.
          if (!selector || selector.includes('data-bb-')) continue;
          try {
            if (el.matches(selector)) found.push(selector);
          } catch {
            // A selector this browser cannot match one by one.
          }
          if (found.length >= 3) return found;
        }
      }
      return found;
    };
    all.forEach((el, i) => {
      if (shownWith[i] || !visible(el)) return;
      const parent = el.parentElement;
      const parentIndex = parent ? index.get(parent) : undefined;
      // Only the outermost element our hiding took away.
      if (parentIndex !== undefined && !shownWith[parentIndex]) return;
      const text = (el as HTMLElement).innerText?.replace(/\s+/g, ' ').trim() ?? '';
      const marker = el.getAttribute('data-bb-hidden');
      const selectors = marker === null || marker === 'list' ? listRules(el) : [];
      const cause =
        marker !== null && marker !== 'list'
          ? `heuristic:${marker}`
          : selectors.length
            ? `list:${selectors.join(' | ')}`
            : (marker ?? 'unknown');
      hidden.push({ text: text.slice(0, MAX_TEXT * 10), cause, tag: el.tagName.toLowerCase() });
    });
  } finally {
    sheets.forEach((sheet, i) => (sheet.disabled = disabled[i]));
  }
  return {
    withHiding,
    without,
    hidden,
    leadImages: leadImages.map((img, i) => ({
      src: img.getAttribute('src') ?? '',
      withHiding: leadWith[i],
      without: leadWithout[i],
    })),
    headlines: h1s.map((h1, i) => ({
      text: (h1.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
      withHiding: h1With[i],
      without: h1Without[i],
    })),
    url: location.href,
    elements: all.length,
  };
}
