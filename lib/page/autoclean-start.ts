/**
 * The main auto-clean content script, run once the page is idle: decides from the settings
 * whether to run on this page, takes over the list CSS the early script put in place (see
 * autoclean-early.ts) and drives a Cleaner. Turns itself off and on as the settings change.
 * Every error stays here: the page never sees one.
 */

import { cleanMode, type CleanMode } from '@/lib/autoclean/activation';
import { LIST_STYLE_ID } from '@/lib/autoclean/hide';
import {
  onMessages,
  sendToBackground,
  type CleanState,
  type PageCosmetics,
  type PageFeatures,
} from '@/lib/messages';
import type { Settings } from '@/lib/settings/schema';
import { loadSettings, watchSettings } from '@/lib/settings/store';
import { markOnce, measureSince, perfNow } from '@/lib/perf';
import { Cleaner } from './autoclean-cleaner';
import {
  browserEarlyHost,
  cosmeticsFrom,
  startEarlyRules,
  takeEarlyRules,
  type EarlyRules,
  type EarlyRulesHost,
} from './autoclean-early';
import { rememberContextTarget } from './context-target';
import { whenDomReady, whenRoot } from './document-ready';
import { guarded, reportError, reportingHandlers } from './guarded';

/** Where the content script meets the extension; tests pass their own. */
export interface AutoCleanHost extends EarlyRulesHost {
  loadSettings(): Promise<Settings>;
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /** The background's rules for the page (or only those for these page features). */
  cosmetics(url: string, features?: PageFeatures): Promise<PageCosmetics>;
  report(hidden: number, skipped: number): void;
  listen(handlers: {
    state: () => CleanState;
    reveal: (on: boolean) => CleanState;
    refresh: () => void;
  }): void;
}

export function browserHost(): AutoCleanHost {
  return {
    ...browserEarlyHost(),
    loadSettings,
    watchSettings,
    cosmetics: (url, features) =>
      cosmeticsFrom(sendToBackground('autoclean:cosmetics', { url, features })),
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
   * The Cleaner adopts the list CSS already in place; the background's answer (asked for at
   * document_start) replaces it when it comes, a no-op when it is what is in place.
   */
  const turnOn = (settings: Settings) => {
    const current = new Cleaner(doc, win, {
      heuristics: mode === 'full' && settings.autoClean.heuristics,
      onCount: (hidden, skipped) => host.report(hidden, skipped),
      onFeatures: queueFeatures,
    });
    cleaner = current;
    const inPlace = early.applied();
    early.release();
    whenRoot(
      doc,
      guard(() => {
        if (cleaner !== current) return;
        current.start();
        if (inPlace) current.addCosmetics(inPlace);
      }),
    );
    const answer = firstAnswer ?? host.cosmetics(win.location.href).catch(() => null);
    firstAnswer = null;
    void answer.then(
      guard((rules: PageCosmetics | null) => {
        if (cleaner !== current || !rules) return;
        markOnce('rules');
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

  // Asked for at document_start (by the early script, or here when it did not run).
  let early: EarlyRules = { fresh: Promise.resolve(null), applied: () => null, release: () => {} };
  let firstAnswer: Promise<PageCosmetics | null> | null = null;
  let settled = false;
  const apply = guard((settings: Settings) => {
    const next = cleanMode(settings, win.location.hostname);
    if (!settled) {
      settled = true;
      // Off here (the settings changed since the session copy was made): its CSS goes.
      if (next === 'off') dropEarlyStyle(doc, early);
    }
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
    early = takeEarlyRules(win) ?? startEarlyRules(win, host);
    firstAnswer = early.fresh;
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

function dropEarlyStyle(doc: Document, early: EarlyRules): void {
  early.release();
  if (early.applied()) doc.getElementById(LIST_STYLE_ID)?.remove();
}
