/**
 * A page's rules as they travel to content scripts and sit in session storage. Almost every
 * rule is a plain hiding selector (~2,150 of them, ~60 KB): sent once as text, not as both a
 * CSS rule and a list entry (~180 KB). The page builds the CSS back, in well under a millisecond.
 */

import type { Cosmetics } from './engine';

export type PageCosmetics = Pick<Cosmetics, 'css' | 'selectors' | 'extended'>;

export interface PackedCosmetics {
  /** The plain hiding selectors, one per line. */
  hide: string;
  /** The other CSS rules (custom styles, procedural matches' attributes), one per line. */
  styled: string;
  extended: PageCosmetics['extended'];
}

export const HIDE_STYLE = 'display: none !important;';

/** One rule per selector, so one selector the browser rejects cannot void the others. */
export function hideRule(selector: string): string {
  return `${selector} { ${HIDE_STYLE} }`;
}

export function packCosmetics({ css, selectors, extended }: PageCosmetics): PackedCosmetics {
  const plain = new Set(selectors.map(hideRule));
  const styled = css.split('\n').filter((line) => line !== '' && !plain.has(line));
  return { hide: selectors.join('\n'), styled: styled.join('\n'), extended };
}

/** The rules back in full; null for anything that is not packed rules (a corrupt copy). */
export function unpackCosmetics(packed: unknown): PageCosmetics | null {
  if (typeof packed !== 'object' || packed === null) return null;
  const { hide, styled, extended } = packed as Partial<PackedCosmetics>;
  if (typeof hide !== 'string' || typeof styled !== 'string' || !Array.isArray(extended)) {
    return null;
  }
  const selectors = hide === '' ? [] : hide.split('\n');
  const lines = selectors.map(hideRule);
  if (styled !== '') lines.push(styled);
  return { css: lines.join('\n'), selectors, extended };
}
