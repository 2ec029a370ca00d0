import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  HIDDEN_ATTR,
  autocleanCss,
  hidingCss,
  injectStyle,
  markHidden,
  revealCss,
  scrollUnlockCss,
  setReveal,
  setScrollUnlock,
  unmarkAll,
} from '@/lib/autoclean/hide';

function load() {
  const dom = new JSDOM(
    '<html><head></head><body><div id="a">A</div><div id="b">B</div><p id="c">C</p></body></html>',
  );
  return { doc: dom.window.document, win: dom.window };
}

describe('marking', () => {
  it('marks once per element and unmarks all', () => {
    const { doc } = load();
    const els = [doc.getElementById('a')!, doc.getElementById('b')!];
    expect(markHidden(els)).toBe(2);
    expect(markHidden(els)).toBe(0);
    expect(doc.getElementById('a')!.getAttribute(HIDDEN_ATTR)).toBe('ad');
    expect(markHidden([doc.getElementById('c')!], 'data-x', 'overlay')).toBe(1);
    expect(unmarkAll(doc)).toBe(2);
    expect(doc.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(0);
    expect(doc.getElementById('c')!.getAttribute('data-x')).toBe('overlay');
  });
});

describe('stylesheet', () => {
  it('hides marked elements through one style element, and reveal mode shows them', () => {
    const { doc, win } = load();
    injectStyle(doc, autocleanCss());
    injectStyle(doc, autocleanCss());
    expect(doc.querySelectorAll('style')).toHaveLength(1);

    const a = doc.getElementById('a')!;
    markHidden([a]);
    expect(win.getComputedStyle(a).display).toBe('none');
    expect(win.getComputedStyle(doc.getElementById('b')!).display).toBe('block');

    setReveal(doc, true);
    expect(win.getComputedStyle(a).display).not.toBe('none');
    setReveal(doc, false);
    expect(win.getComputedStyle(a).display).toBe('none');
  });

  it('unlocks scrolling only while the unlock attribute is set', () => {
    const { doc, win } = load();
    injectStyle(doc, `body { overflow: hidden; }\n${scrollUnlockCss()}`);
    expect(win.getComputedStyle(doc.body).overflow).toBe('hidden');
    setScrollUnlock(doc, true);
    expect(win.getComputedStyle(doc.body).overflow).toBe('auto');
    setScrollUnlock(doc, false);
    expect(win.getComputedStyle(doc.body).overflow).toBe('hidden');
  });

  it('builds CSS for a custom marker', () => {
    expect(hidingCss('data-q')).toBe('[data-q]{display:none!important}');
    expect(revealCss('data-q')).toContain('html[data-bb-reveal] [data-q]{display:revert!important');
  });
});
