import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  launchWithExtension,
  type ExtensionBrowser,
  READER_SETTLED,
} from '../../scripts/lib/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';

const SHOTS = 'docs/screenshots';
const POPUP = { width: 780, height: 580 };
const FULL_TAB = { width: 1280, height: 800 };

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startFixtureServer('tests/fixtures');
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openReader(url: string, layout: 'popup' | 'tab' = 'popup') {
  const { tabId } = await browser.openTab(url);
  const reader = await browser.openExtensionPage(
    `/popup.html?tab=${tabId}&layout=${layout}`,
    layout === 'popup' ? POPUP : FULL_TAB,
  );
  await reader.waitForSelector(READER_SETTLED);
  return { reader, tabId };
}

function articleText(reader: Page) {
  return reader.locator('article.reader-article').innerText();
}

describe('toolbar reader', () => {
  it('shows the disway fixture article clean, with its summary sidebar', async () => {
    const { reader } = await openReader(server.url('/disway-article.html', 'mojokerto.disway.id'));
    await expect(reader.locator('article .article-title').innerText()).resolves.toMatch(/\S{4,}/);
    const text = await articleText(reader);
    expect(text.length).toBeGreaterThan(2500);
    expect(text).not.toMatch(/BACA JUGA/i);
    expect(text).not.toMatch(/ADVERTISEMENT|SCROLL TO CONTINUE/i);
    expect(text).not.toMatch(/^\s*Sumber:\s*$/im);
    expect(text).not.toMatch(/Berita Terkait/i);
    await expect(
      reader.locator('article img[alt*="OJOL" i], article img[alt*="speedcash" i]').count(),
    ).resolves.toBe(0);
    await expect(
      reader.locator('article script, article iframe, article [onclick]').count(),
    ).resolves.toBe(0);
    await expect(reader.locator('article img').count()).resolves.toBeGreaterThan(0);

    const links = reader.locator('article .article-body a[href]');
    for (const link of await links.all()) {
      await expect(link.getAttribute('target')).resolves.toBe('_blank');
      await expect(link.getAttribute('rel')).resolves.toContain('noopener');
    }

    const points = reader.locator('aside.summary .key-point');
    const count = await points.count();
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThanOrEqual(5);
    for (const point of await points.all()) {
      expect(text.replace(/\s+/g, ' ')).toContain(
        (await point.innerText()).replace(/\s+/g, ' ').trim(),
      );
    }
    await expect(reader.locator('aside.summary .summary-stats').innerText()).resolves.toMatch(
      /\d+ menit baca/,
    );
    await reader.screenshot({ path: `${SHOTS}/popup-reader.png` });
    await reader.close();
  });

  it('jumps to and highlights a key point when it is clicked', async () => {
    const { reader } = await openReader(server.url('/disway-article.html', 'mojokerto.disway.id'));
    const points = reader.locator('aside.summary .key-point');
    const last = points.last();
    const wanted = (await last.innerText()).replace(/\s+/g, ' ').trim();
    await last.click();
    const marks = reader.locator('article mark.bb-highlight');
    await expect(marks.count()).resolves.toBeGreaterThan(0);
    const marked = (await marks.allInnerTexts()).join('').replace(/\s+/g, ' ').trim();
    expect(marked).toBe(wanted);
    await expect(last.getAttribute('aria-current')).resolves.toBe('true');
    // Smooth scrolling settles, then the highlight sits inside the visible article column.
    await reader.waitForFunction(() => {
      const mark = document.querySelector('mark.bb-highlight')!.getBoundingClientRect();
      const column = document.querySelector('.reader-main')!.getBoundingClientRect();
      return mark.top >= column.top && mark.bottom <= column.bottom;
    });
    await reader.screenshot({ path: `${SHOTS}/popup-key-point.png` });
    await reader.close();
  });

  it('jumps to and highlights a key fact when its chip is clicked', async () => {
    const { reader } = await openReader(server.url('/disway-article.html', 'mojokerto.disway.id'));
    const chips = reader.locator('aside.summary .fact-chip');
    expect(await chips.count()).toBeGreaterThan(0);
    const chip = chips.last();
    const wanted = (await chip.innerText()).replace(/\s+/g, ' ').trim();
    await chip.click();
    const marked = (await reader.locator('article mark.bb-highlight').allInnerTexts())
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    expect(marked).toBe(wanted);
    await expect(chip.getAttribute('aria-current')).resolves.toBe('true');
    await reader.waitForFunction(() => {
      const mark = document.querySelector('mark.bb-highlight')!.getBoundingClientRect();
      const column = document.querySelector('.reader-main')!.getBoundingClientRect();
      return mark.top >= column.top && mark.bottom <= column.bottom;
    });
    await reader.close();
  });

  it('says there is no article on a homepage, and can try anyway', async () => {
    const { reader } = await openReader(server.url('/disway-homepage.html', 'mojokerto.disway.id'));
    await expect(reader.locator('.status').getAttribute('data-state')).resolves.toBe('not-article');
    await expect(reader.locator('.status-card h1').innerText()).resolves.toContain(
      'Tidak ada artikel',
    );
    await reader.screenshot({ path: `${SHOTS}/popup-no-article.png` });
    await reader.getByRole('button', { name: 'Coba tetap baca' }).click();
    await reader.waitForSelector('.reader-article, .status[data-state="no-content"]');
    await reader.close();
  });

  it('treats a very short page as no article', async () => {
    const { reader } = await openReader(server.url('/short-page.html', 'contoh.example'));
    await expect(reader.locator('.status').getAttribute('data-state')).resolves.toMatch(
      /not-article|no-content/,
    );
    await reader.close();
  });

  it('explains that browser pages cannot be read', async () => {
    const { reader } = await openReader('chrome://version/');
    await expect(reader.locator('.status').getAttribute('data-state')).resolves.toBe('restricted');
    await expect(reader.locator('.status-card h1').innerText()).resolves.toContain(
      'tidak bisa dibaca',
    );
    await reader.screenshot({ path: `${SHOTS}/popup-restricted.png` });
    await reader.close();
  });
});

describe('popup page', () => {
  it("fetches the reader view's code beside its own scripts (a modulepreload link)", () => {
    const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map(
      (match) => readFileSync(join(EXTENSION_DIR, match[1]), 'utf8'),
    );
    // The reader view's chunk is the one that renders the article.
    expect(preloaded.some((code) => code.includes('reader-article'))).toBe(true);
  });
});

describe('full-tab reader', () => {
  it('opens from the popup button in a tab of its own', async () => {
    const { reader, tabId } = await openReader(
      server.url('/disway-article.html', 'mojokerto.disway.id'),
    );
    const opened = browser.context.waitForEvent('page');
    await reader.getByRole('button', { name: 'Buka di tab penuh' }).click();
    const tab = await opened;
    await tab.setViewportSize(FULL_TAB);
    await tab.waitForSelector(READER_SETTLED);
    expect(new URL(tab.url()).searchParams.get('tab')).toBe(String(tabId));
    await expect(tab.locator('html').getAttribute('data-mode')).resolves.toBe('tab');
    await expect(tab.locator('aside.summary .key-point').count()).resolves.toBeGreaterThanOrEqual(
      3,
    );
    await expect(tab.title()).resolves.toContain('Baca Bersih');
    await tab.screenshot({ path: `${SHOTS}/full-tab-reader.png` });
    await tab.close();
  });
});
