/** Walking the story's surroundings: what sits beside the story block on the way down to it. */

/** Siblings of the story block and of each of its ancestors below `root`, in page order. */
export function besideStory(
  root: Element,
  story: Element,
): { before: Element[]; after: Element[] } {
  const before: Element[] = [];
  const after: Element[] = [];
  for (let block = story; block !== root;) {
    const parent = block.parentElement;
    if (!parent) break;
    let seen = false;
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (child === block) seen = true;
      else (seen ? after : before).push(child);
    }
    block = parent;
  }
  return { before, after };
}
