import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '@/lib/article';
import { extractArticle } from '@/lib/extract';
import { mergeArticlePages, removePagingControls } from '@/lib/extract/merge-pages';
import { fetchPageHtml, type FetchFunction } from '@/lib/page/fetch-pages';
import { extractAllPages } from '@/lib/page/multi-page';
import { body, parse, PROSE, text } from './helpers';

const FIXTURES = join(__dirname, '../../fixtures/multipage');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const TRIBUN =
  'http://www.tribunnews.com/regional/2026/11/20/jembatan-gantung-sumbersari-akhirnya-diperbaiki';
const DETIK = 'http://news.detik.com/berita/d-7712345/warga-gotong-royong-bersihkan-sungai-brantas';
const KOMPAS =
  'http://regional.kompas.com/read/2026/11/21/09300011/pasar-terapung-lok-baintan-kembali-ramai';
const SUARA =
  'http://www.suara.com/news/2026/11/23/061500/lampu-jalan-tenaga-surya-dipasang-di-jalur-pantura';
const TRAP =
  'http://radarmojokerto.jawapos.com/daerah/2026/11/24/posyandu-lansia-dibuka-di-setiap-dusun';

/** A fake site: URL → fixture file name or HTTP status; records what was asked. */
function site(routes: Record<string, string | number>) {
  const requests: string[] = [];
  const fetch: FetchFunction = (url, init) => {
    requests.push(url);
    const route = routes[url];
    if (route === 'hang') {
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    }
    if (route === undefined || typeof route === 'number') {
      return Promise.resolve(new Response('error', { status: (route as number) ?? 404 }));
    }
    return Promise.resolve(
      new Response(read(route), { headers: { 'content-type': 'text/html; charset=utf-8' } }),
    );
  };
  return { fetch, requests };
}

async function openPage(file: string, url: string, routes: Record<string, string | number>) {
  const doc = parse(read(file));
  const first = extractArticle(doc, { url });
  if (!first.ok) throw new Error(`fixture ${file} is not an article`);
  const win = { document: doc, DOMParser } as unknown as Window & { DOMParser: typeof DOMParser };
  const { fetch, requests } = site(routes);
  return { first: first.article, win, fetch, requests };
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** The first sentence-start of each fixture page, in page order. */
const TRIBUN_MARKS = [
  'TRIBUNNEWS.COM, MALANG – Jembatan gantung',
  'Pada tahap kedua, tim teknis mengganti kawat baja',
  'Pemerintah desa menargetkan jembatan bisa kembali dilalui',
];
const KOMPAS_MARKS = [
  'BANJAR, KOMPAS.com - Pasar terapung',
  'Selain wisatawan lokal, rombongan pelajar',
  'Dinas pariwisata berencana memasukkan',
];
const PAGER_TEXT =
  /Halaman Selanjutnya|Tampilkan Semua|Halaman:?\s*1\s*2|^\s*(Sebelumnya|Selanjutnya)\s*›?\s*$/im;

function expectAllOnce(article: ExtractedArticle, marks: string[]) {
  const positions = marks.map((mark) => article.textContent.indexOf(mark));
  for (const mark of marks) expect(occurrences(article.textContent, mark)).toBe(1);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  expect(article.textContent).not.toMatch(PAGER_TEXT);
}

describe('extractAllPages on the fixtures', () => {
  it('reads tribun through its ?page=all link: one fetch, three pages', async () => {
    const page = await openPage('tribun-page1.html', TRIBUN, {
      [`${TRIBUN}?page=all`]: 'tribun-all.html',
    });
    const merged = await extractAllPages(page.win, page.first, { fetch: page.fetch });
    expect(page.requests).toEqual([`${TRIBUN}?page=all`]);
    expectAllOnce(merged, TRIBUN_MARKS);
    expect(merged.pages).toEqual({ merged: 3, total: 3, failed: false });
    expect(merged.title).toBe(page.first.title);
    expect(merged.wordCount).toBeGreaterThan(page.first.wordCount * 2.5);
  });

  it('goes page by page when the show-all page fails, dropping repeated parts', async () => {
    const page = await openPage('tribun-page1.html', TRIBUN, {
      [`${TRIBUN}?page=all`]: 500,
      [`${TRIBUN}?page=2`]: 'tribun-page2.html',
      [`${TRIBUN}?page=3`]: 'tribun-page3.html',
    });
    const merged = await extractAllPages(page.win, page.first, { fetch: page.fetch });
    expect(page.requests).toEqual([`${TRIBUN}?page=all`, `${TRIBUN}?page=2`, `${TRIBUN}?page=3`]);
    expectAllOnce(merged, TRIBUN_MARKS);
    expect(merged.pages).toEqual({ merged: 3, total: 3, failed: false });
    // Pages 2 and 3 repeat the lead photo and its caption: shown once at most.
    const content = parse(merged.content);
    const leadImages = Array.from(content.querySelectorAll('img')).filter((img) =>
      img.getAttribute('src')?.endsWith('perbaikan-jalan-desa.jpg'),
    );
    expect(leadImages.length).toBeLessThanOrEqual(1);
    expect(occurrences(merged.textContent, 'Pekerja membongkar papan lama')).toBeLessThanOrEqual(1);
    expect(merged.paragraphs.filter((p) => p.startsWith('Pada tahap kedua'))).toHaveLength(1);
  });

  it('reads detik through ?single=1', async () => {
    const page = await openPage('detik-page1.html', DETIK, {
      [`${DETIK}?single=1`]: 'detik-single.html',
    });
    const merged = await extractAllPages(page.win, page.first, { fetch: page.fetch });
    expect(page.requests).toEqual([`${DETIK}?single=1`]);
    expect(merged.pages).toEqual({ merged: 2, total: 2, failed: false });
    expect(occurrences(merged.textContent, 'dua belas ton eceng gondok')).toBe(1);
    expect(merged.textContent).not.toMatch(/Tampilkan semua halaman|Selanjutnya/);
  });

  it('reads detik page 1 from page 2, in page order', async () => {
    const page = await openPage('detik-page2.html', `${DETIK}/2`, {
      [`${DETIK}?single=1`]: 404,
      [DETIK]: 'detik-page1.html',
    });
    const merged = await extractAllPages(page.win, page.first, { fetch: page.fetch });
    expect(merged.pages).toEqual({ merged: 2, total: 2, failed: false });
    const text = merged.textContent;
    expect(text.indexOf('Kediri - Ratusan warga')).toBeLessThan(text.indexOf('dua belas ton'));
  });

  it('finds kompas page 3 on page 2 (page 1 lists only 1 2)', async () => {
    const page = await openPage('kompas-page1.html', KOMPAS, {
      [`${KOMPAS}?page=2`]: 'kompas-page2.html',
      [`${KOMPAS}?page=3`]: 'kompas-page3.html',
    });
    const merged = await extractAllPages(page.win, page.first, { fetch: page.fetch });
    expect(page.requests).toEqual([`${KOMPAS}?page=2`, `${KOMPAS}?page=3`]);
    expectAllOnce(merged, KOMPAS_MARKS);
    expect(merged.pages).toEqual({ merged: 3, total: 3, failed: false });
    expect(merged.textContent).not.toContain('Festival Sungai Martapura');
  });

  it('falls back to page 1 when page 2 answers 500', async () => {
    const page = await openPage('suara-page1.html', SUARA, { [`${SUARA}?page=2`]: 500 });
    const merged = await extractAllPages(page.win, page.first, { fetch: page.fetch });
    expect(page.requests).toEqual([`${SUARA}?page=2`]);
    expect(merged.pages).toEqual({ merged: 1, total: 2, failed: true });
    expect(merged.textContent).toContain('seratus dua puluh lampu jalan');
    expect(merged.textContent).not.toContain('nomor pengaduan');
    expect(merged.textContent).not.toMatch(/Selanjutnya/);
  });

  it('leaves a one-page article alone and fetches nothing', async () => {
    const page = await openPage('trap-next-article.html', TRAP, {});
    const result = await extractAllPages(page.win, page.first, { fetch: page.fetch });
    expect(result).toBe(page.first);
    expect(page.requests).toEqual([]);
  });

  it('stops at the page limit and says pages are missing', async () => {
    const page = await openPage('kompas-page1.html', KOMPAS, {
      [`${KOMPAS}?page=2`]: 'kompas-page2.html',
      [`${KOMPAS}?page=3`]: 'kompas-page3.html',
    });
    const merged = await extractAllPages(page.win, page.first, {
      fetch: page.fetch,
      limits: { maxPages: 2 },
    });
    expect(page.requests).toEqual([`${KOMPAS}?page=2`]);
    expect(merged.pages).toEqual({ merged: 2, total: 3, failed: true });
  });

  it('gives up at the deadline and keeps page 1', async () => {
    const page = await openPage('kompas-page1.html', KOMPAS, { [`${KOMPAS}?page=2`]: 'hang' });
    const merged = await extractAllPages(page.win, page.first, {
      fetch: page.fetch,
      limits: { timeoutMs: 50 },
    });
    expect(merged.pages).toEqual({ merged: 1, total: 2, failed: true });
    expect(merged.textContent).toContain('Pasar terapung Lok Baintan kembali ramai');
  });
});

describe('fetchPageHtml', () => {
  const signal = new AbortController().signal;
  const html = (init: ResponseInit = {}) =>
    new Response('<p>halo</p>', { headers: { 'content-type': 'text/html' }, ...init });

  it('refuses another origin without fetching', async () => {
    let asked = false;
    const fetch: FetchFunction = () => {
      asked = true;
      return Promise.resolve(html());
    };
    await expect(
      fetchPageHtml('https://other.example/a', 'https://news.example', {
        fetch,
        signal,
        maxBytes: 1000,
      }),
    ).rejects.toThrow(/same origin/);
    expect(asked).toBe(false);
  });

  it('refuses a redirect to another origin, non-HTML and oversized pages', async () => {
    const redirected = html();
    Object.defineProperty(redirected, 'url', { value: 'https://other.example/login' });
    const options = (response: Response, maxBytes = 1000) => ({
      fetch: () => Promise.resolve(response),
      signal,
      maxBytes,
    });
    const url = 'https://news.example/a?page=2';
    await expect(fetchPageHtml(url, 'https://news.example', options(redirected))).rejects.toThrow(
      /another origin/,
    );
    const json = new Response('{}', { headers: { 'content-type': 'application/json' } });
    await expect(fetchPageHtml(url, 'https://news.example', options(json))).rejects.toThrow(
      /not HTML/,
    );
    await expect(fetchPageHtml(url, 'https://news.example', options(html(), 5))).rejects.toThrow(
      /larger/,
    );
    await expect(fetchPageHtml(url, 'https://news.example', options(html()))).resolves.toBe(
      '<p>halo</p>',
    );
  });

  it('decodes the charset the server names', async () => {
    const latin = new Response(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), {
      headers: { 'content-type': 'text/html; charset=iso-8859-1' },
    });
    const result = await fetchPageHtml('https://news.example/a', 'https://news.example', {
      fetch: () => Promise.resolve(latin),
      signal,
      maxBytes: 1000,
    });
    expect(result).toBe('café');
  });
});

describe('mergeArticlePages', () => {
  const url = 'http://news.example.id/read/2026/11/01/judul-berita';
  const article = (content: string, pageUrl = url): ExtractedArticle => ({
    url: pageUrl,
    title: 'Judul berita',
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: 'id',
    dir: null,
    excerpt: null,
    leadImage: { src: 'http://news.example.id/lead.jpg', alt: '', caption: 'Foto utama' },
    content,
    textContent: '',
    paragraphs: [],
    wordCount: 0,
    readerable: true,
  });

  it('drops repeated blocks and images of later pages and recounts the text', () => {
    const first = article(`<div id="readability-page-1"><p>${PROSE}</p>
      <p>Halaman <a href="${url}?page=2">2</a> <a href="${url}?page=2">Selanjutnya</a></p></div>`);
    const second = article(
      `<div id="readability-page-1"><h2>Judul berita</h2>
       <figure><img src="http://news.example.id/lead.jpg"><figcaption>Foto utama</figcaption></figure>
       <p>${PROSE}</p><p>Paragraf baru di halaman dua.</p><p>Halaman 2 dari 2</p></div>`,
      `${url}?page=2`,
    );
    const merged = mergeArticlePages(
      {
        base: first,
        pages: [
          { number: 1, article: first },
          { number: 2, article: second },
        ],
        total: 2,
        failed: false,
      },
      new DOMParser(),
    );
    expect(merged.paragraphs).toEqual([PROSE, 'Paragraf baru di halaman dua.']);
    expect(merged.content).not.toContain('lead.jpg');
    expect(merged.content).not.toContain('readability-page-1');
    expect(merged.textContent).not.toMatch(/Halaman|Selanjutnya|Judul berita/);
    expect(merged.wordCount).toBe(
      PROSE.split(/\s+/).length + 'Paragraf baru di halaman dua.'.split(' ').length,
    );
    expect(merged.pages).toEqual({ merged: 2, total: 2, failed: false });
  });

  it('does not count a page that added nothing', () => {
    const first = article(`<p>${PROSE}</p>`);
    const merged = mergeArticlePages(
      {
        base: first,
        pages: [
          { number: 1, article: first },
          { number: 2, article: article(`<p>${PROSE}</p>`, `${url}?page=2`) },
        ],
        total: 2,
        failed: false,
      },
      new DOMParser(),
    );
    expect(merged.pages?.merged).toBe(1);
  });
});

describe('removePagingControls', () => {
  const url = 'http://news.example.id/read/2026/11/01/judul-berita';

  it('removes pagers but keeps prose and links elsewhere', () => {
    const root = body(`<p>${PROSE}</p>
      <div class="paging"><span>1</span> <a href="?page=2">2</a> <a href="?page=2">Halaman Selanjutnya ›</a></div>
      <p><a href="${url}?page=all">Tampilkan semua</a></p>
      <p>Lanjutan cerita ada di <a href="${url}?page=2">halaman berikut tentang pasar</a> ini.</p>
      <p><a href="/read/2026/11/02/berita-lain">Berita lain</a></p>
      <figure><a href="${url}"><img src="/foto.jpg" alt=""></a></figure>`);
    removePagingControls(root, url);
    const result = text(root);
    expect(result).not.toMatch(/Selanjutnya|Tampilkan semua/);
    expect(result).toContain('Lanjutan cerita ada di halaman berikut tentang pasar ini.');
    expect(root.querySelector('a[href*="page="]')).toBeNull();
    expect(root.querySelector('a[href="/read/2026/11/02/berita-lain"]')).not.toBeNull();
    expect(result).toContain(PROSE);
    // A picture linked to the article itself stays, without the link.
    expect(root.querySelector('figure img[src="/foto.jpg"]')).not.toBeNull();
    expect(root.querySelector('figure a')).toBeNull();
  });
});
