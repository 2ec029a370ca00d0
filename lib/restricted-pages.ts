/** Why the browser will not let an extension read a page, or null when it may. */
export type RestrictedReason = 'browser-page' | 'store' | 'pdf' | 'unsupported-scheme';

const STORE_URLS = [
  /^https:\/\/chromewebstore\.google\.com\//,
  /^https:\/\/chrome\.google\.com\/webstore/,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/,
  /^https:\/\/addons\.mozilla\.org\//,
];
const BROWSER_SCHEMES =
  /^(chrome|chrome-extension|chrome-search|chrome-untrusted|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|devtools|data|blob|javascript):/i;
const PDF_VIEWER = /^chrome-extension:\/\/mhjfbmdgcfjbbpaeojofohoefgiehjai\//;

/** A tab without a readable URL is a page the extension has no access to. */
export function restrictedReason(url: string | undefined): RestrictedReason | null {
  if (!url) return 'browser-page';
  if (PDF_VIEWER.test(url)) return 'pdf';
  if (BROWSER_SCHEMES.test(url)) return 'browser-page';
  if (STORE_URLS.some((re) => re.test(url))) return 'store';
  if (!/^(https?|file):/i.test(url)) return 'unsupported-scheme';
  if (/\.pdf(?:[?#]|$)/i.test(url)) return 'pdf';
  return null;
}
