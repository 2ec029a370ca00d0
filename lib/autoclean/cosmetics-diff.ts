import type { Cosmetics } from './engine';

type Rules = Pick<Cosmetics, 'css' | 'selectors' | 'extended'>;

/** Rules in `full` that `base` lacks: what a page's class names, ids and hrefs add. */
export function subtractCosmetics(full: Rules, base: Rules): Rules {
  const lines = new Set(base.css.split('\n'));
  const selectors = new Set(base.selectors);
  const extended = new Set(base.extended.map((rule) => rule.id));
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
