import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { protectedRegion } from '@/lib/autoclean/guard';
import { HIDDEN_ATTR, LIST_MORE_STYLE_ID, LIST_STYLE_ID } from '@/lib/autoclean/hide';
import type { PageCosmetics } from '@/lib/messages';
import { hideRule, packCosmetics, unpackCosmetics } from '@/lib/autoclean/packed-cosmetics';
import { Cleaner } from '@/lib/page/autoclean-cleaner';

// Counted: the article is found again only when elements came or went.
vi.mock('@/lib/autoclean/guard', async (actual) => {
  const guard = await actual<typeof import('@/lib/autoclean/guard')>();
  return { ...guard, protectedRegion: vi.fn(guard.protectedRegion) };
});

const RULES: PageCosmetics = {
  css: ['.iklan-atas { display: none !important; }', '#promo { display: none !important; }'].join(
    '\n',
  ),
  selectors: ['.iklan-atas', '#promo'],
  extended: [],
};

function page(heuristics = false) {
  const dom = new JSDOM(
    `<html><head></head><body>
      <div class="iklan-atas">Iklan</div>
      <article><h1>Judul</h1><p>${'Isi berita yang panjang. '.repeat(40)}</p></article>
      <div id="promo">Promo</div>
    </body></html>`,
  );
  const onCount = vi.fn();
  const onFeatures = vi.fn();
  const cleaner = new Cleaner(dom.window.document, dom.window as unknown as Window, {
    heuristics,
    onCount,
    onFeatures,
  });
  return { doc: dom.window.document, cleaner, onCount, onFeatures };
}

/** Until the first pass (after the next paint, when idle: timers in jsdom) has run. */
const firstPass = (onCount: ReturnType<typeof vi.fn>) =>
  vi.waitFor(() => expect(onCount).toHaveBeenCalled(), { timeout: 2000 });

/** A stylesheet's rules, as the browser holds them. */
const sheetRules = (doc: Document, id: string) =>
  [...((doc.getElementById(id) as HTMLStyleElement | null)?.sheet?.cssRules ?? [])].map((rule) =>
    rule.cssText.replace(/\s+/g, ' '),
  );

/** The list rules in force: the big stylesheet, then the one for rules that came later. */
const listRules = (doc: Document) => [
  ...sheetRules(doc, LIST_STYLE_ID),
  ...sheetRules(doc, LIST_MORE_STYLE_ID),
];

const marked = (doc: Document) =>
  [...doc.querySelectorAll(`[${HIDDEN_ATTR}]`)].map((el) => el.className || el.id);

describe('Cleaner', () => {
  it('puts the first rules in the stylesheet as given, and marks only after the first paint', async () => {
    const { doc, cleaner, onCount } = page();
    cleaner.start();
    cleaner.addCosmetics(RULES);
    expect(doc.getElementById(LIST_STYLE_ID)?.textContent).toBe(RULES.css);
    cleaner.domReady();
    expect(marked(doc)).toEqual([]);
    expect(onCount).not.toHaveBeenCalled();
    await firstPass(onCount);
    expect(marked(doc)).toEqual(['iklan-atas', 'promo']);
    expect(onCount).toHaveBeenLastCalledWith(2, 0);
  });

  it('takes the same rules again for free, and other rules in place of the old ones', async () => {
    const { doc, cleaner, onCount } = page();
    cleaner.start();
    cleaner.addCosmetics(RULES);
    cleaner.domReady();
    await firstPass(onCount);
    const clear = vi.spyOn(cleaner, 'clearCosmetics');
    cleaner.replaceCosmetics({ ...RULES, selectors: [...RULES.selectors] });
    expect(clear).not.toHaveBeenCalled();

    cleaner.replaceCosmetics({
      css: '#promo { display: none !important; }',
      selectors: ['#promo'],
      extended: [],
    });
    expect(clear).toHaveBeenCalledTimes(1);
    expect(listRules(doc)).toEqual(['#promo { display: none !important; }']);
    await vi.waitFor(() => expect(marked(doc)).toEqual(['promo']), { timeout: 2000 });
  });

  it('adds rules that come before the first pass to the stylesheet, and matches them too', async () => {
    const { doc, cleaner, onCount } = page();
    cleaner.start();
    cleaner.addCosmetics({
      css: '.iklan-atas { display: none !important; }',
      selectors: ['.iklan-atas'],
      extended: [],
    });
    cleaner.addCosmetics({
      css: '#promo { display: none !important; }',
      selectors: ['#promo'],
      extended: [],
    });
    expect(listRules(doc)).toEqual([
      '.iklan-atas { display: none !important; }',
      '#promo { display: none !important; }',
    ]);
    // The first stylesheet is left as it is: changing it would make the browser index it again.
    expect(sheetRules(doc, LIST_STYLE_ID)).toEqual(['.iklan-atas { display: none !important; }']);
    cleaner.domReady();
    await firstPass(onCount);
    expect(marked(doc)).toEqual(['iklan-atas', 'promo']);
  });

  it('reports the features of content added before the first pass', async () => {
    const { doc, cleaner, onCount, onFeatures } = page();
    cleaner.start();
    cleaner.domReady();
    expect(onFeatures).toHaveBeenCalledTimes(1);
    const late = doc.createElement('section');
    late.className = 'ad-bawah';
    doc.body.append(late);
    await firstPass(onCount);
    expect(onFeatures.mock.calls.flatMap(([found]) => found.classes)).toContain('ad-bawah');
  });

  it('puts rules that come later in a small stylesheet of their own, and all in one on a replace', async () => {
    const { doc, cleaner, onCount } = page();
    cleaner.start();
    cleaner.addCosmetics(RULES);
    cleaner.domReady();
    await firstPass(onCount);
    const big = doc.getElementById(LIST_STYLE_ID);
    cleaner.addCosmetics({
      css: '.late-ad { display: none !important; }',
      selectors: ['.late-ad'],
      extended: [],
    });
    expect(doc.getElementById(LIST_STYLE_ID)).toBe(big);
    expect(big?.textContent).toBe(RULES.css);
    expect(sheetRules(doc, LIST_MORE_STYLE_ID)).toEqual(['.late-ad { display: none !important; }']);

    cleaner.setReveal(true);
    expect(doc.getElementById(LIST_MORE_STYLE_ID)).toBeNull();
    expect(listRules(doc)).toHaveLength(3);
    expect(big?.getAttribute('media')).toBe('not all');
    cleaner.setReveal(false);
    cleaner.addCosmetics({
      css: '.later-ad { display: none !important; }',
      selectors: ['.later-ad'],
      extended: [],
    });
    expect(doc.getElementById(LIST_MORE_STYLE_ID)).not.toBeNull();
    cleaner.stop();
    expect(doc.getElementById(LIST_STYLE_ID)).toBeNull();
    expect(doc.getElementById(LIST_MORE_STYLE_ID)).toBeNull();
  });

  it('finds the article once for a whole pass, and again only when elements came or went', async () => {
    const { doc, cleaner, onCount } = page(true);
    const region = vi.mocked(protectedRegion);
    region.mockClear();
    doc.body.insertAdjacentHTML('beforeend', '<aside id="samping">Samping</aside>');
    cleaner.start();
    cleaner.addCosmetics(RULES);
    cleaner.domReady();
    await firstPass(onCount);
    // The list pass and the heuristic pass after it share one look at the article.
    await new Promise((done) => setTimeout(done, 100));
    expect(region).toHaveBeenCalledTimes(1);

    // Other rules, same elements: a full pass without looking again.
    cleaner.replaceCosmetics({
      css: '#samping { display: none !important; }',
      selectors: ['#samping'],
      extended: [],
    });
    await vi.waitFor(() => expect(marked(doc)).toContain('samping'), { timeout: 2000 });
    expect(region).toHaveBeenCalledTimes(1);

    // New content: the heuristic pass that follows looks again.
    const late = doc.createElement('div');
    late.textContent = 'Konten baru';
    doc.body.append(late);
    await vi.waitFor(() => expect(region).toHaveBeenCalledTimes(2), { timeout: 3000 });
  });

  it('runs no pass once stopped', async () => {
    const { doc, cleaner, onCount } = page();
    cleaner.start();
    cleaner.addCosmetics(RULES);
    cleaner.domReady();
    cleaner.stop();
    await new Promise((done) => setTimeout(done, 300));
    expect(onCount).not.toHaveBeenCalled();
    expect(marked(doc)).toEqual([]);
    expect(doc.getElementById(LIST_STYLE_ID)).toBeNull();
  });

  it('drops a rule the guard refuses from the stylesheet and from matching', async () => {
    const dom = new JSDOM(
      `<html><head></head><body>
        <img alt="ACI OJOL BANNER" src="b.png">
        <article title="Berita utama"><h1>Judul</h1><p>${'Isi berita. '.repeat(60)}</p></article>
        <div class="iklan-atas">Iklan</div>
      </body></html>`,
    );
    const doc = dom.window.document;
    const selectors = ['img[alt="ACI OJOL BANNER" i]', '[title^="berita" i]', '.iklan-atas'];
    const rules = unpackCosmetics(
      packCosmetics({ css: selectors.map(hideRule).join('\n'), selectors, extended: [] }),
    )!;
    const onCount = vi.fn();
    const cleaner = new Cleaner(doc, dom.window as unknown as Window, {
      heuristics: false,
      onCount,
      onFeatures: vi.fn(),
    });
    cleaner.start();
    cleaner.addCosmetics(rules);
    cleaner.domReady();
    await firstPass(onCount);
    expect(marked(doc).sort()).toEqual(['', 'iklan-atas']);
    expect(doc.querySelector('img')?.hasAttribute(HIDDEN_ATTR)).toBe(true);
    // The article is never hidden: its rule is refused and leaves the stylesheet.
    expect(doc.querySelector('article')?.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(onCount).toHaveBeenLastCalledWith(2, 1);
    expect(listRules(doc).join('\n')).not.toContain('title');
    expect(listRules(doc)).toHaveLength(2);
    // A full pass again (the same rules replaced) does not take the refused rule back.
    cleaner.replaceCosmetics({ ...rules, selectors: [...selectors, '#baru'] });
    await vi.waitFor(() => expect(listRules(doc).join('\n')).toContain('#baru'));
    expect(doc.querySelector('article')?.hasAttribute(HIDDEN_ATTR)).toBe(false);
  });
});
