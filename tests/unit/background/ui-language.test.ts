import { describe, expect, it, vi } from 'vitest';
import { uiLanguageSource } from '@/lib/background/ui-language';
import { defaultSettings, type Settings } from '@/lib/settings/schema';

function setup(stored: Settings['language'], browserLanguage = 'en-US') {
  let watcher: ((settings: Settings) => void) | null = null;
  const source = uiLanguageSource({
    loadSettings: async () => ({ ...defaultSettings(), language: stored }),
    watchSettings: (onChange) => (watcher = onChange),
    browserLanguage: () => browserLanguage,
  });
  const change = (language: Settings['language']) => watcher?.({ ...defaultSettings(), language });
  return { source, change };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the background interface language', () => {
  it('follows the language setting over the browser language', async () => {
    expect((await setup('id', 'en-US').source.t())('menuOpenReader')).toBe(
      'Baca bersih di tab penuh',
    );
    expect((await setup('en', 'id-ID').source.t())('menuOpenReader')).toMatch(/full tab/i);
    expect((await setup('system', 'en-GB').source.t())('menuOpenReader')).toMatch(/full tab/i);
  });

  it('falls back to the browser language when settings cannot be read', async () => {
    const source = uiLanguageSource({
      loadSettings: () => Promise.reject(new Error('no storage')),
      watchSettings: () => undefined,
      browserLanguage: () => 'id-ID',
    });
    expect((await source.t())('menuOpenReader')).toBe('Baca bersih di tab penuh');
  });

  it('tells listeners when the resolved language changes, and only then', async () => {
    const { source, change } = setup('id', 'en-US');
    const listener = vi.fn();
    source.onChange(listener);
    await source.t();
    change('id');
    await flush();
    expect(listener).not.toHaveBeenCalled();
    change('system'); // the browser speaks English
    await flush();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0][0]('menuHideElement')).toMatch(/hide/i);
    expect((await source.t())('menuHideElement')).toMatch(/hide/i);
    change('en');
    await flush();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
