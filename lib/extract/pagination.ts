/**
 * Finds the other pages of a multi-page article: numbered page links, next/previous links,
 * `<link rel=next>`, `?page=N` and `/N` addresses, and show-all links (`?page=all`, `?single=1`).
 * A link counts only when it is the same article: same origin and the same address once the page
 * part is taken off. So a "next article", homepage paging or comment paging is never a page.
 */

import { looksLikeHomepage } from './homepage';

export interface PageLink {
  number: number;
  url: string;
}

export interface Pagination {
  /** This page's number (1 when its address names none). */
  current: number;
  /** An address with the whole article on one page, when the site offers one. */
  showAll: string | null;
  /** The article's other pages linked from this page, by number. */
  pages: PageLink[];
}

/** Query keys that carry a page number (or `all`). */
const PAGE_PARAMS = ['page', 'halaman', 'hal', 'pg'];
/** Query keys that ask for the whole article: detik `single=1`, others `showall=1`, `show=all`. */
const SINGLE_PARAMS = ['single', 'showall', 'show_all', 'viewall', 'showpage', 'show', 'view'];
const SINGLE_VALUES = /^(1|true|yes|all|full)$/i;
const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|_gl|_ga)$/i;
/** Page numbers in a path are small; a longer number is an article id. */
const PATH_PAGE = /^(.*[^/])\/(\d{1,3})$/;
const PATH_ALL = /^(.*[^/])\/(all|full)$/i;
/** The last path segment of an article: a slug or id with at least one letter. */
const SLUG = /\p{L}/u;

/** Link text of a next/previous-page control. */
export const STEP_TEXT =
  /^(?:[«‹<]\s*)?(?:halaman\s+|hal\.?\s+)?(?:selanjutnya|berikutnya|sebelumnya|lanjut(?:kan)?|next(?:\s+page)?|prev(?:ious)?(?:\s+page)?)(?:\s*[»›>])?$|^[«‹<»›>]{1,2}$/i;
/** Link text of a numbered page: "2", "Halaman 2", "Hal. 2", "Page 2". */
export const NUMBER_TEXT = /^(?:(?:halaman|hal\.?|page)\s*)?\d{1,3}$/i;
/** Link text of a show-all control. */
export const SHOW_ALL_TEXT =
  /^(?:tampilkan|lihat|baca)\s+(?:semua|seluruh)(?:\s+halaman|\s+isi)?$|^(?:baca\s+)?(?:dalam\s+)?(?:satu|1)\s+halaman(?:\s+penuh)?$|^halaman\s+penuh$|^show\s+all(?:\s+pages)?$|^(?:view|read)\s+(?:as\s+)?(?:a\s+)?single\s+page$|^single\s+page$/i;
/** Ancestors whose links page through comments, not the article. */
const COMMENT_BOX = /comment|komentar|disqus|balasan|reply/i;
/** Ancestors that hold page navigation. */
const PAGER_BOX = /pag(e|ing|inat)|halaman|nav-links|multi-?page/i;

export interface PageAddress {
  /** The article's address without its page part, fragment or tracking parameters. */
  stem: string;
  /** Page number, `all` for the whole article, or null when the address names no page. */
  page: number | 'all' | null;
  /** The page part sits in the path (`/2`), not in the query (`?page=2`). */
  inPath: boolean;
}

/** Splits an address into the article and its page part; null for non-web or root addresses. */
export function pageAddress(href: string, base?: string): PageAddress | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  let page: number | 'all' | null = null;
  let inPath = false;
  const params = new URLSearchParams(url.search);
  for (const key of Array.from(params.keys())) {
    const value = params.get(key) ?? '';
    const lower = key.toLowerCase();
    if (TRACKING_PARAM.test(key)) params.delete(key);
    else if (PAGE_PARAMS.includes(lower) && /^(\d{1,3}|all)$/i.test(value)) {
      page = /all/i.test(value) ? 'all' : Number(value);
      params.delete(key);
    } else if (SINGLE_PARAMS.includes(lower) && SINGLE_VALUES.test(value)) {
      page = 'all';
      params.delete(key);
    }
  }
  let path = url.pathname.replace(/\/+$/, '') || '/';
  const numbered = page === null ? PATH_PAGE.exec(path) : null;
  // WordPress archives page as /page/2: that is an index, never an article page.
  if (numbered && SLUG.test(lastSegment(numbered[1])) && !/\/page$/i.test(numbered[1])) {
    page = Number(numbered[2]);
    path = numbered[1];
    inPath = true;
  }
  const all = page === null ? PATH_ALL.exec(path) : null;
  if (all && SLUG.test(lastSegment(all[1]))) {
    page = 'all';
    path = all[1];
    inPath = true;
  }
  if (path === '/' || /^\/index\.(html?|php)$/i.test(path)) return null;
  params.sort();
  const query = params.toString();
  return { stem: `${url.origin}${path}${query ? `?${query}` : ''}`, page, inPath };
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The address without its fragment. */
function withoutHash(href: string): string {
  const index = href.indexOf('#');
  return index < 0 ? href : href.slice(0, index);
}

function linkText(el: Element): string {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text || (el.getAttribute('title') ?? el.getAttribute('aria-label') ?? '').trim();
}

function hasAncestor(el: Element, pattern: RegExp): boolean {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const name = `${node.id} ${node.getAttribute('class') ?? ''}`;
    if (pattern.test(name)) return true;
  }
  return false;
}

function relOf(el: Element): string[] {
  return (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
}

/** A `/N` address is a page only with some sign of paging: rel, its text, or a pager around it. */
function looksLikePager(el: Element, text: string): boolean {
  const rel = relOf(el);
  if (rel.includes('next') || rel.includes('prev')) return true;
  if (NUMBER_TEXT.test(text) || STEP_TEXT.test(text)) return true;
  return hasAncestor(el, PAGER_BOX);
}

/** Candidate links: `<link rel=next|prev>` in the head and every `<a href>` in the body. */
function candidateLinks(doc: Document): Element[] {
  const heads = Array.from(doc.querySelectorAll('link[href]')).filter((link) =>
    relOf(link).some((rel) => rel === 'next' || rel === 'prev'),
  );
  return [...heads, ...Array.from(doc.body?.querySelectorAll('a[href]') ?? [])];
}

/**
 * The pages of the article `doc` shows at `url`, or null when it is one page (or not an article:
 * homepages and indexes page through other articles).
 */
export function findPagination(doc: Document, url: string): Pagination | null {
  const here = pageAddress(url);
  if (!here || here.page === 'all') return null;
  const current = here.page ?? 1;
  const herePath = withoutHash(url);
  // Every page of the article starts with its stem's origin and path: a cheap first filter.
  const prefix = here.stem.replace(/\?.*$/, '');
  const pages = new Map<number, string>();
  let showAll: string | null = null;

  for (const el of candidateLinks(doc)) {
    const raw = el.getAttribute('href') ?? '';
    if (!raw || raw.startsWith('#')) continue;
    let href: string;
    try {
      href = new URL(raw, url).href;
    } catch {
      continue;
    }
    if (!href.startsWith(prefix)) continue;
    // Paging that jumps to #komentar, or sits in a comment box, pages through comments.
    const hash = href.includes('#') ? href.slice(href.indexOf('#')) : '';
    if (COMMENT_BOX.test(hash) || hasAncestor(el, COMMENT_BOX)) continue;
    href = withoutHash(href);
    const text = el.tagName === 'LINK' ? '' : linkText(el);
    const address = pageAddress(href);
    if (!address) continue;
    if (address.stem !== here.stem) {
      // An unknown show-all parameter: same path, a show-all label, another address.
      if (!showAll && SHOW_ALL_TEXT.test(text) && samePath(href, url) && href !== herePath)
        showAll = href;
      continue;
    }
    if (address.page === 'all') {
      showAll ??= href;
      continue;
    }
    const number = address.page ?? 1;
    if (number === current || pages.has(number)) continue;
    if (address.inPath && el.tagName !== 'LINK' && !looksLikePager(el, text)) continue;
    pages.set(number, href);
  }
  // Last, as it costs most: homepages and indexes page through other articles.
  if ((!showAll && pages.size === 0) || looksLikeHomepage(doc, url)) return null;
  return {
    current,
    showAll,
    pages: Array.from(pages, ([number, href]) => ({ number, url: href })).sort(
      (a, b) => a.number - b.number,
    ),
  };
}

function samePath(a: string, b: string): boolean {
  try {
    const left = new URL(a);
    const right = new URL(b);
    return left.origin === right.origin && left.pathname === right.pathname;
  } catch {
    return false;
  }
}

/** Whether `href` is a page (or the show-all page) of the article at `articleUrl`. */
export function isPageOf(href: string, articleUrl: string): boolean {
  const here = pageAddress(articleUrl);
  const there = pageAddress(href, articleUrl);
  return Boolean(here && there && there.stem === here.stem);
}
