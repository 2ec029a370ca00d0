/**
 * Stable CSS selectors for the element picker. Preference: a non-random id, meaningful class
 * names, telling attributes (alt text, image file name), then the same anchored on an ancestor,
 * and nth-of-type steps only as a last resort. Every result matches exactly the element.
 */

/** Classes that only say what state an element is in. */
const STATE_CLASSES = new Set([
  'active',
  'show',
  'shown',
  'open',
  'opened',
  'hover',
  'focus',
  'selected',
  'visible',
  'hidden',
  'in',
  'fade',
  'lazy',
  'lazyload',
  'lazyloaded',
  'loaded',
  'loading',
  'clearfix',
]);

/** Generated names: long digit runs, hashes, CSS-in-JS prefixes, mixed-case noise. */
export function looksRandom(token: string): boolean {
  if (token.length < 2 || token.length > 48) return true;
  if (/\d{4,}/.test(token)) return true;
  if (/^(css|sc|jsx|svelte|emotion|styled|tw)-/i.test(token)) return true;
  for (const part of token.split(/[-_:]+/)) {
    if (/^[a-f0-9]{6,}$/i.test(part) && /\d/.test(part)) return true;
    const mixed = /[a-z]/.test(part) && /[A-Z]/.test(part) && /\d/.test(part);
    if (part.length >= 5 && mixed) return true;
  }
  return false;
}

/** CSS.escape for identifiers, without relying on the global (absent in some DOMs). */
export function escapeIdent(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const ch = value[i];
    const code = value.charCodeAt(i);
    if (code === 0) out += '\uFFFD';
    else if ((code >= 0x30 && code <= 0x39 && i === 0) || code < 0x20 || code === 0x7f) {
      out += `\\${code.toString(16)} `;
    } else if (i === 0 && ch === '-' && value.length === 1) out += '\\-';
    else if (/[\w-]/.test(ch) || code >= 0x80) out += ch;
    else out += `\\${ch}`;
  }
  return out;
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}

function tagOf(el: Element): string {
  return el.localName.toLowerCase();
}

function usefulClasses(el: Element): string[] {
  return [...el.classList].filter(
    (name) => !STATE_CLASSES.has(name) && !/^(is|has)-/.test(name) && !looksRandom(name),
  );
}

function fileName(url: string): string | null {
  const path = url.split(/[?#]/)[0];
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.length >= 4 && !looksRandom(name.replace(/\.\w+$/, '')) ? name : null;
}

/** Ways to name one element on its own, best first. */
export function selectorParts(el: Element): string[] {
  const tag = tagOf(el);
  const parts: string[] = [];
  if (el.id && !looksRandom(el.id)) parts.push(`#${escapeIdent(el.id)}`);
  const classes = usefulClasses(el).slice(0, 3);
  for (const name of classes) parts.push(`${tag}.${escapeIdent(name)}`);
  if (classes.length > 1) parts.push(`${tag}${classes.map((c) => `.${escapeIdent(c)}`).join('')}`);
  const alt = el.getAttribute('alt')?.trim();
  if (alt && alt.length <= 80) parts.push(`${tag}[alt=${quote(alt)}]`);
  for (const name of ['src', 'data-src']) {
    const file = fileName(el.getAttribute(name) ?? '');
    if (file) parts.push(`${tag}[${name}*=${quote(file)}]`);
  }
  const href = el.getAttribute('href');
  if (tag === 'a' && href) {
    try {
      const host = new URL(href, el.ownerDocument.baseURI).hostname;
      if (host && host !== el.ownerDocument.location?.hostname) {
        parts.push(`a[href*=${quote(`//${host}`)}]`);
      }
    } catch {
      // Not a URL: no href part.
    }
  }
  parts.push(tag);
  return parts;
}

function nthOfType(el: Element): string {
  let index = 1;
  for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (sib.localName === el.localName) index += 1;
  }
  return `${tagOf(el)}:nth-of-type(${index})`;
}

/** True when `selector` matches `el` and nothing else in its document. */
export function matchesOnly(selector: string, el: Element): boolean {
  try {
    const found = el.ownerDocument.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

const MAX_DEPTH = 6;

/** A selector that matches exactly `el` in its document. */
export function selectorFor(el: Element): string {
  const own = selectorParts(el);
  for (const part of own) if (matchesOnly(part, el)) return part;

  // Anchored on an ancestor: "div.sidebar img[alt=...]".
  const leaf = own.slice(0, 3);
  let up = el.parentElement;
  for (let depth = 0; up && depth < MAX_DEPTH; depth += 1, up = up.parentElement) {
    if (up.localName === 'html' || up.localName === 'body') break;
    for (const anchor of selectorParts(up).slice(0, 3)) {
      if (anchor === tagOf(up)) continue;
      for (const part of leaf) {
        const direct = up === el.parentElement ? `${anchor} > ${part}` : `${anchor} ${part}`;
        if (matchesOnly(direct, el)) return direct;
      }
    }
  }

  // Last resort: a child path from the nearest uniquely named ancestor (or body).
  const steps: string[] = [];
  let node: Element = el;
  for (;;) {
    const parent: Element | null = node.parentElement;
    const best = own[0] !== tagOf(el) && node === el ? own[0] : null;
    steps.unshift(best && matchesSibling(best, node) ? best : nthOfType(node));
    if (!parent || parent.localName === 'html') break;
    const named = parent.localName === 'body' ? 'body' : uniqueName(parent);
    if (named) {
      steps.unshift(named);
      break;
    }
    node = parent;
  }
  return steps.join(' > ');
}

/** `part` picks `node` out of its siblings. */
function matchesSibling(part: string, node: Element): boolean {
  try {
    const siblings = node.parentElement ? [...node.parentElement.children] : [node];
    return siblings.filter((sib) => sib.matches(part)).length === 1 && node.matches(part);
  } catch {
    return false;
  }
}

function uniqueName(el: Element): string | null {
  for (const part of selectorParts(el)) {
    if (part !== tagOf(el) && matchesOnly(part, el)) return part;
  }
  return null;
}

/** The element "widen" moves to: the parent, unless that is the page itself. */
export function widerElement(el: Element): Element | null {
  const parent = el.parentElement;
  if (!parent || parent.localName === 'body' || parent.localName === 'html') return null;
  return parent;
}
