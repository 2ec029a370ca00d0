import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { savePicked } from '@/lib/background/autoclean-picker';
import { loadSettings } from '@/lib/settings/store';

describe('savePicked', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves a rule for the site of the page that asked', async () => {
    await savePicked('www.disway.id', 'div.promo', 'https://www.disway.id/read/1');
    expect((await loadSettings()).pickerRules).toEqual({ 'www.disway.id': ['div.promo'] });
  });

  it('refuses a rule a page asks for on another site', async () => {
    await expect(
      savePicked('kompas.com', 'article', 'https://mojokerto.disway.id/read/1'),
    ).rejects.toThrow(/own site/);
    expect((await loadSettings()).pickerRules).toEqual({});
  });

  it('refuses selectors that would smuggle a second rule', async () => {
    await expect(savePicked('disway.id', 'div\nkompas.com##article')).rejects.toThrow();
    expect((await loadSettings()).pickerRules).toEqual({});
  });
});
