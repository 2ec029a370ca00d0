import { removeAll, shortText } from './dom';

const MEDIA = 'img, picture, video, audio, iframe, embed, object, svg, canvas, table, hr';

/** Removes blocks left with no text and no media after the other rules ran. */
export function removeEmptyBlocks(root: Element): number {
  const empty = Array.from(
    root.querySelectorAll(
      'p, div, li, ul, ol, dl, figure, section, aside, blockquote, h1, h2, h3, h4, h5, h6',
    ),
  )
    .reverse()
    .filter((el) => shortText(el, 0) === '' && !el.querySelector(MEDIA));
  // A figure without its picture leaves an orphan caption.
  const orphans = Array.from(root.querySelectorAll('figure')).filter(
    (f) => !f.querySelector(MEDIA),
  );
  return removeAll(empty) + removeAll(orphans);
}
