import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle, MAX_ELEMENTS } from '@/lib/extract';
import { resolveLazyImages } from '@/lib/extract/lazy-images';
import { absolutizeUrls, baseUrl } from '@/lib/extract/urls';
import { body, parse, PROSE } from './helpers';

const URL = 'https://mojokerto.disway.id/read/12345/pasar';
const story = (n = 6) =>
  Array.from({ length: n }, (_, i) => `<p>${PROSE} Paragraf ${i + 1}.</p>`).join('');
const page = (head: string, article: string) =>
  parse(
    `<!DOCTYPE html><html lang="id"><head>${head}</head><body><article>${article}</article></body></html>`,
  );

describe('resolveLazyImages', () => {
  it('moves data-src, data-lazy-src, data-original and data-srcset into src/srcset', () => {
    const root = body(`
      <img id="a" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/a.jpg">
      <img id="b" src="/img/blank.gif" data-lazy-src="/b.jpg">
      <img id="c" data-original="/c.jpg">
      <img id="d" src="/lazy-placeholder.png" data-srcset="/d-480.jpg 480w, /d-960.jpg 960w">`);
    resolveLazyImages(root);
    const src = (id: string) => root.querySelector(`#${id}`)?.getAttribute('src');
    expect([src('a'), src('b'), src('c'), src('d')]).toEqual([
      '/a.jpg',
      '/b.jpg',
      '/c.jpg',
      '/d-960.jpg',
    ]);
    expect(root.querySelector('#d')?.getAttribute('srcset')).toBe(
      '/d-480.jpg 480w, /d-960.jpg 960w',
    );
  });

  it('drops 1x1 and data: placeholders that have nothing to load, keeps real images', () => {
    const root = body(`
      <img id="pixel" src="/img/1x1.gif"><img id="data" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <img id="photo" src="/foto/pasar.jpg">`);
    resolveLazyImages(root);
    expect(Array.from(root.querySelectorAll('img'), (img) => img.id)).toEqual(['photo']);
  });
});

describe('absolutizeUrls', () => {
  it('resolves href, src, srcset and poster against the page, honouring <base>', () => {
    const doc = parse(`<head><base href="/berita/"></head><body>
      <a href="foto/1">a</a><img src="img/a.jpg" srcset="img/a-480.jpg 480w, img/a.jpg 960w">
      <video poster="/p.jpg"></video><a href="#atas">top</a><a href="mailto:x@y.id">m</a></body>`);
    const base = baseUrl(doc, URL);
    expect(base).toBe('https://mojokerto.disway.id/berita/');
    absolutizeUrls(doc.body, base);
    const links = Array.from(doc.querySelectorAll('a'), (a) => a.getAttribute('href'));
    expect(links).toEqual(['https://mojokerto.disway.id/berita/foto/1', '#atas', 'mailto:x@y.id']);
    expect(doc.querySelector('img')?.getAttribute('srcset')).toBe(
      'https://mojokerto.disway.id/berita/img/a-480.jpg 480w, https://mojokerto.disway.id/berita/img/a.jpg 960w',
    );
    expect(doc.querySelector('video')?.getAttribute('poster')).toBe(
      'https://mojokerto.disway.id/p.jpg',
    );
  });
});

describe('extractArticle', () => {
  it('never changes the document it reads', () => {
    const doc = page(
      '<title>Judul - Disway</title>',
      `${story()}<p>Baca juga: <a href="/x">Lain</a></p><img data-src="/a.jpg">`,
    );
    const before = doc.documentElement.outerHTML;
    const result = extractArticle(doc, { url: URL });
    expect(result.ok).toBe(true);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it("works on a copy without the page's styles and code, but with its JSON-LD", () => {
    const doc = page(
      `<title>Pasar baru</title><style>${'.x{color:red}'.repeat(500)}</style>
      <script>window.tracker = 'PELACAK';</script>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Pasar baru","author":{"@type":"Person","name":"Rina Wulandari"}}</script>`,
      `${story()}<script>document.write('IKLAN SKRIP')</script><style>.iklan{}</style>`,
    );
    doc.body.insertAdjacentHTML('beforeend', '<script>var TRACKER = 1;</script>');
    const before = doc.documentElement.outerHTML;
    const result = extractArticle(doc, { url: URL });
    expect(result.ok && result.article.byline).toContain('Rina Wulandari');
    expect(result.ok && result.article.content).not.toMatch(/IKLAN SKRIP|PELACAK|TRACKER|color/);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('leaves menus and form controls out of the copy, but not a story wrapped in a <nav>', () => {
    const menu = '<nav><ul><li><a href="/a">MENU NASIONAL</a></li></ul></nav>';
    const controls =
      '<p><select><option>PILIHAN KOTA</option></select><button>TOMBOL BAGIKAN</button></p>';
    const doc = page('', `${menu}${story(3)}${controls}${story(3)}`);
    const before = doc.documentElement.outerHTML;
    const result = extractArticle(doc, { url: URL });
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.textContent).not.toMatch(/MENU NASIONAL|PILIHAN KOTA|TOMBOL BAGIKAN/);
    expect(doc.documentElement.outerHTML).toBe(before);

    const wrapped = parse(
      `<!DOCTYPE html><html><head><title>Pasar</title></head><body><nav><article>${story()}</article></nav></body></html>`,
    );
    const kept = extractArticle(wrapped, { url: URL });
    expect(kept.ok && kept.article.paragraphs).toHaveLength(6);

    // The story's marks: a <main> or an articleBody inside the menu, or on the <nav> itself.
    for (const nav of [
      `<nav><main>${story()}</main></nav>`,
      `<nav><div itemprop="articleBody">${story()}</div></nav>`,
      `<nav itemprop="articleBody">${story()}</nav>`,
    ]) {
      const marked = extractArticle(page('', `${menu}${nav}`), { url: URL });
      expect(marked.ok && marked.article.paragraphs).toHaveLength(6);
    }
  });

  it('resolves lazy images and relative links in the article', () => {
    const doc = page(
      '',
      `${story(3)}<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/foto/a.jpg" alt="Foto"></p>${story(3)}<p><a href="/read/2/lain">tautan</a> ${PROSE}</p>`,
    );
    const result = extractArticle(doc, { url: URL });
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.content).toContain('src="https://mojokerto.disway.id/foto/a.jpg"');
    expect(result.article.content).toContain('href="https://mojokerto.disway.id/read/2/lain"');
    expect(result.article.content).not.toContain('data:image/gif');
  });

  it('reads title, byline, site, date, language, excerpt and paragraphs', () => {
    const head = `<title>Pasar Direnovasi - Disway Mojokerto</title><meta property="og:site_name" content="Disway Mojokerto">`;
    const doc = page(
      head,
      `<p>Jumat, 15 Desember 2023 09:12 WIB</p>${story()}<p>Reporter: Fikri Ardiansyah</p><p>Editor: Nur Laila</p>`,
    );
    const result = extractArticle(doc, { url: URL });
    if (!result.ok) throw new Error(result.reason);
    const { article } = result;
    expect(article.title).toBe('Pasar Direnovasi');
    expect(article.siteName).toBe('Disway Mojokerto');
    expect(article.byline).toBe('Fikri Ardiansyah · Editor: Nur Laila');
    expect(article.publishedTime).toBe('2023-12-15T09:12:00+07:00');
    expect(article.lang).toBe('id');
    expect(article.paragraphs).toHaveLength(6);
    expect(article.excerpt).toBe(article.paragraphs[0]);
    expect(article.textContent).not.toMatch(/Reporter:|Editor:|09:12 WIB/);
    expect(article.wordCount).toBeGreaterThan(150);
    expect(article.readerable).toBe(true);
  });

  it('guesses the language from the text when the page does not say', () => {
    const doc = parse(`<body><article>${story()}</article></body>`);
    const result = extractArticle(doc, { url: URL });
    expect(result.ok && result.article.lang).toBe('id');
  });

  it('refuses a homepage unless forced, and then says it is not readerable', () => {
    const cards = Array.from(
      { length: 40 },
      (_, i) => `<div><a href="/read/${i}">Judul berita daerah nomor ${i} hari ini</a></div>`,
    ).join('');
    const doc = parse(
      `<head><meta property="og:type" content="website"></head><body>${cards}<p>${PROSE}</p></body>`,
    );
    expect(extractArticle(doc, { url: 'https://mojokerto.disway.id/' })).toEqual({
      ok: false,
      reason: 'not-readerable',
    });
    const forced = extractArticle(doc, { url: 'https://mojokerto.disway.id/', force: true });
    expect(forced.ok && forced.article.readerable).toBe(false);
  });

  it('gives up on an enormous page instead of parsing it', () => {
    const doc = parse(
      `<body><article>${story()}</article>${'<i></i>'.repeat(MAX_ELEMENTS)}</body>`,
    );
    expect(extractArticle(doc, { url: URL, force: true })).toEqual({
      ok: false,
      reason: 'too-large',
    });
  });

  it('cleans the project fixture article: no ads, banners, Baca Juga, share bars or empty Sumber', () => {
    const doc = parse(readFileSync('tests/fixtures/disway-article.html', 'utf8'));
    const result = extractArticle(doc, { url: 'http://mojokerto.disway.id/read/1/berita' });
    if (!result.ok) throw new Error(result.reason);
    const { content, textContent, byline, publishedTime } = result.article;
    expect(textContent).toMatch(/^MOJOKERTO, DISWAY\.ID –/);
    expect(textContent).toMatch(/\(fik\/nlh\)$/);
    expect(content).not.toMatch(/ACI OJOL|speedcash|adsbygoogle|div-gpt-ad/i);
    expect(textContent).not.toMatch(/ADVERTISEMENT|SCROLL TO CONTINUE|BACA JUGA|Sumber:/);
    expect(byline).toContain('Fikri Ardiansyah');
    expect(byline).toContain('Editor: Nur Laila Hidayati');
    expect(publishedTime).toMatch(/^2023-12-15T09:12/);
  });
});
