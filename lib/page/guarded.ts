/**
 * The content scripts' error boundary: whatever goes wrong in our code on a page is caught,
 * never reaches the page's console, and is recorded in the extension instead.
 */

import {
  sendToBackground,
  type MessageHandlers,
  type MessageSender,
  type ScriptError,
} from '@/lib/messages';

/** At most this many reports per page load: a failing observer must not flood the worker. */
const MAX_REPORTS = 20;
const MAX_TEXT = 300;

export type ErrorSink = (report: ScriptError) => void;

let sent = 0;
let sink: ErrorSink = (report) => {
  if (sent >= MAX_REPORTS) return;
  sent += 1;
  try {
    void sendToBackground('diagnostics:error', report).catch(() => undefined);
  } catch {
    // No extension APIs (the extension was reloaded): nowhere to report to.
  }
};

/** Tests (and other hosts) send reports elsewhere. */
export function setErrorSink(next: ErrorSink): void {
  sink = next;
}

/** Records a caught error; never throws. */
export function reportError(where: string, error: unknown): void {
  try {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    let url = '';
    try {
      url = globalThis.location?.href ?? '';
    } catch {
      // A page that broke `location`.
    }
    sink({ where, message: message.slice(0, MAX_TEXT), url: url.slice(0, MAX_TEXT) });
  } catch {
    // Reporting must never break the page either.
  }
}

/**
 * Wraps a callback (init, observer, timer, event or message handler): an exception is reported
 * and swallowed; a returned promise that rejects is reported too, and resolves to `fallback`.
 */
export function guarded<A extends unknown[], R>(
  where: string,
  work: (...args: A) => R,
  fallback?: Awaited<R>,
): (...args: A) => R | undefined {
  return (...args: A) => {
    try {
      const result = work(...args);
      if (result instanceof Promise) {
        return result.catch((error: unknown) => {
          reportError(where, error);
          return fallback;
        }) as R;
      }
      return result;
    } catch (error) {
      reportError(where, error);
      return fallback;
    }
  };
}

/** Message handlers that report what they throw; the sender still gets the rejection. */
export function reportingHandlers(where: string, handlers: MessageHandlers): MessageHandlers {
  const wrapped: Record<string, unknown> = {};
  for (const [type, handler] of Object.entries(handlers)) {
    const run = handler as (data: unknown, sender: MessageSender) => unknown;
    wrapped[type] = async (data: unknown, sender: MessageSender) => {
      try {
        return await run(data, sender);
      } catch (error) {
        reportError(`${where}:${type}`, error);
        throw error;
      }
    };
  }
  return wrapped as MessageHandlers;
}
