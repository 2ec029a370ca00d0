import { browser } from 'wxt/browser';
import { migrate } from './migrations';
import {
  parseSection,
  SECTIONS,
  SETTINGS_VERSION,
  type SectionName,
  type Settings,
} from './schema';

const VERSION_KEY = 'settingsVersion';
const NAMES = Object.keys(SECTIONS) as SectionName[];

function keysIn(area: 'sync' | 'local'): SectionName[] {
  return NAMES.filter((name) => SECTIONS[name].area === area);
}

/** Reads, migrates and validates every section; never throws on bad stored data. */
export async function loadSettings(): Promise<Settings> {
  const [sync, local] = await Promise.all([
    browser.storage.sync.get(keysIn('sync')).catch(() => ({})),
    browser.storage.local.get([...keysIn('local'), VERSION_KEY]).catch(() => ({})),
  ]);
  const stored: Record<string, unknown> = { ...sync, ...local };
  const raw = migrate(stored, stored[VERSION_KEY]);
  return Object.fromEntries(NAMES.map((name) => [name, parseSection(name, raw[name])])) as Settings;
}

/** Writes one section under its own key, so concurrent writers never clobber other sections. */
export async function saveSection<K extends SectionName>(
  name: K,
  value: Settings[K],
): Promise<void> {
  const clean = parseSection(name, value);
  await browser.storage[SECTIONS[name].area].set({ [name]: clean });
}

/** Why a write failed: storage full, one item too big (sync: 8 kB), too many writes, or else. */
export type SaveProblem = 'quota-full' | 'quota-item' | 'quota-rate' | 'other';

/** Reads Chrome's and Firefox's storage errors ("QUOTA_BYTES_PER_ITEM quota exceeded", ...). */
export function saveProblem(error: unknown): SaveProblem {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/QUOTA_BYTES_PER_ITEM/i.test(text)) return 'quota-item';
  if (/MAX_WRITE_OPERATIONS|MAX_SUSTAINED/i.test(text)) return 'quota-rate';
  if (/QUOTA_BYTES|MAX_ITEMS|QuotaExceeded|quota/i.test(text)) return 'quota-full';
  return 'other';
}

/**
 * Writes every section (an import or a reset) all or nothing: one write per storage area (each
 * is atomic), and if the second area refuses, the first gets its previous values back.
 */
export async function saveAllSections(settings: Settings): Promise<void> {
  const values = (area: 'sync' | 'local') =>
    Object.fromEntries(keysIn(area).map((name) => [name, parseSection(name, settings[name])]));
  const local = values('local');
  const sync = values('sync');
  const before = await browser.storage.local.get(Object.keys(local));
  await browser.storage.local.set(local);
  try {
    await browser.storage.sync.set(sync);
  } catch (error) {
    const missing = Object.keys(local).filter((key) => before[key] === undefined);
    for (const key of missing) delete before[key];
    await browser.storage.local.set(before).catch(() => undefined);
    if (missing.length > 0) await browser.storage.local.remove(missing).catch(() => undefined);
    throw error;
  }
}

/** Persists migrated data once, after an install or update. */
export async function upgradeStoredSettings(): Promise<void> {
  const settings = await loadSettings();
  for (const name of NAMES) await saveSection(name, settings[name]);
  await browser.storage.local.set({ [VERSION_KEY]: SETTINGS_VERSION });
}

/** Calls back with fresh settings whenever any section changes, in any context. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, unknown>) => {
    if (NAMES.some((name) => name in changes)) void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
