import { describe, expect, it } from 'vitest';
import { isEmptySource, removeFooters } from '@/lib/extract/cleanup/footers';
import { body, PROSE, text } from './helpers';

describe('removeFooters', () => {
  it('removes empty and link-only "Sumber:" lines', () => {
    const root = body(`
      <p>${PROSE}</p>
      <p>Sumber:</p>
      <p>Sumber: <a href="https://example.com/">Tribun Mojokerto</a></p>
      <table><tr><td>Sumber</td><td>: <a href="https://persib.example/">Persib</a></td></tr></table>`);
    removeFooters(root);
    expect(text(root)).toBe(PROSE);
  });

  it('keeps a "Sumber:" that names a source in words, and sentences about sources', () => {
    const root = body(
      `<p>Sumber: Antara</p><p>Sumber daya air di desa itu menipis sejak Agustus.</p>`,
    );
    expect(isEmptySource(root.children[0])).toBe(false);
    expect(isEmptySource(root.children[1])).toBe(false);
    removeFooters(root);
    expect(root.querySelectorAll('p')).toHaveLength(2);
  });

  it('removes copyright and ad-sales lines', () => {
    const root = body(`
      <p>${PROSE}</p>
      <p>COPYRIGHT © ANTARA 2015</p>
      <div>© 2023 Disway Mojokerto. Hak cipta dilindungi undang-undang.</div>
      <p>Informasi pemasangan iklan hubungi sales[at]example.com</p>`);
    removeFooters(root);
    expect(text(root)).toBe(PROSE);
  });

  it('keeps story text about copyright', () => {
    const root = body(`<p>Copyright lagu itu kini dipegang oleh ahli waris penciptanya.</p>`);
    removeFooters(root);
    expect(root.querySelector('p')).not.toBeNull();
  });
});
