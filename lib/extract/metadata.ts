/** Title, site name and excerpt from the page and Readability's results. */

import { metaValue } from './meta';

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' « ', ' » ', ' · ', ': '];
/** Separators that only follow a site name in front ("KapanLagi.com: Judul"), never a suffix. */
const PREFIX_ONLY = new Set([': ']);

export function hostname(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

export function findSiteName(
  doc: Document,
  readabilitySite: string | null | undefined,
  url: string,
): string | null {
  return (
    metaValue(doc, 'og:site_name', 'application-name') ??
    (readabilitySite?.trim() || null) ??
    hostname(url)
  );
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
/** `whole` holds `part`, and `part` is long enough not to match by chance. */
const holds = (whole: string, part: string) => part.length >= 5 && whole.includes(part);

/** Brand names of Indonesian news sites, for suffixes like " - Radar Mojokerto". */
const NEWS_BRAND_RE =
  /^(radar|disway|tribun|detik|kompas|suara|okezone|liputan6|antara|tempo|viva|republika|kapanlagi|jawa ?pos|jpnn|cnn indonesia|kumparan|merdeka|sindonews|idn ?times|inews|media indonesia)\b/i;

/** A title part that names the site (its name or host); `brand` also accepts news brand names. */
function isSitePart(
  part: string,
  site: string | null,
  host: string | null,
  brand: boolean,
): boolean {
  const p = squash(part);
  if (!p) return true;
  const s = site ? squash(site) : '';
  const h = host ? squash(host.split('.').slice(0, -1).join('.')) : '';
  if (s && (p === s || holds(p, s) || holds(s, p))) return true;
  if (h && (holds(p, h) || holds(h, p))) return true;
  return brand && part.trim().split(/\s+/).length <= 4 && NEWS_BRAND_RE.test(part.trim());
}

/**
 * The headline without the site suffix or prefix ("Judul - Radar Mojokerto" -> "Judul").
 * Starts from Readability's title (which reads JSON-LD and og:title), else og:title, else <title>.
 */
export function cleanTitle(
  doc: Document,
  readabilityTitle: string | null | undefined,
  site: string | null,
  url: string,
): string {
  const candidates = [readabilityTitle, metaValue(doc, 'og:title'), doc.title];
  const title = candidates.map((t) => t?.replace(/\s+/g, ' ').trim()).find(Boolean) ?? '';
  const host = hostname(url);
  for (const sep of SEPARATORS) {
    const parts = title.split(sep);
    if (parts.length < 2) continue;
    let start = 0;
    let end = parts.length;
    while (!PREFIX_ONLY.has(sep) && end - start > 1 && isSitePart(parts[end - 1], site, host, true))
      end--;
    while (end - start > 1 && isSitePart(parts[start], site, host, false)) start++;
    if (start > 0 || end < parts.length) return parts.slice(start, end).join(sep).trim();
  }
  return title;
}

/** Readability's excerpt when the page has a description; else the first cleaned paragraph. */
export function findExcerpt(
  doc: Document,
  readabilityExcerpt: string | null | undefined,
  paragraphs: string[],
): string | null {
  const described =
    metaValue(doc, 'description', 'og:description', 'twitter:description', 'dc:description') !==
      null ||
    Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).some((s) =>
      /"description"\s*:/.test(s.textContent ?? ''),
    );
  const excerpt = described ? readabilityExcerpt?.replace(/\s+/g, ' ').trim() : null;
  return excerpt || paragraphs[0] || null;
}
