import { SETTINGS_VERSION } from './schema';

/** Stored sections before parsing, keyed by section name. */
export type RawSettings = Record<string, unknown>;
export type Migration = (raw: RawSettings) => RawSettings;

/**
 * MIGRATIONS[n] turns version n-1 data into version n. Version 1 is the first stored shape;
 * add a step here whenever SETTINGS_VERSION goes up.
 */
export const MIGRATIONS: Record<number, Migration> = {};

/** Runs every step from `fromVersion` up to `toVersion`; unknown or future versions pass through. */
export function migrate(
  raw: RawSettings,
  fromVersion: unknown,
  steps: Record<number, Migration> = MIGRATIONS,
  toVersion = SETTINGS_VERSION,
): RawSettings {
  const start =
    typeof fromVersion === 'number' && Number.isInteger(fromVersion) ? fromVersion : toVersion;
  let data = raw;
  for (let version = start + 1; version <= toVersion; version++) {
    const step = steps[version];
    if (step) data = step(data);
  }
  return data;
}
