import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import * as helpers from './autoclean-helpers';
import { HIDDEN, type ChromeApi } from './autoclean-helpers';

const SHOTS = 'docs/screenshots';
const POPUP = { width: 780, height: 580 };
const FIXTURE = 'tests/fixtures/disway-article.html';
const ABPINDO = resolve('../shared/filterlists/abpindo.txt');
/** Waits up to 10 s: list rebuilds and worker wake-ups take a while on a busy machine. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

/** The clutter the fixture's top comment lists: slots, then their inner elements. */
function listedClutter(): string[] {
  const comment = /<!--([\s\S]*?)-->/.exec(readFileSync(FIXTURE, 'utf8'))?.[1] ?? '';
  const hide = comment.slice(comment.indexOf('SHOULD HIDE'), comment.indexOf('Page furniture'));
  const [slots, inner = ''] = hide.split('inner elements:');
  return [
    ...[...slots.matchAll(/^\s+([.#][\w-]+)\s/gm)].map((m) => m[1]),
    ...inner
      .split(/,\s*/)
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}
const CLUTTER = listedClutter();

let server: FixtureServer;
let browser: ExtensionBrowser;
let articleUrl: string;
let listMode: 'ok' | 'fail' | 'garbage' = 'ok';
const listRequests: { ifNoneMatch?: string; status: number }[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startFixtureServer('tests/fixtures');
  articleUrl = server.url('/disway-article.html', 'mojokerto.disway.id');
  // A filter list with an ETag; it can be told to fail or to send a captive-portal page.
  server.route('/lists/abpindo.txt', (req, res) => {
    const text = existsSync(ABPINDO) ? readFileSync(ABPINDO, 'utf8') : '';
    const etag = `"${createHash('sha1').update(text).digest('hex').slice(0, 16)}"`;
    const ifNoneMatch = req.headers['if-none-match'];
    const status =
      listMode === 'fail' ? 500 : listMode === 'ok' && ifNoneMatch === etag ? 304 : 200;
    listRequests.push({ ifNoneMatch, status });
    if (status !== 200) return void res.writeHead(status).end();
    if (listMode === 'garbage') {
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Masuk</html>');
    }
    res.writeHead(200, { 'content-type': 'text/plain', etag }).end(text);
  });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  // Defaults, in Bahasa Indonesia; built-in lists stay unreachable (hosts do not resolve).
  await inWorker(async () => {
    await chrome.storage.sync.remove(['autoClean']);
    await chrome.storage.sync.set({ language: 'id' });
    await chrome.storage.local.remove(['sites', 'pickerRules', 'customRules']);
  });
  // One blank page stays: tabs.create needs a window to open in.
  const [keep, ...rest] = browser.context.pages();
  for (const page of rest) await page.close();
  await keep?.goto('about:blank');
});

/** The extension's chrome.* inside the service worker (functions run there, not here). */
declare const chrome: ChromeApi;

const inWorker = <R, A = null>(fn: (arg: A) => Promise<R>, arg?: A): Promise<R> =>
  helpers.inWorker(browser, fn, arg);

const badge = (tabId: number) => helpers.badge(browser, tabId);

/** Visibility of the listed clutter and of the article's parts. */
function pageState(page: Page) {
  return page.evaluate(
    ([clutter, hidden]) => {
      const visible = (el: Element | null) => !!el && el.checkVisibility();
      const body = document.getElementById('article-body');
      const paragraphs = [...(body?.querySelectorAll(':scope > p') ?? [])];
      return {
        clutterShown: clutter.filter((s) =>
          [...document.querySelectorAll(s)].some((el) => el.checkVisibility()),
        ),
        clutterFound: clutter.filter((s) => document.querySelector(s) !== null),
        article:
          visible(body) &&
          visible(document.querySelector('h1.entry-title')) &&
          visible(document.getElementById('lead-image')) &&
          paragraphs.every(visible),
        firstParagraph: paragraphs[0]?.textContent?.trim().slice(0, 22),
        lastParagraph: paragraphs.at(-1)?.textContent?.trim().slice(-9),
        hidden: [...document.querySelectorAll(hidden)].filter(
          (el) => !el.parentElement?.closest(hidden),
        ).length,
        styles: document.querySelectorAll('style[id^="baca-bersih"]').length,
      };
    },
    [CLUTTER, HIDDEN] as const,
  );
}

async function expectCleaned(page: Page) {
  // List CSS hides the clutter before first paint; the markers and counts come with the first
  // full pass, after first paint when the page is idle.
  await poll(async () => (await pageState(page)).clutterShown).toEqual([]);
  await poll(async () => (await pageState(page)).hidden).toBeGreaterThan(0);
  const state = await pageState(page);
  expect(state.clutterFound).toEqual(CLUTTER);
  expect(state.article).toBe(true);
  expect(state.firstParagraph).toBe('MOJOKERTO, DISWAY.ID –');
  expect(state.lastParagraph).toBe('(fik/nlh)');
  return state;
}

async function expectUntouched(page: Page) {
  await page.waitForLoadState('load');
  await page.waitForTimeout(400);
  const state = await pageState(page);
  expect(state.clutterShown).toEqual(CLUTTER);
  expect(state.hidden).toBe(0);
  expect(state.styles).toBe(0);
}

async function openPopup(tabId: number) {
  const popup = await browser.openExtensionPage(`/popup.html?tab=${tabId}&layout=popup`, POPUP);
  await popup.locator('.page-controls').waitFor();
  return popup;
}

describe('auto-clean on the disway fixture', () => {
  it('hides every listed ad, keeps the article, and counts the same on badge and popup', async () => {
    const { page, tabId } = await browser.openTab(articleUrl);
    await expectCleaned(page);
    // The first full pass has finished when the badge shows the page's count.
    await poll(async () => (await badge(tabId)) === String((await pageState(page)).hidden)).toBe(
      true,
    );
    const cleaned = await pageState(page);
    expect(cleaned.hidden).toBeGreaterThanOrEqual(6);
    await page.screenshot({ path: `${SHOTS}/cleaned-page.png`, fullPage: true });

    // A late interstitial: a fixed layer over the page that locks scrolling.
    await page.evaluate(() => {
      const layer = document.createElement('div');
      layer.id = 'lapisan-promo';
      layer.style.cssText =
        'position:fixed;inset:0;z-index:9999;background:rgb(0 0 0 / 70%);display:grid;place-items:center';
      layer.innerHTML =
        '<a href="https://promo.example/klik"><img src="img/speedcash-banner.png" width="300" height="250" alt="Promo"></a>';
      document.body.append(layer);
      document.body.style.overflow = 'hidden';
    });
    await poll(() =>
      page.evaluate(() => document.getElementById('lapisan-promo')!.checkVisibility()),
    ).toBe(false);
    await poll(() =>
      page.evaluate(() => document.documentElement.hasAttribute('data-bb-unlock')),
    ).toBe(true);

    const { hidden } = await pageState(page);
    expect(hidden).toBe(cleaned.hidden + 1);
    await poll(() => badge(tabId)).toBe(String(hidden));

    const popup = await openPopup(tabId);
    const count = popup.locator('.page-hidden');
    await poll(() => count.getAttribute('data-count')).toBe(String(hidden));
    await expect(count.innerText()).resolves.toBe(`${hidden} elemen disembunyikan`);
    await popup.locator('.reader-article').waitFor();
    // The bar stays as the popup goes from loading to the article: no remount, no blank poll.
    await expect(count.getAttribute('data-count')).resolves.toBe(String(hidden));
    await popup.screenshot({ path: `${SHOTS}/popup-controls.png` });

    // Reveal mode: everything hidden shows again, outlined; off again hides it again.
    const reveal = popup.getByRole('switch', { name: 'Tampilkan yang disembunyikan' });
    await reveal.check();
    const revealed = () =>
      page.evaluate((sel) => {
        const els = [...document.querySelectorAll(sel)];
        return els.every(
          (el) => el.checkVisibility() && getComputedStyle(el).outlineStyle === 'dashed',
        );
      }, HIDDEN);
    await poll(revealed).toBe(true);
    await reveal.uncheck();
    await poll(async () => (await pageState(page)).clutterShown).toEqual([]);
    await popup.close();
  });

  it('pauses on the site from the popup, and cleans again when resumed', async () => {
    const { page, tabId } = await browser.openTab(articleUrl);
    await expectCleaned(page);
    const popup = await openPopup(tabId);
    const pause = popup.getByRole('switch', { name: 'Jeda di situs ini' });
    await pause.check();
    await poll(async () => (await pageState(page)).hidden).toBe(0);
    await poll(() => badge(tabId)).toBe('');
    await page.reload();
    await expectUntouched(page);
    await poll(() => popup.locator('.page-count').innerText()).toBe('Dijeda di situs ini');

    await pause.uncheck();
    await expectCleaned(page);
    await page.reload();
    await expectCleaned(page);
    await popup.close();
  });

  it('leaves pages untouched while the settings page switch is off', async () => {
    const { page } = await browser.openTab(articleUrl);
    await expectCleaned(page);
    const setEnabled = async (enabled: boolean) => {
      const options = await browser.openExtensionPage('/options.html', {
        width: 1280,
        height: 900,
      });
      const toggle = options.getByRole('switch', {
        name: /^(Bersihkan halaman otomatis|Auto-clean pages)$/,
      });
      if ((await toggle.isChecked()) !== enabled) await toggle.click();
      await expect
        .poll(() => inWorker(async () => (await chrome.storage.sync.get('autoClean')).autoClean))
        .toMatchObject({ enabled });
      await options.close();
    };
    await setEnabled(false);
    await page.reload();
    await expectUntouched(page);
    await setEnabled(true);
    await page.reload();
    await expectCleaned(page);
  });

  it('picks an element, saves it, and hides it on every later visit', async () => {
    const { page, tabId } = await browser.openTab(articleUrl);
    await expectCleaned(page);
    const target = page.locator('.wa-channel');
    await expect(target.isVisible()).resolves.toBe(true);

    const popup = await openPopup(tabId);
    const closed = popup.waitForEvent('close').catch(() => undefined);
    await popup.getByRole('button', { name: 'Pilih elemen untuk disembunyikan' }).click();
    await closed;
    const panel = page.locator('baca-bersih-picker .panel');
    await panel.waitFor();

    // Esc cancels without saving.
    await page.keyboard.press('Escape');
    await expect(page.locator('baca-bersih-picker').count()).resolves.toBe(0);

    const restart = await browser.openExtensionPage(`/popup.html?tab=${tabId}&layout=popup`, POPUP);
    await restart.locator('.page-pick').click();
    await panel.waitFor();
    // Hover and click the channel note's icon, then widen to the whole note.
    const icon = page.locator('.wa-channel .wa-icon');
    await icon.scrollIntoViewIfNeeded();
    const box = (await icon.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await poll(() => page.locator('baca-bersih-picker .box').isVisible()).toBe(true);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const rule = panel.locator('.rule');
    const picked = async () => {
      const selector = (await rule.innerText()).replace(/^mojokerto\.disway\.id##/, '');
      return page.evaluate((s) => document.querySelector(s)?.className ?? null, selector);
    };
    await expect(picked()).resolves.toBe('wa-icon');
    await expect(panel.locator('.count').innerText()).resolves.toBe(
      'Elemen yang cocok di halaman ini: 1',
    );
    await panel.getByRole('button', { name: 'Perluas ke induk' }).click();
    await poll(picked).toBe('wa-channel');
    await expect(rule.innerText()).resolves.toMatch(/^mojokerto\.disway\.id##/);
    const selector = (await rule.innerText()).replace('mojokerto.disway.id##', '');
    await panel.getByRole('button', { name: 'Sembunyikan & simpan' }).click();
    await poll(() => target.isVisible()).toBe(false);
    await poll(() => inWorker(() => chrome.storage.local.get('pickerRules'))).toEqual({
      pickerRules: { 'mojokerto.disway.id': [selector] },
    });

    await page.reload();
    await expectCleaned(page);
    await poll(() => page.locator('.wa-channel').isVisible()).toBe(false);
    await poll(() => page.locator('.wa-channel').getAttribute('data-bb-hidden')).toBe('list');
  });
});

describe.skipIf(!existsSync(ABPINDO))('filter list downloads (../shared/filterlists)', () => {
  it('downloads a list with its ETag, and keeps its rules when a later download fails', async () => {
    const { page } = await browser.openTab(articleUrl);
    await expectCleaned(page);
    // ABPindo's generic `##.ad-bawah`: no regional rule or heuristic hides this one.
    const addListedAd = () =>
      page.evaluate(() => {
        const ad = document.createElement('section');
        ad.className = 'ad-bawah';
        ad.innerHTML = '<p>Promo spesial akhir tahun</p>';
        document.querySelector('.sidebar, aside, body')!.append(ad);
      });
    const adVisible = () => page.locator('section.ad-bawah').first().isVisible();
    await addListedAd();
    await page.waitForTimeout(500);
    await expect(adVisible()).resolves.toBe(true);

    listMode = 'ok';
    const url = server.url('/lists/abpindo.txt');
    await inWorker(
      (listUrl: string) =>
        chrome.storage.local.set({
          filterLists: [
            { id: 'abpindo', title: 'ABPindo', url: listUrl, enabled: true },
            {
              id: 'easylist',
              title: 'EasyList',
              url: 'https://easylist.to/easylist/easylist.txt',
              enabled: false,
            },
          ],
        }),
      url,
    );
    const status = () =>
      inWorker(async () => {
        const stored = await chrome.storage.local.get('filterListStatus');
        return (stored.filterListStatus as Record<string, Record<string, unknown>>)?.abpindo;
      });
    await poll(async () => (await status())?.url).toBe(url);
    await poll(async () => (await status())?.ruleCount).toBeGreaterThan(1000);
    expect((await status())?.etag).toMatch(/^"[0-9a-f]{16}"$/);
    // Open pages get the new rules without a reload.
    await poll(adVisible).toBe(false);

    const options = await browser.openExtensionPage('/options.html', { width: 1280, height: 900 });
    const row = options.locator('.filter-list[data-list="abpindo"]');
    await poll(() => row.locator('.filter-list-meta').innerText()).toMatch(/Diperbarui .* aturan/);
    const update = row.getByRole('button', { name: 'Perbarui ABPindo sekarang' });

    // Not modified: the ETag goes back, the server answers 304.
    await update.click();
    await poll(() => listRequests.at(-1)?.status).toBe(304);
    expect(listRequests.at(-1)?.ifNoneMatch).toBe((await status())?.etag);

    listMode = 'fail';
    await update.click();
    await expect(row.locator('.filter-list-error').innerText()).resolves.toBe(
      'Gagal memperbarui: server menjawab dengan kode 500. Salinan terakhir yang berhasil tetap dipakai.',
    );
    listMode = 'garbage';
    await update.click();
    await poll(() => row.locator('.filter-list-error').innerText()).toMatch(
      /^Gagal memperbarui: isinya bukan daftar filter\./,
    );
    await options.locator('#hiding').scrollIntoViewIfNeeded();
    await options.screenshot({ path: `${SHOTS}/options-hiding.png` });
    await options.close();

    // The last good copy still applies after a reload.
    await page.reload();
    await expectCleaned(page);
    await addListedAd();
    await poll(adVisible).toBe(false);
    listMode = 'ok';
  });
});
