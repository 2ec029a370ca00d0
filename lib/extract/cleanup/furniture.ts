import {
  hasProse,
  linkDensity,
  linkTextLength,
  nameTokens,
  outermostWrapper,
  removeAll,
  shortText,
  textOf,
} from './dom';

/** Headings of link lists: "Berita Terkait", "Terpopuler", "Rekomendasi", "Tags"... */
export const LIST_LABEL_RE =
  /^((berita|artikel|foto|video|topik|konten|galeri|baca)\s+)?(terkait|terpopuler|populer|paling populer|terkini|terbaru|terhangat|lainnya|rekomendasi|pilihan|pilihan redaksi|pilihan editor|juga|trending)(\s+(hari ini|untuk anda|untukmu|lainnya))?$|^(rekomendasi|pilihan)\s+\S+$|^simak\s+(\S+\s+){0,2}lainnya$|^(jangan lewatkan|tags?|topik|kata kunci|keywords?|related( articles| stories| news)?|most popular|more stories|read more|you may also like)$/i;

const LIST_NAME_TOKENS = new Set([
  'related',
  'terkait',
  'populer',
  'terpopuler',
  'popular',
  'trending',
  'rekomendasi',
  'recommendation',
  'recommended',
  'lainnya',
  'bacajuga',
  'readalso',
  'tag',
  'tags',
  'topik',
  'topic',
  'topics',
  'keyword',
  'keywords',
  'share',
  'sharing',
  'sharer',
  'social',
  'sosmed',
  'socmed',
  'bagikan',
]);

const SHARE_HREF_RE =
  /(facebook\.com\/(sharer|share|dialog\/share)|twitter\.com\/(intent|share)|x\.com\/intent|api\.whatsapp\.com\/send|wa\.me\/\?text=|whatsapp:\/\/send|t\.me\/share|telegram\.me\/share|line\.me\/R\/msg|social-plugins\.line\.me|linkedin\.com\/(shareArticle|sharing)|pinterest\.com\/pin\/create|reddit\.com\/submit|mailto:\?)/i;

/** Call-outs to follow the site elsewhere: an action and a channel. */
const CALLOUT_ACTION_RE =
  /\b(ikuti|follow|gabung|bergabung|join|subscribe|langganan|berlangganan|dapatkan|download|unduh|klik|simak|pantau|kunjungi)\b/i;
const CALLOUT_CHANNEL_RE =
  /\b(whatsapp\s+channel|saluran\s+whatsapp|channel\s+whatsapp|google\s+news|(channel|kanal|saluran)\s+telegram|telegram\s+channel|newsletter)\b/i;
const CALLOUT_HREF_RE = /(whatsapp\.com\/channel|news\.google\.com|t\.me\/|telegram\.me\/)/i;
const CALLOUT_MAX_CHARS = 300;

const NEVER_REMOVE = new Set(['BODY', 'HTML', 'MAIN', 'ARTICLE']);
/** A list header: the label, perhaps with an "Index »" link. */
const HEADER_MAX_CHARS = 80;
const MEDIA = 'img, picture, video, iframe, embed, object, blockquote';

/** `box` holds, besides `label`, a list: two or more links making up most of its other text. */
function holdsList(box: Element, label: Element): boolean {
  const rest = textOf(box).length - textOf(label).length;
  const links = box.querySelectorAll('a[href]').length - label.querySelectorAll('a[href]').length;
  if (rest <= 0 || links < 2) return false;
  return (linkTextLength(box) - linkTextLength(label)) / rest >= 0.5;
}

/** Mostly links: by text, or, for picture lists without text, every image inside a link. */
function isLinkList(el: Element): boolean {
  if (hasProse(el)) return false;
  if (textOf(el)) return linkDensity(el) >= 0.5;
  const images = Array.from(el.querySelectorAll('img'));
  return images.length > 0 && images.every((img) => img.closest('a[href]'));
}

/** The list a label heads: an ancestor box of label + links, or the link lists after it. */
function listUnder(label: Element): Element[] {
  // Wrappers holding only the label (or the label and a "more" link) count as its header.
  let header = label;
  for (let parent = label.parentElement; parent; parent = parent.parentElement) {
    if (NEVER_REMOVE.has(parent.tagName) || hasProse(parent)) break;
    if (holdsList(parent, label)) return [parent];
    if (shortText(parent, HEADER_MAX_CHARS) === null) break;
    header = parent;
  }
  const lists: Element[] = [];
  for (let next = header.nextElementSibling; next; next = next.nextElementSibling) {
    if (!textOf(next) && !next.querySelector('img')) continue;
    if (!isLinkList(next)) break;
    lists.push(next);
  }
  if (lists.length) return [header, ...lists];
  // A label left at the end of its box, its list gone (loaded by script or removed).
  let dangling = true;
  for (let next = header.nextSibling; next; next = next.nextSibling) {
    // Comments (markup left by the site's templates) are not content.
    if (next.nodeType !== 8 && (next.textContent ?? '').trim()) dangling = false;
  }
  return dangling ? [header] : [];
}

/** Removes link lists under a label: "Berita Terkait", "Terpopuler", "Rekomendasi", "Tags"... */
export function removeLabelledLists(root: Element): number {
  const found: Element[] = [];
  for (const el of root.querySelectorAll(
    'h1, h2, h3, h4, h5, h6, p, div, span, strong, b, li, dt, header',
  )) {
    if (found.some((f) => f.contains(el))) continue;
    const text = shortText(el, 50)?.replace(/[\s:»>›.!]+$/, '');
    if (!text || text.length > 40 || !LIST_LABEL_RE.test(text)) continue;
    found.push(...listUnder(el));
  }
  return removeAll(found);
}

/** Removes boxes named as link lists or share bars ("related-news", "post-tags"), mostly links. */
export function removeNamedLists(root: Element): number {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('div, ul, ol, section, aside, nav, p')) {
    if (found.some((f) => f.contains(el))) continue;
    if (!nameTokens(el).some((t) => LIST_NAME_TOKENS.has(t)) || hasProse(el)) continue;
    // Near-empty boxes go too (a share bar of icons), unless they hold media such as an embed.
    const short = el.tagName !== 'P' && textOf(el).length < 40 && !el.querySelector(MEDIA);
    if (short || linkDensity(el) >= 0.5) found.push(el);
  }
  return removeAll(found);
}

/** Removes share bars: groups of share links with little else. */
export function removeShareBars(root: Element): number {
  const found: Element[] = [];
  for (const a of root.querySelectorAll('a[href]')) {
    if (!SHARE_HREF_RE.test(a.getAttribute('href') ?? '')) continue;
    if (found.some((f) => f.contains(a))) continue;
    // The largest ancestor that is still only share links and a few words.
    let bar: Element = a;
    for (let parent = a.parentElement; parent; parent = parent.parentElement) {
      if (NEVER_REMOVE.has(parent.tagName) || hasProse(parent, 80)) break;
      const other = textOf(parent).length - linkTextLength(parent);
      if (other > 60) break;
      bar = parent;
    }
    // A worded share link alone inside a story paragraph is left to the reader.
    if (bar !== a || !textOf(a)) found.push(bar);
  }
  return removeAll(found);
}

/** Removes "follow us on WhatsApp Channel / Google News" call-outs. */
export function removeCallouts(root: Element): number {
  const found: Element[] = [];
  for (const el of root.querySelectorAll(
    'p, div, li, aside, section, blockquote, span, strong, em, h3, h4, h5',
  )) {
    if (found.some((f) => f.contains(el))) continue;
    const text = shortText(el, CALLOUT_MAX_CHARS);
    if (!text || !CALLOUT_ACTION_RE.test(text)) continue;
    const links = Array.from(el.querySelectorAll('a[href]'));
    if (links.length === 0) continue;
    const channelLink = links.some((a) => CALLOUT_HREF_RE.test(a.getAttribute('href') ?? ''));
    if (channelLink || CALLOUT_CHANNEL_RE.test(text)) found.push(outermostWrapper(el));
  }
  return removeAll(found);
}

/** Stand-alone widget labels: gallery counters, rating and voting prompts. */
const WIDGET_LABEL_RE =
  /^(\d+\s+(foto|photos?|gambar|video)|more photos|foto lainnya|vote( photo)?|rating\s*\(\s*\d*\s*voters?\s*\)|beri rating|print|cetak|a\s*\+|a\s*-|credits?\s*\(\s*\d+\s*\))$/i;

/** Removes stand-alone widget labels ("12 Foto", "Vote Photo", "Rating ( voters)", "Credits (2)"). */
export function removeWidgetLabels(root: Element): number {
  const found: Element[] = [];
  for (const el of root.querySelectorAll(
    'p, div, span, li, strong, b, h2, h3, h4, h5, h6, title',
  )) {
    if (found.some((f) => f.contains(el))) continue;
    const text = shortText(el, 40);
    if (text && WIDGET_LABEL_RE.test(text)) found.push(outermostWrapper(el));
  }
  return removeAll(found);
}

/** Removes forms and their controls (comment boxes, newsletter sign-ups, votes). */
export function removeForms(root: Element): number {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('form, button, input, select, textarea')) {
    if (found.some((f) => f.contains(el))) continue;
    if (el.tagName !== 'FORM' || !hasProse(el)) found.push(el);
  }
  return removeAll(found);
}
