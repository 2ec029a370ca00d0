/**
 * Known Indonesian news domains, grouped by publisher family. A hostname belongs to a domain
 * when it equals it or is a subdomain of it: `radarmojokerto.jawapos.com` → `jawapos.com`,
 * `mojokerto.disway.id` → `disway.id`.
 */

export interface SiteFamily {
  id: string;
  name: string;
  domains: readonly string[];
}

export const SITE_FAMILIES: readonly SiteFamily[] = [
  { id: 'disway', name: 'Disway network', domains: ['disway.id'] },
  { id: 'radar', name: 'Jawa Pos / Radar network', domains: ['jawapos.com', 'radarbogor.id'] },
  { id: 'tribun', name: 'Tribun network', domains: ['tribunnews.com', 'surya.co.id'] },
  { id: 'detik', name: 'detik network', domains: ['detik.com'] },
  { id: 'kompas', name: 'Kompas Gramedia', domains: ['kompas.com', 'kompas.id', 'kompas.tv'] },
  { id: 'suara', name: 'Suara network', domains: ['suara.com'] },
  { id: 'okezone', name: 'Okezone', domains: ['okezone.com'] },
  { id: 'liputan6', name: 'Liputan6', domains: ['liputan6.com'] },
  { id: 'sindonews', name: 'SINDOnews', domains: ['sindonews.com'] },
  { id: 'jpnn', name: 'JPNN', domains: ['jpnn.com'] },
  {
    id: 'pikiran-rakyat',
    name: 'Pikiran Rakyat Media Network',
    domains: ['pikiran-rakyat.com', 'ayobandung.com'],
  },
  {
    id: 'regional',
    name: 'Other regional and national portals',
    domains: [
      'jatimnow.com',
      'beritajatim.com',
      'timesindonesia.co.id',
      'jatimtimes.com',
      'suarasurabaya.net',
      'kumparan.com',
      'idntimes.com',
      'merdeka.com',
      'viva.co.id',
      'antaranews.com',
      'tempo.co',
      'republika.co.id',
      'inews.id',
      'kapanlagi.com',
      'cnnindonesia.com',
      'cnbcindonesia.com',
      'tvonenews.com',
      'harianjogja.com',
      'solopos.com',
      'mediaindonesia.com',
      'beritasatu.com',
      'medcom.id',
      'bisnis.com',
      'kontan.co.id',
      'grid.id',
      'sonora.id',
      'hops.id',
      'akurat.co',
      'krjogja.com',
    ],
  },
];

/** Every known domain, deduplicated. */
export const KNOWN_NEWS_DOMAINS: readonly string[] = [
  ...new Set(SITE_FAMILIES.flatMap((family) => family.domains)),
];

/** Lower-case, no trailing dot, no port. */
export function normalizeHost(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/** True when `hostname` is `domain` or one of its subdomains. */
export function hostMatches(hostname: string, domain: string): boolean {
  const host = normalizeHost(hostname);
  return host === domain || host.endsWith('.' + domain);
}

/** The known domain a hostname belongs to (the longest match), or null. */
export function knownDomainOf(hostname: string): string | null {
  let best: string | null = null;
  for (const domain of KNOWN_NEWS_DOMAINS) {
    if (hostMatches(hostname, domain) && (best === null || domain.length > best.length)) {
      best = domain;
    }
  }
  return best;
}

/** The family a hostname belongs to, or null. First family listing the domain wins. */
export function siteFamilyOf(hostname: string): SiteFamily | null {
  const domain = knownDomainOf(hostname);
  if (domain === null) return null;
  return SITE_FAMILIES.find((family) => family.domains.includes(domain)) ?? null;
}

export function isKnownNewsSite(hostname: string): boolean {
  return knownDomainOf(hostname) !== null;
}

/** Second-level suffixes where the registrable domain has three labels. */
const TWO_LABEL_SUFFIXES = new Set([
  'co.id',
  'or.id',
  'ac.id',
  'go.id',
  'sch.id',
  'web.id',
  'my.id',
  'biz.id',
  'net.id',
  'mil.id',
  'co.uk',
  'com.au',
  'com.sg',
  'com.my',
]);

/**
 * Approximate registrable domain ("site") without the public-suffix list: good enough to
 * tell on-site from off-site links on Indonesian news pages.
 */
export function siteOf(hostname: string): string {
  const labels = normalizeHost(hostname).split('.');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  const keep = TWO_LABEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-keep).join('.');
}
