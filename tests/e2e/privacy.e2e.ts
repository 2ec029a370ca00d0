/**
 * Privacy: through a typical session, every request the extension itself makes (service worker
 * and extension pages) goes to a configured filter-list URL or to its own files. The one
 * documented exception is the reader showing the article's images from the article's own site.
 * Requests of the pages visited do not count: they are the site's, not ours.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { BUILTIN_FILTER_LISTS } from '../../lib/settings/schema';

const HOST = 'mojokerto.disway.id';
/** One generic rule that nothing else (our regional list, heuristics) would apply. */
const LIST_TEXT = '! Title: Daftar uji\n##.promosi-daftar-uji\n';
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

interface Recorded {
  url: string;
  /** Who asked: the service worker, an extension page, or a web page. */
  by: 'worker' | 'extension-page' | 'web-page';
  type: string;
  /** The URL of the page that asked (for pages). */
  from: string;
}

interface ChromeApi {
  storage: Record<
    'local' | 'sync',
    {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys: string): Promise<Record<string, unknown>>;
    }
  >;
}
declare const chrome: ChromeApi;

let server: FixtureServer;
let browser: ExtensionBrowser;
const recorded: Recorded[] = [];
let listFails = false;

/** A late ad only the test list names. */
function addListedAd(page: Page) {
  return page.evaluate(() => {
    const ad = document.createElement('section');
    ad.className = 'promosi-daftar-uji';
    ad.textContent = 'Promo akhir tahun';
    document.querySelector('article, body')!.append(ad);
  });
}

function record(request: Request): void {
  let from = '';
  try {
    from = request.frame().url();
  } catch {
    // Service worker requests have no frame.
  }
  const by = request.serviceWorker()
    ? 'worker'
    : from.startsWith('chrome-extension://')
      ? 'extension-page'
      : 'web-page';
  recorded.push({ url: request.url(), by, type: request.resourceType(), from });
}

beforeAll(async () => {
  server = await startFixtureServer('tests/fixtures');
  server.route('/daftar/uji.txt', (_req, res) => {
    if (listFails) return void res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end(LIST_TEXT);
  });
  browser = await launchWithExtension({ onContext: (context) => context.on('request', record) });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('requests the extension makes', () => {
  it('go only to the configured filter lists and its own files', async () => {
    const listUrl = server.url('/daftar/uji.txt');
    const articleUrl = server.url('/disway-article.html', HOST);

    // Auto-clean a page, then read it in the popup reader.
    const { page, tabId } = await browser.openTab(articleUrl);
    await poll(() =>
      page.evaluate(() => document.querySelectorAll('[data-bb-hidden]').length),
    ).toBeGreaterThan(0);
    await addListedAd(page);
    await page.waitForTimeout(500);
    await expect(page.locator('.promosi-daftar-uji').isVisible()).resolves.toBe(true);
    const reader = await browser.openExtensionPage(`/popup.html?tab=${tabId}&layout=popup`);
    await reader.locator('.reader-article').waitFor();
    await reader.locator('aside.summary .key-point').first().click();
    await reader.close();

    // The settings page: change a few settings, point the lists at a local server, update.
    const options = await browser.openExtensionPage('/options.html', {
      width: 1280,
      height: 900,
    });
    await options.getByRole('radio', { name: 'Sepia' }).check();
    await options.getByRole('switch', { name: 'Bersihkan halaman otomatis' }).uncheck();
    await options.getByRole('switch', { name: 'Bersihkan halaman otomatis' }).check();
    await browser.worker.evaluate(
      (url) =>
        chrome.storage.local.set({
          filterLists: [
            { id: 'abpindo', title: 'ABPindo', url, enabled: true },
            { id: 'easylist', title: 'EasyList', url, enabled: false },
          ],
        }),
      listUrl,
    );
    const row = options.locator('.filter-list[data-list="abpindo"]');
    await poll(() => row.locator('.filter-list-meta').innerText()).toMatch(/Diperbarui/);
    await row.getByRole('button', { name: 'Perbarui ABPindo sekarang' }).click();
    await poll(() => server.requests.filter((r) => r.endsWith('/daftar/uji.txt')).length).toBe(2);
    await options.close();

    // The new list applies to the open page.
    await poll(() => page.locator('.promosi-daftar-uji').isVisible()).toBe(false);
    await page.close();

    const ours = recorded.filter((r) => r.by !== 'web-page');
    const own = `chrome-extension://${browser.extensionId}/`;
    const lists = new Set([listUrl, ...BUILTIN_FILTER_LISTS.map((list) => list.url)]);
    const articleOrigin = new URL(articleUrl).origin;
    const allowed = (r: Recorded) =>
      r.url.startsWith(own) ||
      (r.by === 'worker' && lists.has(r.url)) ||
      // The reader shows the article's own images, from the site the article came from.
      (r.by === 'extension-page' &&
        r.type === 'image' &&
        r.from.startsWith(`${own}popup.html`) &&
        new URL(r.url).origin === articleOrigin);
    expect(ours.filter((r) => !allowed(r))).toEqual([]);

    // The recording saw the worker's list downloads (so a stray request would show too).
    expect(ours.filter((r) => r.by === 'worker' && r.url === listUrl).length).toBeGreaterThan(0);
    console.log(
      'extension requests:',
      JSON.stringify(
        Object.entries(
          ours.reduce<Record<string, number>>((counts, r) => {
            const key = `${r.by} ${r.url.startsWith(own) ? 'own files' : new URL(r.url).origin}`;
            counts[key] = (counts[key] ?? 0) + 1;
            return counts;
          }, {}),
        ),
      ),
    );
  });

  it('a failed list download keeps the last good copy in use (no ../shared needed)', async () => {
    // The first test left the local list downloaded and in use.
    listFails = true;
    const options = await browser.openExtensionPage('/options.html', {
      width: 1280,
      height: 900,
    });
    const row = options.locator('.filter-list[data-list="abpindo"]');
    await row.getByRole('button', { name: 'Perbarui ABPindo sekarang' }).click();
    await poll(() => row.locator('.filter-list-error').innerText()).toMatch(
      /kode 503\. Salinan terakhir yang berhasil tetap dipakai\./,
    );
    await options.close();
    const { page } = await browser.openTab(server.url('/disway-article.html', HOST));
    await addListedAd(page);
    await poll(() => page.locator('.promosi-daftar-uji').isVisible()).toBe(false);
    await page.close();
    listFails = false;
  });
});

describe('what the page can see of the extension', () => {
  it('no entries of ours on the page’s performance timeline, after cleaning and reading', async () => {
    const { page, tabId } = await browser.openTab(server.url('/disway-article.html', HOST));
    await poll(() =>
      page.evaluate(() => document.querySelectorAll('[data-bb-hidden]').length),
    ).toBeGreaterThan(0);
    // The reader runs the extraction in the page too.
    const reader = await browser.openExtensionPage(`/popup.html?tab=${tabId}&layout=popup`);
    await reader.locator('.reader-article').waitFor();
    await reader.close();
    // The shipped build keeps its User Timing entries off (lib/perf.ts): Chromium would show
    // them to the page, which could then tell the extension is there.
    const entries = await page.evaluate(() =>
      performance
        .getEntries()
        .map((entry) => entry.name)
        .filter((name) => name.startsWith('baca-bersih')),
    );
    expect(entries).toEqual([]);
    await page.close();
  });
});
