import en from '@/public/_locales/en/messages.json';
import id from '@/public/_locales/id/messages.json';

export type UiLanguage = 'id' | 'en';
export type LanguagePreference = 'system' | UiLanguage;
export type MessageKey = keyof typeof id;

const catalogs: Record<UiLanguage, Record<string, { message: string }>> = { id, en };

/** Bahasa Indonesia first: English only when the browser itself speaks English. */
export function resolveLanguage(
  preference: LanguagePreference,
  browserLanguage: string,
): UiLanguage {
  if (preference !== 'system') return preference;
  return /^en\b/i.test(browserLanguage) ? 'en' : 'id';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A translator for one language; `{name}` placeholders are filled from `values`. */
export function translator(language: UiLanguage): Translate {
  return (key, values) => {
    const text = catalogs[language][key]?.message ?? catalogs.id[key]?.message ?? key;
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}

export function browserLanguage(): string {
  return globalThis.navigator?.language ?? 'id';
}
