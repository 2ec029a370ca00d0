import { names, outermostWrapper, removeAll } from './dom';

/** Words that mark a promotional image, matched as whole words. */
const BANNER_WORD_RE = /(^|[^a-z])(banners?|iklan|ads|adverts?|advertisement|sponsored)([^a-z]|$)/i;
/** Alt texts of banners are short labels ("ACI OJOL BANNER"), not descriptions. */
const MAX_ALT_WORDS = 6;

function fileName(src: string): string {
  try {
    const path = new URL(src, 'http://x/').pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return src;
  }
}

function srcPath(src: string): string {
  try {
    return decodeURIComponent(new URL(src, 'http://x/').pathname);
  } catch {
    return src;
  }
}

export function isBannerImage(img: Element): boolean {
  const alt = (img.getAttribute('alt') ?? '').trim();
  if (alt && alt.split(/\s+/).length <= MAX_ALT_WORDS && BANNER_WORD_RE.test(alt)) return true;
  const src = img.getAttribute('src') ?? '';
  // The file name or a folder of the path ("/banner/aci.jpg", "/ads/300x250.gif").
  if (BANNER_WORD_RE.test(fileName(src)) || /\/(banners?|iklan|ads|adv)\//i.test(srcPath(src))) {
    return true;
  }
  return names(img).some((n) => BANNER_WORD_RE.test(n));
}

/** Removes promotional banner images and the links or figures that only wrap them. */
export function removeBanners(root: Element): number {
  const found: Element[] = [];
  for (const img of root.querySelectorAll('img')) {
    if (isBannerImage(img)) found.push(outermostWrapper(img));
  }
  return removeAll(found);
}
