/**
 * Picture captions in article content. They stay in the reader's HTML beside their picture, but
 * they are not story text: the text, the paragraphs and the summary leave them out.
 */

import { hasText, shortText, textOf } from './cleanup/dom';
import { findStoryBlock, ownProse } from './story-block';

/** A caption is a line or two. */
const MAX_CAPTION_CHARS = 500;
/** Text this short right under a picture at the top of the article reads as its caption. */
const SHORT_CAPTION_CHARS = 120;
/** Class or id of a caption box. */
const CAPTION_NAME_RE = /(caption|keterangan|ket-?foto|foto-?ket|wp-caption-text|image-desc)/i;
/**
 * Photo credits: "(ANTARA FOTO/Budi)", "Foto: Dok.", "©KapanLagi.com", "/Radar Mojokerto)",
 * or a source in parentheses closing the line: "(Grammy)", "(REUTERS / Danny Moloshok)".
 */
const PHOTO_CREDIT_RE =
  /(©|\bfoto\s*:|\bphoto\s*:|\bdok\.|\((antara\s+)?foto\b|\bcredit\s*:|\/[^/()]{2,40}\)\s*$|\((?=[^()]*\p{L})[^()\d]{2,40}\)\s*\.?$)/iu;
const MEDIA = 'img, picture, video, iframe, svg';
const MEDIA_TAGS = new Set(['img', 'picture', 'video', 'iframe', 'svg']);
/** Chinese, Japanese and Korean text: a short line there is a whole sentence. */
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Captions must leave at least this share of the text: a gallery page's captions are its story. */
const MIN_STORY_SHARE = 0.3;

const isMedia = (el: Element) => MEDIA_TAGS.has(el.localName);

/** A block that only shows a picture: media, perhaps in links, and no text. */
function isPictureBlock(el: Element): boolean {
  if (isMedia(el)) return true;
  return !hasText(el) && el.querySelector(MEDIA) !== null;
}

function hasCaptionName(el: Element): boolean {
  const named = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (!CAPTION_NAME_RE.test(named)) return false;
  const names = named.split(/\s+/);
  // "no_caption", "nocaption": a class that says there is none.
  return names.some((name) => CAPTION_NAME_RE.test(name) && !/^no[-_]?caption/i.test(name));
}

/** The alt or title text of the pictures in `el`. */
function pictureTexts(el: Element): string[] {
  const texts: string[] = [];
  for (const img of el.querySelectorAll('img')) {
    for (const name of ['alt', 'title']) {
      const value = img.getAttribute(name)?.replace(/\s+/g, ' ').trim();
      if (value) texts.push(value.toLowerCase());
    }
  }
  return texts;
}

/** The previous element sibling, skipping empty ones (line breaks, emptied wrappers). */
function previousContent(el: Element): Element | null {
  let prev = el.previousElementSibling;
  while (prev && prev.tagName !== 'IMG' && !hasText(prev) && !prev.querySelector(MEDIA)) {
    prev = prev.previousElementSibling;
  }
  return prev;
}

/** The picture block right before `el` (empty elements between aside), or null. */
function pictureBefore(el: Element): Element | null {
  const prev = previousContent(el);
  return prev && isPictureBlock(prev) ? prev : null;
}

/**
 * Does `el`, a short text block, caption the picture before it? It must say so (a credit, a
 * caption class, the picture's own alt text) unless it sits in the lead area (`relaxed`), where a
 * short line under the picture is its caption.
 */
function captionsPicture(el: Element, text: string, relaxed: boolean): boolean {
  const prev = pictureBefore(el);
  if (!prev) return false;
  if (PHOTO_CREDIT_RE.test(text) || hasCaptionName(el)) return true;
  if (pictureTexts(prev).includes(text.toLowerCase())) return true;
  const short = text.length <= SHORT_CAPTION_CHARS && !CJK_RE.test(text);
  return short && (relaxed || isFigureBox(el.parentElement, prev, el));
}

/** `box` holds only the picture and the line under it, as a figure would (not a quotation). */
function isFigureBox(box: Element | null, picture: Element, line: Element): boolean {
  if (!box || box.tagName === 'BLOCKQUOTE' || /^["“‘'«]/.test(textOf(line))) return false;
  for (let child = box.firstElementChild; child; child = child.nextElementSibling) {
    if (child !== picture && child !== line && (hasText(child) || child.querySelector(MEDIA))) {
      return false;
    }
  }
  return true;
}

/** A block holding a picture and, beside it, only its caption text ("<img>Caption © Foto"). */
function holdsPictureAndCaption(el: Element, text: string): boolean {
  if (text.length > SHORT_CAPTION_CHARS * 2) return false;
  if (!el.querySelector('img') || el.querySelector('p, div, li, table')) return false;
  return PHOTO_CREDIT_RE.test(text) || pictureTexts(el).includes(text.toLowerCase());
}

function isCaption(el: Element, relaxed: boolean): boolean {
  if (el.tagName === 'FIGCAPTION') return true;
  if (!hasCaptionName(el) && !pictureBefore(el)) {
    // Most blocks: only a block holding its own picture and caption is left to check.
    if (el.querySelector('img') === null) return false;
    const text = shortText(el, SHORT_CAPTION_CHARS * 2);
    return text !== null && text !== '' && holdsPictureAndCaption(el, text);
  }
  // Long blocks stop reading at the limit.
  const text = shortText(el, MAX_CAPTION_CHARS);
  if (!text) return false;
  const media = el.querySelector(MEDIA) !== null;
  if (media) return holdsPictureAndCaption(el, text);
  if (hasCaptionName(el)) return true;
  return captionsPicture(el, text, relaxed);
}

const CANDIDATES = new Set('FIGCAPTION P DIV SPAN EM SMALL CENTER DD TD'.split(' '));

/**
 * The caption elements under `root`. Until the story's prose starts (the first paragraph inside
 * `story`, the block holding the story), captions need less proof. With `outsideStoryOnly`, only
 * captions outside the story's run are given: above its first paragraph or beside the story block.
 */
export function findCaptions(
  root: Element,
  story: Element | null = null,
  outsideStoryOnly = false,
): Set<Element> {
  const captions = new Set<Element>();
  let inStory = story === null || story === root;
  let proseSeen = false;
  const visit = (el: Element) => {
    const lead = !(inStory && proseSeen);
    // A <figure> is the author's own part of the article: its caption stays.
    if (outsideStoryOnly && (!lead || el.tagName === 'FIGURE')) return;
    const candidate = el !== root && CANDIDATES.has(el.tagName);
    if (candidate && isCaption(el, lead)) {
      captions.add(el);
      return;
    }
    // Text inside a figure, apart from its pictures, is the figure's caption.
    if (el.tagName === 'FIGURE') {
      for (const child of el.children) if (!isPictureBlock(child)) captions.add(child);
      return;
    }
    if (inStory && !proseSeen && ownProse(el) > 0) proseSeen = true;
    const entering = el === story && !inStory;
    if (entering) inStory = true;
    for (const child of el.children) visit(child);
    if (entering) inStory = false;
  };
  visit(root);
  if (captions.size === 0) return captions;
  const captionText = Array.from(captions, (el) => textOf(el).length).reduce((a, b) => a + b, 0);
  const all = textOf(root).length;
  return all - captionText >= MIN_STORY_SHARE * all ? captions : new Set();
}

/**
 * The captions left out of the story's text: the site's caption lines under the lead picture,
 * above the story (the reader shows it as the article's header picture), and those beside the
 * story block (galleries, teasers). Captions within the story's run and <figure> captions stay.
 */
export function articleCaptions(
  root: Element,
  story: Element = findStoryBlock(root, findCaptions(root)),
): Set<Element> {
  return findCaptions(root, story, true);
}
