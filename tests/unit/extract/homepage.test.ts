import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasArticleMetadata, looksLikeHomepage } from '@/lib/extract/homepage';
import { isReaderable } from '@/lib/extract/readerable';
import { parse, PROSE } from './helpers';

const cards = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<div class="card"><a href="/read/${i}">Judul berita daerah nomor ${i} hari ini</a><p>Teaser singkat.</p></div>`,
  ).join('');

describe('looksLikeHomepage', () => {
  it('calls a page of headline cards with little running text a homepage', () => {
    const doc = parse(`<body>${cards(40)}</body>`);
    expect(looksLikeHomepage(doc, 'https://mojokerto.example/kanal/berita')).toBe(true);
  });

  it('needs fewer headlines when the page says it is a website', () => {
    const page = (head: string) =>
      parse(`<head>${head}</head><body>${cards(25)}<p>${PROSE}</p></body>`);
    const url = 'https://mojokerto.example/kanal';
    expect(looksLikeHomepage(page('<meta property="og:type" content="website">'), url)).toBe(true);
    expect(looksLikeHomepage(page(''), url)).toBe(false);
  });

  it('calls the site root a homepage unless the page says it is an article', () => {
    expect(looksLikeHomepage(parse(`<p>${PROSE}</p>`), 'https://mojokerto.example/')).toBe(true);
    const article = parse(
      `<head><meta property="og:type" content="article"></head><body><p>${PROSE}</p></body>`,
    );
    expect(hasArticleMetadata(article)).toBe(true);
    expect(looksLikeHomepage(article, 'https://mojokerto.example/')).toBe(false);
  });

  it('does not call an article with a related list a homepage', () => {
    const story = Array.from({ length: 8 }, () => `<p>${PROSE}</p>`).join('');
    const doc = parse(`<body><article>${story}</article><aside>${cards(25)}</aside></body>`);
    expect(looksLikeHomepage(doc, 'https://mojokerto.example/read/1/judul')).toBe(false);
  });
});

describe('isReaderable on the project fixtures', () => {
  const fixture = (name: string) => parse(readFileSync(`tests/fixtures/${name}`, 'utf8'));

  it('refuses the front page and the very short notice, accepts the article', () => {
    expect(isReaderable(fixture('disway-homepage.html'), 'http://mojokerto.disway.id/')).toBe(
      false,
    );
    expect(
      isReaderable(fixture('short-page.html'), 'http://mojokerto.disway.id/read/2/pengumuman'),
    ).toBe(false);
    expect(
      isReaderable(fixture('disway-article.html'), 'http://mojokerto.disway.id/read/1/berita'),
    ).toBe(true);
  });
});
