/**
 * Store screenshots, 1280×800, in Bahasa Indonesia and English: docs/store/{id,en}-*.png.
 * The popup cannot be photographed over its page, so that shot is composed from two: the cleaned
 * page, and the popup drawn where the browser shows it, under the toolbar on the right.
 */

import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  setSyncSettings,
  type ExtensionBrowser,
  READER_SETTLED,
} from '../../scripts/lib/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { defaultSettings } from '../../lib/settings/schema';

const OUT = 'docs/store';
const STORE = { width: 1280, height: 800 };
const POPUP = { width: 780, height: 580 };
const LANGUAGES = ['id', 'en'] as const;

let server: FixtureServer;
let browser: ExtensionBrowser;
let articleUrl: string;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startFixtureServer('tests/fixtures');
  browser = await launchWithExtension();
  articleUrl = server.url('/disway-article.html', 'mojokerto.disway.id');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  // One blank page stays, so the browser keeps a window to open tabs in.
  const blank = await browser.context.newPage();
  for (const page of browser.context.pages()) if (page !== blank) await page.close();
});

async function useSettings(language: 'id' | 'en', theme: 'light' | 'dark' = 'light') {
  await setSyncSettings(browser, { language, reader: { ...defaultSettings().reader, theme } });
}

/** Settled: settings applied, images decoded, no hover, no focus ring, no caret. */
async function settle(page: Page, language: string, theme: string) {
  await page.waitForFunction(
    ([lang, wanted]) =>
      document.documentElement.lang === lang && document.documentElement.dataset.theme === wanted,
    [language, theme],
  );
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(
      Array.from(document.images).map((img) => img.decode().catch(() => undefined)),
    );
    (document.activeElement as HTMLElement | null)?.blur();
  });
  await page.mouse.move(0, STORE.height - 1);
  await page.waitForTimeout(300);
}

async function openReader(layout: 'popup' | 'tab'): Promise<{ page: Page; source: Page }> {
  const { page: source, tabId } = await browser.openTab(articleUrl);
  const page = await browser.openExtensionPage(
    `/popup.html?tab=${tabId}&layout=${layout}`,
    layout === 'popup' ? POPUP : STORE,
  );
  await page.waitForSelector(READER_SETTLED);
  return { page, source };
}

/** The popup over the page, with the browser's drop shadow, 8px under the top right corner. */
async function compose(pageShot: Buffer, popupShot: Buffer, path: string) {
  const canvas = await browser.context.newPage();
  await canvas.setViewportSize(STORE);
  const png = (buffer: Buffer) => `data:image/png;base64,${buffer.toString('base64')}`;
  await canvas.setContent(`<!doctype html>
    <body style="margin:0;width:${STORE.width}px;height:${STORE.height}px;overflow:hidden;
      background:url(${png(pageShot)}) no-repeat">
      <img src="${png(popupShot)}" alt="" style="position:absolute;top:8px;right:16px;
        width:${POPUP.width}px;height:${POPUP.height}px;border-radius:8px;
        box-shadow:0 2px 6px rgb(0 0 0 / 25%),0 12px 40px rgb(0 0 0 / 30%)">
    </body>`);
  await canvas.evaluate(() => document.images[0].decode());
  await canvas.screenshot({ path });
  await canvas.close();
}

describe('store screenshots', () => {
  for (const language of LANGUAGES) {
    it(`shows the full-tab reader (${language})`, async () => {
      await useSettings(language);
      const { page } = await openReader('tab');
      await settle(page, language, 'light');
      await page.screenshot({ path: `${OUT}/${language}-1-reader.png` });
    });

    it(`shows the popup over the cleaned page (${language})`, async () => {
      await useSettings(language);
      const { page, source } = await openReader('popup');
      await source.setViewportSize(STORE);
      // Auto-clean has hidden the banners: the popup says how many.
      await page.locator('.page-hidden').waitFor();
      await settle(page, language, 'light');
      await source.bringToFront();
      await source.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
      await source.waitForTimeout(300);
      const pageShot = await source.screenshot();
      const popupShot = await page.screenshot();
      await compose(pageShot, popupShot, `${OUT}/${language}-2-popup.png`);
    });

    it(`shows the cleaned page (${language})`, async () => {
      await useSettings(language);
      const { page, tabId } = await browser.openTab(articleUrl);
      await page.setViewportSize(STORE);
      // The toolbar badge counts what auto-clean hid: it is done.
      await expect.poll(() => badgeText(tabId), { timeout: 10_000 }).toMatch(/^\d+$/);
      await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/${language}-3-cleaned-page.png` });
    });

    it(`shows the settings page (${language})`, async () => {
      await useSettings(language);
      const page = await browser.openExtensionPage('/options.html', STORE);
      await page.locator('#autoclean-enabled').waitFor();
      await settle(page, language, 'light');
      await page.screenshot({ path: `${OUT}/${language}-4-settings.png` });
    });

    it(`shows the reader in the dark theme (${language})`, async () => {
      await useSettings(language, 'dark');
      const { page } = await openReader('tab');
      await settle(page, language, 'dark');
      await page.locator('aside.summary .key-point').nth(1).click();
      await page.locator('mark.bb-highlight').first().waitFor();
      await page.waitForTimeout(800);
      await page.mouse.move(0, STORE.height - 1);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: `${OUT}/${language}-5-reader-dark.png` });
    });
  }

  it('wrote 1280×800 images', () => {
    for (const language of LANGUAGES) {
      for (const name of ['1-reader', '2-popup', '3-cleaned-page', '4-settings', '5-reader-dark']) {
        const png = readFileSync(`${OUT}/${language}-${name}.png`);
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 800]);
      }
    }
  });
});

function badgeText(tabId: number): Promise<string> {
  return browser.worker.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: { action: ActionApi } }).chrome;
    return api.action.getBadgeText({ tabId: id });
  }, tabId);
}

interface ActionApi {
  getBadgeText(details: { tabId: number }): Promise<string>;
}
