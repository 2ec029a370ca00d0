import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { validateFilterText } from '@/lib/autoclean/engine';
import {
  escapeIdent,
  looksRandom,
  matchesOnly,
  selectorFor,
  widerElement,
} from '@/lib/autoclean/selector';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = readFileSync(resolve(here, '../../fixtures/disway-article.html'), 'utf8');

function dom(html: string): Document {
  return new JSDOM(html, { url: 'https://mojokerto.disway.id/read/1' }).window.document;
}

describe('looksRandom', () => {
  it.each(['div-gpt-ad-1702600123456-0', 'css-1q2w3e', 'sc-aXZVg', 'a1b2c3d4e5', 'jsx-382910'])(
    'flags %s as generated',
    (token) => expect(looksRandom(token)).toBe(true),
  );
  it.each(['sticky-ad', 'ads-top', 'banner-inarticle', 'h1', 'col-md-4', 'article-body'])(
    'keeps %s',
    (token) => expect(looksRandom(token)).toBe(false),
  );
});

describe('selectorFor', () => {
  it('matches exactly the element, for every element of the disway fixture', () => {
    const doc = dom(fixture);
    const all = [...doc.body.querySelectorAll('*')];
    expect(all.length).toBeGreaterThan(150);
    for (const el of all) {
      const selector = selectorFor(el);
      expect(matchesOnly(selector, el), `${selector} for ${el.outerHTML.slice(0, 80)}`).toBe(true);
    }
  });

  it('gives rules the engine accepts', () => {
    const doc = dom(fixture);
    for (const el of [...doc.body.querySelectorAll('*')].slice(0, 150)) {
      expect(validateFilterText(`mojokerto.disway.id##${selectorFor(el)}`)).toEqual([]);
    }
  });

  it('prefers a stable id, then a meaningful class, then alt text', () => {
    const doc = dom(`<body>
      <div id="sticky-ad" class="x"></div>
      <div id="div-gpt-ad-1702600123456-0" class="ads-slot"></div>
      <div class="card"><img alt="Promo ACI OJOL" src="/a.png"></div>
      <div class="card"><img alt="Logo" src="/b.png"></div>
    </body>`);
    expect(selectorFor(doc.getElementById('sticky-ad')!)).toBe('#sticky-ad');
    expect(selectorFor(doc.querySelector('.ads-slot')!)).toBe('div.ads-slot');
    expect(selectorFor(doc.querySelector('img[alt^="Promo"]')!)).toBe('img[alt="Promo ACI OJOL"]');
  });

  it('anchors on an ancestor before falling back to nth-of-type', () => {
    const doc = dom(`<body>
      <aside class="sidebar"><div class="slot"><span>a</span></div></aside>
      <main><div class="slot"><span>b</span></div><div class="slot"><span>c</span></div></main>
    </body>`);
    const aside = doc.querySelector('aside .slot')!;
    expect(selectorFor(aside)).toBe('aside.sidebar > div.slot');
    const second = doc.querySelectorAll('main .slot')[1];
    const selector = selectorFor(second);
    expect(selector).toContain(':nth-of-type(2)');
    expect(matchesOnly(selector, second)).toBe(true);
  });

  it('escapes odd characters in ids and classes', () => {
    const doc = dom('<body><div id="a:b.c"></div><p class="1st"></p><p class="1st"></p></body>');
    expect(selectorFor(doc.getElementById('a:b.c')!)).toBe('#a\\:b\\.c');
    expect(escapeIdent('1st')).toBe('\\31 st');
    expect(
      matchesOnly(selectorFor(doc.querySelectorAll('p')[1]), doc.querySelectorAll('p')[1]),
    ).toBe(true);
  });
});

describe('widerElement', () => {
  it('moves to the parent but never to body or html', () => {
    const doc = dom('<body><section><div><b>x</b></div></section></body>');
    const b = doc.querySelector('b')!;
    expect(widerElement(b)?.tagName).toBe('DIV');
    expect(widerElement(doc.querySelector('section')!)).toBeNull();
  });
});
