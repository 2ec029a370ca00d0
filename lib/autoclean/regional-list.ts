/**
 * Baca Bersih's own regional filter list: cosmetic rules only, uBO/ABP syntax, written for this
 * project (no public list names these banners). `example.com##sel` also applies to every
 * subdomain of example.com, so `disway.id##` covers mojokerto.disway.id and
 * `jawapos.com##` covers radarmojokerto.jawapos.com.
 *
 * Procedural `:has-text()` rules must name domains (the engine rejects generic ones) and are
 * evaluated by the content script; keep them few, they read textContent. Scroll-locked bodies
 * are not handled here: hide.ts unlocks scrolling only after an overlay was actually hidden.
 */

import { KNOWN_NEWS_DOMAINS, SITE_FAMILIES } from './sites';

/** Every known news domain (sites.ts), for the shared rules. */
const ALL = KNOWN_NEWS_DOMAINS.join(',');
/** Smaller regional and national portals without a section of their own. */
const SMALL = SITE_FAMILIES.filter((family) => family.id === 'regional')
  .flatMap((family) => family.domains)
  .join(',');

/** Ad-slot labels as they appear on the page, matched case-insensitively. */
const LABEL = String.raw`/^\s*-?\s*(ADVERTISEMENT|ADVERTISMENT|IKLAN|ADS)\s*-?\s*$/i`;
const SCROLL_SLOT = String.raw`/^\s*(ADVERTISEMENT|IKLAN)[\s\S]{0,600}SCROLL TO CONTINUE WITH CONTENT\s*$/i`;
const SCROLL_LABEL = String.raw`/^\s*SCROLL (TO|UNTUK) (CONTINUE|MELANJUTKAN)[\w ]*$/i`;

export const REGIONAL_FILTERS = `! Title: Baca Bersih - regional news (Indonesia)
! Cosmetic rules only: no scriptlets, no network rules.

! === Everywhere: product banners that run across regional portals ===
##a:has(> img[alt*="ACI OJOL" i])
##img[alt*="ACI OJOL" i]
##img[src*="aci-ojol" i]
##img[src*="aciojol" i]
##a:has(> img[alt*="speedcash" i])
##img[alt*="speedcash" i]
##img[src*="speedcash" i]
##a[href*="speedcash" i]:has(> img)

! === All known news sites: ad-network slots, labelled slots, sticky and overlay ads ===
${ALL}##ins.adsbygoogle
${ALL}##div:has(> ins.adsbygoogle):not(:has(p))
${ALL}##[id^="div-gpt-ad"]
${ALL}##iframe[id^="google_ads_iframe"]
${ALL}##iframe[title="3rd party ad content"]
${ALL}##a[rel~="sponsored"]:has(> img)
${ALL}##div:has(> button[aria-label*="tutup iklan" i])
${ALL}##[class*="sticky-bottom-ad" i]
${ALL}##[class*="sticky-ad" i]
${ALL}##[id*="sticky-ad" i]
${ALL}##[class*="sticky_ad" i]
${ALL}##[class*="floating-ad" i]
${ALL}##[class*="float-ads" i]
${ALL}##[id*="interstitial" i]
${ALL}##[class*="popup-ads" i]
${ALL}##div:has-text(${SCROLL_SLOT})
${ALL}##div:has(> div:has-text(${LABEL})):not(:has(p))
${ALL}##div:has(> span:has-text(${LABEL})):not(:has(p))
${ALL}##div:has-text(${SCROLL_LABEL})

! === Disway network: disway.id and *.disway.id (mojokerto, memorandum, radarcirebon...) ===
disway.id##div[class^="ads-"]
disway.id##div[class*=" ads-"]
disway.id##div[class^="banner-"]
disway.id##div[class*="-banner"]
disway.id##div[class^="iklan"]
disway.id##div[id^="iklan"]
disway.id##a[target="_blank"]:has(> img[src*="banner" i])
disway.id##div[class*="sticky-bottom"]

! === Jawa Pos radar network: jawapos.com and radar*.jawapos.com ===
jawapos.com##[id^="iklan" i]
jawapos.com##div[id^="ads-" i]
jawapos.com##div[class^="ads-"]
jawapos.com##div[class*="megabillboard" i]
jawapos.com##div[class*="billboard-ads" i]
jawapos.com##div:has(> button[aria-label*="iklan" i])
jawapos.com##a[target="_blank"]:has(> img[src*="/banner/" i])
radarbogor.id##div[class^="ads-"]
radarbogor.id##div[id^="ads-"]

! === Tribun network: *.tribunnews.com, surya.co.id ===
tribunnews.com##div[id^="div-"][id*="Banner"]
tribunnews.com##div[id^="div-"][id*="Rectangle"]
tribunnews.com##div[id^="div-"][id*="Leaderboard"]
tribunnews.com##div[id^="div-"][id*="Skyscraper"]
tribunnews.com##[id*="skinad" i]
tribunnews.com##[id*="anchorad" i]
tribunnews.com##div[class*="box_ads"]
tribunnews.com##div[class*="ads-placeholder"]
tribunnews.com##div[style*="width:300px"][style*="height:250px"]
tribunnews.com##div[style*="width:728px"][style*="height:90px"]
surya.co.id##div[id^="div-"][id*="Banner"]
surya.co.id##div[id^="div-"][id*="Rectangle"]
surya.co.id##[id*="skinad" i]

! === detik network: *.detik.com ===
detik.com##[id*="billboard" i]
detik.com##div[class*="billboard" i]
detik.com##div[class*="skinad" i]
detik.com##div[class*="ads-scrollpage"]
detik.com##div[class^="banner_"]
detik.com##div[class*="detikads"]
detik.com##iframe[src*="iklanbaris"]
detik.com##div[class*="footer_banner"]

! === Kompas: kompas.com, kompas.id, kompas.tv ===
kompas.com##[class^="kcm__"]
kompas.com##[class*=" kcm__"]
kompas.com##div[class^="bannerTop"]
kompas.com##div[class^="bannerR"]
kompas.com##div[class^="bannerCenter"]
kompas.com##div[class*="ads-on-body"]
kompas.com##div[class*="ads-partner"]
kompas.com##div[class*="SkinAd" i]
kompas.id##div[class^="ads-"]
kompas.id##div[class*=" ads-"]
kompas.tv##div[class*="skinad" i]

! === Suara network: suara.com ===
suara.com##[id^="div-ad-"]
suara.com##[id*="pariwara"]
suara.com##div[class^="adds-"]
suara.com##div[class*="ads-sticky"]
suara.com##div[class^="placeholder_"]

! === Okezone: *.okezone.com ===
okezone.com##div[class*="banner-belt"]
okezone.com##div[class^="banner-top"]
okezone.com##div[class*="skin-ads"]
okezone.com##div[class*="flying_ads"]
okezone.com##div[class*="ads-bottom"]
okezone.com##div[class*="box-ads"]
okezone.com##div[class*="center-paralax"]

! === Liputan6: liputan6.com ===
liputan6.com##div[class*="box-ads"]
liputan6.com##div[id*="dfp-" i]
liputan6.com##div[class*="bottomframe"]
liputan6.com##div[id*="in-image" i]
liputan6.com##div[class*="advertisement-"]

! === SINDOnews: *.sindonews.com ===
sindonews.com##[id*="div-gpt-ad"]
sindonews.com##div[id^="ads_"]
sindonews.com##div[class*="paralax"]
sindonews.com##div[class*="sticky-ad" i]

! === JPNN: jpnn.com ===
jpnn.com##[id*="medrec" i]
jpnn.com##div[class*="sticky_bottom"]
jpnn.com##section.leaderboard
jpnn.com##div[class^="ans-"]

! === Pikiran Rakyat Media Network: pikiran-rakyat.com, ayobandung.com ===
pikiran-rakyat.com##[id*="megabillboard" i]
pikiran-rakyat.com##div[class*="prads"]
pikiran-rakyat.com##[id*="bottom_banner"]
ayobandung.com##[id*="megabillboard" i]
ayobandung.com##div[class^="ads-"]

! === Smaller portals: common WordPress/CMS ad widgets ===
${SMALL}##div[class^="ads-"]
${SMALL}##div[class*=" ads-"]
${SMALL}##div[class^="iklan"]
${SMALL}##div[id^="iklan"]
${SMALL}##div[class*="banner-ads" i]
${SMALL}##div[class*="ads-banner" i]
${SMALL}##a[target="_blank"]:has(> img[src*="/banner/" i])
${SMALL}##div[class*="widget_media_image"]:has(a[target="_blank"] > img[src*="banner" i])
`;

/** Family sections of REGIONAL_FILTERS, by header line. */
export function regionalSections(text = REGIONAL_FILTERS): { title: string; rules: string[] }[] {
  const sections: { title: string; rules: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const header = /^! === (.+) ===$/.exec(line);
    if (header) sections.push({ title: header[1], rules: [] });
    else if (line && !line.startsWith('!') && sections.length > 0) {
      sections[sections.length - 1].rules.push(line);
    }
  }
  return sections;
}
