import { describe, expect, it } from 'vitest';
import { isAdSlot, removeAdSlots } from '@/lib/extract/cleanup/ad-slots';
import { body, PROSE, text } from './helpers';

describe('removeAdSlots', () => {
  it('removes AdSense, GPT and data-ad slots', () => {
    const root = body(`
      <p>${PROSE}</p>
      <ins class="adsbygoogle" data-ad-client="x"></ins>
      <div id="div-gpt-ad-1702600123456-0"></div>
      <div class="unit" data-ad-unit="/inarticle"></div>
      <div class="ads-inarticle"><img src="/x.png"></div>
      <div class="iklan-tengah"></div>`);
    removeAdSlots(root);
    expect(root.children).toHaveLength(1);
    expect(text(root)).toBe(PROSE);
  });

  it('removes ADVERTISEMENT, IKLAN and SCROLL TO CONTINUE labels', () => {
    const root = body(`
      <div class="wrap"><span>ADVERTISEMENT</span></div>
      <p>${PROSE}</p>
      <p>IKLAN</p>
      <p>SCROLL TO CONTINUE WITH CONTENT</p>
      <p>Scroll to continue with content</p>
      <div>Advertisement<br><p>${PROSE}</p></div>`);
    removeAdSlots(root);
    expect(text(root)).toBe(`${PROSE} ${PROSE}`);
    expect(root.querySelector('.wrap')).toBeNull();
  });

  it('never removes a named box that holds the story', () => {
    const root = body(`<div class="content-ads"><p>${PROSE}</p><p>${PROSE}</p></div>`);
    expect(isAdSlot(root.firstElementChild as Element)).toBe(false);
    removeAdSlots(root);
    expect(root.querySelectorAll('p')).toHaveLength(2);
  });

  it('keeps words that only look like ad names', () => {
    const root = body(
      `<div class="header-address"><p>Jalan Bhayangkara 12</p></div><p class="read">Iklan layanan masyarakat itu dipasang di 40 titik.</p>`,
    );
    removeAdSlots(root);
    expect(text(root)).toBe(
      'Jalan Bhayangkara 12 Iklan layanan masyarakat itu dipasang di 40 titik.',
    );
  });
});
