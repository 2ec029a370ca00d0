/**
 * The background's filter engine in Node (same V8 as the service worker): built from our
 * regional list and the two built-in lists, serialized as the worker caches it, then loaded
 * back from the bytes (what a worker wake costs), median of several loads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { buildEngine, loadEngine, serializeEngine, type FilterList } from '@/lib/autoclean/engine';
import { REGIONAL_FILTERS } from '@/lib/autoclean/regional-list';
import { median, time } from './stats';

export interface EngineTiming {
  lists: string[];
  buildMs: number;
  serializedBytes: number;
  loadMs: number;
  runs: number;
}

export function measureEngine(listFiles: Record<string, string>, runs = 7): EngineTiming {
  const lists: FilterList[] = [{ id: 'regional', text: REGIONAL_FILTERS }];
  for (const [id, file] of Object.entries(listFiles)) {
    if (existsSync(file)) lists.push({ id, text: readFileSync(file, 'utf8') });
  }
  let engine = buildEngine(lists);
  const buildMs = time(() => (engine = buildEngine(lists)));
  const bytes = serializeEngine(engine);
  loadEngine(bytes);
  const loads = Array.from({ length: runs }, () => time(() => loadEngine(bytes)));
  return {
    lists: lists.map((list) => list.id),
    buildMs,
    serializedBytes: bytes.length,
    loadMs: median(loads),
    runs,
  };
}
