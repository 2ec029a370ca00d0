import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import {
  badge,
  clickContextMenu,
  hiddenCount,
  inWorker,
  pickerPanel,
  type ChromeApi,
} from './autoclean-helpers';

const SHOTS = 'artifacts/e2e';
const HOST = 'mojokerto.disway.id';
/** The menu entry's id (lib/background/autoclean-picker.ts). */
const MENU_HIDE_ELEMENT = 'hide-element';
/** Waits up to 10 s: list rebuilds and worker wake-ups take a while on a busy machine. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

declare const chrome: ChromeApi;

let server: FixtureServer;
let browser: ExtensionBrowser;
let spaUrl: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startFixtureServer('tests/fixtures');
  spaUrl = server.url('/spa-news.html', HOST);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await inWorker(browser, async () => {
    await chrome.storage.sync.remove(['autoClean']);
    await chrome.storage.sync.set({ language: 'id' });
    await chrome.storage.local.remove(['sites', 'pickerRules', 'customRules']);
  });
  const [keep, ...rest] = browser.context.pages();
  for (const page of rest) await page.close();
  await keep?.goto('about:blank');
});

/** Whether each selector's elements show (false when none is on the page). */
function shown(page: Page, selectors: string[]) {
  return page.evaluate(
    (list) =>
      Object.fromEntries(
        list.map((s) => {
          const els = [...document.querySelectorAll(s)];
          return [s, els.length > 0 && els.some((el) => el.checkVisibility())];
        }),
      ),
    selectors,
  );
}

/** The story on screen: its number, and whether headline and every paragraph show. */
function story(page: Page) {
  return page.evaluate(() => {
    const article = document.querySelector('main#app > article');
    const parts = [
      article?.querySelector('h1.entry-title'),
      ...(article?.querySelectorAll('#article-body > p.story') ?? []),
    ];
    return {
      n: article?.getAttribute('data-story'),
      visible: parts.length === 5 && parts.every((el) => !!el && el.checkVisibility()),
    };
  });
}

describe('auto-clean on a single-page site', () => {
  it('hides the banners and the late overlay a pushState navigation brings, and updates the badge', async () => {
    const { page, tabId } = await browser.openTab(spaUrl);
    const first = ['.ads-top', '.banner-inarticle'];
    await poll(() => shown(page, first)).toEqual({ '.ads-top': false, '.banner-inarticle': false });
    await expect(story(page)).resolves.toEqual({ n: '1', visible: true });
    // List CSS hides them at once; the marks come with the first pass, in idle steps after paint.
    await poll(() => hiddenCount(page)).toBeGreaterThanOrEqual(2);
    const before = await hiddenCount(page);
    expect(before).toBeGreaterThanOrEqual(2);
    await poll(() => badge(browser, tabId)).toBe(String(before));

    await page.click('#next-story');
    await expect.poll(() => page.url()).toBe(server.url('/spa/berita-kedua', HOST));
    await expect(story(page)).resolves.toEqual({ n: '2', visible: true });
    const second = ['.ads-inarticle', '.sidebar-banner', '#promo-overlay'];
    // The overlay comes 700 ms after the navigation; everything it brought ends up hidden.
    await poll(() => shown(page, second)).toEqual({
      '.ads-inarticle': false,
      '.sidebar-banner': false,
      '#promo-overlay': false,
    });
    await poll(() =>
      page.evaluate(() => document.documentElement.hasAttribute('data-bb-unlock')),
    ).toBe(true);
    await expect(story(page)).resolves.toEqual({ n: '2', visible: true });
    await expect(shown(page, ['.ads-top'])).resolves.toEqual({ '.ads-top': false });

    // Story 1's in-article banner left with it; story 2 brought three hidden elements.
    const after = await hiddenCount(page);
    expect(after).toBe(before - 1 + 3);
    await poll(() => badge(browser, tabId)).toBe(String(after));
    await page.screenshot({ path: `${SHOTS}/spa-after-navigation.png`, fullPage: true });

    // Back: story 1 again, its banner hidden again, the count follows.
    await page.goBack();
    await expect.poll(() => story(page)).toEqual({ n: '1', visible: true });
    await poll(() => shown(page, first)).toEqual({ '.ads-top': false, '.banner-inarticle': false });
    await poll(() => badge(browser, tabId)).toBe(String(before));
  });
});

describe('element picker from the context menu', () => {
  it('opens on the right-clicked element, previews its selector, saves it for the site', async () => {
    const { page, tabId } = await browser.openTab(spaUrl);
    await poll(() => shown(page, ['.banner-inarticle'])).toEqual({ '.banner-inarticle': false });
    const strip = page.locator('.promo-strip');
    await expect(strip.isVisible()).resolves.toBe(true);

    const picked = async (selector: string) =>
      page.evaluate((s) => [...document.querySelectorAll(s)].map((el) => el.className), selector);

    // The menu, opened on the site header: the picker starts with the right-clicked element.
    await page.locator('body > header').click({ button: 'right' });
    await clickContextMenu(browser, tabId, MENU_HIDE_ELEMENT, page.url());
    const picker = pickerPanel(page, HOST);
    await picker.panel.waitFor();
    await poll(() => picker.rule.isVisible()).toBe(true);
    await expect(picker.rule.innerText()).resolves.toMatch(new RegExp(`^${HOST}##`));
    await expect(
      picker.selector().then((s) => page.evaluate((q) => document.querySelector(q)?.tagName, s)),
    ).resolves.toBe('HEADER');

    // The reader clicks the promo line instead: the preview follows.
    const box = (await strip.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await poll(async () => picked(await picker.selector())).toEqual(['promo-strip']);
    const selector = await picker.selector();
    await expect(picker.panel.locator('.count').innerText()).resolves.toBe(
      'Elemen yang cocok di halaman ini: 1',
    );
    await page.screenshot({ path: `${SHOTS}/picker-context-menu.png` });

    await picker.save();
    await poll(() => strip.isVisible()).toBe(false);
    await poll(() => inWorker(browser, () => chrome.storage.local.get('pickerRules'))).toEqual({
      pickerRules: { [HOST]: [selector] },
    });
    await expect(page.locator('baca-bersih-picker').count()).resolves.toBeLessThanOrEqual(1);

    // A later visit: the saved rule hides it, the story stays.
    await page.reload();
    await poll(() => page.locator('.promo-strip').getAttribute('data-bb-hidden')).toBe('list');
    await expect(page.locator('.promo-strip').isVisible()).resolves.toBe(false);
    await expect(story(page)).resolves.toEqual({ n: '1', visible: true });
  });
});
