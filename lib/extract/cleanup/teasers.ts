import { hasProse, linkDensity, removeAll, textOf } from './dom';
import { besideStory } from './surroundings';

/** A teaser's text: a headline and a line of blurb at most. */
const MAX_TEASER_CHARS = 200;
const IMAGE_FILE_RE = /\.(jpe?g|png|gif|webp|avif)(\?|#|$)/i;

/** A link to another page (not an anchor on this one, a script or the picture's own file). */
function linksAway(a: Element): boolean {
  const href = a.getAttribute('href')?.trim() ?? '';
  return (
    Boolean(href) &&
    !href.startsWith('#') &&
    !/^javascript:/i.test(href) &&
    !IMAGE_FILE_RE.test(href)
  );
}

/** Every picture in `box` links to another page, and there is at least one. */
function picturesAllLinkAway(box: Element): boolean {
  const images = Array.from(box.querySelectorAll('img'));
  return (
    images.length > 0 &&
    images.every((img) => {
      const a = img.closest('a[href]');
      return a !== null && box.contains(a) && linksAway(a);
    })
  );
}

/**
 * A box that only points elsewhere: a column of links (two or more, most of its text), or a
 * picture teaser (linked pictures and a short blurb).
 */
export function isTeaserBox(box: Element): boolean {
  if (hasProse(box)) return false;
  const text = textOf(box);
  const links = Array.from(box.querySelectorAll('a[href]')).filter(linksAway).length;
  if (links >= 2 && text && linkDensity(box) >= 0.5) return true;
  return text.length <= MAX_TEASER_CHARS && picturesAllLinkAway(box);
}

/** Removes link columns and picture teasers beside the story block. */
export function removeTeasers(root: Element, story: Element): number {
  const { before, after } = besideStory(root, story);
  return removeAll([...before, ...after].filter(isTeaserBox));
}
