import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { migrate } from '@/lib/settings/migrations';
import { defaultSettings, parseSection } from '@/lib/settings/schema';
import {
  loadSettings,
  saveSection,
  upgradeStoredSettings,
  watchSettings,
} from '@/lib/settings/store';

describe('settings schema', () => {
  it('gives every field a default', () => {
    const settings = defaultSettings();
    expect(settings.autoClean).toEqual({ enabled: true, scope: 'known-sites', heuristics: true });
    expect(settings.reader.theme).toBe('system');
    expect(settings.summary.keyPoints).toBe(0);
    expect(settings.language).toBe('system');
    expect(settings.sites).toEqual({});
  });

  it.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['null', null],
    ['an array', [1, 2]],
  ])('reads a section stored as %s as its defaults', (_label, raw) => {
    expect(parseSection('reader', raw)).toEqual(defaultSettings().reader);
  });

  it('keeps valid fields and resets only the broken ones', () => {
    const reader = parseSection('reader', { theme: 'dark', textSize: 99, font: 7, unknown: true });
    expect(reader).toEqual({ ...defaultSettings().reader, theme: 'dark' });
  });

  it('drops invalid per-site entries and normalises hostnames', () => {
    expect(
      parseSection('sites', { 'Detik.COM': 'never', 'bad host': 'always', 'a.id': 'maybe' }),
    ).toEqual({
      'detik.com': 'never',
    });
  });
});

describe('auto-clean rule sections', () => {
  it('subscribes to ABPindo and EasyList by default, with no rules of its own', () => {
    const settings = defaultSettings();
    expect(settings.filterLists.map((l) => [l.id, l.enabled, l.builtin])).toEqual([
      ['abpindo', true, true],
      ['easylist', true, true],
    ]);
    expect(settings.filterLists.every((l) => l.url.startsWith('https://'))).toBe(true);
    expect(settings.customRules).toBe('');
    expect(settings.pickerRules).toEqual({});
  });

  it('drops lists with a bad URL or a repeated id, and brings back missing built-ins', () => {
    const lists = parseSection('filterLists', [
      { id: 'mine', title: 'Mine', url: 'http://lists.example/a.txt', enabled: false },
      { id: 'mine', title: 'Again', url: 'https://lists.example/b.txt' },
      { id: 'js', title: 'Bad', url: 'javascript:alert(1)' },
      { id: 'file', url: 'file:///etc/passwd' },
      {
        id: 'easylist',
        title: 'EasyList',
        url: 'https://mirror.example/easylist.txt',
        enabled: false,
      },
      { id: 'fake', title: 'Fake', url: 'https://x.example/', builtin: true },
      'nonsense',
    ]);
    expect(lists.map((l) => [l.id, l.url, l.enabled, l.builtin])).toEqual([
      ['abpindo', defaultSettings().filterLists[0].url, true, true],
      ['mine', 'http://lists.example/a.txt', false, false],
      ['easylist', 'https://mirror.example/easylist.txt', false, true],
      ['fake', 'https://x.example/', true, false],
    ]);
    expect(parseSection('filterLists', 'broken')).toEqual(defaultSettings().filterLists);
  });

  it('keeps custom rules as text and picked selectors per valid host', () => {
    expect(parseSection('customRules', 'a.com##.x\nb.com##.y')).toBe('a.com##.x\nb.com##.y');
    expect(parseSection('customRules', 42)).toBe('');
    expect(
      parseSection('pickerRules', {
        'Mojokerto.Disway.ID': ['#sticky-ad', ' div.ads-top ', '#sticky-ad', '', 7, 'a\nb'],
        'bad host': ['.x'],
        'kompas.com': 'not a list',
        'empty.example': [],
      }),
    ).toEqual({ 'mojokerto.disway.id': ['#sticky-ad', 'div.ads-top'] });
  });
});

describe('migrations', () => {
  const steps = {
    2: (raw: Record<string, unknown>) => ({ ...raw, reader: { theme: raw.theme } }),
    3: (raw: Record<string, unknown>) => ({ ...raw, language: raw.lang ?? 'system' }),
  };

  it('runs each step from the stored version up, in order', () => {
    expect(migrate({ theme: 'dark', lang: 'en' }, 1, steps, 3)).toMatchObject({
      reader: { theme: 'dark' },
      language: 'en',
    });
    expect(migrate({ lang: 'id' }, 2, steps, 3)).toEqual({ lang: 'id', language: 'id' });
  });

  it('treats a missing or corrupt version as current', () => {
    expect(migrate({ a: 1 }, undefined, steps, 3)).toEqual({ a: 1 });
    expect(migrate({ a: 1 }, 'x', steps, 3)).toEqual({ a: 1 });
  });
});

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back to defaults for corrupt stored data', async () => {
    await fakeBrowser.storage.sync.set({
      reader: 'corrupt',
      summary: { keyPoints: 4 },
      language: 3,
    });
    await fakeBrowser.storage.local.set({
      sites: ['x'],
      filterLists: { not: 'a list' },
      customRules: ['x'],
      pickerRules: 'x',
      settingsVersion: 'nope',
    });
    expect(await loadSettings()).toEqual(defaultSettings());
  });

  it('writes one section under its own key and reads it back', async () => {
    await saveSection('summary', { ...defaultSettings().summary, keyPoints: 7 });
    await saveSection('sites', { 'mojokerto.disway.id': 'never' });
    expect(await fakeBrowser.storage.sync.get('summary')).toEqual({
      summary: expect.objectContaining({ keyPoints: 7 }),
    });
    const settings = await loadSettings();
    expect(settings.summary.keyPoints).toBe(7);
    expect(settings.sites).toEqual({ 'mojokerto.disway.id': 'never' });
  });

  it('keeps the rule sections in local storage, each under its own key', async () => {
    const lists = defaultSettings().filterLists.map((l) => ({ ...l, enabled: l.id === 'abpindo' }));
    await saveSection('filterLists', lists);
    await saveSection('customRules', 'kompas.com##.ads');
    await saveSection('pickerRules', { 'mojokerto.disway.id': ['#sticky-ad'] });
    expect(
      await fakeBrowser.storage.local.get(['filterLists', 'customRules', 'pickerRules']),
    ).toEqual({
      filterLists: lists,
      customRules: 'kompas.com##.ads',
      pickerRules: { 'mojokerto.disway.id': ['#sticky-ad'] },
    });
    expect(
      await fakeBrowser.storage.sync.get(['filterLists', 'customRules', 'pickerRules']),
    ).toEqual({});
    expect((await loadSettings()).pickerRules).toEqual({ 'mojokerto.disway.id': ['#sticky-ad'] });
  });

  it('stores the current version after an upgrade', async () => {
    await fakeBrowser.storage.sync.set({ reader: { theme: 'sepia', textSize: 'big' } });
    await upgradeStoredSettings();
    const stored = await fakeBrowser.storage.sync.get('reader');
    expect(stored.reader).toEqual({ ...defaultSettings().reader, theme: 'sepia' });
    expect((await fakeBrowser.storage.local.get('settingsVersion')).settingsVersion).toBe(1);
  });

  it('tells watchers about changes', async () => {
    const seen: string[] = [];
    const stop = watchSettings((settings) => seen.push(settings.reader.theme));
    await saveSection('reader', { ...defaultSettings().reader, theme: 'dark' });
    await new Promise((done) => setTimeout(done, 10));
    expect(seen).toEqual(['dark']);
    stop();
  });
});
