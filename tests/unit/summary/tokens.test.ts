import { describe, expect, it } from 'vitest';
import {
  contentTokens,
  countWords,
  detectLanguage,
  readingMinutes,
  removeStops,
  summaryLanguage,
  tokenize,
} from '@/lib/summary';

describe('tokenize', () => {
  it('lowercases letter and number runs in any script', () => {
    expect(tokenize('Kafé "Señor" di Jl. Ahmad Yani, 2024!')).toEqual([
      'kafé',
      'señor',
      'di',
      'jl',
      'ahmad',
      'yani',
      '2024',
    ]);
    expect(tokenize(' .,!? ')).toEqual([]);
  });
});

describe('stopwords', () => {
  it('removes the stopwords of the chosen language only', () => {
    const tokens = ['warga', 'yang', 'dan', 'the', 'banjir', 'of'];
    expect(removeStops(tokens)).toEqual(['warga', 'the', 'banjir', 'of']);
    expect(removeStops(tokens, 'id')).toEqual(['warga', 'the', 'banjir', 'of']);
    expect(removeStops(tokens, 'en')).toEqual(['warga', 'yang', 'dan', 'banjir']);
  });

  it('keeps an English content word that is an Indonesian stopword, and back', () => {
    // "para" is an Indonesian stopword but an English content word; "all" is the reverse case.
    expect(contentTokens('They would all watch the para athletes', 'en')).toEqual([
      'watch',
      'para',
      'athletes',
    ]);
    expect(contentTokens('Para atlet all out di final', 'id')).toEqual([
      'atlet',
      'all',
      'out',
      'final',
    ]);
  });

  it('gives content tokens of a text', () => {
    expect(contentTokens('Warga yang terdampak banjir di Kabupaten Bandung')).toEqual([
      'warga',
      'terdampak',
      'banjir',
      'kabupaten',
      'bandung',
    ]);
  });

  it('leaves nothing of an all-stopword text', () => {
    expect(contentTokens('Dan yang di atas itu adalah untuk kita.')).toEqual([]);
  });
});

describe('detectLanguage', () => {
  it('detects Indonesian', () => {
    expect(detectLanguage('Pemerintah daerah akan membangun jembatan yang baru di desa itu.')).toBe(
      'id',
    );
  });

  it('detects English', () => {
    expect(
      detectLanguage('The council said that the new bridge would be built in the village.'),
    ).toBe('en');
  });

  it('falls back to Indonesian without evidence', () => {
    expect(detectLanguage('')).toBe('id');
    expect(detectLanguage('Jakarta 2024')).toBe('id');
  });
});

describe('summaryLanguage', () => {
  const indonesian = 'Pemerintah daerah akan membangun jembatan yang baru di desa itu untuk warga.';
  const english = 'The council said that the new bridge would be built in the village for them.';

  it('trusts the text over a wrong template language', () => {
    expect(summaryLanguage('en', indonesian)).toBe('id');
    expect(summaryLanguage('en-US', indonesian)).toBe('id');
    expect(summaryLanguage('id', english)).toBe('en');
  });

  it('uses the declared language when the text is too short to tell', () => {
    expect(summaryLanguage('en-US', 'Jakarta 2024')).toBe('en');
    expect(summaryLanguage('in', 'Jakarta 2024')).toBe('id');
    expect(summaryLanguage('fr', 'Jakarta 2024')).toBe('id');
    expect(summaryLanguage(null, 'Jakarta 2024')).toBe('id');
  });
});

describe('countWords', () => {
  it('counts words, keeping hyphenated words and numbers whole', () => {
    expect(countWords('Masing-masing menerima Rp 1.229 ribu, kata Jum’at.')).toBe(7);
    expect(countWords('Rabu (12/3) pukul 20:00 WIB')).toBe(5);
    expect(countWords('')).toBe(0);
    expect(countWords(' - , . ')).toBe(0);
  });
});

describe('readingMinutes', () => {
  it('reads 200 words a minute, at least one minute', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(120)).toBe(1);
    expect(readingMinutes(450)).toBe(2);
    expect(readingMinutes(1000)).toBe(5);
  });
});
