import { removeAll, shortText } from './dom';
import { besideStory } from './surroundings';

/** A section label above a headline: "SELEBRITI", "Film Indonesia", a tag name. */
const MAX_KICKER_WORDS = 4;
const MAX_KICKER_CHARS = 40;
const MEDIA = 'img, picture, video, iframe, embed, object, svg, table';
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function isKicker(el: Element): boolean {
  const text = shortText(el, MAX_KICKER_CHARS);
  if (!text || el.querySelector(MEDIA)) return false;
  // A sentence, however short, is story ("Dia menolak."); so is a place line ("Jakarta -").
  if (/[.!?:;"”\-–—。！？]$/.test(text)) return false;
  // In Chinese, Japanese and Korean a short line can be a sentence: left alone.
  if (CJK_RE.test(text)) return false;
  return text.split(/\s+/).length <= MAX_KICKER_WORDS;
}

/** Removes short labels above the story block: section names and tags shown over the headline. */
export function removeKickers(root: Element, story: Element): number {
  return removeAll(besideStory(root, story).before.filter(isKicker));
}
