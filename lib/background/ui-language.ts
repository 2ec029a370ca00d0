import {
  browserLanguage,
  resolveLanguage,
  translator,
  type Translate,
  type UiLanguage,
} from '@/lib/i18n';
import type { Settings } from '@/lib/settings/schema';
import { loadSettings, watchSettings } from '@/lib/settings/store';

export interface UiLanguageSource {
  /** A translator for the interface language the settings ask for (or the browser's). */
  t(): Promise<Translate>;
  /** Called when the resolved interface language changes. */
  onChange(listener: (t: Translate) => void): void;
}

interface Deps {
  loadSettings: () => Promise<Settings>;
  watchSettings: (onChange: (settings: Settings) => void) => unknown;
  browserLanguage: () => string;
}

/** The background's interface language: the language setting first, else the browser's. */
export function uiLanguageSource(
  deps: Deps = { loadSettings, watchSettings, browserLanguage },
): UiLanguageSource {
  const resolve = (settings: Pick<Settings, 'language'> | null) =>
    resolveLanguage(settings?.language ?? 'system', deps.browserLanguage());
  let language: Promise<UiLanguage> = deps.loadSettings().then(resolve, () => resolve(null));
  const listeners = new Set<(t: Translate) => void>();
  deps.watchSettings((settings) => {
    const next = resolve(settings);
    const previous = language;
    language = Promise.resolve(next);
    void previous.then((before) => {
      if (before !== next) for (const listener of listeners) listener(translator(next));
    });
  });
  return {
    t: async () => translator(await language),
    onChange: (listener) => void listeners.add(listener),
  };
}

let shared: UiLanguageSource | null = null;

/** One source for the whole background (context menus, badge, picker). */
export function backgroundLanguage(): UiLanguageSource {
  shared ??= uiLanguageSource();
  return shared;
}
