const MARK_CLASS = 'bb-highlight';

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Removes earlier highlights and merges the split text nodes back. */
export function clearHighlights(root: Element): void {
  for (const mark of Array.from(root.querySelectorAll(`mark.${MARK_CLASS}`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}

/**
 * Wraps the first occurrence of `text` under `root` in <mark> elements, one per text node it
 * spans, and returns the first mark. Whitespace differences are ignored.
 */
export function highlightText(root: Element, text: string): HTMLElement | null {
  clearHighlights(root);
  const needle = normalise(text).trim();
  if (!needle) return null;

  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let haystack = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = normalise(node.nodeValue ?? '');
    // Keep one space between nodes that touch only through markup.
    if (haystack && !haystack.endsWith(' ') && !value.startsWith(' ')) {
      const block = (node.parentElement?.closest('p,li,h1,h2,h3,h4,blockquote,figcaption') ??
        null) as Element | null;
      if (block && !block.contains(nodes[nodes.length - 1])) haystack += ' ';
    }
    nodes.push(node as Text);
    starts.push(haystack.length);
    haystack += value;
  }

  const at = haystack.indexOf(needle);
  if (at < 0) return null;
  const end = at + needle.length;

  let first: HTMLElement | null = null;
  nodes.forEach((node, i) => {
    const nodeStart = starts[i];
    const nodeEnd = nodeStart + normalise(node.nodeValue ?? '').length;
    if (nodeEnd <= at || nodeStart >= end) return;
    const mark = wrapSlice(node, Math.max(0, at - nodeStart), Math.min(nodeEnd, end) - nodeStart);
    first ??= mark;
  });
  return first;
}

/** Wraps [from, to) of a text node, measured in whitespace-normalised characters. */
function wrapSlice(node: Text, from: number, to: number): HTMLElement | null {
  const raw = node.nodeValue ?? '';
  const rawFrom = rawOffset(raw, from);
  const rawTo = rawOffset(raw, to);
  if (rawTo <= rawFrom) return null;
  const middle = node.splitText(rawFrom);
  middle.splitText(rawTo - rawFrom);
  const mark = node.ownerDocument.createElement('mark');
  mark.className = MARK_CLASS;
  middle.parentNode?.insertBefore(mark, middle);
  mark.appendChild(middle);
  return mark;
}

/** Maps an offset in the normalised text back to the raw text node value. */
function rawOffset(raw: string, normalisedOffset: number): number {
  let seen = 0;
  for (let i = 0; i < raw.length; i++) {
    if (seen === normalisedOffset) return i;
    const isSpace = /\s/.test(raw[i]);
    if (isSpace) {
      while (i + 1 < raw.length && /\s/.test(raw[i + 1])) i++;
    }
    seen++;
  }
  return raw.length;
}
