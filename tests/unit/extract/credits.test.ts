import { describe, expect, it } from 'vitest';
import { findCredits, mergeByline, parseCredits, takeCredits } from '@/lib/extract/credits';
import { body, PROSE, text } from './helpers';

describe('parseCredits', () => {
  it('reads one or several labelled names', () => {
    expect(parseCredits('Editor: Ade Marboen')).toEqual([{ role: 'Editor', name: 'Ade Marboen' }]);
    expect(parseCredits('Reporter: Fikri Ardiansyah | Editor: Nur Laila Hidayati')).toEqual([
      { role: 'author', name: 'Fikri Ardiansyah' },
      { role: 'Editor', name: 'Nur Laila Hidayati' },
    ]);
    expect(parseCredits('Penulis : Ferril Dennys Editor : Aloysius Gonsaga AE')).toHaveLength(2);
  });

  it('refuses sentences and lines that do not start with a label', () => {
    expect(parseCredits('Menurut editor: semua sudah siap.')).toBeNull();
    expect(parseCredits('Oleh karena itu, warga diminta waspada.')).toBeNull();
    expect(
      parseCredits('Editor: dia bilang semua sudah siap sejak pagi tadi, kata warga 123'),
    ).toBeNull();
  });
});

describe('takeCredits', () => {
  it('moves Penulis/Reporter/Editor lines out of the story, including table rows', () => {
    const root = body(`
      <p>${PROSE}</p>
      <p>Reporter: Dimas Prasetyo</p>
      <p>Editor: Rizal Fahmi</p>
      <table><tr><td>Redaktur</td><td>:</td><td>Mohamad Amin</td></tr></table>`);
    const credits = takeCredits(root);
    expect(credits.map((c) => c.name)).toEqual(['Dimas Prasetyo', 'Rizal Fahmi', 'Mohamad Amin']);
    expect(text(root)).toBe(PROSE);
    expect(root.querySelector('table')).toBeNull();
  });

  it('finds credits without touching the page', () => {
    const root = body(`<div id="penulis">Penulis: Ayu Kartika | Editor: Bagus Santoso</div>`);
    expect(findCredits(root)).toHaveLength(2);
    expect(root.querySelector('#penulis')).not.toBeNull();
  });
});

describe('mergeByline', () => {
  it('joins Readability byline and credits without repeating a name', () => {
    const credits = [
      { role: 'author', name: 'Dimas Prasetyo' },
      { role: 'Editor', name: 'Rizal Fahmi' },
    ];
    expect(mergeByline('Dimas Prasetyo', credits)).toBe('Dimas Prasetyo · Editor: Rizal Fahmi');
    expect(mergeByline(null, credits)).toBe('Dimas Prasetyo · Editor: Rizal Fahmi');
    expect(mergeByline('Reporter: A Budi | Editor: C Dewi', [])).toBe('A Budi · Editor: C Dewi');
    expect(mergeByline(null, [])).toBeNull();
  });

  it('drops a publisher in the author field when the article credits people', () => {
    const credits = [{ role: 'Editor', name: 'Ervan Hardoko' }];
    expect(mergeByline('Kompas Cyber Media', credits)).toBe('Editor: Ervan Hardoko');
    expect(
      mergeByline('PT. VIVA MEDIA BARU - VIVA.co.id', [{ role: 'author', name: 'Maya Sofia' }]),
    ).toBe('Maya Sofia');
    expect(mergeByline('Kompas Cyber Media', [])).toBe('Kompas Cyber Media');
  });
});
