import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadArticle } from '@/lib/reader/load-article';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

async function newsTab(): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url: 'https://mojokerto.disway.id/read/1/berita' });
  return tab.id!;
}

describe('loading the article from a tab', () => {
  it('says the page is not answering instead of waiting forever', async () => {
    const tabId = await newsTab();
    // A page busy in its own script: the extractor never answers.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockReturnValue(new Promise(() => {}));
    await expect(loadArticle(tabId, false, { timeoutMs: 50 })).resolves.toEqual({
      kind: 'no-answer',
      tabId,
    });
  });

  it('passes on the extractor\'s "too large"', async () => {
    const tabId = await newsTab();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
      _tab: number,
      message: { type: string },
    ) =>
      message.type === 'extractor:ping'
        ? 'pong'
        : { ok: false, reason: 'too-large' }) as unknown as typeof fakeBrowser.tabs.sendMessage);
    await expect(loadArticle(tabId, false, { timeoutMs: 5000 })).resolves.toEqual({
      kind: 'too-large',
      tabId,
    });
  });
});
