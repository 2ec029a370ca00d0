import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  launchWithExtension,
  type ExtensionBrowser,
} from '../../scripts/lib/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { findUnsafeMarkup } from '../../scripts/lib/fuzz-unsafe-markup';
import { XSS_PAYLOADS } from '../fixtures/xss/payloads';
import { buildXssPages, REAL_PARAGRAPHS, type XssPage } from '../fixtures/xss/pages';
import { BEACON_PATH, XSS_FLAG } from '../fixtures/xss/signal';

/**
 * The payload corpus rendered through the real reader. The news page is hostile and runs its
 * own payloads in its own context (expected, and proof that the payloads work); nothing may run
 * in the extension's pages, reach the reader's DOM, or cost the article its real text.
 */

interface Beacon {
  id: string;
  ctx: string;
  origin: string;
}

let server: FixtureServer;
let browser: ExtensionBrowser;
let pages: XssPage[];
const beacons: Beacon[] = [];

beforeAll(async () => {
  server = await startFixtureServer('tests/fixtures');
  pages = buildXssPages(server.url(BEACON_PATH, 'contoh.example'));
  for (const page of pages) {
    server.route(page.path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html);
    });
  }
  server.route(BEACON_PATH, (req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    beacons.push({
      id: query.get('id') ?? '',
      ctx: query.get('ctx') ?? '',
      origin: String(req.headers.origin ?? req.headers.referer ?? ''),
    });
    res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
  });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await helper?.close();
  await browser?.close();
  await server?.close();
});

const fromExtension = (beacon: Beacon) =>
  beacon.ctx.startsWith('chrome-extension') || beacon.origin.startsWith('chrome-extension');

/** An extension page with listeners for dialogs and CSP reports attached before it loads. */
async function openWatched(path: string) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  const dialogs: string[] = [];
  const cspReports: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    const text = message.text();
    // Chromium reports an on* attribute as soon as it is parsed, even in the sanitizer's inert
    // document where nothing runs; such an attribute in the live DOM fails findUnsafeMarkup.
    if (/^Executing inline event handler violates/.test(text)) return;
    if (/Content Security Policy|Refused to/i.test(text)) cspReports.push(text);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const url = `chrome-extension://${browser.extensionId}${path}`;
  await page.goto(url);
  return { page, url, dialogs, cspReports, errors };
}

/** The extension page that looks tabs up; it stands in for the service worker, which Chromium
 * may stop and restart between pages on a busy machine. */
let helper: Page | null = null;

async function tabIdOf(url: string): Promise<number> {
  helper ??= await browser.openExtensionPage('/options.html');
  for (let tries = 0; tries < 50; tries++) {
    const id = await helper.evaluate(async (wanted) => {
      const api = (globalThis as unknown as { chrome: ChromeTabsQuery }).chrome;
      return (await api.tabs.query({ url: wanted }))[0]?.id ?? null;
    }, url);
    if (id !== null) return id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No tab for ${url}`);
}

interface ChromeTabsQuery {
  tabs: { query(query: { url: string }): Promise<Array<{ id?: number }>> };
}

async function readerFor(xssPage: XssPage) {
  const url = server.url(xssPage.path, 'mojokerto.disway.id');
  const source = await browser.context.newPage();
  await source.goto(url);
  const tabId = await tabIdOf(url);
  const watched = await openWatched(`/popup.html?tab=${tabId}&layout=popup`);
  await watched.page.waitForSelector('.reader-article, .status-card:not(:has(.spinner))');
  return { ...watched, source };
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

async function flagOf(page: Page): Promise<string> {
  return page.evaluate(
    (name) => typeof (window as unknown as Record<string, unknown>)[name],
    XSS_FLAG,
  );
}

describe('the reader with hostile pages', () => {
  it('has at least 50 payloads spread over the pages', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(pages.flatMap((page) => page.payloads)).toHaveLength(XSS_PAYLOADS.length);
  });

  it('runs no payload, shows none of them and keeps every real paragraph', async () => {
    const failures: string[] = [];
    for (const xssPage of pages) {
      const ids = xssPage.payloads.map((payload) => payload.id).join(', ');
      const { page, source, url, dialogs, cspReports, errors } = await readerFor(xssPage);
      const where = `${xssPage.path} (${ids})`;
      await expect(page.locator('.reader-article').count(), where).resolves.toBe(1);
      // Let late handlers (onerror, onfocus, animations) have their chance.
      await page.waitForTimeout(400);

      const body = normalize(await page.locator('.reader-article .article-body').innerText());
      for (const paragraph of REAL_PARAGRAPHS) {
        if (!body.includes(paragraph))
          failures.push(`${where}: missing "${paragraph.slice(0, 40)}…"`);
      }
      const inArticle = await page
        .locator('article.reader-article')
        .evaluate(findUnsafeMarkup, 'article' as const);
      const inPage = await page.locator('html').evaluate(findUnsafeMarkup, 'page' as const);
      for (const problem of [...inArticle, ...inPage]) failures.push(`${where}: ${problem}`);
      if (dialogs.length) failures.push(`${where}: dialogs ${dialogs.join(' | ')}`);
      if (cspReports.length) failures.push(`${where}: CSP ${cspReports.join(' | ')}`);
      if (errors.length) failures.push(`${where}: page errors ${errors.join(' | ')}`);
      if ((await flagOf(page)) !== 'undefined')
        failures.push(`${where}: window.${XSS_FLAG} is set`);
      if (page.url() !== url) failures.push(`${where}: the reader navigated to ${page.url()}`);
      await page.close();
      await source.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const leaked = beacons.filter(fromExtension).map((beacon) => beacon.id);
    if (leaked.length) failures.push(`beacons from the extension: ${leaked.join(', ')}`);
    expect(failures).toEqual([]);

    // The payloads are live: the hostile page itself ran these in its own context.
    const ranInPage = new Set(beacons.filter((b) => b.ctx === 'http:').map((b) => b.id));
    for (const id of ['script-tag', 'img-onerror', 'svg-onload', 'noscript-title-breakout']) {
      expect(ranInPage, `payload ${id} ran in the news page`).toContain(id);
    }
    console.log(
      `security e2e: ${XSS_PAYLOADS.length} payloads on ${pages.length} pages; ` +
        `${ranInPage.size} ran in the hostile page itself, 0 in the extension`,
    );
  });
});

describe('content security policy', () => {
  it('is strict in the built manifest', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const csp: string = manifest.content_security_policy.extension_pages;
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-src')).toBe("'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('refuses inline script in the reader, and the reader and settings pages break no rule', async () => {
    const settings = await openWatched('/options.html');
    await settings.page.waitForSelector('main');
    await settings.page.waitForTimeout(300);
    expect(settings.cspReports).toEqual([]);
    expect(settings.errors).toEqual([]);
    await settings.page.close();

    const reader = await openWatched('/popup.html?tab=999999');
    await reader.page.waitForSelector('.status-card:not(:has(.spinner))');
    const ran = await reader.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__cspProbe = 1';
      document.head.append(script);
      return (window as unknown as { __cspProbe?: number }).__cspProbe ?? null;
    });
    expect(ran).toBeNull();
    await expect.poll(() => reader.cspReports.length).toBeGreaterThan(0);
    await reader.page.close();
  });
});
