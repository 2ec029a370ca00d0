/**
 * Auto-clean in the background: keeps the engine, answers content scripts with the rules for
 * their page, and keeps the subscribed lists fresh. Storage, fetch and the clock are passed in.
 */

import type { FiltersEngine } from '@ghostery/adblocker';
import { cleanMode, pickedSelectorsFor } from '@/lib/autoclean/activation';
import { subtractCosmetics } from '@/lib/autoclean/cosmetics-diff';
import { buildEngine, cosmeticsFor } from '@/lib/autoclean/engine';
import {
  downloadList,
  needsRefresh,
  nextStatus,
  pickerRulesText,
  type Download,
  type FetchLike,
  type ListStatusMap,
} from '@/lib/autoclean/lists';
import { REGIONAL_FILTERS } from '@/lib/autoclean/regional-list';
import { siteOf } from '@/lib/autoclean/sites';
import type { PageCosmetics, PageFeatures } from '@/lib/messages';
import type { Settings } from '@/lib/settings/schema';
import { loadOrBuildEngine, type EngineSources, type LoadedEngine } from './autoclean-engine';
import type { AutoCleanStore } from './autoclean-store';

export interface ServiceDeps {
  store: AutoCleanStore;
  fetch: FetchLike;
  now: () => number;
  loadSettings: () => Promise<Settings>;
  readStatus: () => Promise<ListStatusMap>;
  writeStatus: (status: ListStatusMap) => Promise<void>;
  /** New rules are in place: pages should ask again. */
  onRulesChanged: () => void;
  /** A host's rules were computed (the content script reads them back on its next load). */
  onHostRules?: (hostname: string, rules: PageCosmetics) => void;
  regional?: string;
}

/** Requests check list ages at most this often. */
const CHECK_EVERY_MS = 60_000;
const HOSTS_CACHED = 32;

export class AutoCleanService {
  private loaded: Promise<LoadedEngine> | null = null;
  private readonly hostRules = new WeakMap<FiltersEngine, Map<string, PageCosmetics>>();
  private picker: { text: string; engine: FiltersEngine } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private lastCheck = -Infinity;
  private current: Promise<Settings> | null = null;

  constructor(private readonly deps: ServiceDeps) {}

  private settings(): Promise<Settings> {
    this.current ??= this.deps.loadSettings().catch((error) => {
      this.current = null;
      throw error;
    });
    return this.current;
  }

  /** Any settings section changed: read them again when next needed. */
  settingsChanged(): void {
    this.current = null;
  }

  engine(): Promise<LoadedEngine> {
    this.loaded ??= this.load().catch((error) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  /** Lists, custom or picked rules changed: rebuild, then tell the pages. */
  rulesChanged(): void {
    this.loaded = null;
    this.picker = null;
    void this.engine().then(
      () => this.deps.onRulesChanged(),
      () => undefined,
    );
    void this.enqueue(() => this.refresh());
  }

  /** The page's rules: none where auto-clean is off, only picked ones in picker mode. */
  async cosmetics(url: string, features?: PageFeatures): Promise<PageCosmetics> {
    const hostname = new URL(url).hostname;
    const page = { url, hostname, domain: siteOf(hostname) };
    const settings = await this.settings();
    const mode = cleanMode(settings, hostname);
    if (mode === 'off') return { css: '', selectors: [], extended: [] };
    if (mode === 'picker') return this.pickerCosmetics(page, settings);
    void this.refreshStale();
    const { engine } = await this.engine();
    const cache = this.hostRules.get(engine) ?? new Map<string, PageCosmetics>();
    this.hostRules.set(engine, cache);
    let base = cache.get(hostname);
    if (!base) {
      base = rulesOnly(cosmeticsFor(engine, page));
      if (cache.size >= HOSTS_CACHED) cache.delete(cache.keys().next().value as string);
      cache.set(hostname, base);
      this.deps.onHostRules?.(hostname, base);
    }
    if (!features) return base;
    const more = cosmeticsFor(engine, { ...page, ...features }, { base: false });
    return rulesOnly(subtractCosmetics(more, base));
  }

  /** Downloads the lists that are due; requests call it, so it looks at most once a minute. */
  refreshStale(): Promise<ListStatusMap> {
    const now = this.deps.now();
    if (now - this.lastCheck < CHECK_EVERY_MS) return this.deps.readStatus();
    this.lastCheck = now;
    return this.enqueue(() => this.refresh());
  }

  /** "Update now": one list, or every enabled one, whatever their age. */
  updateNow(id?: string): Promise<ListStatusMap> {
    return this.enqueue(() => this.refresh(id ?? true));
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private sources(settings: Settings, status: ListStatusMap): EngineSources {
    const lists = settings.filterLists.flatMap((list) => {
      const known = status[list.id];
      return list.enabled && known?.url === list.url && known.checksum
        ? [{ id: list.id, checksum: known.checksum }]
        : [];
    });
    return {
      regional: this.deps.regional ?? REGIONAL_FILTERS,
      lists,
      custom: settings.customRules,
      picker: pickerRulesText(settings.pickerRules),
    };
  }

  private async load(): Promise<LoadedEngine> {
    const [settings, status] = await Promise.all([this.settings(), this.deps.readStatus()]);
    const loaded = await loadOrBuildEngine(this.sources(settings, status), this.deps.store);
    if (loaded.missing.length > 0) {
      // Their stored copy is gone: forget it, so they download again.
      void this.enqueue(async () => {
        const current = await this.deps.readStatus();
        for (const id of loaded.missing) if (current[id]) delete current[id].checksum;
        await this.deps.writeStatus(current);
      }).then(() => this.enqueue(() => this.refresh()));
    }
    return loaded;
  }

  /**
   * Downloads the lists that are due, or `force`d (an id, or `true` for every enabled list). A
   * download or build that fails keeps the last good copy and engine, and records the error.
   */
  private async refresh(force: boolean | string = false): Promise<ListStatusMap> {
    const [settings, status] = await Promise.all([this.settings(), this.deps.readStatus()]);
    const now = this.deps.now();
    const next: ListStatusMap = {};
    for (const list of settings.filterLists) if (status[list.id]) next[list.id] = status[list.id];
    for (const id of await this.deps.store.listIds().catch(() => [])) {
      if (!next[id]) await this.deps.store.deleteList(id).catch(() => undefined);
    }

    const due = settings.filterLists.filter((list) => {
      if (typeof force === 'string') return list.id === force;
      return force ? list.enabled : needsRefresh(list, status[list.id], now);
    });
    const outcomes: Download[] = await Promise.all(
      due.map((list) => downloadList(list.url, status[list.id], { fetch: this.deps.fetch })),
    );
    const fresh = new Map<string, string>();
    due.forEach((list, i) => {
      const outcome = outcomes[i];
      next[list.id] = nextStatus(status[list.id], list.url, outcome, now);
      if (outcome.kind === 'updated') fresh.set(list.id, outcome.text);
    });

    if (fresh.size > 0) {
      try {
        // Build with the new copies first; keep them only if that works.
        await loadOrBuildEngine(this.sources(settings, next), this.deps.store, { override: fresh });
        for (const [id, text] of fresh) {
          await this.deps.store.putList(id, { text, checksum: next[id].checksum ?? '' });
        }
      } catch (error) {
        for (const id of fresh.keys()) {
          const detail = error instanceof Error ? error.message : String(error);
          const previous = status[id]?.url === next[id].url ? status[id] : { url: next[id].url };
          next[id] = { ...previous, lastAttempt: now, lastError: { code: 'parse', detail } };
        }
        fresh.clear();
      }
    }
    await this.deps.writeStatus(next);
    if (fresh.size > 0) {
      this.loaded = null;
      await this.engine().catch(() => undefined);
      this.deps.onRulesChanged();
    }
    return next;
  }

  private pickerCosmetics(
    page: { url: string; hostname: string },
    settings: Settings,
  ): PageCosmetics {
    const selectors = pickedSelectorsFor(settings.pickerRules, page.hostname);
    const text = pickerRulesText({ [page.hostname]: selectors });
    if (this.picker?.text !== text) {
      this.picker = { text, engine: buildEngine([{ id: 'picker', text }]) };
    }
    return rulesOnly(cosmeticsFor(this.picker.engine, page, { generic: false }));
  }
}

function rulesOnly({ css, selectors, extended }: PageCosmetics): PageCosmetics {
  return { css, selectors, extended };
}
