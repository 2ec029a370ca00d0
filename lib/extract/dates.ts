/** Publication dates: metadata, JSON-LD, <time>, and Indonesian date text, as ISO 8601. */

import { shortText } from './cleanup/dom';
import { jsonLdObjects } from './json-ld';
import { readMeta } from './meta';

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  pebruari: 2,
  february: 2,
  maret: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nov: 11,
  nop: 11,
  nopember: 11,
  desember: 12,
  des: 12,
  dec: 12,
  december: 12,
};

const ZONES: Record<string, string> = {
  wib: '+07:00',
  wita: '+08:00',
  wit: '+09:00',
  gmt: 'Z',
  utc: 'Z',
};

const WEEKDAY_RE =
  /\b(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b/i;

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** 15 Desember 2023, 15 Des. 2023 */
const DAY_MONTH_YEAR_RE = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})\\b`, 'i');
/** December 15, 2023 */
const MONTH_DAY_YEAR_RE = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i');
/** 15/12/2023, 15-12-2023, (14/12/2023) */
const NUMERIC_RE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;
/** 2023-12-15, optionally with a time. */
const ISO_DATE_RE = /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/;
/** 09:12, 09.12, 09:12:30, then a zone: WIB, GMT+7, +0700, Z. */
const TIME_RE =
  /^\s*(?:[,|\-–—@/]\s*)?(?:pukul\s+|jam\s+|T)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?\s*(?:(WIB|WITA|WIT|GMT|UTC)\b)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?/i;

export interface DateMatch {
  iso: string;
  /** Where the date text starts and ends in the input. */
  start: number;
  end: number;
  hasTime: boolean;
  hasWeekday: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offset(zone: string | undefined, numeric: string | undefined): string {
  if (numeric) {
    if (numeric.toUpperCase() === 'Z') return 'Z';
    const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(numeric);
    if (m) return `${m[1]}${pad(Number(m[2]))}:${m[3] ?? '00'}`;
  }
  return zone ? ZONES[zone.toLowerCase()] : '';
}

/** Finds the first date in free text (Indonesian or English wording) and returns it as ISO 8601. */
export function findDate(text: string): DateMatch | null {
  const candidates: { index: number; length: number; y: number; m: number; d: number }[] = [];
  const dmy = DAY_MONTH_YEAR_RE.exec(text);
  if (dmy) {
    const m = MONTHS[dmy[2].toLowerCase()];
    candidates.push({ index: dmy.index, length: dmy[0].length, y: +dmy[3], m, d: +dmy[1] });
  }
  const mdy = MONTH_DAY_YEAR_RE.exec(text);
  if (mdy) {
    const m = MONTHS[mdy[1].toLowerCase()];
    candidates.push({ index: mdy.index, length: mdy[0].length, y: +mdy[3], m, d: +mdy[2] });
  }
  const num = NUMERIC_RE.exec(text);
  if (num)
    candidates.push({
      index: num.index,
      length: num[0].length,
      y: +num[3],
      m: +num[2],
      d: +num[1],
    });
  const iso = ISO_DATE_RE.exec(text);
  if (iso)
    candidates.push({
      index: iso.index,
      length: iso[0].length,
      y: +iso[1],
      m: +iso[2],
      d: +iso[3],
    });

  const valid = candidates.filter((c) => validDay(c.y, c.m, c.d)).sort((a, b) => a.index - b.index);
  const best = valid[0];
  if (!best) return null;

  let end = best.index + best.length;
  let date = `${best.y}-${pad(best.m)}-${pad(best.d)}`;
  // Skip a closing parenthesis, as in "Kamis (14/12/2023) 09.12 WIB".
  const rest = text.slice(end).replace(/^\)/, ' ');
  const time = TIME_RE.exec(rest);
  let hasTime = false;
  if (time && +time[1] < 24 && +time[2] < 60) {
    hasTime = true;
    date += `T${pad(+time[1])}:${time[2]}:${time[3] ?? '00'}${offset(time[4], time[5])}`;
    end += time[0].length;
  }
  const before = text.slice(Math.max(0, best.index - 20), best.index);
  return { iso: date, start: best.index, end, hasTime, hasWeekday: WEEKDAY_RE.test(before) };
}

const ISO_FULL_RE =
  /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A date value from metadata or text as ISO 8601, or null when it cannot be read. */
export function toIsoDate(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  if (ISO_FULL_RE.test(text)) {
    return text
      .replace(' ', 'T')
      .replace(/\s+/g, '')
      .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  }
  return findDate(text)?.iso ?? null;
}

/** Meta names that hold the publication date, most specific first. */
const META_KEYS = [
  'article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'content_publisheddate',
  'dtk:publishdate',
  'parsely-pub-date',
  'sailthru.date',
  'og:published_time',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'date',
];

function jsonLdDate(doc: Document): string | null {
  for (const object of jsonLdObjects(doc)) {
    const value = object.datePublished ?? object.dateCreated;
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}

/** <time datetime>: the one marked as the publication date first, then the first one. */
function timeElementDates(doc: Document): (string | null)[] {
  const times = Array.from(doc.getElementsByTagName('time')).filter((t) =>
    t.hasAttribute('datetime'),
  );
  const marked = times.find((t) => t.getAttribute('itemprop') === 'datePublished');
  const pubdate = times.find((t) => t.hasAttribute('pubdate'));
  return [marked, pubdate, times[0]].map((t) => t?.getAttribute('datetime') ?? null);
}

/** Class or id of elements that hold the date. */
const DATE_HOLDER_RE = /date|time|tanggal|publish|waktu/i;
const MAX_HOLDERS = 30;

/** Short texts of elements named like date holders, in page order. */
function dateHolderTexts(doc: Document): string[] {
  const texts: string[] = [];
  for (const el of doc.querySelectorAll('[class], [id]')) {
    if (!DATE_HOLDER_RE.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) continue;
    const text = shortText(el, 120);
    if (text) texts.push(text);
    if (texts.length >= MAX_HOLDERS) break;
  }
  return texts;
}

/**
 * The publication date of a page: metadata first, then JSON-LD, the given fallbacks,
 * <time datetime>, then dates written in elements named for them.
 * ISO 8601 when it can be read, else the first raw value, else null.
 */
export function findPublishedTime(
  doc: Document,
  fallbacks: (string | null | undefined)[] = [],
): string | null {
  const sources: (() => (string | null | undefined)[])[] = [
    () => {
      const meta = readMeta(doc);
      return META_KEYS.map((key) => meta.get(key));
    },
    () => [jsonLdDate(doc)],
    () => fallbacks,
    () => timeElementDates(doc),
    () => dateHolderTexts(doc),
  ];
  let firstRaw: string | null = null;
  for (const source of sources) {
    for (const value of source()) {
      if (!value?.trim()) continue;
      firstRaw ??= value.trim();
      const iso = toIsoDate(value);
      if (iso) return iso;
    }
  }
  return firstRaw;
}
