/**
 * A fast path for the list rules most pages get: ~2,000 generic selectors of one form,
 * `img[alt^="SLOT" i]`, `[title^="AGEN" i]`, `[href$="/promo" i]` (ABPindo's gambling banners).
 * Given to querySelectorAll they cost 20–60 ms per pass even on small pages: the browser tries
 * every selector on every element. Here the rules are indexed by the value they test (exact
 * value, first or last characters), so each element that carries the attribute costs a few map
 * look-ups and string tests, with the same result as the selector (the attributes handled are
 * matched case-sensitively by HTML unless the rule says `i`, which is ASCII case-insensitive).
 * Everything else goes to querySelectorAll as before.
 *
 * The split runs once per page load, on code the browser has not optimized yet (~8 ms for ~2,100
 * rules on a slow machine), and matching does without closures and iterators for the same reason.
 */

type Operator = '=' | '^=' | '$=' | '*=';

interface AttributeRule {
  selector: string;
  tag: string | null;
  operator: Operator;
  /** Lower-cased (ASCII) in the case-insensitive index. */
  value: string;
}

/** Rules of one attribute, indexed by the value they test; one index per case mode. */
interface Index {
  exact: Map<string, AttributeRule[]>;
  /** By the first KEY characters of the prefix (prefixes at least that long). */
  prefix: Map<string, AttributeRule[]>;
  /** By the last KEY characters of the suffix. */
  suffix: Map<string, AttributeRule[]>;
  /** Short prefixes and suffixes, and substrings: tried on every element. */
  scan: AttributeRule[];
}

interface AttributeRules {
  sensitive: Index | null;
  insensitive: Index | null;
}

export interface SplitSelectors {
  /** Rules by attribute name. */
  attributes: Map<string, AttributeRules>;
  /** Everything else, for querySelectorAll. */
  rest: string[];
}

const KEY = 3;

/** One compound: optional tag, then one attribute test with a plain quoted value. */
const SIMPLE =
  /^([a-zA-Z][a-zA-Z0-9-]*)?\[\s*([a-zA-Z][a-zA-Z0-9-]*)\s*([\^$*]?=)\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*([iI])?\s*\]$/;
/** Attributes whose values HTML matches case-sensitively (not in its legacy case-insensitive list). */
const HANDLED = /^(alt|title|href|src|id|class|name|aria-label|data-[a-z0-9-]+)$/;

/** ASCII lower case, as the `i` flag compares (toLowerCase also folds non-ASCII letters). */
const asciiLower = (text: string): string =>
  /[\u0080-\uffff]/.test(text)
    ? text.replace(/[A-Z]+/g, (c) => c.toLowerCase())
    : text.toLowerCase();

const emptyIndex = (): Index => ({
  exact: new Map(),
  prefix: new Map(),
  suffix: new Map(),
  scan: [],
});

function push(map: Map<string, AttributeRule[]>, key: string, rule: AttributeRule): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}

function addRule(index: Index, rule: AttributeRule): void {
  const { operator, value } = rule;
  if (operator === '=') push(index.exact, value, rule);
  else if (operator === '^=' && value.length >= KEY) push(index.prefix, value.slice(0, KEY), rule);
  else if (operator === '$=' && value.length >= KEY) push(index.suffix, value.slice(-KEY), rule);
  else index.scan.push(rule);
}

export function splitSelectors(selectors: string[]): SplitSelectors {
  const attributes = new Map<string, AttributeRules>();
  const rest: string[] = [];
  for (let i = 0; i < selectors.length; i += 1) {
    const selector = selectors[i];
    const m = SIMPLE.exec(selector);
    const name = m?.[2].toLowerCase();
    const raw = m ? (m[4] ?? m[5]) : undefined;
    if (!m || !name || !HANDLED.test(name) || !raw) {
      rest.push(selector);
      continue;
    }
    const insensitive = m[6] !== undefined;
    const rule: AttributeRule = {
      selector,
      tag: m[1] ? m[1].toLowerCase() : null,
      operator: m[3] as Operator,
      value: insensitive ? asciiLower(raw) : raw,
    };
    let rules = attributes.get(name);
    if (!rules) attributes.set(name, (rules = { sensitive: null, insensitive: null }));
    if (insensitive) addRule((rules.insensitive ??= emptyIndex()), rule);
    else addRule((rules.sensitive ??= emptyIndex()), rule);
  }
  return { attributes, rest };
}

function test(rule: AttributeRule, value: string): boolean {
  switch (rule.operator) {
    case '=':
      return value === rule.value;
    case '^=':
      return value.startsWith(rule.value);
    case '$=':
      return value.endsWith(rule.value);
    default:
      return value.includes(rule.value);
  }
}

/** Whether one of `rules` matches the element's `value` and `tag`, its selector not skipped. */
function anyMatches(
  rules: AttributeRule[] | undefined,
  value: string,
  tag: string,
  skip: ReadonlySet<string>,
): boolean {
  if (!rules) return false;
  for (let i = 0; i < rules.length; i += 1) {
    const rule = rules[i];
    if (
      (rule.tag === null || rule.tag === tag) &&
      test(rule, value) &&
      (skip.size === 0 || !skip.has(rule.selector))
    ) {
      return true;
    }
  }
  return false;
}

function matches(index: Index, value: string, tag: string, skip: ReadonlySet<string>): boolean {
  return (
    anyMatches(index.exact.get(value), value, tag, skip) ||
    (value.length >= KEY &&
      (anyMatches(index.prefix.get(value.slice(0, KEY)), value, tag, skip) ||
        anyMatches(index.suffix.get(value.slice(-KEY)), value, tag, skip))) ||
    anyMatches(index.scan, value, tag, skip)
  );
}

const NONE: ReadonlySet<string> = new Set();

/** Elements under `root` (itself included) matched by the attribute rules, less `skip`'s. */
export function matchAttributes(
  root: Document | Element,
  attributes: SplitSelectors['attributes'],
  { limit = 2000, skip = NONE }: { limit?: number; skip?: ReadonlySet<string> } = {},
): Element[] {
  const found = new Set<Element>();
  for (const [name, rules] of attributes) {
    const carriers: Element[] = [...root.querySelectorAll(`[${name}]`)];
    if (root.nodeType === 1 && (root as Element).hasAttribute(name)) carriers.push(root as Element);
    for (const el of carriers) {
      if (found.size >= limit) return [...found];
      if (found.has(el)) continue;
      const value = el.getAttribute(name) ?? '';
      const tag = el.localName;
      if (
        (rules.sensitive && matches(rules.sensitive, value, tag, skip)) ||
        (rules.insensitive && matches(rules.insensitive, asciiLower(value), tag, skip))
      ) {
        found.add(el);
      }
    }
  }
  return [...found];
}
