import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import { parse } from './helpers';

const clean = (html: string) => sanitizeArticleHtml(html, window);
const dom = (html: string) => parse(`<body>${clean(html)}</body>`).body;

describe('sanitizeArticleHtml', () => {
  it('drops scripts, handlers, frames, forms, styles and embedded documents', () => {
    const out = clean(`
      <p onclick="alert(1)" style="color:red">Teks</p>
      <script>alert(1)</script><style>p{}</style><noscript><p>x</p></noscript>
      <img src="/a.jpg" onerror="alert(1)">
      <iframe src="https://evil.example"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>
      <object data="x.swf"></object><embed src="x.swf">
      <form action="/x"><input name="q"><button>Kirim</button><textarea></textarea><select></select></form>
      <base href="https://evil.example/"><meta http-equiv="refresh" content="0"><link rel="stylesheet" href="x.css">
      <template><p>t</p></template>`);
    expect(out).not.toMatch(
      /script|onerror|onclick|style|iframe|srcdoc|object|embed|form|input|button|textarea|select|base|meta|link|template|alert/i,
    );
    expect(out).toContain('<p>Teks</p>');
    expect(out).toContain('<img src="/a.jpg">');
  });

  it('drops javascript:, vbscript: and data:text/html URLs, keeps web, mail and phone links', () => {
    const body = dom(`
      <a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a><a href="vbscript:msgbox(1)">c</a>
      <a href="data:text/html;base64,PHNjcmlwdD4=">d</a><img src="data:text/html,<script>alert(1)</script>">
      <a href="https://example.com/x">e</a><a href="mailto:redaksi@example.com">f</a><a href="tel:+62321">g</a>
      <a href="/berita/1">h</a><img src="data:image/png;base64,iVBORw0KGgo=">`);
    const hrefs = Array.from(body.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      null,
      null,
      null,
      null,
      'https://example.com/x',
      'mailto:redaksi@example.com',
      'tel:+62321',
      '/berita/1',
    ]);
    const srcs = Array.from(body.querySelectorAll('img')).map((img) => img.getAttribute('src'));
    expect(srcs).toEqual([null, 'data:image/png;base64,iVBORw0KGgo=']);
  });

  it('removes svg and mathml tricks', () => {
    const out = clean(`
      <svg><use href="https://evil.example/sprite.svg#x"></use><script>alert(1)</script></svg>
      <svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>
      <math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>
      <p>tetap</p>`);
    expect(out).not.toMatch(/svg|use|math|onerror|javascript|alert/i);
    expect(out).toContain('<p>tetap</p>');
  });

  it('drops unsafe srcset candidates and keeps safe ones', () => {
    const body = dom(
      `<img src="/a.jpg" srcset="/a-480.jpg 480w, javascript:alert(1) 800w"><picture><source srcset="/b.webp" type="image/webp"><img src="/b.jpg" alt="B"></picture>`,
    );
    expect(body.querySelector('img')?.hasAttribute('srcset')).toBe(false);
    expect(body.querySelector('source')?.getAttribute('srcset')).toBe('/b.webp');
  });

  it('opens links in a new tab without opener or referrer', () => {
    const link = dom(
      '<a href="https://example.com/" target="_self" rel="opener">x</a>',
    ).querySelector('a');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps article markup: figures, lists, quotes, headings, tables', () => {
    const html =
      '<figure><img src="/a.jpg" alt="A" width="800" height="450"><figcaption>Keterangan</figcaption></figure>' +
      '<h2>Sub</h2><ul><li>satu</li></ul><ol><li>dua</li></ol><blockquote>kutipan</blockquote>' +
      '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table><p><em>e</em> <strong>s</strong></p>';
    expect(clean(html)).toBe(html);
  });

  it('leaves the global DOMPurify without our hooks', async () => {
    const { default: DOMPurify } = await import('dompurify');
    clean('<a href="https://example.com/">x</a>');
    expect(DOMPurify.sanitize('<a href="https://example.com/">x</a>')).toBe(
      '<a href="https://example.com/">x</a>',
    );
  });
});
