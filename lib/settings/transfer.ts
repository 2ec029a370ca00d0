import { migrate } from './migrations';
import {
  parseSection,
  SECTIONS,
  SETTINGS_VERSION,
  type SectionName,
  type Settings,
} from './schema';

export const SETTINGS_FILE_APP = 'baca-bersih';

/** What an exported settings file holds. */
export interface SettingsFile {
  app: typeof SETTINGS_FILE_APP;
  version: number;
  settings: Settings;
}

export type ParsedSettingsFile =
  { ok: true; settings: Settings } | { ok: false; error: 'json' | 'format' };

const NAMES = Object.keys(SECTIONS) as SectionName[];

export function settingsFile(settings: Settings): SettingsFile {
  return { app: SETTINGS_FILE_APP, version: SETTINGS_VERSION, settings };
}

/** Pretty-printed JSON, as written to disk. */
export function settingsFileText(settings: Settings): string {
  return `${JSON.stringify(settingsFile(settings), null, 2)}\n`;
}

/** `baca-bersih-settings-2025-01-31.json`, dated in local time. */
export function settingsFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `baca-bersih-settings-${day}.json`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an exported file. Only the envelope is strict (our app, a settings object); inside it,
 * older versions are migrated and each section is parsed, so a bad field falls back to its
 * default and a missing section becomes the defaults.
 */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'json' };
  }
  if (!isRecord(data) || data.app !== SETTINGS_FILE_APP || !isRecord(data.settings)) {
    return { ok: false, error: 'format' };
  }
  const raw = migrate(data.settings, data.version);
  const settings = Object.fromEntries(NAMES.map((name) => [name, parseSection(name, raw[name])]));
  return { ok: true, settings: settings as Settings };
}
