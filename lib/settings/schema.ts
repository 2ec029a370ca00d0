import * as v from 'valibot';

/** Bump when a stored shape changes, and add a step to MIGRATIONS in ./migrations. */
export const SETTINGS_VERSION = 1;

const hostname = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9.-]+$/));

export const AutoCleanSchema = v.object({
  enabled: v.fallback(v.boolean(), true),
  scope: v.fallback(v.picklist(['known-sites', 'all-sites']), 'known-sites'),
  heuristics: v.fallback(v.boolean(), true),
});

export const ReaderSchema = v.object({
  theme: v.fallback(v.picklist(['system', 'light', 'sepia', 'dark']), 'system'),
  font: v.fallback(v.picklist(['serif', 'sans']), 'serif'),
  textSize: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(14), v.maxValue(26)), 17),
  lineWidth: v.fallback(v.picklist(['narrow', 'medium', 'wide']), 'medium'),
  showImages: v.fallback(v.boolean(), true),
  openIn: v.fallback(v.picklist(['popup', 'tab']), 'popup'),
  /** Fetch and join the other pages of a multi-page article. */
  mergePages: v.fallback(v.boolean(), true),
});

export const SummarySchema = v.object({
  enabled: v.fallback(v.boolean(), true),
  /** 0 lets the article's length decide (3 to 5). */
  keyPoints: v.fallback(v.picklist([0, 3, 5, 7]), 0),
  showReadingTime: v.fallback(v.boolean(), true),
  useBuiltInSummarizer: v.fallback(v.boolean(), false),
});

export const LanguageSchema = v.fallback(v.picklist(['system', 'id', 'en']), 'system');

/** Per-site choice: always clean, or never touch. Invalid entries are dropped. */
export const SitesSchema = v.pipe(
  v.record(v.string(), v.unknown()),
  v.transform((entries) => {
    const sites: Record<string, 'always' | 'never'> = {};
    for (const [host, mode] of Object.entries(entries)) {
      const key = v.safeParse(hostname, host);
      if (key.success && (mode === 'always' || mode === 'never')) sites[key.output] = mode;
    }
    return sites;
  }),
);

export interface FilterListEntry {
  id: string;
  title: string;
  url: string;
  enabled: boolean;
  /** Shipped lists: they can be turned off, not removed. */
  builtin: boolean;
}

export const BUILTIN_FILTER_LISTS: readonly FilterListEntry[] = [
  {
    id: 'abpindo',
    title: 'ABPindo',
    url: 'https://raw.githubusercontent.com/ABPindo/indonesianadblockrules/master/subscriptions/abpindo.txt',
    enabled: true,
    builtin: true,
  },
  {
    id: 'easylist',
    title: 'EasyList',
    url: 'https://easylist.to/easylist/easylist.txt',
    enabled: true,
    builtin: true,
  },
];

export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const FilterListEntrySchema = v.object({
  id: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  title: v.fallback(v.pipe(v.string(), v.trim(), v.maxLength(200)), ''),
  url: v.pipe(v.string(), v.trim(), v.check(isHttpUrl)),
  enabled: v.fallback(v.boolean(), true),
});

/**
 * Subscribed lists. Invalid entries and repeated ids are dropped; `builtin` follows the id, and
 * a built-in list missing from storage comes back with its defaults.
 */
export const FilterListsSchema = v.pipe(
  v.unknown(),
  v.transform((raw): FilterListEntry[] => {
    const builtinIds = new Set(BUILTIN_FILTER_LISTS.map((list) => list.id));
    const lists: FilterListEntry[] = [];
    for (const entry of Array.isArray(raw) ? raw : []) {
      const parsed = v.safeParse(FilterListEntrySchema, entry);
      if (!parsed.success || lists.some((list) => list.id === parsed.output.id)) continue;
      const { id, title, url, enabled } = parsed.output;
      lists.push({
        id,
        title: title || new URL(url).hostname,
        url,
        enabled,
        builtin: builtinIds.has(id),
      });
    }
    const missing = BUILTIN_FILTER_LISTS.filter((b) => !lists.some((list) => list.id === b.id));
    return [...missing.map((list) => ({ ...list })), ...lists];
  }),
);

/** The user's own rules, in ABP/uBO syntax. */
export const CustomRulesSchema = v.fallback(v.pipe(v.string(), v.maxLength(500_000)), '');

const MAX_PICKED = 500;

/** Selectors saved with the element picker, by hostname; each becomes `host##selector`. */
export const PickerRulesSchema = v.pipe(
  v.record(v.string(), v.unknown()),
  v.transform((entries) => {
    const rules: Record<string, string[]> = {};
    for (const [host, list] of Object.entries(entries)) {
      const key = v.safeParse(hostname, host);
      if (!key.success || !Array.isArray(list)) continue;
      const selectors = list
        .filter((s): s is string => typeof s === 'string')
        .map((s) => s.trim())
        .filter((s) => s !== '' && s.length <= 1000 && !/[\r\n]/.test(s));
      const unique = [...new Set(selectors)].slice(0, MAX_PICKED);
      if (unique.length > 0) rules[key.output] = unique;
    }
    return rules;
  }),
);

/** Sections and the storage area each lives in; every section is its own key. */
export const SECTIONS = {
  autoClean: { schema: AutoCleanSchema, area: 'sync' },
  reader: { schema: ReaderSchema, area: 'sync' },
  summary: { schema: SummarySchema, area: 'sync' },
  language: { schema: LanguageSchema, area: 'sync' },
  sites: { schema: SitesSchema, area: 'local' },
  filterLists: { schema: FilterListsSchema, area: 'local' },
  customRules: { schema: CustomRulesSchema, area: 'local' },
  pickerRules: { schema: PickerRulesSchema, area: 'local' },
} as const;

/** Sections that are not objects: their schema reads any stored value itself. */
const VALUE_SECTIONS: ReadonlySet<string> = new Set(['language', 'filterLists', 'customRules']);

export type SectionName = keyof typeof SECTIONS;
export type Settings = { [K in SectionName]: v.InferOutput<(typeof SECTIONS)[K]['schema']> };

/** Parses any stored value; a corrupt or missing field becomes that field's default. */
export function parseSection<K extends SectionName>(name: K, raw: unknown): Settings[K] {
  const schema = SECTIONS[name].schema as unknown as v.GenericSchema<unknown, Settings[K]>;
  // A section of the wrong type is read as empty, so each field takes its own default.
  const isRecord = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  return v.parse(schema, VALUE_SECTIONS.has(name) || isRecord ? raw : {});
}

export function defaultSettings(): Settings {
  const names = Object.keys(SECTIONS) as SectionName[];
  return Object.fromEntries(names.map((name) => [name, parseSection(name, undefined)])) as Settings;
}
