/**
 * The auto-clean content script: decides from the settings whether to run on this page, asks
 * the background for the page's list rules, and drives a Cleaner. Turns itself off and on as
 * the settings change. Every error stays here: the page never sees one.
 */

import { browser } from 'wxt/browser';
import { cleanMode, type CleanMode } from '@/lib/autoclean/activation';
import { sessionRulesKey } from '@/lib/autoclean/cosmetics-diff';
import {
  onMessages,
  sendToBackground,
  type CleanState,
  type PageCosmetics,
  type PageFeatures,
} from '@/lib/messages';
import type { Settings } from '@/lib/settings/schema';
import { loadSettings, watchSettings } from '@/lib/settings/store';
import { Cleaner } from './autoclean-cleaner';
import { markOnce, measureSince, perfNow } from './autoclean-perf';
import { rememberContextTarget } from './context-target';
import { guarded, reportError, reportingHandlers } from './guarded';

/** Where the content script meets the extension; tests pass their own. */
export interface AutoCleanHost {
  loadSettings(): Promise<Settings>;
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /** The background's rules for the page (or only those for these page features). */
  cosmetics(url: string, features?: PageFeatures): Promise<PageCosmetics>;
  /** The rules the background last gave this host, kept in session storage. */
  cachedRules(hostname: string): Promise<PageCosmetics | null>;
  report(hidden: number, skipped: number): void;
  listen(handlers: {
    state: () => CleanState;
    reveal: (on: boolean) => CleanState;
    refresh: () => void;
  }): void;
}

export function browserHost(): AutoCleanHost {
  return {
    loadSettings,
    watchSettings,
    cosmetics: (url, features) => sendToBackground('autoclean:cosmetics', { url, features }),
    cachedRules: async (hostname) => {
      const key = sessionRulesKey(hostname);
      const stored = await browser.storage.session.get(key);
      return (stored[key] as PageCosmetics | undefined) ?? null;
    },
    report: (hidden, skipped) =>
      void sendToBackground('autoclean:report', { hidden, skipped }).catch(() => undefined),
    listen: (handlers) =>
      void onMessages(
        reportingHandlers('autoclean', {
          'autoclean:state': () => handlers.state(),
          'autoclean:reveal': ({ on }) => handlers.reveal(on),
          'autoclean:refresh': () => {
            handlers.refresh();
            return true as const;
          },
        }),
      ),
  };
}

export function startAutoClean(win: Window, host: AutoCleanHost = browserHost()): void {
  const started = perfNow();
  const doc = win.document;
  let mode: CleanMode = 'off';
  let cleaner: Cleaner | null = null;
  let url = win.location.href;
  let features: PageFeatures = { classes: [], ids: [], hrefs: [] };
  let sending = false;

  // Never break the page: errors are reported to the extension, not thrown into the page.
  const guard = <A extends unknown[]>(work: (...args: A) => void) => guarded('autoclean', work);

  /** Generic rules for new class names, ids and hrefs: one request at a time. */
  const sendFeatures = async () => {
    if (sending || !cleaner) return;
    const batch = features;
    if (batch.classes.length + batch.ids.length + batch.hrefs.length === 0) return;
    features = { classes: [], ids: [], hrefs: [] };
    sending = true;
    const current = cleaner;
    try {
      const cosmetics = await host.cosmetics(win.location.href, batch);
      if (cleaner === current) current.addCosmetics(cosmetics);
    } catch {
      // The background is gone (extension reloaded): keep what we have.
    } finally {
      sending = false;
    }
    void sendFeatures();
  };

  const queueFeatures = (found: PageFeatures) => {
    features = {
      classes: [...features.classes, ...found.classes],
      ids: [...features.ids, ...found.ids],
      hrefs: [...features.hrefs, ...found.hrefs],
    };
    void sendFeatures();
  };

  /** Replaces the rules in one task, so nothing shows in between. */
  const refetch = async () => {
    const current = cleaner;
    if (!current) return;
    try {
      const known = current.knownFeatures();
      const [rules, more] = await Promise.all([
        host.cosmetics(win.location.href),
        host.cosmetics(win.location.href, known),
      ]);
      if (cleaner !== current) return;
      current.replaceCosmetics(rules, more);
    } catch {
      // Keep what we have.
    }
  };

  /**
   * The session copy of this host's rules applies at once; the background's answer (asked for
   * before the settings were even read) replaces it when it comes.
   */
  const turnOn = (settings: Settings) => {
    const current = new Cleaner(doc, win, {
      heuristics: mode === 'full' && settings.autoClean.heuristics,
      onCount: (hidden, skipped) => host.report(hidden, skipped),
      onFeatures: queueFeatures,
    });
    cleaner = current;
    let fresh = false;
    whenRoot(
      doc,
      guard(() => {
        if (cleaner !== current) return;
        current.start();
        void (cached ?? Promise.resolve(null)).then(
          guard((rules: PageCosmetics | null) => {
            if (cleaner === current && !fresh && rules) current.addCosmetics(rules);
          }),
        );
      }),
    );
    const answer = early ?? host.cosmetics(win.location.href).catch(() => null);
    early = null;
    cached = null;
    void answer.then(
      guard((rules: PageCosmetics | null) => {
        if (cleaner !== current || !rules) return;
        markOnce('rules');
        fresh = true;
        current.replaceCosmetics(rules);
      }),
    );
    whenDomReady(
      doc,
      guard(() => cleaner === current && current.domReady()),
    );
  };

  const turnOff = () => {
    if (!cleaner) return;
    cleaner.stop();
    cleaner = null;
    features = { classes: [], ids: [], hrefs: [] };
    host.report(0, 0);
  };

  // Both asked for before the settings are read; used by the first turnOn only.
  let early: Promise<PageCosmetics | null> | null = null;
  let cached: Promise<PageCosmetics | null> | null = null;
  const apply = guard((settings: Settings) => {
    const next = cleanMode(settings, win.location.hostname);
    if (next !== mode) {
      turnOff();
      mode = next;
      if (next !== 'off') turnOn(settings);
      return;
    }
    cleaner?.setHeuristics(mode === 'full' && settings.autoClean.heuristics);
  });

  const state = (): CleanState => ({
    mode,
    ...(cleaner?.counts() ?? { hidden: 0, skipped: 0 }),
    reveal: cleaner?.reveal ?? false,
  });

  const onNavigate = guard(() => {
    if (win.location.href === url) return;
    url = win.location.href;
    cleaner?.requestFull(true);
  });

  try {
    rememberContextTarget(win);
    host.listen({
      state,
      reveal: (on) => {
        cleaner?.setReveal(on);
        return state();
      },
      refresh: () => void refetch(),
    });
    // The background decides from its own copy of the settings.
    early = host.cosmetics(win.location.href).catch(() => null);
    cached = host.cachedRules(win.location.hostname).catch(() => null);
    host.watchSettings(apply);
    void host.loadSettings().then(apply, () => undefined);
    win.addEventListener('popstate', onNavigate);
    const navigation = (win as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener('currententrychange', onNavigate);
  } catch (error) {
    // No extension APIs here (a sandboxed frame): nothing to do.
    reportError('autoclean:start', error);
  }
  measureSince('start', started);
}

/** At document_start <html> may not exist yet. */
function whenRoot(doc: Document, run: () => void): void {
  if (doc.documentElement) return run();
  const observer = new MutationObserver(
    guarded('autoclean:root', () => {
      if (!doc.documentElement) return;
      observer.disconnect();
      run();
    }),
  );
  observer.observe(doc, { childList: true });
}

function whenDomReady(doc: Document, run: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}
