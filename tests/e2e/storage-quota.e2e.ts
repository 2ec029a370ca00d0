/**
 * A full storage area: saving custom rules fails with a clear message, the previous rules stay
 * in use, and the text stays in the editor. The quota is Chrome's real one (10 MB local).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';

const SHOTS = 'artifacts/e2e';
const FILLER_KEY = 'uji:pengisi';

interface ChromeApi {
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys: string): Promise<Record<string, unknown>>;
      remove(keys: string): Promise<void>;
      getBytesInUse(keys: null): Promise<number>;
      QUOTA_BYTES: number;
    };
  };
}
declare const chrome: ChromeApi;

let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

describe('storage quota', () => {
  it('says storage is full, keeps the previous rules and the typed text', async () => {
    const previous = 'mojokerto.disway.id##.iklan-lama';
    await browser.worker.evaluate(
      (rules) => chrome.storage.local.set({ customRules: rules }),
      previous,
    );
    const page = await browser.openExtensionPage('/options.html', { width: 1280, height: 900 });
    const editor = page.locator('#custom-rules');
    await expect.poll(() => editor.inputValue()).toBe(previous);

    // Something else filled the area up to a few kilobytes below the quota.
    const free = await browser.worker.evaluate(async (key) => {
      const local = chrome.storage.local;
      const room = local.QUOTA_BYTES - (await local.getBytesInUse(null)) - 4096;
      await local.set({ [key]: 'x'.repeat(room) });
      return local.QUOTA_BYTES - (await local.getBytesInUse(null));
    }, FILLER_KEY);
    expect(free).toBeLessThan(8192);

    const typed = `${previous}\n${'disway.id##.iklan-baru-panjang-sekali\n'.repeat(400)}`;
    await editor.fill(typed);
    await page.getByRole('button', { name: 'Simpan aturan' }).click();
    const alert = page.locator('.rules-refused');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(/ruang penyimpanan ekstensi penuh/);
    await expect(page.getByRole('status').first().innerText()).resolves.toMatch(
      /ruang penyimpanan ekstensi penuh/,
    );
    // Give the page's re-read of storage time to land: the text must survive it.
    await page.waitForTimeout(500);
    await expect(editor.inputValue()).resolves.toBe(typed);
    await expect(
      browser.worker.evaluate(
        async () => (await chrome.storage.local.get('customRules')).customRules,
      ),
    ).resolves.toBe(previous);
    await page.evaluate(() =>
      document.querySelector('.rules-refused')!.scrollIntoView({ block: 'end' }),
    );
    await page.screenshot({ path: `${SHOTS}/options-storage-full.png` });

    // Room again: the same text saves, and the message goes.
    await browser.worker.evaluate((key) => chrome.storage.local.remove(key), FILLER_KEY);
    await page.getByRole('button', { name: 'Simpan aturan' }).click();
    await expect.poll(() => alert.count()).toBe(0);
    await expect
      .poll(() =>
        browser.worker.evaluate(
          async () => (await chrome.storage.local.get('customRules')).customRules,
        ),
      )
      .toBe(typed);
    await expect(editor.inputValue()).resolves.toBe(typed);
  });
});
