/**
 * Auto-clean never breaks a page: forms, a video and an embedded player keep working beside the
 * ads it hides; and on a site the reader paused ("never") it touches nothing at all.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { recordConsole } from './helpers/console-recorder';

const HOST = 'mojokerto.disway.id';
const FIXTURE = 'tests/fixtures/page-features.html';
const ADS = ['.ads-top', '.sidebar-banner', '#div-gpt-ad-1702600999-0'];
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

/** One second of silence as 8 kHz mono WAV: a real media file for the <video> element. */
function silentWav(seconds = 1, rate = 8000): Buffer {
  const data = Buffer.alloc(seconds * rate * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

interface ChromeApi {
  storage: Record<
    'local' | 'sync',
    {
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
    }
  >;
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}
declare const chrome: ChromeApi;

let server: FixtureServer;
let browser: ExtensionBrowser;
const submitted: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer('tests/fixtures');
  const wav = silentWav();
  server.route('/media/klip.wav', (_req, res) => {
    res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': wav.length }).end(wav);
  });
  for (const path of ['/masuk', '/cari']) {
    server.route(path, (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        submitted.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>OK</p>');
      });
    });
  }
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await browser.worker.evaluate(async () => {
    await chrome.storage.sync.remove(['autoClean']);
    await chrome.storage.local.remove(['sites']);
  });
});

const visible = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.checkVisibility() ?? false, selector);

/** Whether a click at the element's centre lands on it (nothing of ours on top). */
const clickable = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const el = document.querySelector(s)!;
    el.scrollIntoView({ block: 'center' });
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return !!hit && (hit === el || el.contains(hit));
  }, selector);

describe('page features beside ads', () => {
  it('hides the ads, while forms, the video and the embedded player keep working', async () => {
    const page = await browser.context.newPage();
    const console = await recordConsole(browser.context, page);
    await page.goto(server.url('/page-features.html', HOST));
    for (const ad of ADS) await poll(() => visible(page, ad)).toBe(false);
    // Heuristics had their pass (the first ad above is hidden by list rules; give them time).
    await page.waitForTimeout(1500);

    for (const selector of [
      '#login-form',
      '#login-form input[name="user"]',
      '#login-form input[name="password"]',
      '#login-form button[type="submit"]',
      '#search-form input[name="q"]',
      '#search-form button',
      '#video-berita',
      '#player-embed',
    ]) {
      expect([selector, await visible(page, selector)]).toEqual([selector, true]);
    }
    await expect(
      page.locator('[data-bb-hidden] form, [data-bb-hidden] video').count(),
    ).resolves.toBe(0);

    // The video plays and its controls are reachable.
    expect(await clickable(page, '#video-berita')).toBe(true);
    const played = await page.evaluate(async () => {
      const video = document.getElementById('video-berita') as HTMLVideoElement;
      video.muted = true;
      await video.play();
      await new Promise((done) => setTimeout(done, 400));
      return { paused: video.paused, time: video.currentTime, controls: video.controls };
    });
    expect(played.controls).toBe(true);
    expect(played.time).toBeGreaterThan(0);

    // The embedded player takes clicks.
    expect(await clickable(page, '#player-embed')).toBe(true);
    const player = page.frameLocator('#player-embed');
    await player.locator('#tombol-putar').click();
    await expect(player.locator('#pemutar').getAttribute('class')).resolves.toContain('playing');

    // The search form and then the login form submit to their servers.
    await page.fill('#search-form input[name="q"]', 'jalan desa');
    await Promise.all([
      page.waitForURL(/\/cari\?q=jalan\+desa$/),
      page.click('#search-form button'),
    ]);
    await page.goBack();
    await poll(() => visible(page, '#login-form')).toBe(true);
    await page.fill('#login-form input[name="user"]', 'warga');
    await page.fill('#login-form input[name="password"]', 'rahasia');
    await Promise.all([
      page.waitForURL(/\/masuk$/),
      page.click('#login-form button[type="submit"]'),
    ]);
    expect(submitted).toEqual([
      'GET /cari?q=jalan+desa ',
      'POST /masuk user=warga&password=rahasia',
    ]);
    expect(console.fromExtension(browser.extensionId)).toEqual([]);
    await console.detach();
    await page.close();
  });
});

describe('a paused ("never") site', () => {
  it('is not touched at all: the DOM is exactly what the HTML parser built, no badge', async () => {
    await browser.worker.evaluate(
      (host) => chrome.storage.local.set({ sites: { [host]: 'never' } }),
      HOST,
    );
    const { page, tabId } = await browser.openTab(server.url('/page-features.html', HOST));
    await page.waitForTimeout(1500);
    const source = readFileSync(FIXTURE, 'utf8');
    const state = await page.evaluate((html) => {
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      const all = [...document.querySelectorAll('*')];
      return {
        same: parsed.documentElement.outerHTML === document.documentElement.outerHTML,
        markers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('data-bb')))
          .length,
        styles: document.querySelectorAll('style[id^="baca-bersih"]').length,
        shadowRoots: all.filter((el) => el.shadowRoot).length,
        adVisible: document.querySelector('.ads-top')!.checkVisibility(),
      };
    }, source);
    expect(state).toEqual({
      same: true,
      markers: 0,
      styles: 0,
      shadowRoots: 0,
      adVisible: true,
    });
    await expect(
      browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
    ).resolves.toBe('');

    // The same check sees our work on a site that is not paused (so it can fail).
    await browser.worker.evaluate(() => chrome.storage.local.remove(['sites']));
    await page.reload();
    await poll(() => visible(page, '.ads-top')).toBe(false);
    const cleaned = await page.evaluate((html) => {
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      return parsed.documentElement.outerHTML === document.documentElement.outerHTML;
    }, source);
    expect(cleaned).toBe(false);
    await page.close();
  });
});
