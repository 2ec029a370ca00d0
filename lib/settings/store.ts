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
