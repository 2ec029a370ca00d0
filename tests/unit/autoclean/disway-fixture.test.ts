import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildEngine, cosmeticsFor } from '@/lib/autoclean/engine';
import { filterHideable, protectedRegion } from '@/lib/autoclean/guard';
import { findListMatches, scanBanners } from '@/lib/autoclean/heuristics';
import { HIDDEN_ATTR, markHidden } from '@/lib/autoclean/hide';
import { REGIONAL_FILTERS } from '@/lib/autoclean/regional-list';

const FIXTURE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/disway-article.html',
);
const missing = !existsSync(FIXTURE);
if (missing) console.warn(`skipping disway fixture tests: ${FIXTURE} not found`);

/** Selectors the fixture's top comment lists as clutter to hide, and their inner elements. */
function listedClutter(html: string): { slots: string[]; inner: string[] } {
  const comment = /<!--([\s\S]*?)-->/.exec(html)?.[1] ?? '';
  const hide = comment.slice(comment.indexOf('SHOULD HIDE'), comment.indexOf('Page furniture'));
  const [slotsPart, innerPart = ''] = hide.split('inner elements:');
  const slots = [...slotsPart.matchAll(/^\s+([.#][\w-]+)\s/gm)].map((m) => m[1]);
  const inner = innerPart
    .split(/,\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { slots, inner };
}

function clean(url: string, withList: boolean) {
  const html = readFileSync(FIXTURE, 'utf8');
  const dom = new JSDOM(html, { url });
  const doc = dom.window.document;
  const hostname = new URL(url).hostname;
  const candidates = scanBanners(doc, dom.window as unknown as Window).map((c) => c.element);
  const listed = withList
    ? findListMatches(
        doc,
        cosmeticsFor(buildEngine([{ id: 'regional', text: REGIONAL_FILTERS }]), { url, hostname }),
      )
    : [];
  const region = protectedRegion(doc);
  const { hide, skipped } = filterHideable([...listed, ...candidates], region);
  markHidden(hide);
  const hidden = (el: Element) => el.closest(`[${HIDDEN_ATTR}]`) !== null;
  return { doc, html, hide, skipped, hidden, listed };
}

describe.skipIf(missing)('disway-article.html fixture', () => {
  const html = missing ? '' : readFileSync(FIXTURE, 'utf8');
  const { slots, inner } = listedClutter(html);

  it('lists its clutter in the top comment', () => {
    expect(slots.length).toBeGreaterThanOrEqual(5);
    expect(slots).toContain('#sticky-ad');
    expect(inner.length).toBeGreaterThan(0);
  });

  for (const [label, url, withList] of [
    [
      'regional list + heuristics + guard',
      'https://mojokerto.disway.id/read/18342/perbaikan-jalan',
      true,
    ],
    ['heuristics + guard on an unknown portal', 'https://berita-daerah.example/read/18342', false],
  ] as const) {
    describe(label, () => {
      const run = () => clean(url, withList);

      it('hides every listed banner, ad slot and sticky bar', () => {
        const { doc, hidden } = run();
        for (const selector of [...slots, ...inner]) {
          const els = [...doc.querySelectorAll(selector)];
          expect(els.length, selector).toBeGreaterThan(0);
          for (const el of els) expect(hidden(el), selector).toBe(true);
        }
      });

      it('hides nothing of the article: body text, h1, lead image, photos', () => {
        const { doc, hide, hidden } = run();
        const body = doc.getElementById('article-body')!;
        const keep = [
          body,
          doc.querySelector('h1')!,
          doc.getElementById('lead-image')!,
          ...body.querySelectorAll(':scope > p, :scope > figure'),
        ];
        expect(keep.length).toBeGreaterThan(15);
        for (const el of keep) {
          expect(hidden(el), el.outerHTML.slice(0, 60)).toBe(false);
          expect(hide.some((h) => h.contains(el))).toBe(false);
        }
        // What is hidden inside the body is only the two in-article ads.
        const inBody = hide.filter((el) => body.contains(el));
        expect(inBody.map((el) => el.className).sort()).toEqual([
          'ads-inarticle',
          'banner-inarticle',
        ]);
      });

      it('leaves site navigation and furniture alone', () => {
        const { doc, hidden } = run();
        for (const selector of [
          'header.site-header',
          'nav.main-nav',
          'footer.site-footer',
          '.breadcrumb',
          '.tags',
          '.share-bar',
          'section.terpopuler',
        ]) {
          for (const el of doc.querySelectorAll(selector)) expect(hidden(el), selector).toBe(false);
        }
      });
    });
  }

  it('needs no guard veto on this page', () => {
    expect(clean('https://mojokerto.disway.id/read/18342', true).skipped).toBe(0);
  });
});
