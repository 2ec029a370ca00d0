import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** Hostnames the fixtures are served under; each maps to 127.0.0.1. */
export const FIXTURE_HOSTS = [
  'mojokerto.disway.id',
  'radarmojokerto.jawapos.com',
  'contoh.example',
  // Multi-page article fixtures (tests/e2e/multipage.e2e.ts).
  'www.tribunnews.com',
  'news.detik.com',
  'regional.kompas.com',
  'www.suara.com',
];

/** Fixture hosts go to 127.0.0.1; nothing else resolves, so tests never reach the internet
 * (the extension's default filter-list downloads included). */
const HOST_RULES = [
  ...FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1`),
  'MAP * ~NOTFOUND',
  'EXCLUDE localhost',
  'EXCLUDE 127.0.0.1',
].join(', ');

/**
 * The reader has settled: its article with the sidebar's key points in (they are worked out
 * after the article paints), or a final status.
 */
export const READER_SETTLED =
  '.reader-shell:not(:has(aside.summary[aria-busy])) .reader-article, .status-card:not(:has(.spinner))';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}

/** The one chrome.* call made from test code, inside the service worker. */
interface ChromeTabsApi {
  tabs: { create(props: { url: string; active: boolean }): Promise<{ id: number }> };
}

/** The install writes every settings section once; tests that change settings must come after. */
async function waitForSettingsInstall(worker: Worker): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const installed = await worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeStorageGet }).chrome;
      return 'settingsVersion' in (await api.storage.local.get('settingsVersion'));
    });
    if (installed) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface ChromeStorageGet {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    sync: { set(items: Record<string, unknown>): Promise<void> };
  };
}

/** Writes settings sections to storage.sync from inside the extension, as the pages would. */
export async function setSyncSettings(
  target: ExtensionBrowser,
  items: Record<string, unknown>,
): Promise<void> {
  await target.worker.evaluate(async (values) => {
    const api = (globalThis as unknown as { chrome: ChromeStorageGet }).chrome;
    await api.storage.sync.set(values);
  }, items);
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens an extension page such as `/popup.html?tab=3`. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Opens a URL in a new tab through the extension, returning the page and its tab id. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  close(): Promise<void>;
}

export async function launchWithExtension(
  options: {
    headed?: boolean;
    /** Called as soon as the browser is up, before the install finishes (to watch requests). */
    onContext?: (context: BrowserContext) => void;
  } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'baca-bersih-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: !options.headed,
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${HOST_RULES}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=id',
    ],
  });
  options.onContext?.(context);
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  await waitForSettingsInstall(worker);

  const openExtensionPage = async (path: string, viewport = { width: 780, height: 580 }) => {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`chrome-extension://${extensionId}${path}`);
    return page;
  };

  const openTab = async (url: string) => {
    const opened = context.waitForEvent('page');
    const tabId = await worker.evaluate(async (target) => {
      const api = (globalThis as unknown as { chrome: ChromeTabsApi }).chrome;
      return (await api.tabs.create({ url: target, active: true })).id;
    }, url);
    const page = await opened;
    await page.waitForLoadState('load');
    return { page, tabId };
  };

  return {
    context,
    extensionId,
    worker,
    openExtensionPage,
    openTab,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
