import { describe, expect, it } from 'vitest';
import { formatPublished, hostnameOf } from '@/lib/reader/format';
import { readerLayout } from '@/lib/reader/load-article';

describe('formatPublished', () => {
  it('shows WIB times in the article’s own zone, in Indonesian', () => {
    const text = formatPublished('2023-12-15T09:12:00+07:00', 'id');
    expect(text).toContain('15 Desember 2023');
    expect(text).toMatch(/09[.:]12/);
  });

  it('keeps unparseable text as it is and passes null through', () => {
    expect(formatPublished('kemarin sore', 'id')).toBe('kemarin sore');
    expect(formatPublished(null, 'en')).toBeNull();
  });
});

describe('reader helpers', () => {
  it('picks the layout from the query', () => {
    expect(readerLayout('')).toBe('popup');
    expect(readerLayout('?tab=4')).toBe('tab');
    expect(readerLayout('?tab=4&layout=popup')).toBe('popup');
  });

  it('shortens hostnames', () => {
    expect(hostnameOf('https://www.detik.com/a')).toBe('detik.com');
    expect(hostnameOf('not a url')).toBe('not a url');
  });
});
