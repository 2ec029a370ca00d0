import { browser } from 'wxt/browser';
import { onMessages, type ScriptError } from '@/lib/messages';

/** Session storage key of the recent content-script errors (memory only, never synced). */
export const DIAGNOSTICS_KEY = 'diagnostics:errors';
export const MAX_DIAGNOSTICS = 50;

export interface RecordedError extends ScriptError {
  at: number;
}

/** Appends one error to a ring buffer of the newest MAX_DIAGNOSTICS. */
export function appendError(
  list: unknown,
  error: ScriptError,
  at: number,
  max = MAX_DIAGNOSTICS,
): RecordedError[] {
  const previous = Array.isArray(list) ? (list as RecordedError[]) : [];
  return [...previous, { ...error, at }].slice(-max);
}

/** Content scripts report what they caught; it stays here, in session storage and the worker's console. */
export function registerDiagnostics(): void {
  let queue = Promise.resolve();
  onMessages({
    'diagnostics:error': (error, sender) => {
      const report: ScriptError = {
        where: String(error.where).slice(0, 100),
        message: String(error.message).slice(0, 300),
        url: String(error.url).slice(0, 300),
      };
      console.warn('[baca-bersih] content script error', report, sender.tab?.id);
      queue = queue
        .then(async () => {
          const stored = await browser.storage.session.get(DIAGNOSTICS_KEY);
          const next = appendError(stored[DIAGNOSTICS_KEY], report, Date.now());
          await browser.storage.session.set({ [DIAGNOSTICS_KEY]: next });
        })
        .catch(() => undefined);
      return true as const;
    },
  });
}
