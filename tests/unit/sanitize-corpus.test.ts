import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract';
import { safeImageUrl, safeLinkUrl, sanitizeArticleHtml } from '@/lib/sanitize';
import { closeDocument, makeDocument } from '../../scripts/lib/dom';
import { findUnsafeMarkup } from '../../scripts/lib/fuzz-unsafe-markup';
import { XSS_PAYLOADS } from '../fixtures/xss/payloads';
import { buildXssPages, REAL_CAPTION, REAL_PARAGRAPHS } from '../fixtures/xss/pages';

const BEACON = 'http://contoh.example/xss-beacon';
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('XSS payload corpus', () => {
  it('has at least 50 payloads with unique ids, in every category and placement', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(XSS_PAYLOADS.map((payload) => payload.id)).size).toBe(XSS_PAYLOADS.length);
    const categories = new Set(XSS_PAYLOADS.map((payload) => payload.category));
    for (const category of [
      'classic',
      'svg-mutation',
      'mathml-mutation',
      'case-whitespace',
      'encoded-url',
      'css-url',
      'nested-noscript',
      'metadata',
    ]) {
      expect(categories).toContain(category);
    }
    const placements = new Set(XSS_PAYLOADS.map((payload) => payload.placement));
    expect(placements.size).toBe(10);
  });

  it('puts every payload on exactly one page, with all the real paragraphs intact', () => {
    const pages = buildXssPages(BEACON);
    const ids = pages.flatMap((page) => page.payloads.map((payload) => payload.id));
    expect(ids.sort()).toEqual(XSS_PAYLOADS.map((payload) => payload.id).sort());
    for (const page of pages) {
      const doc = makeDocument(page.html, `https://mojokerto.disway.id${page.path}`);
      const shown = Array.from(doc.querySelectorAll('#article-body > p'), (p) =>
        normalize(p.textContent ?? ''),
      );
      for (const paragraph of REAL_PARAGRAPHS) expect(shown).toContain(paragraph);
      closeDocument(doc);
    }
  });
});

describe('XSS payload corpus through extraction and sanitizing (jsdom)', () => {
  const win = makeDocument('', 'https://mojokerto.disway.id/').defaultView as unknown as Window;

  for (const page of buildXssPages(BEACON)) {
    const ids = page.payloads.map((payload) => payload.id).join(', ');
    it(`${page.path}: nothing unsafe survives, all real text stays (${ids})`, () => {
      const url = `https://mojokerto.disway.id${page.path}`;
      const doc = makeDocument(page.html, url);
      const result = extractArticle(doc, { url });
      closeDocument(doc);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { article } = result;

      // The extractor passes the hostile markup on: the sanitizer is what stops it.
      const raw = new DOMParser().parseFromString(`<body>${article.content}</body>`, 'text/html');
      expect(findUnsafeMarkup(raw.body, 'article').length).toBeGreaterThan(0);

      const clean = sanitizeArticleHtml(article.content, win);
      const body = new DOMParser().parseFromString(`<body>${clean}</body>`, 'text/html').body;
      expect(findUnsafeMarkup(body, 'article')).toEqual([]);
      // Sanitizing is stable: the output parsed again sanitizes to itself.
      expect(sanitizeArticleHtml(clean, win)).toBe(clean);

      const text = normalize(body.textContent ?? '');
      for (const paragraph of REAL_PARAGRAPHS) expect(text).toContain(paragraph);
      expect(article.paragraphs.map(normalize)).toEqual(expect.arrayContaining(REAL_PARAGRAPHS));

      const leadSrc = safeImageUrl(article.leadImage?.src);
      if (leadSrc) expect(leadSrc).toMatch(/^(https?:|data:image\/(png|gif|jpe?g|webp|avif);)/);
      if (article.leadImage?.caption) expect(article.leadImage.caption).toContain(REAL_CAPTION);
      expect(safeLinkUrl(article.url)).toBe(url);
    });
  }
});
