import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract';
import { isTooLarge, MAX_DEPTH, MAX_ELEMENTS } from '@/lib/extract/limits';

const PARAGRAPH =
  '<p>Pemerintah Kabupaten Mojokerto memperbaiki jalan desa sepanjang tiga kilometer tahun ini, ' +
  'dan warga menyambut baik perbaikan itu karena jalan menjadi akses utama ke pasar.</p>';

/** A page whose article sits `depth` levels down (built by script: the parser caps nesting). */
function nested(depth: number, siblings = 0): Document {
  const doc = new JSDOM('<!doctype html><html><head><title>t</title></head><body></body></html>')
    .window.document;
  for (let i = 0; i < siblings; i++) doc.body.append(doc.createElement('span'));
  let node: Element = doc.body;
  // <html> and <body> are levels 1 and 2.
  for (let level = 3; level <= depth; level++) {
    const div = doc.createElement('div');
    node.append(div);
    node = div;
  }
  return doc;
}

describe('extraction limits', () => {
  it('accepts a page exactly MAX_DEPTH deep and refuses one level more', () => {
    expect(isTooLarge(nested(MAX_DEPTH))).toBe(false);
    expect(isTooLarge(nested(MAX_DEPTH + 1))).toBe(true);
  });

  it('finds a deep branch after shallow siblings, and walks back up correctly', () => {
    const doc = nested(MAX_DEPTH + 5, 50);
    expect(isTooLarge(doc)).toBe(true);
    // The deep branch first, then siblings: still found; removing it makes the page fine.
    const deep = doc.body.querySelector('div')!;
    doc.body.append(deep);
    expect(isTooLarge(doc)).toBe(true);
    deep.remove();
    expect(isTooLarge(doc)).toBe(false);
  });

  it('counts elements as well as depth', () => {
    const html = `<body>${'<i></i>'.repeat(MAX_ELEMENTS)}</body>`;
    expect(isTooLarge(new JSDOM(html).window.document)).toBe(true);
  });

  it('tells the reader the page is too large instead of parsing a 1,000-level article', () => {
    const doc = nested(1000);
    const divs = doc.body.getElementsByTagName('div');
    divs[divs.length - 1].innerHTML =
      `<article><h1>Jalan desa</h1>${PARAGRAPH.repeat(10)}</article>`;
    expect(extractArticle(doc, { url: 'https://mojokerto.disway.id/a', force: true })).toEqual({
      ok: false,
      reason: 'too-large',
    });
  });

  it('a document without a root element is not too large', () => {
    const doc = nested(3);
    doc.documentElement.remove();
    expect(isTooLarge(doc)).toBe(false);
  });
});
