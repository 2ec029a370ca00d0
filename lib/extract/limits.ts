/** Pages with more elements than this are not parsed (Readability would take too long). */
export const MAX_ELEMENTS = 60_000;
/**
 * Pages nested deeper than this are not parsed: Readability's cost grows with depth times size
 * (2,000 levels took seconds). 300 real pages (../shared/corpora) reach 38 at most.
 */
export const MAX_DEPTH = 200;

/** Too many elements, or nested too deep, to extract without freezing the tab. */
export function isTooLarge(doc: Document): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  // One depth-first walk, without recursion or ancestor lookups, counts and measures depth.
  let node: Element | null = root;
  let depth = 1;
  let count = 0;
  while (node) {
    count += 1;
    if (count > MAX_ELEMENTS) return true;
    if (node.firstElementChild) {
      if (depth >= MAX_DEPTH) return true;
      node = node.firstElementChild;
      depth += 1;
      continue;
    }
    while (node && !node.nextElementSibling) {
      node = node === root ? null : node.parentElement;
      depth -= 1;
    }
    node = node === root ? null : (node?.nextElementSibling ?? null);
  }
  return false;
}
