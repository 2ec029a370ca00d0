import type { PageCosmetics as Rules } from './packed-cosmetics';

interface RuleKeys {
  lines: Set<string>;
  selectors: Set<string>;
  extended: Set<number>;
}

/** A host's base rules are subtracted from each of its later requests: split them once. */
const keysOf = new WeakMap<Rules, RuleKeys>();

function ruleKeys(rules: Rules): RuleKeys {
  let keys = keysOf.get(rules);
  if (!keys) {
    keys = {
      lines: new Set(rules.css.split('\n')),
      selectors: new Set(rules.selectors),
      extended: new Set(rules.extended.map((rule) => rule.id)),
    };
    keysOf.set(rules, keys);
  }
  return keys;
}

/** Rules in `full` that `base` lacks: what a page's class names, ids and hrefs add. */
export function subtractCosmetics(full: Rules, base: Rules): Rules {
  const { lines, selectors, extended } = ruleKeys(base);
  return {
    css: full.css
      .split('\n')
      .filter((line) => line !== '' && !lines.has(line))
      .join('\n'),
    selectors: full.selectors.filter((selector) => !selectors.has(selector)),
    extended: full.extended.filter((rule) => !extended.has(rule.id)),
  };
}

/** Session-storage key of the rules the background last gave a host. */
export function sessionRulesKey(hostname: string): string {
  return `rules:${hostname}`;
}
