import { hasProse, names, outermostWrapper, removeAll, shortText, textOf } from './dom';

const AD_SELECTOR = [
  'ins.adsbygoogle',
  '[id^="div-gpt"]',
  '[class*="div-gpt-ad"]',
  '[id^="google_ads"]',
  '[data-google-query-id]',
  'amp-ad',
  'amp-embed',
].join(', ');

/**
 * A class name or id with an ad word as one of its dash parts: "ads", "ad-slot", "banner-ads",
 * "iklan_tengah", "gpt-ad". Not "advertorial" (paid, but still a story) nor "header", "load".
 */
const AD_NAME_RE =
  /(^|[-_])(ads?|adv|adverts?|advertisement|advertising|iklan|adsense|adslot|dfp|gpt-ad)([-_]|$)/i;

/** Labels shown around ad slots, standing alone. */
export const AD_LABEL_RE =
  /^(advertisement|advertisment|advertising|iklan|sponsored|konten bersponsor|scroll to continue with content|scroll untuk melanjutkan|lanjutkan membaca|continue reading below|artikel berlanjut di bawah ini|story continues below advertisement)$/i;

function hasAdDataAttribute(el: Element): boolean {
  const attributes = el.attributes;
  for (let i = 0; i < attributes.length; i++) {
    if (attributes[i].name.startsWith('data-ad-')) return true;
  }
  return false;
}

/** AD_SELECTOR, tested on one element without a selector engine. */
function isKnownAd(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'AMP-AD' || tag === 'AMP-EMBED') return true;
  const id = el.getAttribute('id') ?? '';
  if (id.startsWith('div-gpt') || id.startsWith('google_ads')) return true;
  const cls = el.getAttribute('class') ?? '';
  if (cls.includes('div-gpt-ad') || (tag === 'INS' && /(^|\s)adsbygoogle(\s|$)/.test(cls))) {
    return true;
  }
  return el.hasAttribute('data-google-query-id');
}

function isNamedAd(el: Element): boolean {
  return hasAdDataAttribute(el) || names(el).some((n) => AD_NAME_RE.test(n));
}

export function isAdSlot(el: Element): boolean {
  return (el.matches(AD_SELECTOR) || isNamedAd(el)) && !hasProse(el);
}

function isAdLabel(el: Element): boolean {
  const text = shortText(el, 60)?.replace(/[\s:.\-–—]+$/, '');
  return Boolean(text) && AD_LABEL_RE.test(text ?? '');
}

/** Removes ad slots (AdSense, GPT, named ad containers) and stand-alone ad labels. */
export function removeAdSlots(root: Element): number {
  const found: Element[] = [];
  const labels: Node[] = [];
  const visit = (el: Element) => {
    if (el !== root && (isKnownAd(el) || isNamedAd(el)) && !hasProse(el)) {
      found.push(el);
      return;
    }
    if (!el.firstElementChild && isAdLabel(el)) {
      found.push(outermostWrapper(el));
      return;
    }
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) visit(child as Element);
      // A bare text label beside other content, e.g. "ADVERTISEMENT<br>".
      else if (child.nodeType === 3 && AD_LABEL_RE.test(textOf(child))) labels.push(child);
    }
  };
  visit(root);
  for (const node of labels) node.parentNode?.removeChild(node);
  return removeAll(found) + labels.length;
}
