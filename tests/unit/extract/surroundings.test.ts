import { describe, expect, it } from 'vitest';
import { removeKickers } from '@/lib/extract/cleanup/kickers';
import { removeTeasers } from '@/lib/extract/cleanup/teasers';
import { removeTitleRepeats } from '@/lib/extract/cleanup/title-repeat';
import { findStoryBlock } from '@/lib/extract/story-block';
import { body, PROSE, text } from './helpers';

const STORY = `<div id="story"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>`;

describe('findStoryBlock', () => {
  it('finds the element holding the prose, past columns, labels and teasers', () => {
    const root = body(`<div><div id="left"><ul><li><a href="/a">Lirik</a></li></ul></div>
      <div id="right"><p><a href="/film">FILM INDONESIA</a></p>${STORY}
      <div><p><a href="/foto/lain"><img src="/t.jpg"></a></p><p>Cantiknya dia tanpa riasan saat berolahraga pagi di taman kota.</p></div></div></div>`);
    expect(findStoryBlock(root).id).toBe('story');
  });

  it('does not count a headline line as prose', () => {
    const root = body(
      `<div><p>In Picture: KPK Periksa Pejabat Mahkamah Agung yang Tertangkap Tangan Kemarin</p>${STORY}</div>`,
    );
    expect(findStoryBlock(root).id).toBe('story');
  });

  it('is the root when the prose is spread over several boxes', () => {
    const root = body(`<div id="a"><p>${PROSE}</p></div><div id="b"><p>${PROSE}</p></div>`);
    expect(findStoryBlock(root)).toBe(root);
  });
});

describe('removeTeasers', () => {
  it('removes link columns and picture teasers beside the story, keeps the lead picture', () => {
    const root = body(`<div>
      <div id="left"><ul><li><a href="/a">Justin Bieber</a></li><li><a href="/b">Adele</a></li></ul></div>
      <div id="right">
        <div><p><img src="/utama.jpg"></p><p>Brandon Salim/©KapanLagi.com</p></div>
        ${STORY}
        <div><p><a href="/foto/lain"><img src="/t.jpg"></a></p><p>Ini dia rumah mewah sang aktor, keren ya?</p></div>
      </div></div>`);
    removeTeasers(root, root.querySelector('#story') as Element);
    expect(root.querySelector('#left')).toBeNull();
    expect(root.querySelector('img[src="/t.jpg"]')).toBeNull();
    expect(root.querySelector('img[src="/utama.jpg"]')).not.toBeNull();
  });

  it('leaves link lists inside the story alone', () => {
    const root = body(
      `<div id="story"><p>${PROSE}</p><ul><li><a href="/1">Satu</a></li><li><a href="/2">Dua</a></li></ul><p>${PROSE}</p></div>`,
    );
    removeTeasers(root, findStoryBlock(root));
    expect(root.querySelector('ul')).not.toBeNull();
  });
});

describe('removeKickers', () => {
  it('removes section labels and tags above the story', () => {
    const root = body(
      `<div><p><a href="/selebriti">SELEBRITI</a></p><h2>Dian Sastrowardoyo</h2><p><img src="/a.jpg"></p>${STORY}</div>`,
    );
    removeKickers(root, root.querySelector('#story') as Element);
    expect(root.querySelector('h2')).toBeNull();
    expect(text(root)).toBe(`${PROSE} ${PROSE} ${PROSE}`);
    expect(root.querySelector('img')).not.toBeNull();
  });

  it('keeps short sentences, place lines and anything below the story start', () => {
    const root = body(`<div><p>Dia menolak.</p><p>Jakarta -</p>${STORY}<p>Persaingan</p></div>`);
    removeKickers(root, root.querySelector('#story') as Element);
    expect(root.querySelectorAll('p')).toHaveLength(6);
  });
});

describe('removeTitleRepeats', () => {
  it('removes the headline repeated above the story, with a prefix', () => {
    const title = 'KPK Periksa Pejabat Mahkamah Agung';
    const root = body(`<div><p>In Picture: KPK Periksa Pejabat Mahkamah Agung</p>${STORY}</div>`);
    removeTitleRepeats(root, root.querySelector('#story') as Element, title);
    expect(text(root)).toBe(`${PROSE} ${PROSE} ${PROSE}`);
  });

  it('keeps a paragraph that only mentions the headline', () => {
    const title = 'Pasar Baru Dibuka';
    const root = body(
      `<div><p>Berita berjudul Pasar Baru Dibuka ramai dibaca warga yang menunggu kabar sejak lama.</p>${STORY}</div>`,
    );
    removeTitleRepeats(root, root.querySelector('#story') as Element, title);
    expect(root.querySelectorAll('p')).toHaveLength(4);
  });
});
