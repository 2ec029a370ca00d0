import { describe, expect, it } from 'vitest';
import { articleCaptions, findCaptions } from '@/lib/extract/captions';
import { blockText, paragraphTexts } from '@/lib/extract/text';
import { body, PROSE } from './helpers';

const story = `<div class="body"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>`;
const texts = (captions: Set<Element>) => Array.from(captions, (el) => el.textContent?.trim());

describe('findCaptions', () => {
  it('finds figcaptions and credited lines under a picture', () => {
    const root = body(`
      <figure><img src="/a.jpg"><figcaption>Warga melintasi genangan.</figcaption></figure>
      <div><p><img src="/b.jpg"></p><p>Petugas BMKG memantau abu vulkanik Gunung Rinjani di Banyuwangi, Kamis (5/11). (ANTARA FOTO/Budi Setya)</p></div>
      <p><img src="/c.jpg" alt="Pesta di rumahnya © Instagram.com"><span>Pesta di rumahnya © Instagram.com</span></p>
      ${story}`);
    expect(texts(findCaptions(root))).toEqual([
      'Warga melintasi genangan.',
      'Petugas BMKG memantau abu vulkanik Gunung Rinjani di Banyuwangi, Kamis (5/11). (ANTARA FOTO/Budi Setya)',
      'Pesta di rumahnya © Instagram.com',
    ]);
  });

  it('reads a source in parentheses, a caption class or the alt text as proof', () => {
    const root = body(`
      <p><img src="/a.jpg"></p><p>Musisi dunia memberi tepuk tangan untuk Joey Alexander. (Grammy)</p>
      <div class="caption-img">Indra Birowo. (Foto: Vania/Okezone)</div>
      <p><img src="/b.jpg" alt="Gardu induk baru"></p><p>Gardu induk baru</p>
      ${story}`);
    expect(findCaptions(root).size).toBe(3);
  });

  it('keeps a short story line after a picture inside the story', () => {
    const root = body(
      `<div><p>${PROSE}</p><p><img src="/a.jpg"></p><p>Dia menolak berkomentar.</p><p>${PROSE}</p></div>`,
    );
    expect(findCaptions(root).size).toBe(0);
  });

  it('takes a short line under a picture above the story as its caption', () => {
    const root = body(`<p><img src="/a.jpg"></p><p>Suasana pasar baru di Mojokerto</p>${story}`);
    expect(texts(findCaptions(root))).toEqual(['Suasana pasar baru di Mojokerto']);
    expect(texts(articleCaptions(root))).toEqual(['Suasana pasar baru di Mojokerto']);
  });

  it('keeps captions on a gallery page, where they are the story', () => {
    const item = (i: number) =>
      `<figure><img src="/${i}.jpg"><figcaption>Foto ${i}: warga menonton karnaval di alun-alun kota pada Minggu sore bersama keluarga.</figcaption></figure>`;
    const root = body(`${item(1)}${item(2)}${item(3)}<p>Galeri karnaval.</p>`);
    expect(findCaptions(root).size).toBe(0);
  });
});

describe('text without captions', () => {
  it('leaves the lead caption out of the text and the paragraphs, not out of the HTML', () => {
    const root = body(
      `<div><p><img src="/a.jpg"></p><p>Pasar baru. (Foto: Dok.)</p></div><figure><img src="/b.jpg"><figcaption>Denah pasar</figcaption></figure>${story}`,
    );
    const captions = articleCaptions(root);
    expect(blockText(root, captions)).not.toContain('Foto: Dok.');
    // A <figure> is the author's own: its caption stays in the text.
    expect(blockText(root, captions)).toContain('Denah pasar');
    expect(paragraphTexts(root, null, captions)).toEqual([PROSE, PROSE, PROSE]);
    expect(root.textContent).toContain('Foto: Dok.');
  });
});

describe('a picture box', () => {
  it('reads the one short line boxed with a picture as its caption', () => {
    const root = body(
      `<div><p>${PROSE}</p><div><p><img src="/a.jpg"></p><p>Gardu induk baru PLN.</p></div><p>${PROSE}</p></div>`,
    );
    expect(texts(findCaptions(root))).toEqual(['Gardu induk baru PLN.']);
  });
});

describe('caption class names', () => {
  it('does not take a "no_caption" box for a caption', () => {
    const page = (cls: string) =>
      body(
        `<div><p>${PROSE}</p><p><img src="/a.jpg"></p><div class="${cls}">Warga antre minyak goreng sejak pagi.</div><p>${PROSE}</p></div>`,
      );
    expect(findCaptions(page('item caption')).size).toBe(1);
    expect(findCaptions(page('item no_caption')).size).toBe(0);
  });
});
