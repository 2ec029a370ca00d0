import { removeAll, shortText } from './dom';
import { besideStory } from './surroundings';

/** Room around the headline in a repeat: "In Picture: ", "FOTO: ", a short tag. */
const MAX_EXTRA_CHARS = 30;
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The headline again above the story, perhaps with a prefix ("In Picture: <headline>"). */
export function repeatsTitle(el: Element, title: string): boolean {
  const key = squash(title);
  if (key.length < 10) return false;
  const text = shortText(el, title.length + MAX_EXTRA_CHARS);
  return text !== null && squash(text).includes(key);
}

/** Removes blocks above the story block that repeat the headline. */
export function removeTitleRepeats(root: Element, story: Element, title: string): number {
  return removeAll(besideStory(root, story).before.filter((el) => repeatsTitle(el, title)));
}
