import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { HIDDEN_ATTR, LIST_STYLE_ID } from '@/lib/autoclean/hide';
import type { PageCosmetics } from '@/lib/messages';
import { hideRule, packCosmetics } from '@/lib/autoclean/packed-cosmetics';
import {
  cosmeticsFrom,
  startEarlyRules,
  takeEarlyRules,
  type EarlyRulesHost,
} from '@/lib/page/autoclean-early';
import { startAutoClean, type AutoCleanHost } from '@/lib/page/autoclean-start';
import { defaultSettings, type Settings } from '@/lib/settings/schema';

const URL = 'https://mojokerto.disway.id/read/1/berita';

const rules = (selector: string): PageCosmetics => ({
  css: `${selector} { display: none !important; }`,
  selectors: [selector],
  extended: [],
});
const NONE: PageCosmetics = { css: '', selectors: [], extended: [] };

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

function page() {
  const dom = new JSDOM(
    `<html><head></head><body>
      <div class="iklan">Iklan</div>
      <article><h1>Judul</h1><p>${'Isi berita yang panjang. '.repeat(40)}</p></article>
    </body></html>`,
    { url: URL },
  );
  return { win: dom.window as unknown as Window, doc: dom.window.document };
}

function earlyHost() {
  const answer = deferred<PageCosmetics>();
  const copy = deferred<PageCosmetics | null>();
  const host: EarlyRulesHost = {
    cosmetics: vi.fn(() => answer.promise),
    cachedRules: vi.fn(() => copy.promise),
  };
  return { host, answer, copy };
}

const listCss = (doc: Document) => doc.getElementById(LIST_STYLE_ID)?.textContent ?? null;
const settle = () => new Promise((done) => setTimeout(done, 0));

describe('startEarlyRules', () => {
  it('puts the session copy in place at once, then the background answer over it', async () => {
    const { win, doc } = page();
    const { host, answer, copy } = earlyHost();
    const early = startEarlyRules(win, host);
    expect(host.cosmetics).toHaveBeenCalledWith(URL);
    expect(host.cachedRules).toHaveBeenCalledWith('mojokerto.disway.id');

    copy.resolve(rules('.iklan'));
    await settle();
    expect(listCss(doc)).toBe(rules('.iklan').css);
    expect(early.applied()?.css).toBe(rules('.iklan').css);

    answer.resolve(rules('.iklan-baru'));
    await settle();
    expect(listCss(doc)).toBe(rules('.iklan-baru').css);
    expect(takeEarlyRules(win)).toBe(early);
  });

  it('ignores a session copy that comes after the answer', async () => {
    const { win, doc } = page();
    const { host, answer, copy } = earlyHost();
    startEarlyRules(win, host);
    answer.resolve(rules('.baru'));
    await settle();
    copy.resolve(rules('.lama'));
    await settle();
    expect(listCss(doc)).toBe(rules('.baru').css);
  });

  it('takes a stale copy away when the background says auto-clean is off here', async () => {
    const { win, doc } = page();
    const { host, answer, copy } = earlyHost();
    const early = startEarlyRules(win, host);
    copy.resolve(rules('.iklan'));
    await settle();
    answer.resolve(NONE);
    await settle();
    expect(doc.getElementById(LIST_STYLE_ID)).toBeNull();
    expect(early.applied()).toBeNull();
  });

  it('leaves the stylesheet alone once released to the main script', async () => {
    const { win, doc } = page();
    const { host, answer, copy } = earlyHost();
    const early = startEarlyRules(win, host);
    copy.resolve(rules('.iklan'));
    await settle();
    early.release();
    answer.resolve(NONE);
    await settle();
    expect(listCss(doc)).toBe(rules('.iklan').css);
  });

  it('survives a background that is gone and a session store that fails', async () => {
    const { win, doc } = page();
    const host: EarlyRulesHost = {
      cosmetics: () => Promise.reject(new Error('Extension context invalidated.')),
      cachedRules: () => Promise.reject(new Error('no session storage')),
    };
    const early = startEarlyRules(win, host);
    expect(await early.fresh).toBeNull();
    await settle();
    expect(doc.getElementById(LIST_STYLE_ID)).toBeNull();
  });
});

describe('startAutoClean after the early script', () => {
  function mainHost(settings: Settings, early: ReturnType<typeof earlyHost>) {
    const reports: [number, number][] = [];
    const host: AutoCleanHost = {
      ...early.host,
      loadSettings: async () => settings,
      watchSettings: () => () => undefined,
      cosmetics: vi.fn((url: string, features?: unknown) =>
        features ? Promise.resolve(NONE) : early.host.cosmetics(url),
      ),
      report: (hidden, skipped) => void reports.push([hidden, skipped]),
      listen: () => undefined,
    };
    return { host, reports };
  }

  it('adopts the CSS in place without asking again, and marks on its first pass', async () => {
    const { win, doc } = page();
    const early = earlyHost();
    startEarlyRules(win, early.host);
    early.copy.resolve(rules('.iklan'));
    await settle();
    const before = doc.getElementById(LIST_STYLE_ID);

    const { host, reports } = mainHost(defaultSettings(), early);
    startAutoClean(win, host);
    early.answer.resolve(rules('.iklan'));
    await vi.waitFor(() => expect(reports.at(-1)).toEqual([1, 0]), { timeout: 2000 });
    // One request for the page's rules in all (the early one), besides the page-features one.
    expect(early.host.cosmetics).toHaveBeenCalledTimes(1);
    expect(doc.getElementById(LIST_STYLE_ID)).toBe(before);
    expect(doc.querySelector('.iklan')?.hasAttribute(HIDDEN_ATTR)).toBe(true);
  });

  it('takes the early CSS away when the settings say auto-clean is off here', async () => {
    const { win, doc } = page();
    const early = earlyHost();
    startEarlyRules(win, early.host);
    early.copy.resolve(rules('.iklan'));
    await settle();
    expect(listCss(doc)).not.toBeNull();

    const settings = defaultSettings();
    settings.sites = { 'mojokerto.disway.id': 'never' };
    startAutoClean(win, mainHost(settings, early).host);
    await settle();
    expect(doc.getElementById(LIST_STYLE_ID)).toBeNull();
    // A late answer changes nothing.
    early.answer.resolve(rules('.iklan'));
    await settle();
    expect(doc.getElementById(LIST_STYLE_ID)).toBeNull();
    expect(doc.querySelector(`[${HIDDEN_ATTR}]`)).toBeNull();
  });

  it('asks for the rules itself when the early script did not run', async () => {
    const { win, doc } = page();
    const early = earlyHost();
    const { host } = mainHost(defaultSettings(), early);
    startAutoClean(win, host);
    expect(early.host.cosmetics).toHaveBeenCalledWith(URL);
    early.answer.resolve(rules('.iklan'));
    await vi.waitFor(() => expect(listCss(doc)).toBe(rules('.iklan').css), { timeout: 2000 });
  });
});

describe('cosmeticsFrom', () => {
  it('unpacks the background answer into the rules the page uses', async () => {
    const sent: PageCosmetics = {
      css: ['.iklan', 'img[alt="ACI OJOL BANNER"]'].map(hideRule).join('\n'),
      selectors: ['.iklan', 'img[alt="ACI OJOL BANNER"]'],
      extended: [],
    };
    const got = await cosmeticsFrom(Promise.resolve(packCosmetics(sent)));
    expect(got).toMatchObject(sent);
    expect(got.styled).toEqual([]);
  });

  it('rejects an answer that is not rules, as it would a failed request', async () => {
    await expect(cosmeticsFrom(Promise.resolve(undefined))).rejects.toThrow();
    await expect(cosmeticsFrom(Promise.resolve(rules('.iklan')))).rejects.toThrow();
  });
});
