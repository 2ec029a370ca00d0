import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** One line the page's DevTools console would show, from any world (page or extension). */
export interface ConsoleEntry {
  kind: 'exception' | 'console' | 'log';
  level: string;
  text: string;
  /** The script URL or world the entry came from, when DevTools knows it. */
  source: string;
}

interface ExceptionEvent {
  exceptionDetails: {
    text: string;
    url?: string;
    exception?: { description?: string };
    executionContextId?: number;
  };
}
interface ConsoleEvent {
  type: string;
  args: { value?: unknown; description?: string }[];
  executionContextId: number;
  stackTrace?: { callFrames: { url: string }[] };
}
interface LogEvent {
  entry: { level: string; text: string; url?: string; source: string };
}
interface ContextEvent {
  context: { id: number; origin: string; name: string; auxData?: { type?: string } };
}

/**
 * Records everything DevTools would print in a tab's console, through the DevTools protocol:
 * unlike Playwright's own `console` and `pageerror` events, this includes the extension's
 * isolated world, where the content script runs.
 */
export async function recordConsole(context: BrowserContext, page: Page) {
  const entries: ConsoleEntry[] = [];
  const worlds = new Map<number, string>();
  const session: CDPSession = await context.newCDPSession(page);
  session.on('Runtime.executionContextCreated', (event: ContextEvent) => {
    const { id, origin, name, auxData } = event.context;
    worlds.set(id, auxData?.type === 'isolated' ? `isolated:${name || origin}` : origin);
  });
  session.on('Runtime.exceptionThrown', (event: ExceptionEvent) => {
    const details = event.exceptionDetails;
    entries.push({
      kind: 'exception',
      level: 'error',
      text: details.exception?.description ?? details.text,
      source: details.url || worlds.get(details.executionContextId ?? -1) || '',
    });
  });
  session.on('Runtime.consoleAPICalled', (event: ConsoleEvent) => {
    entries.push({
      kind: 'console',
      level: event.type,
      text: event.args.map((arg) => arg.description ?? String(arg.value)).join(' '),
      source: event.stackTrace?.callFrames[0]?.url || worlds.get(event.executionContextId) || '',
    });
  });
  session.on('Log.entryAdded', (event: LogEvent) => {
    entries.push({
      kind: 'log',
      level: event.entry.level,
      text: event.entry.text,
      source: event.entry.url ?? event.entry.source,
    });
  });
  await session.send('Runtime.enable');
  await session.send('Log.enable');
  return {
    entries,
    /** Entries that come from the extension (its scripts or its isolated world). */
    fromExtension: (extensionId: string) =>
      entries.filter(
        (entry) =>
          entry.source.includes(extensionId) ||
          entry.source.startsWith('isolated:') ||
          /baca.?bersih/i.test(entry.text),
      ),
    detach: () => session.detach().catch(() => undefined),
  };
}
