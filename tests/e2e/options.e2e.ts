import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  type ExtensionBrowser,
  READER_SETTLED,
} from '../../scripts/lib/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { defaultSettings, SECTIONS, SETTINGS_VERSION } from '../../lib/settings/schema';
import en from '../../public/_locales/en/messages.json';
import id from '../../public/_locales/id/messages.json';

const SHOTS = 'docs/screenshots';
const OPTIONS_VIEWPORT = { width: 1280, height: 900 };
const POPUP = { width: 780, height: 580 };
const LIGHT_BG = 'rgb(251, 250, 247)';
const DARK_BG = 'rgb(21, 23, 27)';
const SECTION_AREAS = Object.entries(SECTIONS).map(([name, { area }]) => [name, area] as const);
const SYNC_KEYS = SECTION_AREAS.filter(([, area]) => area === 'sync').map(([name]) => name);
const LOCAL_KEYS = SECTION_AREAS.filter(([, area]) => area === 'local').map(([name]) => name);

/** The chrome.storage calls made from test code, inside extension pages. */
interface ChromeStorageApi {
  storage: {
    sync: StorageAreaApi;
    local: StorageAreaApi;
  };
}
interface StorageAreaApi {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

let server: FixtureServer;
let browser: ExtensionBrowser;
let articleUrl: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startFixtureServer('tests/fixtures');
  browser = await launchWithExtension();
  articleUrl = server.url('/disway-article.html', 'mojokerto.disway.id');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  // Every test starts from the defaults (only settings keys are removed), in Bahasa Indonesia
  // whatever language the test browser reports.
  await browser.worker.evaluate(
    async ([syncKeys, localKeys]) => {
      const api = (globalThis as unknown as { chrome: ChromeStorageApi }).chrome;
      await Promise.all([api.storage.sync.remove(syncKeys), api.storage.local.remove(localKeys)]);
      await api.storage.sync.set({ language: 'id' });
    },
    [SYNC_KEYS, LOCAL_KEYS],
  );
  for (const page of browser.context.pages()) await page.close();
});

async function openOptions(): Promise<Page> {
  const page = await browser.openExtensionPage('/options.html', OPTIONS_VIEWPORT);
  await page.locator('#autoclean-enabled').waitFor();
  return page;
}

/** Every stored settings section, read the way the extension stores them. */
async function storedSettings(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    async ([syncKeys, localKeys]) => {
      const api = (globalThis as unknown as { chrome: ChromeStorageApi }).chrome;
      const [sync, local] = await Promise.all([
        api.storage.sync.get(syncKeys),
        api.storage.local.get(localKeys),
      ]);
      return { ...sync, ...local };
    },
    [SYNC_KEYS, LOCAL_KEYS],
  );
}

/** Waits until storage holds `expected` for one section. */
async function waitForStored(page: Page, section: string, expected: unknown) {
  await expect
    .poll(async () => (await storedSettings(page))[section], { timeout: 5_000 })
    .toEqual(expected);
}

async function openReader(): Promise<Page> {
  const { tabId } = await browser.openTab(articleUrl);
  const reader = await browser.openExtensionPage(`/popup.html?tab=${tabId}&layout=popup`, POPUP);
  await reader.waitForSelector(READER_SETTLED);
  return reader;
}

/** The catalog a page with the language setting "system" uses for this browser. */
async function systemMessages(page: Page) {
  const language = await page.evaluate(() => navigator.language);
  return /^en\b/i.test(language) ? en : id;
}

function backgroundOf(page: Page) {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/** Once the "Saved" notice has gone; sticky bars are drawn where the page is, so from the top. */
async function shootFullPage(page: Page, path: string) {
  await page.locator('.save-status:empty').waitFor({ state: 'attached', timeout: 5_000 });
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await page.screenshot({ path, fullPage: true });
}

/** Fills the add-a-site form by id, so it works in either interface language. */
async function addSite(page: Page, host: string, mode: 'always' | 'never') {
  await page.locator('#site-add-host').fill(host);
  await page.locator('#site-add-mode').selectOption(mode);
  await page.locator('#auto-clean .site-add button[type="submit"]').click();
}

describe('options page', () => {
  it('opens in a tab with its title, every section, and labelled controls', async () => {
    const page = await openOptions();
    await expect.poll(() => page.title()).toBe('Pengaturan Baca Bersih');
    const headings = await page.locator('.options-card > h2').allInnerTexts();
    const built = ['Pembersihan otomatis', 'Pembaca', 'Ringkasan', 'Bahasa antarmuka', 'Data'];
    // Other sections (hiding rules) may sit between these; these keep their order.
    expect(headings.filter((heading) => built.includes(heading))).toEqual(built);
    const manifest = await browser.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { getManifest(): unknown } } }
      ).chrome.runtime.getManifest(),
    );
    expect(manifest).toMatchObject({ options_ui: { page: 'options.html', open_in_tab: true } });

    const named = [
      ['switch', 'Bersihkan halaman otomatis'],
      ['switch', 'Kenali iklan yang lolos dari daftar filter'],
      ['radiogroup', 'Berlaku di'],
      ['radiogroup', 'Tema'],
      ['radiogroup', 'Jenis huruf'],
      ['slider', 'Ukuran teks'],
      ['radiogroup', 'Lebar baris'],
      ['switch', 'Tampilkan gambar'],
      ['radiogroup', 'Buka pembaca di'],
      ['switch', 'Tampilkan ringkasan'],
      ['combobox', 'Jumlah poin penting'],
      ['switch', 'Tampilkan perkiraan waktu baca'],
      ['switch', 'Pakai peringkas bawaan browser jika tersedia'],
      ['radiogroup', 'Bahasa'],
      ['textbox', 'Nama situs'],
    ] as const;
    for (const [role, name] of named) {
      await expect(
        page.getByRole(role, { name, exact: true }).count(),
        `${role} ${name}`,
      ).resolves.toBe(1);
    }
    // The one switch that is off by default, with help text that says it stays on the device.
    const builtIn = page.getByRole('switch', {
      name: 'Pakai peringkas bawaan browser jika tersedia',
    });
    await expect(builtIn.isChecked()).resolves.toBe(false);
    await expect(builtIn.getAttribute('aria-describedby')).resolves.toBe('summary-built-in-help');
    await expect(page.locator('#summary-built-in-help').innerText()).resolves.toMatch(
      /di perangkat Anda/,
    );
  });

  it('saves a change at once, reachable and operable from the keyboard', async () => {
    const page = await openOptions();
    let focusedId = '';
    for (let presses = 0; presses < 30 && focusedId !== 'autoclean-enabled'; presses++) {
      await page.keyboard.press('Tab');
      focusedId = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focusedId).toBe('autoclean-enabled');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).toBe('solid');

    await page.keyboard.press('Space');
    const master = page.getByRole('switch', { name: 'Bersihkan halaman otomatis' });
    await expect(master.isChecked()).resolves.toBe(false);
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    await waitForStored(page, 'autoClean', { ...defaultSettings().autoClean, enabled: false });
    // Settings that depend on the master toggle are switched off with it.
    await expect(page.getByRole('radio', { name: 'Semua situs' }).isDisabled()).resolves.toBe(true);
  });

  it('follows settings changed elsewhere without a reload', async () => {
    const page = await openOptions();
    const other = await openOptions();
    await other.getByRole('radio', { name: 'Gelap' }).check();
    await other.getByLabel('Jumlah poin penting').selectOption('5');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await expect(page.getByRole('radio', { name: 'Gelap' }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Jumlah poin penting').inputValue()).resolves.toBe('5');
  });

  it('applies the theme to the reader, live', async () => {
    const page = await openOptions();
    await page.getByRole('radio', { name: 'Terang' }).check();
    await waitForStored(page, 'reader', { ...defaultSettings().reader, theme: 'light' });
    const reader = await openReader();
    await expect(backgroundOf(reader)).resolves.toBe(LIGHT_BG);

    await page.getByRole('radio', { name: 'Gelap' }).check();
    await reader.waitForFunction(
      (dark) => getComputedStyle(document.body).backgroundColor === dark,
      DARK_BG,
    );
    await expect(backgroundOf(page)).resolves.toBe(DARK_BG);
  });

  it('shows the chosen number of key points in the reader', async () => {
    const page = await openOptions();
    const keyPoints = page.getByLabel('Jumlah poin penting');
    await keyPoints.selectOption({ label: '3 poin' });
    await waitForStored(page, 'summary', { ...defaultSettings().summary, keyPoints: 3 });
    const reader = await openReader();
    await expect(reader.locator('aside.summary .key-point').count()).resolves.toBe(3);

    await keyPoints.selectOption({ label: '7 poin' });
    // The fixture article has well over seven sentences, so all seven fit.
    await reader.waitForFunction(
      () => document.querySelectorAll('aside.summary .key-point').length === 7,
    );
  });

  it('switches the interface language of this page and of the reader', async () => {
    const page = await openOptions();
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('switch', { name: 'Auto-clean pages', exact: true }).waitFor();
    await expect(page.locator('h1').innerText()).resolves.toBe('Settings');
    await expect(page.title()).resolves.toBe('Baca Bersih settings');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');

    const reader = await openReader();
    await expect(reader.locator('#summary-heading').innerText()).resolves.toBe(
      en.summaryHeading.message,
    );
    await reader.getByRole('button', { name: en.openFullTab.message }).waitFor();

    await page.getByRole('radio', { name: 'Bahasa Indonesia' }).check();
    await page.getByRole('switch', { name: 'Bersihkan halaman otomatis', exact: true }).waitFor();
    await reader.getByRole('button', { name: 'Buka di tab penuh' }).waitFor();
  });

  it('keeps every kind of setting across a reload', async () => {
    const page = await openOptions();
    await page.getByRole('radio', { name: 'Semua situs' }).check();
    await page
      .getByRole('switch', { name: 'Kenali iklan yang lolos dari daftar filter' })
      .uncheck();
    await page.getByRole('switch', { name: 'Bersihkan halaman otomatis' }).uncheck();
    await page.getByRole('radio', { name: 'Sepia' }).check();
    await page.getByRole('radio', { name: 'Tanpa kait (sans-serif)' }).check();
    const textSize = page.getByRole('slider', { name: 'Ukuran teks' });
    await textSize.focus();
    for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowRight');
    await expect(page.locator('#reader .range-value').innerText()).resolves.toBe('21 px');
    await page.getByRole('radio', { name: 'Lebar', exact: true }).check();
    await page.getByRole('switch', { name: 'Tampilkan gambar' }).uncheck();
    await page.getByRole('radio', { name: 'Tab penuh' }).check();
    await page.getByLabel('Jumlah poin penting').selectOption('5');
    await page.getByRole('switch', { name: 'Tampilkan perkiraan waktu baca' }).uncheck();
    await page
      .getByRole('switch', { name: 'Pakai peringkas bawaan browser jika tersedia' })
      .check();
    await addSite(page, 'mojokerto.disway.id', 'never');

    const expected = {
      autoClean: { enabled: false, scope: 'all-sites', heuristics: false },
      reader: {
        theme: 'sepia',
        font: 'sans',
        textSize: 21,
        lineWidth: 'wide',
        showImages: false,
        openIn: 'tab',
        mergePages: true,
      },
      summary: { enabled: true, keyPoints: 5, showReadingTime: false, useBuiltInSummarizer: true },
      sites: { 'mojokerto.disway.id': 'never' },
    };
    for (const [section, value] of Object.entries(expected))
      await waitForStored(page, section, value);

    await page.reload();
    await page.locator('#autoclean-enabled').waitFor();
    await expect(
      page.getByRole('switch', { name: 'Bersihkan halaman otomatis' }).isChecked(),
    ).resolves.toBe(false);
    await expect(page.getByRole('radio', { name: 'Semua situs' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('radio', { name: 'Sepia' }).isChecked()).resolves.toBe(true);
    await expect(
      page.getByRole('radio', { name: 'Tanpa kait (sans-serif)' }).isChecked(),
    ).resolves.toBe(true);
    await expect(page.getByRole('slider', { name: 'Ukuran teks' }).inputValue()).resolves.toBe(
      '21',
    );
    await expect(page.locator('#reader .range-value').innerText()).resolves.toBe('21 px');
    await expect(page.getByRole('radio', { name: 'Lebar', exact: true }).isChecked()).resolves.toBe(
      true,
    );
    await expect(page.getByRole('switch', { name: 'Tampilkan gambar' }).isChecked()).resolves.toBe(
      false,
    );
    await expect(page.getByRole('radio', { name: 'Tab penuh' }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Jumlah poin penting').inputValue()).resolves.toBe('5');
    await expect(
      page.getByRole('switch', { name: 'Tampilkan perkiraan waktu baca' }).isChecked(),
    ).resolves.toBe(false);
    await expect(
      page
        .getByRole('switch', { name: 'Pakai peringkas bawaan browser jika tersedia' })
        .isChecked(),
    ).resolves.toBe(true);
    await expect(page.locator('#auto-clean .site-host').allInnerTexts()).resolves.toEqual([
      'mojokerto.disway.id',
    ]);
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('sepia');
  });

  it('adds, changes and removes per-site rules', async () => {
    const page = await openOptions();
    await expect(page.locator('#auto-clean .sites-empty').innerText()).resolves.toBe(
      'Belum ada aturan situs.',
    );

    await addSite(page, 'https://www.Radar-Bogor.id/berita/123?x=1', 'always');
    await addSite(page, 'mojokerto.disway.id', 'never');
    await waitForStored(page, 'sites', {
      'www.radar-bogor.id': 'always',
      'mojokerto.disway.id': 'never',
    });
    await expect(page.locator('#auto-clean .site-host').allInnerTexts()).resolves.toEqual([
      'mojokerto.disway.id',
      'www.radar-bogor.id',
    ]);
    await expect(page.getByLabel('Nama situs').inputValue()).resolves.toBe('');

    await addSite(page, 'bukan situs', 'always');
    await expect(
      page.getByRole('alert').filter({ hasText: 'nama situs yang valid' }).count(),
    ).resolves.toBe(1);
    await expect(page.getByLabel('Nama situs').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#auto-clean .site-host').count()).resolves.toBe(2);

    await page.getByLabel('Aturan untuk mojokerto.disway.id').selectOption('always');
    await waitForStored(page, 'sites', {
      'www.radar-bogor.id': 'always',
      'mojokerto.disway.id': 'always',
    });

    await page.getByRole('button', { name: 'Hapus aturan www.radar-bogor.id' }).click();
    await waitForStored(page, 'sites', { 'mojokerto.disway.id': 'always' });
    await expect(page.locator('#auto-clean .site-host').allInnerTexts()).resolves.toEqual([
      'mojokerto.disway.id',
    ]);
  });

  it('exports the settings to a file and imports them back', async () => {
    const page = await openOptions();
    await page.getByRole('radio', { name: 'Sepia' }).check();
    await page.getByLabel('Jumlah poin penting').selectOption('5');
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('switch', { name: 'Auto-clean pages' }).waitFor();
    await addSite(page, 'radarmojokerto.jawapos.com', 'always');
    await waitForStored(page, 'sites', { 'radarmojokerto.jawapos.com': 'always' });
    const before = await storedSettings(page);

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^baca-bersih-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(tmpdir(), download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toEqual({
      app: 'baca-bersih',
      version: SETTINGS_VERSION,
      settings: { ...defaultSettings(), ...before },
    });

    await page.getByRole('radio', { name: 'Dark' }).check();
    await page
      .getByRole('button', { name: 'Remove the rule for radarmojokerto.jawapos.com' })
      .click();
    await page.getByRole('radio', { name: 'Bahasa Indonesia' }).check();
    await waitForStored(page, 'language', 'id');

    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Pilih berkas…' }).click();
    await (await choosing).setFiles(file);
    await page
      .getByRole('status')
      .filter({ hasText: 'The settings from the file are now in use.' })
      .waitFor();
    await expect.poll(() => storedSettings(page)).toEqual({ ...defaultSettings(), ...before });
    await expect(page.getByRole('radio', { name: 'Sepia' }).isChecked()).resolves.toBe(true);
    await expect(page.locator('#auto-clean .site-host').allInnerTexts()).resolves.toEqual([
      'radarmojokerto.jawapos.com',
    ]);
  });

  it('refuses a broken or foreign import file and changes nothing', async () => {
    const page = await openOptions();
    await page.getByRole('radio', { name: 'Gelap' }).check();
    await addSite(page, 'mojokerto.disway.id', 'never');
    await waitForStored(page, 'sites', { 'mojokerto.disway.id': 'never' });
    const before = await storedSettings(page);

    const bad = [
      { text: '{"app": "baca-bersih", "settings": {', message: 'Berkas ini bukan JSON yang valid' },
      {
        text: JSON.stringify({ app: 'other-extension', version: 1, settings: defaultSettings() }),
        message: 'Berkas ini bukan cadangan pengaturan Baca Bersih',
      },
    ];
    for (const { text, message } of bad) {
      const choosing = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Pilih berkas…' }).click();
      await (
        await choosing
      ).setFiles({
        name: 'settings.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await page.getByRole('alert').filter({ hasText: message }).waitFor();
      await expect(page.locator('#data .data-outcome.is-error').innerText()).resolves.toContain(
        'Tidak ada pengaturan yang diubah',
      );
      // Give any stray write time to land before checking nothing changed.
      await page.waitForTimeout(300);
      await expect(storedSettings(page)).resolves.toEqual(before);
      await expect(page.getByRole('radio', { name: 'Gelap' }).isChecked()).resolves.toBe(true);
    }
  });

  it('resets to the defaults only after confirming in the page', async () => {
    const page = await openOptions();
    await page.getByRole('radio', { name: 'Sepia' }).check();
    await page.getByRole('switch', { name: 'Tampilkan ringkasan' }).uncheck();
    await addSite(page, 'mojokerto.disway.id', 'never');
    await waitForStored(page, 'sites', { 'mojokerto.disway.id': 'never' });
    const before = await storedSettings(page);

    const dialog = page.getByRole('dialog', { name: 'Kembalikan semua pengaturan ke bawaan?' });
    await page.getByRole('button', { name: 'Kembalikan…' }).click();
    await dialog.waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Batal');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Kembalikan…' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(storedSettings(page)).resolves.toEqual(before);

    await page.getByRole('button', { name: 'Kembalikan…' }).click();
    await dialog.getByRole('button', { name: 'Ya, kembalikan' }).click();
    await expect.poll(() => storedSettings(page)).toEqual(defaultSettings());
    // The language is back to "system" too, so the page now speaks the browser's language.
    const messages = await systemMessages(page);
    await page.getByRole('status').filter({ hasText: messages.optionsResetDone.message }).waitFor();
    await expect(page.locator('#interface-language-help').innerText()).resolves.toBe(
      messages.optionsLanguageHelp.message,
    );
    await expect(page.locator('#reader-theme-help').innerText()).resolves.toBe(
      messages.optionsThemeHelp.message,
    );
    await expect(
      page.locator('input[name="reader-theme"][value="system"]').isChecked(),
    ).resolves.toBe(true);
    await expect(page.locator('#summary-enabled').isChecked()).resolves.toBe(true);
    await expect(page.locator('#auto-clean .sites-empty').count()).resolves.toBe(1);
  });

  it('takes light and dark screenshots', async () => {
    const page = await openOptions();
    await addSite(page, 'mojokerto.disway.id', 'never');
    await addSite(page, 'radarmojokerto.jawapos.com', 'always');
    await page.getByRole('radio', { name: 'Terang' }).check();
    await shootFullPage(page, `${SHOTS}/options.png`);
    await page.getByRole('radio', { name: 'Gelap' }).check();
    await shootFullPage(page, `${SHOTS}/options-dark.png`);
  });
});
