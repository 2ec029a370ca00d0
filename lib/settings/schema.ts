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

/** Sections and the storage area each lives in; every section is its own key. */
export const SECTIONS = {
  autoClean: { schema: AutoCleanSchema, area: 'sync' },
  reader: { schema: ReaderSchema, area: 'sync' },
  summary: { schema: SummarySchema, area: 'sync' },
  language: { schema: LanguageSchema, area: 'sync' },
  sites: { schema: SitesSchema, area: 'local' },
} as const;

export type SectionName = keyof typeof SECTIONS;
export type Settings = { [K in SectionName]: v.InferOutput<(typeof SECTIONS)[K]['schema']> };

/** Parses any stored value; a corrupt or missing field becomes that field's default. */
export function parseSection<K extends SectionName>(name: K, raw: unknown): Settings[K] {
  const schema = SECTIONS[name].schema as unknown as v.GenericSchema<unknown, Settings[K]>;
  // A section of the wrong type is read as empty, so each field takes its own default.
  const isRecord = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  return v.parse(schema, name === 'language' || isRecord ? raw : {});
}

export function defaultSettings(): Settings {
  const names = Object.keys(SECTIONS) as SectionName[];
  return Object.fromEntries(names.map((name) => [name, parseSection(name, undefined)])) as Settings;
}
