import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPagination, isPageOf, pageAddress } from '@/lib/extract/pagination';
import { parse, PROSE } from './helpers';

const FIXTURES = join(__dirname, '../../fixtures/multipage');
const fixture = (name: string) => parse(readFileSync(join(FIXTURES, name), 'utf8'));

const TRIBUN =
  'http://www.tribunnews.com/regional/2026/11/20/jembatan-gantung-sumbersari-akhirnya-diperbaiki';
const DETIK = 'http://news.detik.com/berita/d-7712345/warga-gotong-royong-bersihkan-sungai-brantas';
const KOMPAS =
  'http://regional.kompas.com/read/2026/11/21/09300011/pasar-terapung-lok-baintan-kembali-ramai';
const TRAP =
  'http://radarmojokerto.jawapos.com/daerah/2026/11/24/posyandu-lansia-dibuka-di-setiap-dusun';

/** An article page with `links` in its body. */
function article(links: string, head = ''): Document {
  return parse(`<!DOCTYPE html><html><head><meta property="og:type" content="article">${head}</head>
    <body><article><h1>Judul</h1><p>${PROSE}</p><p>${PROSE}</p>${links}</article></body></html>`);
}

describe('pageAddress', () => {
  it('splits ?page=N, /N and show-all addresses from the article', () => {
    expect(pageAddress(`${TRIBUN}?page=2`)).toEqual({ stem: TRIBUN, page: 2, inPath: false });
    expect(pageAddress(`${TRIBUN}?page=all#page2`)).toMatchObject({ stem: TRIBUN, page: 'all' });
    expect(pageAddress(`${DETIK}/2`)).toEqual({ stem: DETIK, page: 2, inPath: true });
    expect(pageAddress(`${DETIK}?single=1`)).toMatchObject({ stem: DETIK, page: 'all' });
    expect(pageAddress(`${DETIK}/?utm_source=wa`)).toEqual({
      stem: DETIK,
      page: null,
      inPath: false,
    });
  });

  it('keeps ids, years, archives and other queries as part of the address', () => {
    // A long number is an article id, a date segment is not a slug, /page/N is an archive.
    expect(pageAddress('http://x.id/berita/123456')?.page).toBeNull();
    expect(pageAddress('http://x.id/read/2026/11/24/5')?.page).toBeNull();
    expect(pageAddress('http://x.id/daerah/page/2')?.page).toBeNull();
    expect(pageAddress('http://x.id/judul?cpage=2')?.stem).toBe('http://x.id/judul?cpage=2');
    expect(pageAddress('http://x.id/?page=2')).toBeNull();
    expect(pageAddress('mailto:redaksi@x.id')).toBeNull();
  });

  it('tells pages of one article from other addresses', () => {
    expect(isPageOf(`${KOMPAS}?page=3`, KOMPAS)).toBe(true);
    expect(isPageOf('?page=all', `${TRIBUN}?page=2`)).toBe(true);
    expect(isPageOf(`${KOMPAS}-lain?page=2`, KOMPAS)).toBe(false);
    expect(isPageOf(KOMPAS.replace('http:', 'https:'), KOMPAS)).toBe(false);
  });
});

describe('findPagination on the fixtures', () => {
  it('finds tribun pages 2 and 3 and the ?page=all show-all link', () => {
    expect(findPagination(fixture('tribun-page1.html'), TRIBUN)).toEqual({
      current: 1,
      showAll: `${TRIBUN}?page=all`,
      pages: [
        { number: 2, url: `${TRIBUN}?page=2` },
        { number: 3, url: `${TRIBUN}?page=3` },
      ],
    });
  });

  it('knows page 1 from page 2 of tribun', () => {
    const found = findPagination(fixture('tribun-page2.html'), `${TRIBUN}?page=2`);
    expect(found?.current).toBe(2);
    expect(found?.pages.map((page) => page.number)).toEqual([1, 3]);
  });

  it('finds detik /2 in the path and the ?single=1 link', () => {
    expect(findPagination(fixture('detik-page1.html'), DETIK)).toEqual({
      current: 1,
      showAll: `${DETIK}?single=1`,
      pages: [{ number: 2, url: `${DETIK}/2` }],
    });
    const second = findPagination(fixture('detik-page2.html'), `${DETIK}/2`);
    expect(second).toMatchObject({ current: 2, pages: [{ number: 1, url: DETIK }] });
  });

  it('finds kompas ?page=N links, and no show-all where there is none', () => {
    const first = findPagination(fixture('kompas-page1.html'), KOMPAS);
    expect(first).toEqual({
      current: 1,
      showAll: null,
      pages: [{ number: 2, url: `${KOMPAS}?page=2` }],
    });
    const second = findPagination(fixture('kompas-page2.html'), `${KOMPAS}?page=2`);
    expect(second?.pages.map((page) => page.number)).toEqual([1, 3]);
  });

  it('is not fooled by next articles, comment paging or homepage paging', () => {
    expect(findPagination(fixture('trap-next-article.html'), TRAP)).toBeNull();
  });

  it('finds nothing on a one-page article or a homepage', () => {
    const disway = readFileSync(join(__dirname, '../../fixtures/disway-article.html'), 'utf8');
    expect(findPagination(parse(disway), 'http://mojokerto.disway.id/read/1/jalan')).toBeNull();
    const home = readFileSync(join(__dirname, '../../fixtures/disway-homepage.html'), 'utf8');
    expect(findPagination(parse(home), 'http://mojokerto.disway.id/')).toBeNull();
  });
});

describe('findPagination rules', () => {
  const url = 'http://news.example.id/read/2026/11/01/judul-berita';

  it('orders sindonews-style /10 /20 page offsets', () => {
    const article1 = 'https://nasional.sindonews.com/read/1297047/12/judul-berita-1704171234';
    const doc = article(
      `<div class="pagination"><a href="${article1}/20">3</a> <a href="${article1}/10">2</a></div>`,
    );
    expect(findPagination(doc, article1)?.pages).toEqual([
      { number: 10, url: `${article1}/10` },
      { number: 20, url: `${article1}/20` },
    ]);
  });

  it('reads <link rel=next> of the same article', () => {
    const doc = article('', `<link rel="next" href="${url}/2">`);
    expect(findPagination(doc, url)?.pages).toEqual([{ number: 2, url: `${url}/2` }]);
  });

  it('takes /N links only with a sign of paging', () => {
    expect(findPagination(article(`<a href="${url}/2">Foto lainnya</a>`), url)).toBeNull();
    expect(findPagination(article(`<a href="${url}/2">2</a>`), url)?.pages).toHaveLength(1);
    expect(findPagination(article(`<a href="${url}/2">Berikutnya »</a>`), url)?.pages).toHaveLength(
      1,
    );
    expect(
      findPagination(
        article(`<div class="post-pagination"><a href="${url}/2">Lanjut baca</a></div>`),
        url,
      )?.pages,
    ).toHaveLength(1);
  });

  it('takes a show-all label on the same path with an unknown parameter', () => {
    const doc = article(`<a href="${url}?tampil=penuh">Baca dalam satu halaman</a>`);
    expect(findPagination(doc, url)?.showAll).toBe(`${url}?tampil=penuh`);
    expect(findPagination(article(`<a href="/indeks">Lihat semua</a>`), url)).toBeNull();
  });

  it('ignores the paging of an index page', () => {
    const headlines = Array.from(
      { length: 30 },
      (_, i) =>
        `<li><a href="/read/2026/11/${i + 1}/berita">Berita daerah nomor ${i + 1} hari ini</a></li>`,
    ).join('');
    const doc = parse(`<!DOCTYPE html><html><body><ul>${headlines}</ul>
      <div class="pagination"><a href="?page=2">2</a> <a href="?page=3">3</a></div></body></html>`);
    expect(findPagination(doc, 'http://news.example.id/regional')).toBeNull();
  });

  it('never crosses origins', () => {
    const doc = article(
      `<a href="https://other.example.id/read/2026/11/01/judul-berita?page=2">2</a>`,
    );
    expect(findPagination(doc, url)).toBeNull();
  });

  it('ignores the show-all page itself', () => {
    expect(findPagination(article(`<a href="?page=2">2</a>`), `${url}?page=all`)).toBeNull();
  });
});
