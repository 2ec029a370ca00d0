import { describe, expect, it } from 'vitest';
import { safeImageUrl, safeLinkUrl, sanitizeArticleHtml } from '@/lib/sanitize';

const imgSrcset = (srcset: string) => {
  const html = sanitizeArticleHtml(`<img src="/a.jpg" srcset="${srcset}">`, window);
  return new DOMParser()
    .parseFromString(html, 'text/html')
    .querySelector('img')
    ?.getAttribute('srcset');
};

describe('safeLinkUrl and safeImageUrl (page URLs outside the sanitized body)', () => {
  it('keep http(s) URLs, resolved', () => {
    expect(safeLinkUrl('https://mojokerto.disway.id/read/1')).toBe(
      'https://mojokerto.disway.id/read/1',
    );
    expect(safeImageUrl(' /img/a.jpg ', 'http://contoh.example/berita/')).toBe(
      'http://contoh.example/img/a.jpg',
    );
    expect(safeImageUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
  });

  it('refuse script, document and other schemes, and broken URLs', () => {
    for (const value of [
      'javascript:alert(1)',
      ' JaVa\tScRiPt:alert(1)',
      '\u0001javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'file:///etc/passwd',
      'chrome-extension://abc/popup.html',
      'http://[',
      '',
      null,
      undefined,
    ]) {
      expect(safeLinkUrl(value)).toBeNull();
      expect(safeImageUrl(value)).toBeNull();
    }
    expect(safeLinkUrl('data:image/png;base64,iVBORw0KGgo=')).toBeNull();
  });
});

describe('srcset as browsers split it', () => {
  it('finds a script URL after a comma with no space', () => {
    expect(imgSrcset('/a.jpg 1x,javascript:alert(1) 2x')).toBeNull();
    expect(imgSrcset('/a.jpg 1x ,  data:text/html,x 2x')).toBeNull();
    expect(imgSrcset('javascript:alert(1)')).toBeNull();
  });

  it('keeps ordinary candidates, commas inside URLs included', () => {
    expect(imgSrcset('/a-480.jpg 480w, /a-800.jpg 800w')).toBe('/a-480.jpg 480w, /a-800.jpg 800w');
    expect(imgSrcset('/img.php?w=480,h=270 1x, /img.php?w=960,h=540 2x')).toBe(
      '/img.php?w=480,h=270 1x, /img.php?w=960,h=540 2x',
    );
  });
});

describe('a hostile <base href>', () => {
  it('is ignored unless it is http(s), so links stay absolute web URLs', async () => {
    const { baseUrl } = await import('@/lib/extract/urls');
    const doc = new DOMParser().parseFromString(
      '<base href="javascript:alert(1)//"><p>x</p>',
      'text/html',
    );
    expect(baseUrl(doc, 'https://mojokerto.disway.id/read/1')).toBe(
      'https://mojokerto.disway.id/read/1',
    );
  });
});

describe('extraction of a page jsdom cannot clone', () => {
  it('extracts instead of throwing on a broken doctype name ("html<", found by fuzzing)', async () => {
    const { extractArticle } = await import('@/lib/extract');
    const { makeDocument } = await import('../../scripts/lib/dom');
    const paragraph =
      'Hujan deras yang mengguyur Kabupaten Mojokerto sejak Selasa sore membuat Sungai Brangkal meluap dan merendam tiga desa di Kecamatan Jetis hingga Rabu pagi, kata petugas.';
    const doc = makeDocument(
      `<!DOCTYPE html<><html><body><article><h1>Banjir</h1>${`<p>${paragraph}</p>`.repeat(6)}</article></body></html>`,
      'https://mojokerto.disway.id/read/1',
    );
    expect(() => doc.cloneNode(true)).toThrow();
    const result = extractArticle(doc, { url: 'https://mojokerto.disway.id/read/1', force: true });
    expect(result.ok).toBe(true);
  });
});
