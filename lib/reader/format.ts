import type { UiLanguage } from '@/lib/i18n';

/** "Jumat, 15 Desember 2023 09.12" style dates; raw text when it is not a parseable date. */
export function formatPublished(value: string | null, language: UiLanguage): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const hasTime = /T\d{2}:\d{2}/.test(value);
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: hasTime ? 'short' : undefined,
    timeZone: timeZoneOf(value),
  }).format(date);
}

/** Keep the article's own clock: WIB pages show WIB times whatever the reader's zone. */
function timeZoneOf(value: string): string | undefined {
  const offset = /([+-]\d{2}):?(\d{2})$/.exec(value);
  if (!offset) return undefined;
  const zones: Record<string, string> = {
    '+07:00': 'Asia/Jakarta',
    '+08:00': 'Asia/Makassar',
    '+09:00': 'Asia/Jayapura',
    '+00:00': 'UTC',
  };
  return zones[`${offset[1]}:${offset[2]}`];
}

export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
