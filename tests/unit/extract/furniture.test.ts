import { describe, expect, it } from 'vitest';
import {
  removeCallouts,
  removeForms,
  removeLabelledLists,
  removeNamedLists,
  removeShareBars,
  removeWidgetLabels,
} from '@/lib/extract/cleanup/furniture';
import { body, PROSE, text } from './helpers';

const links = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<li><a href="/b/${i}">Judul berita lain nomor ${i}</a></li>`,
  ).join('');

describe('removeLabelledLists', () => {
  it('removes a "Berita Terkait" box with its links', () => {
    const root = body(
      `<p>${PROSE}</p><section class="box"><h3>Berita Terkait</h3><ul>${links(3)}</ul></section>`,
    );
    removeLabelledLists(root);
    expect(root.querySelector('section')).toBeNull();
    expect(text(root)).toBe(PROSE);
  });

  it('removes a label and the link list after it inside the story container', () => {
    const root = body(
      `<div><p>${PROSE}</p><p>Terpopuler</p><ul>${links(4)}</ul><p>${PROSE}</p></div>`,
    );
    removeLabelledLists(root);
    expect(root.querySelector('ul')).toBeNull();
    expect(text(root)).toBe(`${PROSE} ${PROSE}`);
  });

  it('handles Rekomendasi, Tags and "Jangan Lewatkan!" labels', () => {
    const root = body(`
      <p>${PROSE}</p>
      <div><h4>Rekomendasi</h4><a href="/1">Festival Kuliner Digelar Lagi</a><a href="/2">Jalan Rusak Segera Diperbaiki</a></div>
      <div><span>Tags:</span> <a href="/t/a">pasar</a> <a href="/t/b">renovasi</a></div>
      <div><b>JANGAN LEWATKAN!!!</b><ul>${links(2)}</ul></div>`);
    removeLabelledLists(root);
    expect(text(root)).toBe(PROSE);
  });

  it('removes a label left alone in its box, with only template comments after it', () => {
    const root = body(
      `<p>${PROSE}</p><div><p>FOTO TERKAIT:</p><!-- <div>Isi Komentar</div> --></div>`,
    );
    removeLabelledLists(root);
    expect(text(root)).toBe(PROSE);
  });

  it('keeps a heading followed by story text', () => {
    const root = body(`<h3>Terkini</h3><p>${PROSE}</p>`);
    removeLabelledLists(root);
    expect(root.querySelector('h3')).not.toBeNull();
  });
});

describe('removeNamedLists', () => {
  it('removes link boxes named related, tags or share', () => {
    const root = body(`
      <p>${PROSE}</p>
      <div class="related-news"><a href="/1">Pengungsi Banjir Butuh Selimut</a></div>
      <div class="post-tags"><a href="/t/1">banjir</a><a href="/t/2">sooko</a></div>
      <div class="share-top"></div>`);
    removeNamedLists(root);
    expect(root.children).toHaveLength(1);
  });

  it('keeps a named box that holds prose', () => {
    const root = body(`<div class="social-content"><p>${PROSE}</p></div>`);
    removeNamedLists(root);
    expect(text(root)).toBe(PROSE);
  });
});

describe('removeShareBars', () => {
  it('removes the bar around share links, with its label', () => {
    const root = body(`
      <p>${PROSE}</p>
      <div class="bar"><span>Bagikan:</span>
        <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a>
        <a href="https://api.whatsapp.com/send?text=x">WhatsApp</a>
        <a href="https://twitter.com/intent/tweet?url=x">Twitter</a></div>`);
    removeShareBars(root);
    expect(root.querySelector('.bar')).toBeNull();
    expect(text(root)).toBe(PROSE);
  });

  it('keeps ordinary links to social sites in the story', () => {
    const root = body(
      `<p>${PROSE} Akun <a href="https://twitter.com/pemkot">@pemkot</a> mengumumkannya.</p>`,
    );
    removeShareBars(root);
    expect(root.querySelector('a')).not.toBeNull();
  });
});

describe('removeCallouts', () => {
  it('removes WhatsApp Channel and Google News call-outs', () => {
    const root = body(`
      <p>${PROSE}</p>
      <p>Ikuti saluran <a href="https://whatsapp.com/channel/1">WhatsApp Channel Disway</a> untuk berita terbaru.</p>
      <p>Simak berita terbaru kami di <a href="https://news.google.com/s/x">Google News</a></p>`);
    removeCallouts(root);
    expect(text(root)).toBe(PROSE);
  });

  it('keeps story sentences that mention a messaging app', () => {
    const root = body(
      `<p>Pesan berantai itu menyebar lewat grup <a href="/tag/whatsapp">WhatsApp</a> warga sejak Senin.</p>`,
    );
    removeCallouts(root);
    expect(root.querySelector('p')).not.toBeNull();
  });
});

describe('removeForms and removeWidgetLabels', () => {
  it('removes forms, buttons and gallery counters', () => {
    const root = body(`
      <p>${PROSE}</p>
      <form><input name="email"><button>Kirim</button></form>
      <button>Muat lebih banyak</button>
      <p>12 Foto</p>
      <p><strong>Vote Photo</strong></p>
      <div><p><i></i>Credits (2) </p></div>`);
    removeForms(root);
    removeWidgetLabels(root);
    expect(text(root)).toBe(PROSE);
  });

  it('keeps a form that wraps the whole page', () => {
    const root = body(`<form id="aspnet"><p>${PROSE}</p></form>`);
    removeForms(root);
    expect(text(root)).toBe(PROSE);
  });
});
