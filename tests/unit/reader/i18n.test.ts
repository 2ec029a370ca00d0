import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import id from '@/public/_locales/id/messages.json';
import { resolveLanguage, translator } from '@/lib/i18n';

describe('i18n', () => {
  it('has the same keys in Indonesian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('has no empty messages', () => {
    for (const catalog of [id, en]) {
      for (const [key, value] of Object.entries(catalog)) {
        expect(value.message.trim(), key).not.toBe('');
      }
    }
  });

  it('prefers Indonesian unless the browser speaks English', () => {
    expect(resolveLanguage('system', 'id-ID')).toBe('id');
    expect(resolveLanguage('system', 'jv')).toBe('id');
    expect(resolveLanguage('system', 'en-US')).toBe('en');
    expect(resolveLanguage('en', 'id-ID')).toBe('en');
    expect(resolveLanguage('id', 'en-GB')).toBe('id');
  });

  it('fills placeholders', () => {
    expect(translator('id')('readingTime', { minutes: 4 })).toBe('4 menit baca');
    expect(translator('en')('readingTime', { minutes: 4 })).toBe('4 min read');
  });
});
