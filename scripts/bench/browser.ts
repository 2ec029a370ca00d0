/**
 * Headless Chromium for the benchmark: a persistent context with the built extension, or the
 * same browser without it. Both get the same flags; the host-resolver rules send the sample's
 * hostnames to the local bench server and make every other hostname fail to resolve, so no
 * request leaves the machine (the extension's own list downloads included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';
import { findChromium } from '../lib/browser';

export interface BenchBrowser {
  context: BrowserContext;
  /** Null without the extension. */
  extension: { id: string; worker: Worker } | null;
  close(): Promise<void>;
}

/** Main-world observer for long tasks, installed before any page script runs. */
function observeLongTasks(): void {
  const store: { startTime: number; duration: number }[] = [];
  (window as unknown as { __bbLongTasks: typeof store }).__bbLongTasks = store;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        store.push({ startTime: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing here.
  }
}

export async function launchBench(options: {
  /** Unpacked extension folder, or null for a plain browser. */
  extensionDir: string | null;
  hostnames: string[];
  port: number;
}): Promise<BenchBrowser> {
  const rules = [
    ...options.hostnames.map((host) => `MAP ${host} 127.0.0.1:${options.port}`),
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
  ].join(', ');
  const profile = mkdtempSync(join(tmpdir(), 'baca-bersih-bench-profile-'));
  const extensionArgs = options.extensionDir
    ? [
        `--disable-extensions-except=${options.extensionDir}`,
        `--load-extension=${options.extensionDir}`,
      ]
    : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    ignoreHTTPSErrors: true,
    args: [
      ...extensionArgs,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=id',
    ],
  });
  // tsx names functions with an `__name` helper that pages do not have; evaluated code needs it.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await context.addInitScript(observeLongTasks);
  let extension: BenchBrowser['extension'] = null;
  if (options.extensionDir) {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extension = { id: new URL(worker.url()).host, worker };
  }
  return {
    context,
    extension,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The chrome.* surface the benchmark uses inside the service worker. */
export interface ChromeApi {
  tabs: { create(props: { url: string; active: boolean }): Promise<{ id: number }> };
  storage: Record<
    'local' | 'sync',
    {
      set(items: Record<string, unknown>): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
    }
  >;
}

/** The extension's chrome.* inside the service worker (functions run there, not here). */
declare const chrome: ChromeApi;

/** Runs `fn` in the extension's service worker; `chrome` there is the extension API. */
export function inWorker<R, A>(browser: BenchBrowser, fn: (arg: A) => Promise<R>, arg: A) {
  if (!browser.extension) throw new Error('no extension in this browser');
  return browser.extension.worker.evaluate(fn as (value: unknown) => Promise<R>, arg);
}

/** Opens a URL in a new tab through the extension, returning the page and its tab id. */
export async function openTab(
  browser: BenchBrowser,
  url: string,
): Promise<{ page: Page; tabId: number }> {
  const opened = browser.context.waitForEvent('page');
  const tabId = await inWorker(
    browser,
    async (target: string) => (await chrome.tabs.create({ url: target, active: true })).id,
    url,
  );
  const page = await opened;
  await page.waitForLoadState('load');
  return { page, tabId };
}

/**
 * The service worker's JS heap, through the CDP of an open page (Playwright has no session for
 * workers): attach to the worker target, then ask it for Runtime.getHeapUsage.
 */
export async function workerHeap(
  browser: BenchBrowser,
  page: Page,
): Promise<{ usedBytes: number; totalBytes: number; backingStorageBytes: number | null } | null> {
  let session: CDPSession | null = null;
  try {
    session = await browser.context.newCDPSession(page);
    const cdp = session;
    const send = (method: string, params: object = {}) =>
      (cdp.send as (m: string, p: object) => Promise<unknown>)(method, params);
    const { targetInfos } = (await send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const target = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.includes(browser.extension?.id ?? '\0'),
    );
    if (!target) return null;
    const { sessionId } = (await send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    })) as { sessionId: string };
    let next = 1;
    const call = (method: string) => {
      const id = next++;
      return new Promise<Record<string, number>>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`${method} timed out`)), 10_000);
        cdp.on(
          'Target.receivedMessageFromTarget' as never,
          (event: { sessionId: string; message: string }) => {
            if (event.sessionId !== sessionId) return;
            const reply = JSON.parse(event.message) as {
              id?: number;
              result?: Record<string, number>;
            };
            if (reply.id !== id) return;
            clearTimeout(timer);
            done(reply.result ?? {});
          },
        );
        void send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method }),
        }).catch(fail);
      });
    };
    await call('HeapProfiler.collectGarbage').catch(() => undefined);
    const heap = await call('Runtime.getHeapUsage');
    await send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    // Array buffers (the engine's typed arrays) live outside the JS heap: backingStorageSize.
    return {
      usedBytes: heap.usedSize,
      totalBytes: heap.totalSize,
      backingStorageBytes: heap.backingStorageSize ?? null,
    };
  } catch {
    return null;
  } finally {
    await session?.detach().catch(() => undefined);
  }
}

/**
 * Auto-clean as a user who keeps the defaults but cleans every site (so the English pages of
 * the sample are cleaned too), with both built-in lists served locally; waits until both are
 * downloaded and the engine is rebuilt and cached.
 */
export async function configureExtension(
  browser: BenchBrowser,
  lists: { id: string; title: string; url: string }[],
): Promise<{ ruleCounts: Record<string, number> }> {
  type Entry = { id: string; title: string; url: string };
  // The worker writes the default settings on install: wait for that, or it overwrites ours.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const upgraded = await inWorker(
      browser,
      async () => 'settingsVersion' in (await chrome.storage.local.get('settingsVersion')),
      null,
    );
    if (upgraded) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  const write = () =>
    inWorker(
      browser,
      async (entries: Entry[]) => {
        const stored = await chrome.storage.local.get('filterLists');
        const current = (stored.filterLists ?? []) as Entry[];
        if (entries.every((entry, i) => current[i]?.url === entry.url)) return;
        await chrome.storage.sync.set({
          autoClean: { enabled: true, scope: 'all-sites', heuristics: true },
          language: 'id',
        });
        await chrome.storage.local.set({
          filterLists: entries.map((entry) => ({ ...entry, enabled: true, builtin: true })),
        });
      },
      lists,
    );
  for (;;) {
    await write();
    const counts = await inWorker(
      browser,
      async (ids: string[]) => {
        const stored = await chrome.storage.local.get('filterListStatus');
        const status = (stored.filterListStatus ?? {}) as Record<string, { ruleCount?: number }>;
        return Object.fromEntries(ids.map((id) => [id, status[id]?.ruleCount ?? 0]));
      },
      lists.map((list) => list.id),
    );
    if (Object.values(counts).every((n) => n > 0)) return { ruleCounts: counts };
    if (Date.now() > deadline)
      throw new Error(`filter lists not loaded: ${JSON.stringify(counts)}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** Size of the serialized engine the worker cached in IndexedDB (0 when there is none). */
export function cachedEngineBytes(browser: BenchBrowser): Promise<number> {
  return inWorker(
    browser,
    () =>
      new Promise<number>((done) => {
        const open = indexedDB.open('baca-bersih-autoclean');
        open.onerror = () => done(0);
        open.onsuccess = () => {
          try {
            const get = open.result.transaction('engine').objectStore('engine').get('current');
            get.onsuccess = () => done((get.result as { bytes?: Uint8Array })?.bytes?.length ?? 0);
            get.onerror = () => done(0);
          } catch {
            done(0);
          }
        };
      }),
    null,
  );
}
