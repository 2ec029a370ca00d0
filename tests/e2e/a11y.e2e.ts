/**
 * Accessibility: axe-core on the popup reader, the full-tab reader and the options page, in
 * every theme, failing on serious or critical violations; and keyboard focus that shows.
 */

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
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

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const POPUP = { width: 780, height: 580 };
const FULL_TAB = { width: 1280, height: 800 };
const OPTIONS = { width: 1280, height: 900 };
const BLOCKING = new Set(['serious', 'critical']);

type Theme = 'light' | 'dark' | 'sepia';

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}
interface AxeWindow {
  axe: {
    run(context: Document, options: object): Promise<{ violations: AxeViolation[] }>;
  };
}

let server: FixtureServer;
let browser: ExtensionBrowser;
let articleUrl: string;

beforeAll(async () => {
  server = await startFixtureServer('tests/fixtures');
  browser = await launchWithExtension();
  articleUrl = server.url('/disway-article.html', 'mojokerto.disway.id');
});

let activeTheme: Theme = 'light';

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  // One blank page stays, so the browser keeps a window to open tabs in.
  const blank = await browser.context.newPage();
  for (const page of browser.context.pages()) if (page !== blank) await page.close();
});

async function useSettings(wanted: Theme, language: 'id' | 'en' = 'id') {
  activeTheme = wanted;
  const reader = { ...defaultSettings().reader, theme: wanted };
  await setSyncSettings(browser, { language, reader });
}

/** axe-core on the whole page; returns every violation, and prints them. */
async function axe(page: Page, label: string): Promise<AxeViolation[]> {
  // Extension pages forbid inline scripts; injecting through the debugger is not subject to it.
  await page.addScriptTag({ path: AXE_PATH }).catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  }
  const { violations } = await page.evaluate(() =>
    (window as unknown as AxeWindow).axe.run(document, {
      resultTypes: ['violations'],
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    }),
  );
  for (const violation of violations) {
    const where = violation.nodes
      .slice(0, 5)
      .map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary ?? ''}`)
      .join('\n');
    console.log(
      `[axe ${label}] ${violation.impact}: ${violation.id} (${violation.help})\n${where}`,
    );
  }
  return violations;
}

function blocking(violations: AxeViolation[]) {
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      id: violation.id,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

async function openReader(layout: 'popup' | 'tab', url = articleUrl): Promise<Page> {
  const { tabId } = await browser.openTab(url);
  const reader = await browser.openExtensionPage(
    `/popup.html?tab=${tabId}&layout=${layout}`,
    layout === 'popup' ? POPUP : FULL_TAB,
  );
  await reader.waitForSelector(READER_SETTLED);
  // Theme and language are applied once settings are read; let transitions settle.
  await reader.waitForFunction(
    (wanted) => document.documentElement.dataset.theme === wanted,
    activeTheme,
  );
  await reader.waitForTimeout(300);
  return reader;
}

async function openOptions(): Promise<Page> {
  const page = await browser.openExtensionPage('/options.html', OPTIONS);
  await page.locator('#autoclean-enabled').waitFor();
  await page.waitForFunction(
    (wanted) => document.documentElement.dataset.theme === wanted,
    activeTheme,
  );
  await page.waitForTimeout(300);
  return page;
}

/**
 * Tabs through the page: every stop must draw a visible focus indicator (an outline or a ring
 * drawn with box-shadow), and nothing may trap the focus before the stops run out.
 */
async function focusStops(page: Page, limit = 60) {
  const stops: { name: string; visible: boolean }[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
      const ring = style.boxShadow !== 'none';
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
      return { name, visible: outline || ring };
    });
    if (!stop) break;
    stops.push({ name: stop.name, visible: stop.visible });
  }
  return stops;
}

describe('popup reader', () => {
  for (const theme of ['light', 'dark', 'sepia'] as const) {
    it(`has no serious or critical axe violations in the ${theme} theme`, async () => {
      await useSettings(theme);
      const reader = await openReader('popup');
      const status = reader.locator('.status');
      const state = (await status.count()) ? await status.getAttribute('data-state') : null;
      const violations = await axe(reader, `popup ${theme}${state ? ` (${state})` : ''}`);
      expect(blocking(violations)).toEqual([]);
    });
  }

  it('has no serious or critical violations when the page is not an article', async () => {
    await useSettings('light');
    const reader = await openReader(
      'popup',
      server.url('/disway-homepage.html', 'mojokerto.disway.id'),
    );
    expect(blocking(await axe(reader, 'popup homepage'))).toEqual([]);
  });

  it('can be used from the keyboard, with a visible focus at every stop', async () => {
    await useSettings('light');
    const reader = await openReader('popup');
    const stops = await focusStops(reader);
    expect(stops.length).toBeGreaterThan(3);
    expect(stops.filter((stop) => !stop.visible)).toEqual([]);
  });
});

/** A speechSynthesis that records what it is asked to say; `__finish()` ends the utterance. */
const FAKE_SPEECH = `
  window.__spoken = [];
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      speak(u) { window.__spoken.push({ text: u.text, lang: u.lang }); window.__current = u; },
      cancel() {
        const u = window.__current;
        window.__current = null;
        if (u && u.onerror) u.onerror({ error: 'interrupted' });
      },
      getVoices: () => [],
    },
  });
  window.__finish = () => {
    const u = window.__current;
    window.__current = null;
    if (u && u.onend) u.onend({});
  };
`;

describe('read aloud', () => {
  it('is operated from the keyboard and highlights the sentence being read', async () => {
    await useSettings('light');
    const { tabId } = await browser.openTab(articleUrl);
    const reader = await browser.context.newPage();
    await reader.setViewportSize(POPUP);
    await reader.addInitScript(FAKE_SPEECH);
    await reader.goto(
      `chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}&layout=popup`,
    );
    await reader.waitForSelector('.reader-article');
    const listen = reader.locator('button.read-aloud');
    await listen.focus();
    await reader.keyboard.press('Enter');
    await expect(listen.innerText()).resolves.toBe('Jeda');
    // The title is read first, in Indonesian, and marked in the article.
    const title = await reader.locator('.article-title').innerText();
    await expect(reader.locator('mark.bb-highlight').first().innerText()).resolves.toBe(title);
    await reader.evaluate('window.__finish()');
    const spoken = (await reader.evaluate('window.__spoken')) as { text: string; lang: string }[];
    expect(spoken.map((s) => s.lang)).toEqual(['id-ID', 'id-ID']);
    const marked = (await reader.locator('mark.bb-highlight').allInnerTexts()).join('');
    expect(marked.replace(/\s+/g, ' ').trim()).toBe(spoken[1].text);

    await reader.keyboard.press('Enter');
    await expect(listen.innerText()).resolves.toBe('Lanjutkan');
    await reader.keyboard.press('Enter');
    await expect(listen.innerText()).resolves.toBe('Jeda');
    expect(blocking(await axe(reader, 'popup reading aloud'))).toEqual([]);
    await reader.locator('.read-aloud-stop').click();
    await expect(listen.innerText()).resolves.toBe('Dengarkan');
    await expect(reader.locator('mark.bb-highlight').count()).resolves.toBe(0);
    await expect(reader.evaluate(() => document.activeElement?.className)).resolves.toContain(
      'read-aloud',
    );
  });
});

describe('full-tab reader', () => {
  for (const theme of ['light', 'dark', 'sepia'] as const) {
    it(`has no serious or critical axe violations in the ${theme} theme`, async () => {
      await useSettings(theme);
      const reader = await openReader('tab');
      const violations = await axe(reader, `full tab ${theme}`);
      expect(blocking(violations)).toEqual([]);
    });
  }

  it('keeps highlighted text readable in every theme', async () => {
    for (const theme of ['light', 'dark', 'sepia'] as const) {
      await useSettings(theme);
      const reader = await openReader('tab');
      const point = reader.locator('aside.summary .key-point').first();
      if (!(await point.count())) continue;
      await point.click();
      await reader.locator('mark.bb-highlight').first().waitFor();
      await reader.waitForTimeout(600);
      expect(blocking(await axe(reader, `full tab ${theme}, highlighted`))).toEqual([]);
      await reader.close();
    }
  });

  it('has its landmarks: banner, main with the article, complementary summary', async () => {
    await useSettings('light');
    const reader = await openReader('tab');
    await expect(reader.getByRole('banner').count()).resolves.toBe(1);
    await expect(reader.getByRole('main').count()).resolves.toBe(1);
    if (await reader.locator('.reader-article').count()) {
      await expect(reader.locator('main article').count()).resolves.toBe(1);
      await expect(reader.getByRole('complementary').count()).resolves.toBe(1);
    }
  });
});

describe('options page', () => {
  for (const theme of ['light', 'dark', 'sepia'] as const) {
    it(`has no serious or critical axe violations in the ${theme} theme`, async () => {
      await useSettings(theme);
      const page = await openOptions();
      const violations = await axe(page, `options ${theme}`);
      expect(blocking(violations)).toEqual([]);
    });
  }

  it('has none with an error shown and the reset dialog open, in the dark theme', async () => {
    await useSettings('dark');
    const page = await openOptions();
    await page.locator('#site-add-host').fill('bukan situs');
    await page.locator('#auto-clean .site-add button[type="submit"]').click();
    await page.locator('#site-add-error').waitFor();
    expect(blocking(await axe(page, 'options dark, invalid site'))).toEqual([]);
    await page.locator('#data .danger-outline').click();
    await page.locator('dialog.confirm-dialog[open]').waitFor();
    expect(blocking(await axe(page, 'options dark, reset dialog'))).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('shows the keyboard focus at every stop', async () => {
    await useSettings('light');
    const page = await openOptions();
    const stops = await focusStops(page, 40);
    expect(stops.length).toBeGreaterThan(10);
    expect(stops.filter((stop) => !stop.visible)).toEqual([]);
  });
});
