import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import * as extract from '@/lib/extract';
import { installExtractor } from '@/lib/page/extractor-host';
import { sendToBackground } from '@/lib/messages';

vi.mock('@/lib/extract', async (original) => {
  const real = await original<typeof import('@/lib/extract')>();
  return { ...real, extractArticle: vi.fn(real.extractArticle) };
});

const FIXTURE = readFileSync('tests/fixtures/disway-article.html', 'utf8');
const URL = 'https://mojokerto.disway.id/read/1/fixture';

function page() {
  const { window } = new JSDOM(FIXTURE, { url: URL });
  return window as unknown as Window & typeof globalThis;
}

/** The extractor answers over runtime messages; in the test the sender is this context. */
const ask = (mergePages: boolean) =>
  sendToBackground('extractor:extract', { force: false, mergePages });

describe('the injected extractor', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.mocked(extract.extractArticle).mockClear();
  });

  it('starts on the article as soon as it is injected, and answers the request from that work', async () => {
    const win = page();
    installExtractor(win);
    // Not within the injection itself: its answer goes back to the reader first.
    expect(extract.extractArticle).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(extract.extractArticle).toHaveBeenCalledTimes(1));
    const answer = await ask(false);
    expect(answer).toMatchObject({ ok: true, morePages: false });
    expect(extract.extractArticle).toHaveBeenCalledTimes(1);
  });

  it('does nothing when injected a second time into the same page', async () => {
    const win = page();
    installExtractor(win);
    installExtractor(win);
    await vi.waitFor(() => expect(extract.extractArticle).toHaveBeenCalledTimes(1));
    await new Promise((done) => win.setTimeout(done, 10));
    expect(extract.extractArticle).toHaveBeenCalledTimes(1);
    await expect(ask(true)).resolves.toMatchObject({ ok: true });
    expect(extract.extractArticle).toHaveBeenCalledTimes(1);
  });
});
