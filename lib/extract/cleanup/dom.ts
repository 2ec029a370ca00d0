/** Small DOM helpers shared by the cleanup rules. */

/** Whitespace-collapsed text. */
export function textOf(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Does `node` hold any text (is `textOf(node)` not empty)? Stops at the first. */
export function hasText(node: Node): boolean {
  if (node.nodeType === 3 || node.nodeType === 4) return /\S/.test(node.nodeValue ?? '');
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (hasText(child)) return true;
  }
  return false;
}

/**
 * The elements between `text` and `root` (both left out) whose text starts with `text`, the
 * innermost first: inside them nothing comes before it that `holdsText` counts as text.
 */
export function blocksStartingWith(
  text: Node,
  root: Element,
  holdsText: (node: Node) => boolean = hasText,
): Element[] {
  const blocks: Element[] = [];
  let node: Node = text;
  for (let parent = node.parentElement; parent && parent !== root; parent = parent.parentElement) {
    for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
      if (holdsText(sibling)) return blocks;
    }
    blocks.push(parent);
    node = parent;
  }
  return blocks;
}

/**
 * `raw` with whitespace runs collapsed, or only enough of its start to pass `room` characters:
 * a long paragraph is not collapsed whole to learn that it is too long.
 */
function collapsedStart(raw: string, room: number): string {
  const head = raw.length > 4 * room ? raw.slice(0, 4 * room).replace(/\s+/g, ' ') : null;
  // The collapsed start of a text is the start of its collapsed whole.
  if (head !== null && head.length > room) return head;
  return raw.replace(/\s+/g, ' ');
}

/**
 * Whitespace-collapsed text of `node` when it has at most `max` characters, else null.
 * Stops reading as soon as the text is too long, so it is cheap on big containers.
 */
export function shortText(node: Node, max: number): string | null {
  let text = '';
  const visit = (current: Node): boolean => {
    if (current.nodeType === 3 || current.nodeType === 4) {
      let piece = collapsedStart(current.nodeValue ?? '', max + 2 - text.length);
      if (piece.startsWith(' ') && (text === '' || text.endsWith(' '))) piece = piece.slice(1);
      text += piece;
      return text.length <= max + 1;
    }
    for (let child = current.firstChild; child; child = child.nextSibling) {
      if (!visit(child)) return false;
    }
    return true;
  };
  if (!visit(node)) return null;
  text = text.trim();
  return text.length <= max ? text : null;
}

/** Length of the text inside links. */
export function linkTextLength(el: Element): number {
  let length = 0;
  for (const a of el.querySelectorAll('a')) length += textOf(a).length;
  if (el.tagName === 'A') length = textOf(el).length;
  return length;
}

/** Share of the text that sits in links (0 when there is no text). */
export function linkDensity(el: Element): number {
  const length = textOf(el).length;
  return length === 0 ? 0 : Math.min(1, linkTextLength(el) / length);
}

/** Block-level tags: a block's own prose stops at these. */
export const BLOCK_TAGS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 ' +
    'H4 H5 H6 HEADER LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'
  ).split(' '),
);

/** Text directly in a block (its text nodes and inline children), outside links. */
function ownProse(block: Element): number {
  let length = 0;
  for (let child = block.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) length += textOf(child).length;
    else if (child.nodeType === 1) {
      const el = child as Element;
      if (el.tagName !== 'A' && !BLOCK_TAGS.has(el.tagName))
        length += textOf(el).length - linkTextLength(el);
    }
  }
  return length;
}

/** Running prose: some block holding a long stretch of its own text outside links. */
export function hasProse(el: Element, minChars = 200): boolean {
  if (ownProse(el) >= minChars) return true;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (hasProse(child, minChars)) return true;
  }
  return false;
}

/** Splits class and id into lowercase tokens: "share-bar post_tags" -> share, bar, post, tags. */
export function nameTokens(el: Element): string[] {
  const text = nameText(el);
  return text ? text.split(/[^a-z0-9]+/).filter(Boolean) : [];
}

/** Class names and id as written (whole words), lowercase. */
export function names(el: Element): string[] {
  const text = nameText(el);
  return text ? text.split(/\s+/).filter(Boolean) : [];
}

function nameText(el: Element): string {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  if (!cls && !id) return '';
  return `${cls ?? ''} ${id ?? ''}`.toLowerCase();
}

const MEDIA = 'img, picture, video, iframe, embed, object';

function mediaCount(el: Element): number {
  return el.querySelectorAll(MEDIA).length + (el.matches(MEDIA) ? 1 : 0);
}

const NEVER_CLIMB = new Set(['BODY', 'HTML', 'ARTICLE', 'MAIN']);

/** Climbs from `el` through wrappers that hold no other text or media. */
export function outermostWrapper(el: Element): Element {
  const text = textOf(el).length;
  const media = mediaCount(el);
  let current = el;
  for (let parent = el.parentElement; parent; parent = parent.parentElement) {
    if (NEVER_CLIMB.has(parent.tagName)) break;
    if (shortText(parent, text) === null || mediaCount(parent) > media) break;
    current = parent;
  }
  return current;
}

export function removeAll(elements: Iterable<Element>): number {
  let count = 0;
  for (const el of elements) {
    // Not isConnected: Readability's article root is not in the document.
    if (el.parentNode) {
      el.remove();
      count++;
    }
  }
  return count;
}
