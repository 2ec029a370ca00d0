/**
 * A page's rules as they travel to content scripts and sit in session storage. Almost every
 * rule is a plain hiding selector (~2,150 of them, ~60 KB): sent once as text, not as both a
 * CSS rule and a list entry (~180 KB). The page builds the CSS back, in well under a millisecond.
 * The other CSS lines travel apart, so the page never has to tell them from the hiding rules.
 */

import type { Cosmetics } from './engine';

export interface PageCosmetics extends Pick<Cosmetics, 'css' | 'selectors' | 'extended'> {
  /** The lines of `css` that are not a plain selector's hiding rule (else found from `css`). */
  styled?: string[];
}

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

/** The lines of `css` that are not one of `selectors`' hiding rules. */
export function styledLines({
  css,
  selectors,
}: Pick<PageCosmetics, 'css' | 'selectors'>): string[] {
  const plain = new Set(selectors.map(hideRule));
  return css.split('\n').filter((line) => line !== '' && !plain.has(line));
}

export function packCosmetics(rules: PageCosmetics): PackedCosmetics {
  const { selectors, extended } = rules;
  return {
    hide: selectors.join('\n'),
    styled: (rules.styled ?? styledLines(rules)).join('\n'),
    extended,
  };
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
  return {
    css: lines.join('\n'),
    selectors,
    styled: styled === '' ? [] : styled.split('\n'),
    extended,
  };
}
