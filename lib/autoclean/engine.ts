/**
 * Cosmetic-only wrappers around @ghostery/adblocker. Runs where the lists are parsed (background
 * or build time); the content script only needs the plain `Cosmetics` data this returns.
 *
 * Generic rules, decided: a page gets
 *  - every rule naming its hostname (our regional list is almost all domain-scoped);
 *  - generic `.class` / `#id` / `a[href]` rules only when that class, id or href is on the page
 *    (ghostery indexes them; pass the page's features, e.g. adblocker-content's
 *    `extractFeaturesFromDOM`). Most of EasyList's generic rules (~13k) live there;
 *  - the "base" generic rules that cannot be indexed (attribute and compound selectors).
 *    Measured: EasyList 129, ABPindo 2,006 (mostly gambling banners by title/src), ours 7;
 *    ~2,150 selectors, ~115 KB as one CSS rule each. `{ generic: false }` skips them and the
 *    DOM-indexed ones; `{ base: false }` skips them alone (a page's later requests, which add
 *    only the DOM-indexed rules its features bring).
 */

import {
  CosmeticFilter,
  FiltersEngine,
  NetworkFilter,
  detectFilterType,
  type Config,
} from '@ghostery/adblocker';
import type { IMessageFromBackground } from '@ghostery/adblocker-content';
import { classifySelector, SelectorType } from '@ghostery/adblocker-extended-selectors';
import { siteOf } from './sites';
import { isSafeStyle } from './safe-style';
import { HIDE_STYLE, hideRule } from './packed-cosmetics';

export type ExtendedSelector = IMessageFromBackground['extended'][number];

export interface FilterList {
  id: string;
  text: string;
}

export interface PageInfo {
  url: string;
  hostname: string;
  /** Registrable domain; derived from hostname when missing. */
  domain?: string | null;
  /** Page features, to pick the generic class/id/href rules that can apply. */
  classes?: string[];
  ids?: string[];
  hrefs?: string[];
}

export interface Cosmetics {
  /** One rule per selector, so one selector the browser rejects cannot void the others. */
  css: string;
  /** Plain CSS hiding selectors, to find the elements and pass them through the guard. */
  selectors: string[];
  /** Procedural selectors (:has-text, :upward, ...) for the content script to evaluate. */
  extended: ExtendedSelector[];
  count: number;
}

const ENGINE_CONFIG: Partial<Config> = {
  loadNetworkFilters: false,
  loadCosmeticFilters: true,
  loadGenericCosmeticsFilters: true,
  enableHtmlFiltering: false,
  loadExtendedSelectors: true,
  loadCSPFilters: false,
  debug: false,
};

// detectFilterType's results (a const enum in the typings).
const NETWORK = 1;
const COSMETIC = 2;
const UNSUPPORTED_EXTENDED = 102;

/** Rewrites ABP/AdGuard spellings the engine skips into the uBO form it parses. */
export function normalizeRules(text: string): string {
  return text
    .replace(/#@\?#/g, '#@#')
    .replace(/#\?#/g, '##')
    .replace(/:-abp-has\(/g, ':has(')
    .replace(/:-abp-contains\(/g, ':has-text(');
}

const COSMETIC_SEPARATOR = /#@?(?:\?|\$\??|%)?#/;
/** Scriptlets, JS/CSS injection, HTML filtering: code an MV3 extension must not run. */
const CODE_RULE = /#@?#\+js\(|#@?%#|#@?\$\??#|#@?#\^|\$\$|\$@\$/;
/** Network options that rewrite or redirect requests. */
const REWRITE_OPTION =
  /\$(?:.*,)?~?(?:redirect|redirect-rule|rewrite|replace|urltransform|uritransform|urlskip|removeparam|csp|permissions|header)(?:=|,|$)/;

/** Drops rules that would need code execution or request rewriting. */
export function stripScriptletRules(text: string): { text: string; dropped: number } {
  let dropped = 0;
  const kept = text.split('\n').filter((raw) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('!')) return true;
    const code = CODE_RULE.test(line);
    const rewrite = !COSMETIC_SEPARATOR.test(line) && REWRITE_OPTION.test(line);
    if (code || rewrite) dropped += 1;
    return !code && !rewrite;
  });
  return { text: kept.join('\n'), dropped };
}

/** FNV-1a, as a cheap list checksum stored in the engine (engine.lists). */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}

export function buildEngine(lists: FilterList[]): FiltersEngine {
  const text = lists.map((list) => stripScriptletRules(normalizeRules(list.text)).text).join('\n');
  const engine = FiltersEngine.parse(text, ENGINE_CONFIG);
  for (const list of lists) engine.lists.set(list.id, checksum(list.text));
  return engine;
}

/** List ids and checksums the engine was built from, to tell whether it is stale. */
export function engineLists(engine: FiltersEngine): Map<string, string> {
  return new Map(engine.lists);
}

export function listChecksum(list: FilterList): string {
  return checksum(list.text);
}

export function serializeEngine(engine: FiltersEngine): Uint8Array {
  return engine.serialize();
}

export function loadEngine(bytes: Uint8Array): FiltersEngine {
  return FiltersEngine.deserialize(bytes);
}

const baseCache = new WeakMap<FiltersEngine, CosmeticFilter[]>();

/** Generic rules ghostery puts in its base stylesheet (not indexed, never unhidden). */
function baseRules(engine: FiltersEngine): CosmeticFilter[] {
  let rules = baseCache.get(engine);
  if (rules === undefined) {
    const unhidable = new Set(
      engine.cosmetics.unhideIndex.getFilters().map((f) => f.getSelector()),
    );
    rules = engine.cosmetics.genericRules
      .getFilters()
      .filter(
        (f) =>
          !f.hasCustomStyle() &&
          !f.isScriptInject() &&
          !f.hasHostnameConstraint() &&
          !unhidable.has(f.getSelector()),
      );
    baseCache.set(engine, rules);
  }
  return rules;
}

export function cosmeticsFor(
  engine: FiltersEngine,
  page: PageInfo,
  options: { generic?: boolean; base?: boolean } = {},
): Cosmetics {
  const generic = options.generic ?? true;
  const { matches, allowGenericHides } = engine.matchCosmeticFilters({
    url: page.url,
    hostname: page.hostname,
    domain: page.domain ?? siteOf(page.hostname),
    classes: page.classes,
    ids: page.ids,
    hrefs: page.hrefs,
    getRulesFromDOM: generic,
    getRulesFromHostname: true,
    getInjectionRules: false,
    getExtendedRules: true,
  });

  const filters: CosmeticFilter[] = [];
  for (const match of matches) {
    if (match.filter === undefined || match.exception !== undefined) continue;
    if (!generic && match.filter.isGenericHide()) continue;
    filters.push(match.filter);
  }
  if (generic && (options.base ?? true) && allowGenericHides) filters.push(...baseRules(engine));

  const selectors = new Set<string>();
  const styled = new Map<string, string>();
  const extended = new Map<number, ExtendedSelector>();
  const extendedStyles = new Map<string, string>();
  for (const filter of filters) {
    if (filter.isScriptInject() || filter.isHtmlFiltering()) continue;
    if (filter.isExtended()) {
      const ast = filter.getASTComponents();
      if (ast === undefined) continue;
      // Like ghostery: a procedural match gets an attribute that carries the rule's style.
      const attribute = ast.directive === null ? filter.getStyleAttributeHash() : undefined;
      if (attribute !== undefined) {
        const style = filter.getStyle(HIDE_STYLE);
        if (!isSafeStyle(style)) continue;
        extendedStyles.set(`[${attribute}]`, style);
      }
      const directive = ast.directive ?? undefined;
      extended.set(filter.getId(), { id: filter.getId(), ast: ast.element, attribute, directive });
    } else if (filter.hasCustomStyle()) {
      if (isSafeStyle(filter.getStyle())) styled.set(filter.getSelector(), filter.getStyle());
    } else {
      selectors.add(filter.getSelector());
    }
  }

  const css = [
    ...[...selectors].map(hideRule),
    ...[...styled, ...extendedStyles].map(([s, style]) => `${s} { ${style} }`),
  ].join('\n');
  return {
    css,
    selectors: [...selectors],
    extended: [...extended.values()],
    count: selectors.size + styled.size + extended.size,
  };
}

export interface FilterProblem {
  /** 1-based line number. */
  line: number;
  message: string;
}

/**
 * Lines the engine will not apply, with the reason. CSS validity is checked only where a DOM
 * exists (e.g. the options page), as in the library itself.
 */
export function validateFilterText(text: string): FilterProblem[] {
  const problems: FilterProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = normalizeRules(raw.trim());
    if (line === '' || line.startsWith('!') || line.startsWith('[Adblock')) return;
    const report = (message: string) => problems.push({ line: index + 1, message });

    if (stripScriptletRules(line).dropped > 0) {
      report(
        'Scriptlet, injection or rewrite rule: not run (an MV3 extension runs no remote code)',
      );
      return;
    }
    const type = detectFilterType(line, { extendedNonSupportedTypes: true });
    if (type === COSMETIC) {
      const filter = CosmeticFilter.parse(line);
      if (filter === null) report(cosmeticProblem(line));
      else if (filter.hasCustomStyle() && !isSafeStyle(filter.getStyle())) {
        report('Unsafe style: :style() may not load URLs or contain braces');
      }
    } else if (type === NETWORK) {
      if (NetworkFilter.parse(line) === null) report('Invalid network rule');
      else report('Network rule ignored: only cosmetic (##) rules are applied');
    } else if (type === UNSUPPORTED_EXTENDED) {
      report('Unsupported extended syntax');
    } else {
      report('Not a filter rule');
    }
  });
  return problems;
}

function cosmeticProblem(line: string): string {
  const match = /^([^#]*)#@?#(.*)$/.exec(line);
  if (match === null) return 'Invalid cosmetic rule';
  const [, domains, selector] = match;
  if (selector.trim() === '') return 'Empty selector';
  const type = classifySelector(selector);
  if (type === SelectorType.Invalid) return 'Invalid or unsupported selector';
  if (type === SelectorType.Extended && domains.trim() === '') {
    return 'Procedural selectors (:has-text, :upward, ...) need a domain, e.g. example.com##...';
  }
  if (domains.includes('>>')) return 'Subframe domains (>>) apply to scriptlets only';
  return 'Invalid CSS selector';
}
