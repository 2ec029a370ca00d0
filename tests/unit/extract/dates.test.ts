import { describe, expect, it } from 'vitest';
import { datelineDate, removeDatelines } from '@/lib/extract/cleanup/datelines';
import { findDate, findPublishedTime, toIsoDate } from '@/lib/extract/dates';
import { body, parse, PROSE, text } from './helpers';

describe('toIsoDate', () => {
  it.each([
    ['Jumat, 15 Desember 2023 09:12 WIB', '2023-12-15T09:12:00+07:00'],
    ['15/12/2023, 09:12 WIB', '2023-12-15T09:12:00+07:00'],
    ['Kamis (14/12/2023)', '2023-12-14'],
    ['Rabu, 3 Agt 2022 pukul 10.30 WITA', '2022-08-03T10:30:00+08:00'],
    ['12 Okt 2020 - 20:00 WIT', '2020-10-12T20:00:00+09:00'],
    ['Selasa, 23 Februari 2016, 17:15 WIB', '2016-02-23T17:15:00+07:00'],
    ['1 Mei 2024', '2024-05-01'],
    ['7 Agu 2021 08.05', '2021-08-07T08:05:00'],
    ['December 18, 2020', '2020-12-18'],
    ['Tue, 15 Nov 2016 07:00:00 GMT', '2016-11-15T07:00:00Z'],
    ['2019-11-19T10:07:00-0500', '2019-11-19T10:07:00-05:00'],
    ['2023-12-15 09:12:00', '2023-12-15T09:12:00'],
  ])('%s -> %s', (input, iso) => {
    expect(toIsoDate(input)).toBe(iso);
  });

  it('refuses impossible days and text without a date', () => {
    expect(toIsoDate('31/02/2020')).toBeNull();
    expect(toIsoDate('1.229 Views')).toBeNull();
    expect(toIsoDate('')).toBeNull();
  });

  it('says where the date is and whether it has a weekday and a time', () => {
    const found = findDate('Diperbarui: Kamis, 5 November 2015 14:56 WIB | 1.229 Views');
    expect(found).toMatchObject({
      iso: '2015-11-05T14:56:00+07:00',
      hasTime: true,
      hasWeekday: true,
    });
  });
});

describe('findPublishedTime', () => {
  it('prefers article:published_time', () => {
    const doc =
      parse(`<head><meta property="article:published_time" content="2023-12-15T09:12:00+07:00"></head>
      <body><time datetime="2020-01-01">lama</time></body>`);
    expect(findPublishedTime(doc)).toBe('2023-12-15T09:12:00+07:00');
  });

  it('reads JSON-LD datePublished, then <time datetime>, then dates in date elements', () => {
    const ld = parse(
      `<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-12-14T16:40:00+07:00"}]}</script>`,
    );
    expect(findPublishedTime(ld)).toBe('2023-12-14T16:40:00+07:00');
    const time = parse(`<p>x</p><time datetime="2023-12-13T08:00:00+07:00">Rabu</time>`);
    expect(findPublishedTime(time)).toBe('2023-12-13T08:00:00+07:00');
    const text = parse(`<div class="post-date">Jumat, 15 Desember 2023 09:12 WIB</div>`);
    expect(findPublishedTime(text)).toBe('2023-12-15T09:12:00+07:00');
  });

  it('falls back to the raw value when no source can be read', () => {
    const doc = parse(`<meta name="pubdate" content="kemarin sore">`);
    expect(findPublishedTime(doc)).toBe('kemarin sore');
    expect(findPublishedTime(parse('<p>tanpa tanggal</p>'))).toBeNull();
  });
});

describe('removeDatelines', () => {
  it('removes date lines at the top and bottom and returns their dates', () => {
    const root = body(`
      <p>Kamis, 5 November 2015 14:56 WIB | 1.229 Views</p>
      <p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p>
      <p>Diperbarui: Jumat, 6 November 2015 10:00 WIB</p>`);
    expect(removeDatelines(root)).toEqual([
      '2015-11-05T14:56:00+07:00',
      '2015-11-06T10:00:00+07:00',
    ]);
    expect(root.querySelectorAll('p')).toHaveLength(5);
  });

  it('keeps dates inside the story, in sentences, tables and code', () => {
    const middle = `<ul><li>Senin, 4 Desember 2023 pukul 10.00: rapat</li></ul>`;
    const root = body(`
      <p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p>${middle}<p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p>
      <table><tr><td>Jumat, 15/12/2023 09:12</td></tr></table>
      <pre>2020-08-01 18:00:00+00 | 200</pre>`);
    const before = text(root);
    expect(removeDatelines(root)).toEqual([]);
    expect(text(root)).toBe(before);
  });

  it('needs a weekday or a time to call a line a date line', () => {
    const el = body('<p>15 Desember 2023: Pemilu dimulai</p>').firstElementChild as Element;
    expect(datelineDate(el)).toBeNull();
  });
});
