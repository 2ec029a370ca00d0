import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadArticle } from '@/lib/reader/load-article';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const ARTICLE = { title: 'Banjir di Mojokerto', url: 'https://mojokerto.disway.id/read/1/berita' };

async function newsTab(): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url: 'https://mojokerto.disway.id/read/1/berita' });
  return tab.id!;
}

/** An injection that succeeds; `injected()` says whether it has happened. */
function fakeInjection() {
  let done = false;
  const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async () => {
    done = true;
    return [];
  }) as unknown as typeof fakeBrowser.scripting.executeScript);
  return { inject, injected: () => done };
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
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: false, reason: 'too-large' });
    await expect(loadArticle(tabId, false, { timeoutMs: 5000 })).resolves.toEqual({
      kind: 'too-large',
      tabId,
    });
  });

  it('takes the answer of the extractor already in the page: one message, the injection beside it not waited for', async () => {
    const tabId = await newsTab();
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValue({ ok: true, article: ARTICLE });
    // An injection that never finishes must not hold the answer up.
    const inject = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockReturnValue(new Promise(() => {}));
    const state = await loadArticle(tabId, false, { mergePages: false, timeoutMs: 5000 });
    expect(state).toMatchObject({ kind: 'article', tabId, article: { title: ARTICLE.title } });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][1]).toMatchObject({
      type: 'extractor:extract',
      data: { force: false, mergePages: false },
    });
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('injects the extractor beside the first request, not after its refusal', async () => {
    const tabId = await newsTab();
    let refuse: (error: Error) => void = () => {};
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((() =>
      injected()
        ? Promise.resolve({ ok: true, article: ARTICLE })
        : new Promise((_, reject) => {
            refuse = reject;
          })) as unknown as typeof fakeBrowser.tabs.sendMessage);
    const { inject, injected } = fakeInjection();
    const state = loadArticle(tabId, false, { timeoutMs: 5000 });
    await vi.waitFor(() => expect(inject).toHaveBeenCalledTimes(1));
    // The page has not refused the first request yet.
    expect(send).toHaveBeenCalledTimes(1);
    refuse(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(state).resolves.toMatchObject({ kind: 'article', tabId });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('says what went wrong when the injection fails and nothing in the page answers', async () => {
    const tabId = await newsTab();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiving end'));
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(
      new Error('Frame with ID 0 was removed.'),
    );
    await expect(loadArticle(tabId, false, { timeoutMs: 5000 })).resolves.toEqual({
      kind: 'error',
      message: 'Frame with ID 0 was removed.',
      tabId,
    });
  });

  it('injects the extractor when nothing in the page answers, then asks again', async () => {
    const tabId = await newsTab();
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => {
      if (!injected())
        throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, article: ARTICLE };
    }) as unknown as typeof fakeBrowser.tabs.sendMessage);
    const { inject, injected } = fakeInjection();
    const state = await loadArticle(tabId, true, { timeoutMs: 5000 });
    expect(state).toMatchObject({ kind: 'article', tabId });
    expect(inject).toHaveBeenCalledTimes(1);
    expect(inject.mock.calls[0][0]).toMatchObject({ target: { tabId }, files: ['/extractor.js'] });
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1][1]).toMatchObject({ data: { force: true, mergePages: true } });
  });

  it('says a browser page is off limits, and injects nothing there', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://settings/' });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiving end'));
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    const state = await loadArticle(tab.id!, false, { timeoutMs: 5000 });
    expect(state.kind).toBe('restricted');
    expect(inject).not.toHaveBeenCalled();
  });
});
