import { describe, expect, it } from 'vitest';
import { losesArticle, measureLoss } from '../../../scripts/lib/guard-loss';
import type { GuardSnapshot } from '../../../scripts/lib/guard-snapshot';

const P1 = 'Harga cabai rawit turun tajam di pasar induk minggu ini kata pedagang.';
const P2 = 'Pemerintah daerah menggelar pasar murah di delapan belas kecamatan.';
const P3 = 'Warga antre sejak pagi untuk membeli beras dan minyak goreng.';
const LABEL = 'Advertisement Continue reading the main story';

function snapshot(parts: Partial<GuardSnapshot>): GuardSnapshot {
  return {
    withHiding: '',
    without: '',
    hidden: [],
    leadImages: [],
    headlines: [],
    url: 'https://example.test/',
    elements: 0,
    ...parts,
  };
}

describe('measureLoss (eval:guard)', () => {
  const truth = { articleBody: [P1, P2, P3].join('\n'), title: 'Harga Cabai Turun' };

  it('reports a paragraph hidden by us, with what hid it', () => {
    const report = measureLoss(
      snapshot({
        without: `Menu ${P1} ${P2} ${P3} Footer`,
        withHiding: `Menu ${P1} ${P3} Footer`,
        hidden: [{ text: P2, cause: 'list:.promo-box', tag: 'div' }],
      }),
      truth,
    );
    expect(report.lostWords).toBe(9);
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0].text).toBe(
      'pemerintah daerah menggelar pasar murah di delapan belas kecamatan',
    );
    expect(report.runs[0].causes).toEqual(['list:.promo-box']);
    expect(losesArticle(report)).toBe(true);
  });

  it('does not count text the page never shows, or an ad label the expected text includes', () => {
    const report = measureLoss(
      snapshot({
        // P3 is missing from the page either way; the label between P1 and P2 is ours to hide.
        without: `${P1} ${LABEL} ${P2}`,
        withHiding: `${P1} ${P2}`,
        hidden: [{ text: LABEL, cause: 'heuristic:label', tag: 'div' }],
      }),
      { articleBody: [P1, LABEL, P2, P3].join(' ') },
    );
    // Only the label's own words are gone; the story words beside it are still visible.
    expect(report.runs.map((r) => r.text)).toEqual([
      'advertisement continue reading the main story',
    ]);
  });

  it('nothing hidden: nothing lost', () => {
    const text = `${P1} ${P2} ${P3}`;
    const report = measureLoss(snapshot({ without: text, withHiding: text }), truth);
    expect(report.lostWords).toBe(0);
    expect(losesArticle(report)).toBe(false);
  });

  it('flags a hidden headline and a hidden lead image', () => {
    const text = `${P1} ${P2} ${P3}`;
    const report = measureLoss(
      snapshot({
        without: `Harga Cabai Turun ${text}`,
        withHiding: text,
        headlines: [{ text: 'Harga Cabai Turun', without: true, withHiding: false }],
        leadImages: [{ src: '/lead.jpg', without: true, withHiding: false }],
      }),
      truth,
    );
    expect(report.headlineLost).toBe(true);
    expect(report.leadImageLost).toBe(true);
    expect(losesArticle(report)).toBe(true);
  });
});
