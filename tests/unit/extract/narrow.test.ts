import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract';
import { planNarrowing } from '@/lib/extract/narrow';
import { parse, PROSE } from './helpers';

const URL = 'https://mojokerto.disway.id/read/12345/pasar';
const TITLE = 'Pasar Baru Dibuka Sebelum Lebaran - Disway Mojokerto';
const story = (n = 6) =>
  Array.from({ length: n }, (_, i) => `<p>${PROSE} Paragraf ${i + 1}.</p>`).join('');
const teasers = Array.from(
  { length: 8 },
  (_, i) => `<li><a href="/read/${i}">Berita lain nomor ${i + 1} dari Mojokerto hari ini</a></li>`,
).join('');

/** A news page: header with a byline outside the story, the story in `storyTag`, teasers after. */
function newsPage(options: { storyTag?: string; head?: string; title?: string } = {}) {
  const tag = options.storyTag ?? 'article';
  return parse(`<!DOCTYPE html><html lang="id"><head><title>${options.title ?? TITLE}</title>
    ${options.head ?? ''}</head><body>
    <div class="page"><div class="headline"><h1>Pasar Baru Dibuka Sebelum Lebaran</h1>
      <div class="author-box">Budi Santoso</div></div>
    <div class="content"><${tag} class="story">${story()}</${tag}>
      <div class="side"><h3>Terpopuler</h3><ul>${teasers}</ul></div></div>
    </div><div class="footer-links"><ul>${teasers}</ul></div></body></html>`);
}

describe('planNarrowing', () => {
  it('takes the only <article> and the byline Readability would find before it', () => {
    const doc = newsPage();
    const plan = planNarrowing(doc);
    expect(plan?.story).toBe(doc.querySelector('article.story'));
    expect(plan?.byline).toBe(doc.querySelector('.author-box'));
  });

  it('takes the <article> around the only articleBody', () => {
    const doc = parse(`<html><head><title>${TITLE}</title></head><body>
      <article id="outer"><h1>Judul</h1><div itemprop="articleBody">${story()}</div></article>
      <article><p>${PROSE}</p></article></body></html>`);
    expect(planNarrowing(doc)?.story.id).toBe('outer');
  });

  it('carries no byline when the first one is in the story', () => {
    const doc = parse(`<html><head><title>${TITLE}</title></head><body>
      <article><div class="byline">Oleh Budi</div>${story()}</article>
      <div class="author">Redaksi</div></body></html>`);
    expect(planNarrowing(doc)?.byline).toBeNull();
  });

  it('skips bylines Readability removes unread (hidden, or in an unlikely block)', () => {
    const doc = parse(`<html><head><title>${TITLE}</title></head><body>
      <div class="sidebar"><span class="author">Penulis lain</span></div>
      <div hidden><span class="author">Tersembunyi</span></div>
      <span class="author" id="real">Budi Santoso</span><article>${story()}</article></body></html>`);
    expect(planNarrowing(doc)?.byline?.id).toBe('real');
  });

  it('takes the block around nearly all paragraph text when the page marks no story', () => {
    const doc = newsPage({ storyTag: 'section' });
    // Two levels above the paragraphs' block: Readability adds what lies beside what it picks.
    expect(planNarrowing(doc)?.story).toBe(doc.querySelector('.page'));
  });

  it('counts text kept in divs with line breaks, not only paragraphs', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `${PROSE} Baris ${i + 1}.`).join('<br><br>');
    const doc = parse(`<html><head><title>${TITLE}</title></head><body>
      <div id="page"><div id="wrap"><div id="main"><div>${lines}</div></div></div></div>
      <div class="about-site"><div><div><p>${PROSE}</p></div></div></div></body></html>`);
    expect(planNarrowing(doc)?.story.id).toBe('page');
    const result = extractArticle(doc, { url: URL });
    expect(result.ok && result.article.textContent).toContain('Baris 12.');
  });

  it('does not take an <article> that holds little of the prose (a reader comment)', () => {
    const doc = parse(`<html><head><title>${TITLE}</title></head><body>
      <div id="page"><div id="main"><div>${story(12)}</div></div></div>
      <div class="reader"><article>${story(1)}</article></div></body></html>`);
    expect(planNarrowing(doc)?.story.id).toBe('page');
  });

  it('leaves pages alone when the story is not clear or Readability reads the rest', () => {
    const two = `<div itemprop="articleBody">${story()}</div>`;
    const cases = {
      'two articleBody elements': `<title>${TITLE}</title></head><body>${two}${two}`,
      'two long articles': `<title>${TITLE}</title></head><body><article>${story()}</article><article>${story()}</article>`,
      'a title Readability checks against headings': `<title>Pasar baru: dibuka sebelum Lebaran</title></head><body><article>${story()}</article>`,
      'no paragraphs': `<title>${TITLE}</title></head><body><div><div>${PROSE}</div></div>`,
      'a story in a block Readability drops': `<title>${TITLE}</title></head><body><div class="comment-list"><article>${story()}</article></div>`,
      'a hidden story': `<title>${TITLE}</title></head><body><article style="display:none">${story()}</article>`,
    };
    for (const [name, html] of Object.entries(cases)) {
      expect(planNarrowing(parse(`<html><head>${html}</body></html>`)), name).toBeNull();
    }
  });
});

describe('extraction on the story alone', () => {
  it('gives what the whole page gives: title, byline, excerpt and text', () => {
    const read = (doc: Document, wholePage: boolean) => {
      const result = extractArticle(doc, { url: URL, wholePage });
      if (!result.ok) throw new Error(result.reason);
      const { title, byline, excerpt, textContent } = result.article;
      return { title, byline, excerpt, textContent };
    };
    for (const storyTag of ['article', 'section']) {
      const doc = newsPage({ storyTag });
      expect(planNarrowing(doc), storyTag).not.toBeNull();
      const ours = read(doc, false);
      expect(ours, storyTag).toEqual(read(doc, true));
      expect(ours.byline, storyTag).toBe('Budi Santoso');
    }
  });

  it('keeps the carried byline out of the article when the metadata names the author', () => {
    // A short sentence beside the story: Readability would append it to the article.
    const doc = parse(`<html><head><title>${TITLE}</title><meta name="author" content="Redaksi">
      </head><body><div><p class="author">Budi Santoso, dari Mojokerto.</p></div>
      <div><article>${story()}</article></div></body></html>`);
    expect(planNarrowing(doc)?.byline?.textContent).toBe('Budi Santoso, dari Mojokerto.');
    const result = extractArticle(doc, { url: URL });
    expect(result.ok && result.article.byline).toBe('Redaksi');
    expect(result.ok && result.article.textContent).not.toContain('Budi Santoso');
  });

  it('reads metadata kept in the body outside the story', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Pasar Baru Dibuka Sebelum Lebaran',
      author: { '@type': 'Person', name: 'Siti Aminah' },
    });
    const doc = newsPage();
    doc.body.insertAdjacentHTML(
      'beforeend',
      `<script type="application/ld+json">${jsonLd}</script>`,
    );
    expect(planNarrowing(doc)).not.toBeNull();
    const result = extractArticle(doc, { url: URL });
    expect(result.ok && result.article.byline).toBe('Siti Aminah');
  });

  it('reads the whole page when the story holds nothing Readability keeps', () => {
    const doc = parse(`<html><head><title>${TITLE}</title></head><body>
      <article><div style="display:none">${story(6)}</div></article>
      <div class="content">${story(3)}</div></body></html>`);
    expect(planNarrowing(doc)).not.toBeNull();
    const result = extractArticle(doc, { url: URL, force: true });
    expect(result.ok && result.article.paragraphs.length).toBe(3);
  });
});
