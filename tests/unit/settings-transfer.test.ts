import { describe, expect, it } from 'vitest';
import { defaultSettings, SETTINGS_VERSION, type Settings } from '@/lib/settings/schema';
import {
  parseSettingsFile,
  settingsFile,
  settingsFileName,
  settingsFileText,
} from '@/lib/settings/transfer';

function customSettings(): Settings {
  const settings = defaultSettings();
  return {
    ...settings,
    autoClean: { enabled: false, scope: 'all-sites', heuristics: false },
    reader: { ...settings.reader, theme: 'sepia', textSize: 22, lineWidth: 'wide', openIn: 'tab' },
    summary: { ...settings.summary, keyPoints: 7, useBuiltInSummarizer: true },
    language: 'en',
    sites: { 'mojokerto.disway.id': 'never', 'radarbogor.id': 'always' },
  };
}

describe('settings file', () => {
  it('wraps the settings with the app name and settings version', () => {
    const settings = customSettings();
    expect(settingsFile(settings)).toEqual({
      app: 'baca-bersih',
      version: SETTINGS_VERSION,
      settings,
    });
    expect(JSON.parse(settingsFileText(settings))).toEqual(settingsFile(settings));
  });

  it('reads back exactly what it wrote', () => {
    const settings = customSettings();
    expect(parseSettingsFile(settingsFileText(settings))).toEqual({ ok: true, settings });
  });

  it('names the file after the local date', () => {
    expect(settingsFileName(new Date(2025, 0, 5, 23, 59))).toBe(
      'baca-bersih-settings-2025-01-05.json',
    );
  });
});

describe('parseSettingsFile', () => {
  it.each(['', 'not json', '{"app": "baca-bersih",', '\u0000'])(
    'rejects %j as broken JSON',
    (text) => {
      expect(parseSettingsFile(text)).toEqual({ ok: false, error: 'json' });
    },
  );

  it.each([
    ['another app', { app: 'other-extension', version: 1, settings: {} }],
    ['no app name', { version: 1, settings: {} }],
    ['no settings', { app: 'baca-bersih', version: 1 }],
    ['settings as an array', { app: 'baca-bersih', version: 1, settings: [] }],
    ['settings as a string', { app: 'baca-bersih', version: 1, settings: 'dark' }],
    ['an array', [{ app: 'baca-bersih', settings: {} }]],
    ['null', null],
    ['a number', 42],
    ['a string', 'baca-bersih'],
  ])('rejects a file with %s as the wrong format', (_label, data) => {
    expect(parseSettingsFile(JSON.stringify(data))).toEqual({ ok: false, error: 'format' });
  });

  it('gives missing sections and broken fields their defaults, keeping the rest', () => {
    const text = JSON.stringify({
      app: 'baca-bersih',
      version: SETTINGS_VERSION,
      settings: {
        reader: { theme: 'dark', textSize: 99 },
        summary: 'broken',
        language: 'fr',
        sites: { 'Kompas.COM': 'never', 'bad host': 'always' },
      },
    });
    const defaults = defaultSettings();
    expect(parseSettingsFile(text)).toEqual({
      ok: true,
      settings: {
        ...defaults,
        reader: { ...defaults.reader, theme: 'dark' },
        sites: { 'kompas.com': 'never' },
      },
    });
  });

  it('accepts a file without a version or from a newer version', () => {
    const settings = customSettings();
    for (const version of [undefined, SETTINGS_VERSION + 5]) {
      const text = JSON.stringify({ app: 'baca-bersih', version, settings });
      expect(parseSettingsFile(text)).toEqual({ ok: true, settings });
    }
  });
});
