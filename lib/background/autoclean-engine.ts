/**
 * The FiltersEngine behind auto-clean: our regional list, the enabled downloaded lists, custom
 * rules and picked rules. Cached serialized, keyed by its inputs' checksums, so a worker wake
 * costs one deserialize and a rebuild happens only when an input changed.
 */

import type { FiltersEngine } from '@ghostery/adblocker';
import {
  buildEngine,
  listChecksum,
  loadEngine,
  serializeEngine,
  type FilterList,
} from '@/lib/autoclean/engine';
import { engineKey } from '@/lib/autoclean/lists';
import type { AutoCleanStore } from './autoclean-store';

export interface EngineSources {
  regional: string;
  /** Enabled downloaded lists, with the checksum recorded when they were stored. */
  lists: { id: string; checksum: string }[];
  custom: string;
  picker: string;
}

export interface LoadedEngine {
  engine: FiltersEngine;
  key: string;
  fromCache: boolean;
  /** Lists whose stored copy was missing or did not match its checksum. */
  missing: string[];
}

export type Build = (lists: FilterList[]) => FiltersEngine;

/** The cache key the sources would give, computed without reading the stored lists. */
export function sourcesKey(sources: EngineSources): string {
  return engineKey([
    { id: 'regional', checksum: listChecksum({ id: 'regional', text: sources.regional }) },
    ...sources.lists,
    { id: 'custom', checksum: listChecksum({ id: 'custom', text: sources.custom }) },
    { id: 'picker', checksum: listChecksum({ id: 'picker', text: sources.picker }) },
  ]);
}

/**
 * The cached engine when its key matches; else a build from the stored lists (with `override`
 * texts in place of stored ones, to try a fresh download before keeping it). A build that
 * throws falls back to fewer inputs: without the user's rules, then our list alone.
 */
export async function loadOrBuildEngine(
  sources: EngineSources,
  store: AutoCleanStore,
  options: { build?: Build; override?: Map<string, string> } = {},
): Promise<LoadedEngine> {
  const build = options.build ?? buildEngine;
  const override = options.override ?? new Map<string, string>();
  const key = sourcesKey(sources);
  if (override.size === 0) {
    const cached = await store.getEngine().catch(() => undefined);
    if (cached?.key === key) {
      try {
        return { engine: loadEngine(cached.bytes), key, fromCache: true, missing: [] };
      } catch {
        // Written by another engine version: rebuild.
      }
    }
  }

  const missing: string[] = [];
  const downloaded: FilterList[] = [];
  for (const { id, checksum } of sources.lists) {
    const text = override.get(id) ?? (await readList(store, id, checksum));
    if (text === null) missing.push(id);
    else downloaded.push({ id, text });
  }
  const regional = { id: 'regional', text: sources.regional };
  const user = [
    { id: 'custom', text: sources.custom },
    { id: 'picker', text: sources.picker },
  ];
  const attempts = [[regional, ...downloaded, ...user], [regional, ...user], [regional]];
  let lastError: unknown;
  for (const lists of attempts) {
    try {
      const engine = build(lists);
      const builtKey = engineKey(lists.map((l) => ({ id: l.id, checksum: listChecksum(l) })));
      // Only a complete build is cached: a fallback must not pass for the real thing.
      if (lists === attempts[0]) {
        await store.putEngine({ key: builtKey, bytes: serializeEngine(engine) }).catch(() => {});
      }
      return { engine, key: builtKey, fromCache: false, missing };
    } catch (error) {
      lastError = error;
      if (override.size > 0) throw error;
    }
  }
  throw lastError;
}

async function readList(
  store: AutoCleanStore,
  id: string,
  checksum: string,
): Promise<string | null> {
  const stored = await store.getList(id).catch(() => undefined);
  if (!stored || stored.checksum !== checksum) return null;
  return stored.text;
}
