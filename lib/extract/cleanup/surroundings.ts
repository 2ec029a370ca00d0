/** Walking the story's surroundings: what sits beside the story block on the way down to it. */

const TABLE_PARTS = new Set(['TD', 'TH', 'TR', 'TBODY', 'THEAD', 'TFOOT', 'TABLE']);

/** Siblings of the story block and of each of its ancestors below `root`, in page order. */
export function besideStory(
  root: Element,
  story: Element,
): { before: Element[]; after: Element[] } {
  const before: Element[] = [];
  const after: Element[] = [];
  for (let block = story; block !== root;) {
    const parent = block.parentElement;
    // A layout table's other cells are the page around the story, not furniture beside it.
    if (!parent || TABLE_PARTS.has(block.tagName)) break;
    let seen = false;
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (child === block) seen = true;
      else (seen ? after : before).push(child);
    }
    block = parent;
  }
  return { before, after };
}
