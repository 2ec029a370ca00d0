import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defaultSettings } from '@/lib/settings/schema';
import { loadSettings, saveAllSections, saveProblem, saveSection } from '@/lib/settings/store';
import { parseSettingsFile, settingsFileText } from '@/lib/settings/transfer';

/** Chrome's own wording for each storage limit. */
const QUOTA = {
  item: 'QUOTA_BYTES_PER_ITEM quota exceeded',
  total: 'QUOTA_BYTES quota exceeded',
  rate: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
};

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('storage quota errors', () => {
  it("names each of Chrome's limits, and anything else as other", () => {
    expect(saveProblem(new Error(QUOTA.item))).toBe('quota-item');
    expect(saveProblem(new Error(QUOTA.total))).toBe('quota-full');
    expect(saveProblem(new Error(QUOTA.rate))).toBe('quota-rate');
    expect(saveProblem(new DOMException('full', 'QuotaExceededError'))).toBe('quota-full');
    expect(saveProblem(new Error('IO error: .../LOCK'))).toBe('other');
  });

  it('a refused section write rejects and the previous value stays', async () => {
    await saveSection('customRules', 'disway.id##.iklan-lama');
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error(QUOTA.total));
    const huge = `disway.id##.iklan\n`.repeat(20_000);
    const failure = saveSection('customRules', huge).catch((error: unknown) => error);
    expect(saveProblem(await failure)).toBe('quota-full');
    expect((await loadSettings()).customRules).toBe('disway.id##.iklan-lama');
  });

  it('a refused sync write (8 kB per item) keeps the previous reader settings', async () => {
    const before = { ...defaultSettings().reader, theme: 'dark' as const };
    await saveSection('reader', before);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error(QUOTA.item));
    await expect(saveSection('reader', { ...before, theme: 'sepia' })).rejects.toThrow(/PER_ITEM/);
    expect((await loadSettings()).reader).toEqual(before);
  });
});

describe('saving every section at once (import, reset)', () => {
  /** A valid exported file, different from the defaults in both storage areas. */
  function importedSettings() {
    const settings = defaultSettings();
    settings.reader.theme = 'sepia';
    settings.customRules = 'disway.id##.baru';
    settings.sites = { 'detik.com': 'never' };
    const parsed = parseSettingsFile(settingsFileText(settings));
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.settings;
  }

  async function storedBefore() {
    await saveSection('customRules', 'disway.id##.lama');
    await saveSection('reader', { ...defaultSettings().reader, theme: 'dark' });
    return loadSettings();
  }

  it('writes both areas', async () => {
    await storedBefore();
    await saveAllSections(importedSettings());
    const after = await loadSettings();
    expect(after.reader.theme).toBe('sepia');
    expect(after.customRules).toBe('disway.id##.baru');
    expect(after.sites).toEqual({ 'detik.com': 'never' });
  });

  it('changes nothing when sync refuses after local was written', async () => {
    const before = await storedBefore();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error(QUOTA.rate));
    await expect(saveAllSections(importedSettings())).rejects.toThrow(/MAX_WRITE/);
    expect(await loadSettings()).toEqual(before);
    // Sections that had never been stored are not left behind either.
    const local = await fakeBrowser.storage.local.get(['sites', 'pickerRules']);
    expect(local).toEqual({});
  });

  it('changes nothing when local refuses', async () => {
    const before = await storedBefore();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error(QUOTA.total));
    await expect(saveAllSections(importedSettings())).rejects.toThrow(/QUOTA_BYTES/);
    expect(await loadSettings()).toEqual(before);
  });

  it('a broken import file is refused before anything is written', async () => {
    const before = await storedBefore();
    for (const text of [
      '{"app": "baca-bersih", "settings": {',
      '{"app": "lain", "settings": {}}',
    ]) {
      expect(parseSettingsFile(text).ok).toBe(false);
    }
    expect(await loadSettings()).toEqual(before);
  });
});
