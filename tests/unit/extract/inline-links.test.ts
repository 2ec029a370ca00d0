import { describe, expect, it } from 'vitest';
import { isReadAlso, removeReadAlsoLinks } from '@/lib/extract/cleanup/inline-links';
import { body, PROSE, text } from './helpers';

describe('removeReadAlsoLinks', () => {
  it('removes "Baca Juga:" link paragraphs in their usual spellings', () => {
    const root = body(`
      <p>${PROSE}</p>
      <p><strong>Baca Juga:</strong> <a href="/a">Harga Cabai Naik</a></p>
      <p>BACA JUGA: <a href="/b">Parkir Liar Ditertibkan</a></p>
      <p>Baca juga <a href="/c">Banjir Mulai Surut</a></p>
      <div class="box"><p>Lihat juga: <a href="/d">Video Banjir</a></p></div>
      <p>Simak juga: <a href="/e">Jadwal Pemadaman</a></p>
      <p>Artikel terkait: <a href="/f">Pasar Kliwon</a></p>`);
    expect(removeReadAlsoLinks(root)).toBe(6);
    expect(text(root)).toBe(PROSE);
    expect(root.querySelector('.box')).toBeNull();
  });

  it('removes a "Baca juga:" headline without a link, but keeps sentences that start with "Baca"', () => {
    const root = body(`
      <p>Baca juga: Harga Cabai Naik Jelang Akhir Tahun</p>
      <p>Baca juga buku panduan yang dibagikan petugas. Isinya menjelaskan cara mendaftar.</p>
      <p>Lihat, warga sudah antre sejak pagi di depan kantor kelurahan.</p>`);
    removeReadAlsoLinks(root);
    expect(root.querySelectorAll('p')).toHaveLength(2);
    expect(text(root)).not.toContain('Harga Cabai');
  });

  it('takes only the link when it sits inside a story paragraph', () => {
    const root = body(`<p>${PROSE} <span>Baca juga: <a href="/x">Judul Lain</a></span></p>`);
    removeReadAlsoLinks(root);
    expect(text(root)).toBe(PROSE);
  });

  it('leaves long paragraphs alone even when they start with the label', () => {
    const el = body(`<p>Baca juga: ${PROSE} ${PROSE}</p>`).firstElementChild as Element;
    expect(isReadAlso(el)).toBe(false);
  });
});
