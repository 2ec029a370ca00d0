/**
 * Content-side finders. `scanBanners` spots ads no list knows (ad words in attributes, IAB
 * sizes linking off-site, ad-network markers, ad labels, sticky and overlay ads);
 * `findListMatches` evaluates list rules. Both only read the page and return elements: the
 * caller passes them through the guard and marks them. All reads, no writes, so layout is
 * computed at most once.
 *
 * jsdom has no layout (rects are zero), so sizes fall back to width/height attributes and
 * inline or computed style.
 */

import { querySelectorAll as queryExtended } from '@ghostery/adblocker-extended-selectors';
import type { Cosmetics } from './engine';
import { HIDDEN_ATTR } from './hide';
import { siteOf } from './sites';

export type Reason = 'marker' | 'words' | 'iab-size' | 'label' | 'overlay' | 'sticky';

export interface Candidate {
  element: Element;
  reason: Reason;
}

export interface ScanOptions {
  /** Host links are compared with; defaults to the document's. */
  pageHost?: string;
  /** Cap on elements examined per signal. */
  maxElements?: number;
  /** Elements never flagged (our own UI, already hidden ones). */
  ignore?: string;
  /** Share of the viewport a fixed element must cover to count as an overlay. */
  overlayCoverage?: number;
}

const DEFAULTS = {
  maxElements: 4000,
  ignore: `[${HIDDEN_ATTR}], [data-bb-ui]`,
  overlayCoverage: 0.5,
};

/** Google, GAM and common ad-network slot markers. */
const MARKERS = [
  'ins.adsbygoogle',
  '[id^="div-gpt-ad"]',
  '[id^="google_ads_iframe"]',
  '[data-ad-slot]',
  '[data-ad-client]',
  '[data-ad-unit]',
  '[data-adunit]',
  '[data-ad-unit-path]',
  '[data-google-query-id]',
  '[data-revive-zoneid]',
  'iframe[title="3rd party ad content"]',
].join(',');

const AD_HOSTS =
  /(^|\.)(doubleclick\.net|googlesyndication\.com|googleadservices\.com|adnxs\.com|criteo\.(com|net)|taboola\.com|outbrain\.com|mgid\.com|revcontent\.com|adskeeper\.(com|co\.uk)|innity\.(com|net)|adsterra\.com|propellerads\.com|popads\.net)$/;

/** Attribute words that mean "ad" on their own. */
const STRONG_WORDS = new Set([
  'ad',
  'ads',
  'advert',
  'adverts',
  'advertise',
  'advertisement',
  'advertising',
  'adsense',
  'adslot',
  'adunit',
  'iklan',
  'pariwara',
  'sponsored',
]);
/** Words that need a second signal (off-site link, IAB size, ad frame). */
const WEAK_WORDS = new Set([
  'adv',
  'banner',
  'banners',
  'promo',
  'promos',
  'promosi',
  'sponsor',
  'sponsors',
  'billboard',
  'megabillboard',
]);

/** IAB standard sizes, [width, height]. */
export const IAB_SIZES: readonly (readonly [number, number])[] = [
  [728, 90],
  [970, 250],
  [970, 90],
  [300, 250],
  [336, 280],
  [320, 50],
  [320, 100],
  [300, 600],
  [160, 600],
  [468, 60],
  [250, 250],
];

const LABEL =
  /^[-–—\s]*(advertisement|advertisment|advertising|iklan|ads|sponsored|scroll to continue with content|scroll untuk melanjutkan|gulir untuk melanjutkan)[-–—\s]*$/i;

const DESCRIBED = new Set(['IMG', 'IFRAME', 'A']);
const NEVER = new Set([
  'HTML',
  'BODY',
  'HEAD',
  'MAIN',
  'ARTICLE',
  'HEADER',
  'NAV',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'P',
  'FORM',
  'BUTTON',
  'INPUT',
  'LABEL',
  'SCRIPT',
  'STYLE',
  'LINK',
  'META',
]);
/** Climbing from an ad to its slot stops at these. */
const STOP = 'html, body, main, article, [itemprop="articleBody"]';
const LABEL_PARENT_SKIP = 'a, button, nav, li, option, select, script, style, noscript, title';

/** Splits class names, ids, alt texts and file names into lower-case words. */
export function attributeWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/(^|[^0-9])([a-zA-Z]+)(?=\d)/g, '$1$2 ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function fileWords(url: string | null): string[] {
  if (!url) return [];
  const path = url.split(/[?#]/)[0];
  // File name and its folder: ".../iklan/speedcash-banner.png".
  return attributeWords(
    path
      .split('/')
      .slice(-2)
      .join(' ')
      .replace(/\.\w+$/, ''),
  );
}

type WordScore = 'strong' | 'weak' | null;

/** Ad words in class and id; alt, title and file name count as weak (they describe content). */
function scoreOf(el: Element): WordScore {
  const named = wordScore([el.id, el.getAttribute('class') ?? ''].flatMap(attributeWords));
  if (named === 'strong' || !DESCRIBED.has(el.tagName)) return named;
  const described = wordScore([
    ...['alt', 'title', 'name'].flatMap((name) => attributeWords(el.getAttribute(name) ?? '')),
    ...fileWords(el.getAttribute('src')),
    ...fileWords(el.getAttribute('data-src')),
  ]);
  return named ?? (described ? 'weak' : null);
}

function wordScore(words: string[]): WordScore {
  if (words.includes('logo')) return null;
  if (words.some((w) => STRONG_WORDS.has(w))) return 'strong';
  if (words.some((w) => WEAK_WORDS.has(w) || isIabToken(w))) return 'weak';
  return null;
}

function isIabToken(word: string): boolean {
  const m = /^(\d{2,3})x(\d{2,3})$/.exec(word);
  return !!m && IAB_SIZES.some(([w, h]) => w === Number(m[1]) && h === Number(m[2]));
}

function px(value: string | null | undefined): number {
  if (!value) return 0;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/.exec(value);
  return m ? Number(m[1]) : 0;
}

interface Size {
  width: number;
  height: number;
}

/** Rendered size, else computed/inline style, else width/height attributes. */
function sizeOf(el: Element, win: Window): Size {
  const rect = el.getBoundingClientRect();
  if (rect.width > 0 && rect.height > 0) return { width: rect.width, height: rect.height };
  const style = win.getComputedStyle(el);
  const width =
    px(style.width) || px((el as HTMLElement).style?.width) || px(el.getAttribute('width'));
  const height =
    px(style.height) || px((el as HTMLElement).style?.height) || px(el.getAttribute('height'));
  return { width, height };
}

function iabMatch({ width, height }: Size): boolean {
  if (width < 40 || height < 40) return false;
  for (const [w, h] of IAB_SIZES) {
    if (Math.abs(width - w) <= 2 && Math.abs(height - h) <= 2) return true;
  }
  // Scaled leaderboards and skyscrapers keep their unusual shape.
  const ratio = width / height;
  return (
    width >= 120 &&
    IAB_SIZES.some(([w, h]) => {
      const r = w / h;
      return (r >= 3.2 || r <= 0.5) && Math.abs(ratio - r) / r < 0.03;
    })
  );
}

function hostOf(url: string, base: string): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

function textLength(el: Element, cap = 1000): number {
  let length = 0;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT') continue;
    length += (node.nodeValue ?? '').trim().length;
    if (length > cap) break;
  }
  return length;
}

function isLabel(el: Element): boolean {
  return !el.querySelector('img, iframe, ins, video') && LABEL.test((el.textContent ?? '').trim());
}

function hasProse(el: Element): boolean {
  for (const p of el.querySelectorAll('p')) if (textLength(p, 80) >= 80) return true;
  return false;
}

/** Small wrapper that holds only this ad (and maybe its label): worth hiding whole. */
function slotOf(el: Element): Element {
  let slot = el;
  for (let depth = 0; depth < 4; depth += 1) {
    const parent: Element | null = slot.parentElement;
    if (!parent || parent.matches(STOP)) break;
    const others = [...parent.children].filter(
      (child) => child !== slot && child.tagName !== 'SCRIPT' && !isLabel(child),
    );
    if (others.length > 0 || textLength(parent, 200) > 200) break;
    slot = parent;
  }
  return slot;
}

/** A label's slot: the nearest small ancestor that also holds the ad. */
function labelSlot(label: Element): Element {
  let node = label;
  for (let depth = 0; depth < 4; depth += 1) {
    const parent: Element | null = node.parentElement;
    if (!parent || parent.matches(STOP)) break;
    if (textLength(parent, 300) > 300 || hasProse(parent)) break;
    node = parent;
    const content = [...parent.children].some(
      (child) => child.tagName !== 'SCRIPT' && !isLabel(child),
    );
    if (content || parent.querySelector('img, iframe, ins')) return parent;
  }
  return label;
}

interface Context {
  doc: Document;
  win: Window;
  site: string;
  base: string;
  max: number;
  ignore: string;
  overlayCoverage: number;
}

function isOffSite(url: string | null, ctx: Context): boolean {
  if (!url) return false;
  const host = hostOf(url, ctx.base);
  return host !== null && siteOf(host) !== ctx.site;
}

/** The off-site link around or at an element, if any. */
function offSiteLink(el: Element, ctx: Context): Element | null {
  const link = el.closest('a[href]');
  return link && isOffSite(link.getAttribute('href'), ctx) ? link : null;
}

function isAdFrame(el: Element, ctx: Context): boolean {
  if (el.tagName !== 'IFRAME') return false;
  const src = el.getAttribute('src');
  const host = src ? hostOf(src, ctx.base) : null;
  return /^google_ads_iframe/.test(el.id) || (host !== null && AD_HOSTS.test(host.toLowerCase()));
}

function hasAdEvidence(el: Element, ctx: Context): boolean {
  if (el.querySelector(MARKERS)) return true;
  if (scoreOf(el) === 'strong') return true;
  for (const frame of el.querySelectorAll('iframe')) {
    if (isAdFrame(frame, ctx) || isOffSite(frame.getAttribute('src'), ctx)) return true;
  }
  for (const img of el.querySelectorAll('img')) if (offSiteLink(img, ctx)) return true;
  for (const node of el.querySelectorAll('[class], [id], [aria-label]')) {
    if (/iklan|\bads?\b/i.test(node.getAttribute('aria-label') ?? '')) return true;
    if (scoreOf(node) === 'strong') return true;
  }
  return false;
}

function take<T extends Element>(list: Iterable<T>, ctx: Context): T[] {
  const out: T[] = [];
  for (const el of list) {
    if (out.length >= ctx.max) break;
    if (!el.closest(ctx.ignore)) out.push(el);
  }
  return out;
}

function scanMarkers(ctx: Context, add: (el: Element, reason: Reason) => void): void {
  for (const el of take(ctx.doc.querySelectorAll(MARKERS), ctx)) add(slotOf(el), 'marker');
  for (const frame of take(ctx.doc.querySelectorAll('iframe'), ctx)) {
    if (isAdFrame(frame, ctx)) add(slotOf(frame), 'marker');
  }
}

function scanWords(ctx: Context, add: (el: Element, reason: Reason) => void): void {
  const candidates = take(ctx.doc.querySelectorAll('img, iframe, a, ins, [class], [id]'), ctx);
  for (const el of candidates) {
    if (NEVER.has(el.tagName) || el.matches('[role="banner"], [role="navigation"]')) continue;
    const score = scoreOf(el);
    if (score === null) continue;
    if (el.tagName === 'IMG' || el.tagName === 'IFRAME') {
      const link = el.tagName === 'IMG' ? offSiteLink(el, ctx) : null;
      const second = link !== null || iabMatch(sizeOf(el, ctx.win)) || isAdFrame(el, ctx);
      if (score === 'strong' || second) add(slotOf(link ?? el.closest('a') ?? el), 'words');
      continue;
    }
    // Containers and links: small, no story text, no logo, and something ad-like inside.
    if (textLength(el, 150) > 150 || hasProse(el) || el.querySelector('h1, [class*="logo" i]')) {
      continue;
    }
    const media = el.querySelector('img, iframe, ins') !== null || el.tagName === 'INS';
    const empty = el.children.length === 0 && textLength(el, 1) === 0;
    const offSite =
      (el.tagName === 'A' && isOffSite(el.getAttribute('href'), ctx)) ||
      [...el.querySelectorAll('a[href]')].some((a) => isOffSite(a.getAttribute('href'), ctx));
    const ok = score === 'strong' ? media || empty || isLabel(el) : media && offSite;
    if (ok) add(slotOf(el), 'words');
  }
  for (const link of take(ctx.doc.querySelectorAll('a[rel~="sponsored"]'), ctx)) {
    if (link.querySelector('img, iframe')) add(slotOf(link), 'words');
  }
}

function scanSizes(ctx: Context, add: (el: Element, reason: Reason) => void): void {
  for (const el of take(ctx.doc.querySelectorAll('img, iframe'), ctx)) {
    const link = el.tagName === 'IMG' ? offSiteLink(el, ctx) : null;
    const src = el.getAttribute('src');
    const frameAd =
      el.tagName === 'IFRAME' && (!src || src === 'about:blank' || isOffSite(src, ctx));
    if ((link || frameAd) && iabMatch(sizeOf(el, ctx.win))) add(slotOf(link ?? el), 'iab-size');
  }
}

function scanLabels(ctx: Context, add: (el: Element, reason: Reason) => void): void {
  const body = ctx.doc.body;
  if (!body) return;
  const walker = ctx.doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < ctx.max * 4; node = walker.nextNode()) {
    seen += 1;
    const text = node.nodeValue ?? '';
    if (text.length > 60 || !LABEL.test(text.trim())) continue;
    let label = node.parentElement;
    if (!label || label.closest(LABEL_PARENT_SKIP) || label.closest(ctx.ignore)) continue;
    // The outermost element that is just this label.
    while (
      label.parentElement &&
      !label.parentElement.matches(STOP) &&
      isLabel(label.parentElement)
    ) {
      label = label.parentElement;
    }
    if (label.matches(STOP)) continue;
    add(labelSlot(label), 'label');
  }
}

const FIXED_HINTS = [
  'body > *',
  'body > * > *',
  '[style*="fixed"]',
  '[style*="sticky"]',
  '[class*="sticky" i]',
  '[id*="sticky" i]',
  '[class*="fixed" i]',
  '[class*="float" i]',
  '[id*="float" i]',
  '[class*="popup" i]',
  '[id*="popup" i]',
  '[class*="overlay" i]',
  '[id*="overlay" i]',
  '[class*="modal" i]',
  '[class*="interstitial" i]',
  '[id*="interstitial" i]',
  '[class*="anchor" i]',
].join(',');

/** Viewport share covered, from layout or, without layout, from computed style. */
function coverage(el: Element, style: CSSStyleDeclaration, win: Window): number {
  const vw = win.innerWidth || 1;
  const vh = win.innerHeight || 1;
  const rect = el.getBoundingClientRect();
  let width = rect.width;
  let height = rect.height;
  if (width === 0 || height === 0) {
    const span = (value: string, start: string, end: string, full: number) => {
      if (/^100(%|vw|vh)$/.test(value)) return full;
      if (start === '0px' && end === '0px' && (value === 'auto' || value === '')) return full;
      return px(value);
    };
    width = span(style.width, style.left, style.right, vw);
    height = span(style.height, style.top, style.bottom, vh);
  }
  return (Math.min(width, vw) * Math.min(height, vh)) / (vw * vh);
}

function scanFixed(ctx: Context, add: (el: Element, reason: Reason) => void): void {
  const candidates = take(ctx.doc.querySelectorAll(FIXED_HINTS), ctx);
  // Read every style first, then decide.
  const fixed: { el: Element; style: CSSStyleDeclaration }[] = [];
  for (const el of candidates) {
    if (NEVER.has(el.tagName) && el.tagName !== 'HEADER' && el.tagName !== 'FOOTER') continue;
    const style = ctx.win.getComputedStyle(el);
    if (style.position !== 'fixed' && style.position !== 'sticky') continue;
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    fixed.push({ el, style });
  }
  // Only ads: a login dialog or menu the reader opened is left alone.
  for (const { el, style } of fixed) {
    if (el.querySelector('input[type="password"]') || !hasAdEvidence(el, ctx)) continue;
    const onTop = Number.parseInt(style.zIndex, 10) > 0;
    const covering = style.position === 'fixed' && onTop;
    if (covering && coverage(el, style, ctx.win) >= ctx.overlayCoverage) {
      add(el, 'overlay');
      continue;
    }
    // A bar that is mostly an ad; a sticky header with a small ad in it is left alone.
    const furniture = el.querySelector('nav, h1, [class*="logo" i]') || textLength(el, 150) > 150;
    if (!furniture) add(el, 'sticky');
  }
}

/** Banners, ad slots, labels, sticky and overlay ads no list knows; in document order. */
export function scanBanners(doc: Document, win: Window, options: ScanOptions = {}): Candidate[] {
  const ctx: Context = {
    doc,
    win,
    site: siteOf(options.pageHost ?? doc.location?.hostname ?? ''),
    base: doc.baseURI,
    max: options.maxElements ?? DEFAULTS.maxElements,
    ignore: options.ignore ?? DEFAULTS.ignore,
    overlayCoverage: options.overlayCoverage ?? DEFAULTS.overlayCoverage,
  };
  const found = new Map<Element, Reason>();
  const add = (el: Element, reason: Reason) => {
    if (!found.has(el) && !el.matches(STOP)) found.set(el, reason);
  };
  scanMarkers(ctx, add);
  scanWords(ctx, add);
  scanSizes(ctx, add);
  scanLabels(ctx, add);
  scanFixed(ctx, add);
  return [...found]
    .map(([element, reason]) => ({ element, reason }))
    .sort((a, b) => (a.element.compareDocumentPosition(b.element) & 4 ? -1 : 1));
}

export function findBannerCandidates(
  doc: Document,
  win: Window,
  options: ScanOptions = {},
): Element[] {
  return scanBanners(doc, win, options).map((c) => c.element);
}

/** True when the page blocks scrolling (typical while an interstitial is shown). */
export function isScrollLocked(doc: Document, win: Window): boolean {
  const html = win.getComputedStyle(doc.documentElement);
  const body = doc.body ? win.getComputedStyle(doc.body) : null;
  const locked = (s: CSSStyleDeclaration | null) =>
    !!s && (s.overflow === 'hidden' || s.overflowY === 'hidden');
  return locked(html) || locked(body) || body?.position === 'fixed';
}

const CHUNK = 200;

/**
 * Elements matched by list rules: plain selectors in chunks (a chunk the browser rejects is
 * split until the bad selector is isolated), procedural ones one by one. Pass an added
 * subtree as `root` to match only there.
 */
export function findListMatches(
  root: Document | Element,
  cosmetics: Pick<Cosmetics, 'selectors' | 'extended'>,
  limit = 2000,
): Element[] {
  const found = new Set<Element>();
  const collect = (els: Iterable<Element>) => {
    for (const el of els) if (found.size < limit) found.add(el);
  };
  const query = (selectors: string[]): void => {
    if (selectors.length === 0 || found.size >= limit) return;
    const selector = selectors.join(',');
    try {
      if (root.nodeType === 1 && (root as Element).matches(selector)) collect([root as Element]);
      collect(root.querySelectorAll(selector));
    } catch {
      if (selectors.length === 1) return; // Not supported by this browser.
      const mid = selectors.length >> 1;
      query(selectors.slice(0, mid));
      query(selectors.slice(mid));
    }
  };
  for (let i = 0; i < cosmetics.selectors.length; i += CHUNK) {
    query(cosmetics.selectors.slice(i, i + CHUNK));
  }
  const scope = root.nodeType === 9 ? (root as Document).documentElement : (root as Element);
  for (const rule of cosmetics.extended) {
    if (found.size >= limit) break;
    // remove-attr / remove-class change nothing we hide.
    const directive = rule.directive?.type === 'pseudo-class' ? rule.directive.name : null;
    if (directive !== null && directive !== 'remove') continue;
    try {
      collect(queryExtended(scope, rule.ast));
    } catch {
      // A bad regex in :has-text() and the like: skip the rule.
    }
  }
  return [...found];
}
