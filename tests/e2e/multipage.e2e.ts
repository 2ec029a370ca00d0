import { mkdirSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  setSyncSettings,
  type ExtensionBrowser,
} from '../../scripts/lib/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';

const SHOTS = 'docs/screenshots';
const ARTIFACTS = 'artifacts/multipage';
const POPUP = { width: 780, height: 580 };
const FIXTURES = 'tests/fixtures/multipage';

const TRIBUN = '/regional/2026/11/20/jembatan-gantung-sumbersari-akhirnya-diperbaiki';
const DETIK = '/berita/d-7712345/warga-gotong-royong-bersihkan-sungai-brantas';
const KOMPAS = '/read/2026/11/21/09300011/pasar-terapung-lok-baintan-kembali-ramai';
const SUARA = '/news/2026/11/23/061500/lampu-jalan-tenaga-surya-dipasang-di-jalur-pantura';
const TRAP = '/daerah/2026/11/24/posyandu-lansia-dibuka-di-setiap-dusun';

let server: FixtureServer;
let browser: ExtensionBrowser;
/** While set, pages after the first wait for it: the other pages are slow to come. */
let hold: Promise<void> | null = null;

function send(res: ServerResponse, file: string | number) {
  if (typeof file === 'number') {
    res.writeHead(file, { 'content-type': 'text/html' }).end('<h1>Server error</h1>');
    return;
  }
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(readFileSync(`${FIXTURES}/${file}`));
}

/** One article address; `?page=` picks the fixture file (or an HTTP status). */
function servePages(path: string, byPage: Record<string, string | number>) {
  server.route(path, (req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const key = query.get('page') ?? (query.get('single') ? 'single' : '1');
    if (key !== '1' && hold) void hold.then(() => send(res, byPage[key] ?? 404));
    else send(res, byPage[key] ?? 404);
  });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startFixtureServer('tests/fixtures');
  servePages(TRIBUN, {
    1: 'tribun-page1.html',
    2: 'tribun-page2.html',
    3: 'tribun-page3.html',
    all: 'tribun-all.html',
  });
  servePages(DETIK, { 1: 'detik-page1.html', single: 'detik-single.html' });
  servePages(`${DETIK}/2`, { 1: 'detik-page2.html' });
  servePages(KOMPAS, { 1: 'kompas-page1.html', 2: 'kompas-page2.html', 3: 'kompas-page3.html' });
  servePages(SUARA, { 1: 'suara-page1.html', 2: 500 });
  servePages(TRAP, { 1: 'trap-next-article.html' });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openReader(tabId: number) {
  const reader = await browser.openExtensionPage(`/popup.html?tab=${tabId}&layout=popup`, POPUP);
  // The open page shows first; the article is busy until its other pages joined it.
  await reader.waitForSelector(
    '.reader-article:not([aria-busy]), .status-card:not(:has(.spinner))',
    { timeout: 20_000 },
  );
  return reader;
}

async function readerFor(host: string, path: string) {
  const { tabId } = await browser.openTab(server.url(path, host));
  return { reader: await openReader(tabId), tabId };
}

function articleText(reader: Page) {
  return reader.locator('article.reader-article').innerText();
}

function count(haystack: string, needle: string) {
  return haystack.split(needle).length - 1;
}

/** Requests for `path` (any query) since `since`. */
function requestsFor(path: string, since = 0) {
  return server.requests.slice(since).filter((request) => request.includes(path));
}

describe('multi-page articles', () => {
  it('merges tribun pages through the show-all link and says so', async () => {
    const before = server.requests.length;
    const { reader } = await readerFor('www.tribunnews.com', TRIBUN);
    const text = await articleText(reader);
    const marks = [
      'TRIBUNNEWS.COM, MALANG – Jembatan gantung',
      'Pada tahap kedua, tim teknis mengganti kawat baja',
      'Pemerintah desa menargetkan jembatan bisa kembali dilalui',
    ];
    for (const mark of marks) expect(count(text, mark)).toBe(1);
    const positions = marks.map((mark) => text.indexOf(mark));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text).not.toMatch(/Halaman Selanjutnya|Tampilkan Semua/);
    const note = reader.locator('.article-pages');
    await expect(note.innerText()).resolves.toBe('Artikel digabung dari 3 halaman');
    // The page itself, then one fetch of ?page=all: no page-by-page requests.
    const asked = requestsFor(TRIBUN, before);
    expect(asked.filter((request) => request.endsWith('?page=all'))).toHaveLength(1);
    expect(asked.filter((request) => /\?page=[23]$/.test(request))).toHaveLength(0);
    await reader.screenshot({ path: `${SHOTS}/popup-multipage.png` });
    await reader.close();
  });

  it('merges detik pages through the single-page link', async () => {
    const { reader } = await readerFor('news.detik.com', DETIK);
    const text = await articleText(reader);
    expect(count(text, 'Kediri - Ratusan warga')).toBe(1);
    expect(count(text, 'dua belas ton eceng gondok')).toBe(1);
    await expect(reader.locator('.article-pages').innerText()).resolves.toBe(
      'Artikel digabung dari 2 halaman',
    );
    await reader.close();
  });

  it('fetches kompas pages one by one, once per page load', async () => {
    const before = server.requests.length;
    const { reader, tabId } = await readerFor('regional.kompas.com', KOMPAS);
    const text = await articleText(reader);
    for (const mark of [
      'BANJAR, KOMPAS.com - Pasar terapung',
      'Selain wisatawan lokal, rombongan pelajar',
      'Dinas pariwisata berencana memasukkan',
    ]) {
      expect(count(text, mark)).toBe(1);
    }
    expect(text).not.toContain('Festival Sungai Martapura');
    await expect(reader.locator('.article-pages').innerText()).resolves.toBe(
      'Artikel digabung dari 3 halaman',
    );
    await reader.close();
    // A second open answers from the extractor's cache: no new page requests.
    const second = await openReader(tabId);
    await expect(second.locator('.article-pages').innerText()).resolves.toContain('3');
    const asked = requestsFor(KOMPAS, before);
    expect(asked.filter((request) => request.endsWith('?page=2'))).toHaveLength(1);
    expect(asked.filter((request) => request.endsWith('?page=3'))).toHaveLength(1);
    await second.close();
  });

  it('shows the open page at once, and joins the other pages when they come', async () => {
    let release = () => {};
    hold = new Promise((done) => (release = done));
    try {
      const { tabId } = await browser.openTab(server.url(KOMPAS, 'regional.kompas.com'));
      const reader = await browser.openExtensionPage(
        `/popup.html?tab=${tabId}&layout=popup`,
        POPUP,
      );
      await reader.locator('.reader-article[aria-busy="true"]').waitFor({ timeout: 20_000 });
      await expect(reader.locator('.article-pages.loading').innerText()).resolves.toBe(
        'Memuat halaman lain artikel ini…',
      );
      const first = await articleText(reader);
      expect(first).toContain('BANJAR, KOMPAS.com - Pasar terapung');
      expect(first).not.toContain('Selain wisatawan lokal');
      await reader.screenshot({ path: `${ARTIFACTS}/popup-multipage-loading.png` });
      release();
      await reader.waitForSelector('.reader-article:not([aria-busy])', { timeout: 20_000 });
      await expect(articleText(reader)).resolves.toContain('Selain wisatawan lokal');
      await expect(reader.locator('.article-pages').innerText()).resolves.toBe(
        'Artikel digabung dari 3 halaman',
      );
      await reader.close();
    } finally {
      release();
      hold = null;
    }
  });

  it('shows page 1 with a note when page 2 fails', async () => {
    const { reader } = await readerFor('www.suara.com', SUARA);
    const text = await articleText(reader);
    expect(text).toContain('seratus dua puluh lampu jalan tenaga surya');
    expect(text).not.toContain('nomor pengaduan');
    const note = reader.locator('.article-pages.failed');
    await expect(note.innerText()).resolves.toBe(
      'Halaman lain tidak dapat dimuat; yang tampil hanya halaman ini',
    );
    await reader.screenshot({ path: `${ARTIFACTS}/popup-multipage-failed.png` });
    await reader.close();
  });

  it('fetches nothing for a one-page article with next-article and comment links', async () => {
    const before = server.requests.length;
    const { reader } = await readerFor('radarmojokerto.jawapos.com', TRAP);
    await expect(articleText(reader)).resolves.toContain('posyandu lansia di setiap dusun');
    await expect(reader.locator('.article-pages').count()).resolves.toBe(0);
    const asked = server.requests.slice(before);
    expect(
      asked.filter((request) => /page=|jalan-lingkar|sekolah-rakyat|indeks/.test(request)),
    ).toEqual([]);
    await reader.close();
  });

  it('reads only the open page when merging is turned off in the settings', async () => {
    await setSyncSettings(browser, { reader: { mergePages: false } });
    try {
      const before = server.requests.length;
      const { reader } = await readerFor('regional.kompas.com', KOMPAS);
      const text = await articleText(reader);
      expect(text).toContain('BANJAR, KOMPAS.com - Pasar terapung');
      expect(text).not.toContain('Selain wisatawan lokal');
      await expect(reader.locator('.article-pages').count()).resolves.toBe(0);
      expect(requestsFor(KOMPAS, before).filter((request) => request.includes('page='))).toEqual(
        [],
      );
      await reader.close();
    } finally {
      await setSyncSettings(browser, { reader: {} });
    }
  });
});
