/**
 * Big and strange pages, generated here (nothing big is committed): auto-clean never freezes
 * them, the reader shows an article or says why, and nothing of ours reaches the page console.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { recordConsole } from './helpers/console-recorder';

const HOST = 'mojokerto.disway.id';
const POPUP = { width: 780, height: 580 };
/** Safety nets, not performance goals: a frozen page or an endless spinner fails them. */
const ANSWER_LIMIT_MS = 10_000;
const READER_LIMIT_MS = 30_000;

const PARAGRAPH =
  'Pemerintah Kabupaten Mojokerto memperbaiki jalan desa sepanjang tiga kilometer tahun ini. ' +
  'Warga menyambut baik perbaikan itu karena jalan menjadi akses utama ke pasar dan sekolah. ' +
  'Kepala desa mengatakan pekerjaan dimulai pekan depan dan selesai sebelum musim hujan tiba.';

function articleHtml(paragraphs = 8): string {
  return Array.from({ length: paragraphs }, (_, i) => `<p>${PARAGRAPH} (${i + 1})</p>`).join('');
}

/** An ad slot the regional list hides (disway `.iklan-banner`) and a banner image. */
const AD = '<div class="iklan-banner" id="iklan-atas"><p>ADVERTISEMENT</p></div>';

function page(title: string, body: string, head = '', htmlAttrs = 'lang="id"'): string {
  return `<!doctype html><html ${htmlAttrs}><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

/** ~5 MB and ~100,000 elements: a long comment thread under a short article. */
function bigPage(): string {
  const rows: string[] = [];
  const filler = 'Komentar pembaca tentang perbaikan jalan desa di Mojokerto. '.repeat(2);
  for (let i = 0; i < 33_400; i++) {
    rows.push(`<li class="komentar"><b>Pembaca ${i}</b><span>${filler}</span></li>`);
  }
  return page(
    'Halaman besar',
    `${AD}<article><h1>Jalan desa diperbaiki</h1>${articleHtml()}</article><ul>${rows.join('')}</ul>`,
  );
}

/**
 * 10,000 nested elements (a script builds them: the HTML parser caps nesting). Chromium itself
 * crashes laying out ~3,000 visible levels, extension or not, so the 10,000 stay unrendered and
 * the article sits 1,500 visible levels down.
 */
const DEEP_PAGE = page(
  'Halaman dalam',
  `${AD}<div id="akar" hidden></div><div id="tampak"></div><script>
    const nest = (node, depth) => {
      for (let i = 0; i < depth; i++) { const div = document.createElement('div'); node.append(div); node = div; }
      return node;
    };
    nest(document.getElementById('akar'), 10000).textContent = 'dasar';
    nest(document.getElementById('tampak'), 1500).innerHTML =
      '<article><h1>Jalan desa diperbaiki</h1>${articleHtml().replaceAll("'", "\\'")}</article>';
  </script>`,
);

const FRAMESET_PAGE = `<!doctype html><html><head><title>Bingkai</title></head>
<frameset cols="30%,70%"><frame src="/short-page.html"><frame src="/disway-article.html"></frameset></html>`;

const SVG_PAGE = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><text x="10" y="40">Peta Mojokerto</text></svg>`;

/** Valid XHTML whose script then removes <body>. */
const NO_BODY_PAGE = page(
  'Tanpa body',
  `${AD}<article><h1>Jalan desa diperbaiki</h1>${articleHtml()}</article>
   <script>addEventListener('DOMContentLoaded', () => document.body.remove());</script>`,
);

/** windows-1252 bytes: “curly quotes”, é, – and the euro sign. */
function latin1Page(): Buffer {
  const html = page(
    'Berita \u201ckafé\u201d \u2013 Mojokerto',
    `${AD}<article><h1>Kafé baru \u2013 \u201cramai\u201d</h1>${articleHtml()}</article>`,
  ).replace('<meta charset="utf-8">', '');
  const win1252: Record<string, number> = { '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96 };
  return Buffer.from([...html].map((ch) => win1252[ch] ?? ch.charCodeAt(0)));
}

const ARABIC =
  'أعلنت الحكومة المحلية اليوم عن خطة جديدة لإصلاح الطرق في القرى المجاورة. ' +
  'وقال المسؤولون إن العمل سيبدأ الأسبوع المقبل وسينتهي قبل موسم الأمطار. ' +
  'ورحب السكان بالمشروع لأن الطريق هو الطريق الرئيسي إلى السوق والمدرسة.';
const RTL_PAGE = page(
  'خبر محلي',
  `${AD}<article><h1>إصلاح الطرق في القرى</h1>${Array.from({ length: 8 }, () => `<p>${ARABIC}</p>`).join('')}</article>`,
  '',
  'lang="ar" dir="rtl"',
);

const CSP_PAGE = page(
  'CSP ketat',
  `${AD}<article><h1>Jalan desa diperbaiki</h1>${articleHtml()}</article>`,
);
const STRICT_CSP = "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'";

/** Hostile: names that clobber document methods the content script and extractor call. */
const CLOBBER_PAGE = page(
  'Halaman jebakan',
  `${AD}<form name="querySelectorAll"></form><img name="getElementById"><img name="getElementsByTagName">
   <form name="createTreeWalker"></form>
   <article><h1>Jalan desa diperbaiki</h1>${articleHtml()}</article>`,
);

/**
 * Hostile: the page takes its root element out while it loads and puts it back later (as some
 * anti-adblock scripts rebuild a page), so our DOM-ready pass finds no document element.
 */
const ROOTLESS_PAGE = page(
  'Halaman tanpa akar',
  `${AD}<article><h1>Jalan desa diperbaiki</h1>${articleHtml()}</article>
   <script>
     const root = document.documentElement;
     document.removeChild(root);
     setTimeout(() => document.appendChild(root), 300);
   </script>`,
);

interface StrangePage {
  name: string;
  path: string;
  type: string;
  body: string | Buffer | (() => string | Buffer);
  headers?: Record<string, string>;
  /** Whether our ad slot on it should end up hidden (pages that have one and a body). */
  adHidden?: boolean;
  /** What the reader shows: `article` or the status it gives. */
  reader: string;
  /** Our code fails on it (by design of the page): the error must be caught and recorded. */
  hostile?: boolean;
  /** More about the reader's text. */
  check?: (text: string) => void;
}

const PAGES: StrangePage[] = [
  {
    name: '5 MB, 100k elements',
    path: '/aneh/besar.html',
    type: 'text/html',
    body: bigPage,
    reader: 'too-large',
    check: (text) => expect(text).toMatch(/Halaman terlalu besar[\s\S]*lebih dari 60\.000 elemen/),
  },
  {
    name: '10,000 levels deep',
    path: '/aneh/dalam.html',
    type: 'text/html',
    body: DEEP_PAGE,
    reader: 'too-large',
  },
  {
    name: 'frameset',
    path: '/aneh/bingkai.html',
    type: 'text/html',
    body: FRAMESET_PAGE,
    reader: 'not-article',
  },
  {
    name: 'SVG document',
    path: '/aneh/peta.svg',
    type: 'image/svg+xml',
    body: SVG_PAGE,
    reader: 'not-article',
  },
  {
    name: 'body removed',
    path: '/aneh/tanpa-body.html',
    type: 'text/html',
    body: NO_BODY_PAGE,
    reader: 'not-article',
  },
  {
    name: 'windows-1252',
    path: '/aneh/latin.html',
    type: 'text/html; charset=windows-1252',
    body: latin1Page,
    adHidden: true,
    reader: 'article',
    check: (text) => expect(text).toContain('Kafé baru \u2013 \u201cramai\u201d'),
  },
  {
    name: 'RTL Arabic',
    path: '/aneh/rtl.html',
    type: 'text/html',
    body: RTL_PAGE,
    adHidden: true,
    reader: 'article',
    check: (text) => expect(text).toContain('إصلاح الطرق في القرى'),
  },
  {
    name: 'strict CSP header',
    path: '/aneh/csp.html',
    type: 'text/html',
    body: CSP_PAGE,
    headers: { 'content-security-policy': STRICT_CSP },
    adHidden: true,
    reader: 'article',
  },
  {
    name: 'DOM clobbering',
    path: '/aneh/jebakan.html',
    type: 'text/html',
    body: CLOBBER_PAGE,
    reader: 'article',
  },
  {
    name: 'root element taken out while loading',
    path: '/aneh/tanpa-akar.html',
    type: 'text/html',
    body: ROOTLESS_PAGE,
    reader: 'article',
    hostile: true,
  },
];

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync('artifacts/e2e', { recursive: true });
  server = await startFixtureServer('tests/fixtures');
  for (const strange of PAGES) {
    server.route(strange.path, (_req, res) => {
      const body = typeof strange.body === 'function' ? strange.body() : strange.body;
      res.writeHead(200, { 'content-type': strange.type, ...strange.headers }).end(body);
    });
  }
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The page still runs script: a round trip within the limit. */
async function answers(page: Page): Promise<boolean> {
  const answer = page.evaluate(() => 1 + 1).then((two) => two === 2);
  const late = new Promise<boolean>((done) => setTimeout(() => done(false), ANSWER_LIMIT_MS));
  return Promise.race([answer, late]);
}

/** What the reader shows once it stops loading: `article` or a status kind. */
async function readerOutcome(tabId: number): Promise<{ state: string; text: string }> {
  const reader = await browser.openExtensionPage(`/popup.html?tab=${tabId}&layout=popup`, POPUP);
  await reader.waitForSelector('.reader-article, .status-card:not(:has(.spinner))', {
    timeout: READER_LIMIT_MS,
  });
  const state = (await reader.locator('.reader-article').count())
    ? 'article'
    : ((await reader.locator('main.status').getAttribute('data-state')) ?? '?');
  const text = await reader.locator('main').first().innerText();
  if (state !== 'article') await reader.screenshot({ path: `artifacts/e2e/reader-${state}.png` });
  await reader.close();
  return { state, text };
}

describe('big and strange pages', () => {
  for (const strange of PAGES) {
    it(`${strange.name}: stays responsive, the reader answers, the console stays clean`, async () => {
      const tab = await browser.context.newPage();
      const pageConsole = await recordConsole(browser.context, tab);
      await tab.goto(server.url(strange.path, HOST), { timeout: 60_000 });
      const tabId = await browser.worker.evaluate(
        async (url) =>
          (await (globalThis as unknown as ChromeTabs).chrome.tabs.query({ url }))[0]?.id ?? -1,
        tab.url(),
      );
      await tab.waitForTimeout(500);
      expect(await answers(tab)).toBe(true);
      if (strange.adHidden) {
        await expect
          .poll(() => tab.evaluate(() => document.getElementById('iklan-atas')?.checkVisibility()))
          .toBe(false);
      }

      const outcome = await readerOutcome(tabId);
      // Either the article or a status card that says why: never an endless spinner.
      expect(outcome.state).toBe(strange.reader);
      expect(outcome.text.length).toBeGreaterThan(40);
      strange.check?.(outcome.text);
      expect(await answers(tab)).toBe(true);
      await tab.waitForTimeout(300);
      expect(pageConsole.fromExtension(browser.extensionId)).toEqual([]);
      // Errors of ours are recorded in the extension: none on ordinary strange pages, and the
      // hostile page's one is there (caught), while the page console above stayed clean.
      if (strange.hostile) {
        await expect
          .poll(async () => (await recordedErrors(tab.url()))[0]?.where)
          .toMatch(/^autoclean/);
      } else {
        expect(await recordedErrors(tab.url())).toEqual([]);
      }
      await pageConsole.detach();
      await tab.close();
    });
  }
});

/** The content-script errors the background recorded for a page. */
async function recordedErrors(url: string): Promise<{ where: string; message: string }[]> {
  const all = await browser.worker.evaluate(async () => {
    const api = (globalThis as unknown as ChromeSession).chrome;
    return (await api.storage.session.get('diagnostics:errors'))['diagnostics:errors'] ?? [];
  });
  return (all as { where: string; message: string; url: string }[])
    .filter((error) => error.url === url)
    .map(({ where, message }) => ({ where, message }));
}

interface ChromeSession {
  chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
}

interface ChromeTabs {
  chrome: { tabs: { query(q: { url: string }): Promise<{ id: number }[]> } };
}
