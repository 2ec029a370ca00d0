/**
 * Auto-clean's first moment, run at document_start by a content script of its own so that
 * nothing else is parsed or run before first paint: the site's list CSS goes in from the session
 * copy of the host's rules or the background's answer, whichever comes first (the answer wins).
 * The main content script runs once the page is idle and takes over from here; content
 * scripts share the extension's isolated world, so the hand-over is a property of `window`.
 */

import { browser } from 'wxt/browser';
import { sessionRulesKey } from '@/lib/autoclean/cosmetics-diff';
import { injectStyle, LIST_STYLE_ID } from '@/lib/autoclean/hide';
import { unpackCosmetics } from '@/lib/autoclean/packed-cosmetics';
import { sendToBackground, type PageCosmetics } from '@/lib/messages';
import { markOnce, measureSince, perfNow, timed } from '@/lib/perf';
import { whenRoot } from './document-ready';
import { guarded } from './guarded';

export interface EarlyRulesHost {
  /** The background's rules for the page (none where its settings say auto-clean is off). */
  cosmetics(url: string): Promise<PageCosmetics>;
  /** The rules the background last gave this host, kept in session storage. */
  cachedRules(hostname: string): Promise<PageCosmetics | null>;
}

/** What the early script leaves for the main one. */
export interface EarlyRules {
  /** The background's answer to the request made at document_start (null when none came). */
  fresh: Promise<PageCosmetics | null>;
  /** The rules whose CSS is in the list stylesheet now, if any. */
  applied(): PageCosmetics | null;
  /** The main script owns the stylesheet from now on: the early half stops touching it. */
  release(): void;
}

const EARLY = Symbol.for('baca-bersih.autoclean-early');
type EarlyWindow = Window & { [EARLY]?: EarlyRules };

export function browserEarlyHost(): EarlyRulesHost {
  return {
    cosmetics: (url) => cosmeticsFrom(sendToBackground('autoclean:cosmetics', { url })),
    cachedRules: async (hostname) => {
      const key = sessionRulesKey(hostname);
      const stored = await browser.storage.session.get(key);
      return unpackCosmetics(stored[key]);
    },
  };
}

/** The background's packed answer, unpacked; an answer that is not rules is an error. */
export async function cosmeticsFrom(answer: Promise<unknown>): Promise<PageCosmetics> {
  const rules = unpackCosmetics(await answer);
  if (!rules) throw new Error('The background sent no rules');
  return rules;
}

/** Asks for the page's rules and puts their CSS in place as soon as any come. */
export function startEarlyRules(
  win: Window,
  host: EarlyRulesHost = browserEarlyHost(),
): EarlyRules {
  const started = perfNow();
  const doc = win.document;
  let applied: PageCosmetics | null = null;
  let answered = false;
  let released = false;

  const place = (rules: PageCosmetics | null, fromBackground: boolean) => {
    if (released || !rules || (!fromBackground && answered)) return;
    if (fromBackground) answered = true;
    whenRoot(
      doc,
      guarded('autoclean:early-css', () => {
        if (released || (!fromBackground && answered)) return;
        if (rules.css === '') {
          // Auto-clean is off here now: a stale session copy's CSS goes.
          if (applied) doc.getElementById(LIST_STYLE_ID)?.remove();
          applied = null;
          return;
        }
        timed('early-css', () => injectStyle(doc, rules.css, LIST_STYLE_ID));
        applied = rules;
        markOnce('list-css');
      }),
    );
  };

  const fresh = host.cosmetics(win.location.href).catch(() => null);
  void fresh.then((rules) => place(rules, true));
  void host
    .cachedRules(win.location.hostname)
    .catch(() => null)
    .then((rules) => place(rules, false));

  const early: EarlyRules = {
    fresh,
    applied: () => applied,
    release: () => {
      released = true;
    },
  };
  (win as EarlyWindow)[EARLY] = early;
  measureSince('early', started);
  return early;
}

/** The early half's state, for the main script (null when the early script did not run). */
export function takeEarlyRules(win: Window): EarlyRules | null {
  return (win as EarlyWindow)[EARLY] ?? null;
}
