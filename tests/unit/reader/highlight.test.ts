import { beforeEach, describe, expect, it } from 'vitest';
import { clearHighlights, highlightText } from '@/lib/reader/highlight';

let root: HTMLElement;

beforeEach(() => {
  document.body.innerHTML = `<div id="root">
    <p>Pembukaan jalan dimulai pukul 06.00 WIB.   Warga   <strong>Kab. Mojokerto</strong> menyambut baik.</p>
    <p>Anggaran mencapai Rp 1,1 miliar.</p>
  </div>`;
  root = document.getElementById('root')!;
});

function marked(): string {
  return Array.from(root.querySelectorAll('mark.bb-highlight'), (m) => m.textContent).join('');
}

describe('highlightText', () => {
  it('wraps a sentence that spans markup and odd whitespace', () => {
    const first = highlightText(root, 'Warga Kab. Mojokerto menyambut baik.');
    expect(first?.tagName).toBe('MARK');
    expect(marked().replace(/\s+/g, ' ')).toBe('Warga Kab. Mojokerto menyambut baik.');
    expect(root.querySelectorAll('mark').length).toBe(3);
  });

  it('returns null when the text is absent, leaving the DOM alone', () => {
    const before = root.innerHTML;
    expect(highlightText(root, 'Kalimat yang tidak ada.')).toBeNull();
    expect(root.innerHTML).toBe(before);
  });

  it('replaces the previous highlight and restores the text on clear', () => {
    const original = root.textContent;
    highlightText(root, 'Pembukaan jalan dimulai pukul 06.00 WIB.');
    highlightText(root, 'Anggaran mencapai Rp 1,1 miliar.');
    expect(marked()).toBe('Anggaran mencapai Rp 1,1 miliar.');
    clearHighlights(root);
    expect(root.querySelectorAll('mark').length).toBe(0);
    expect(root.textContent).toBe(original);
  });
});
