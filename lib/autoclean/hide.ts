/**
 * Hiding by attribute marker plus ONE injected stylesheet: marking costs one attribute write
 * per element, and un-hiding or revealing is a stylesheet or attribute change.
 */

export const HIDDEN_ATTR = 'data-bb-hidden';
/** On <html>: show hidden elements outlined, so the user can check what was hidden. */
export const REVEAL_ATTR = 'data-bb-reveal';
/** On <html>: an overlay was hidden while the page had scrolling locked. */
export const UNLOCK_ATTR = 'data-bb-unlock';
export const STYLE_ID = 'baca-bersih-autoclean';
/** The list rules' stylesheet (the site's hiding CSS from the filter lists). */
export const LIST_STYLE_ID = 'baca-bersih-lists';
/**
 * Rules that come after the list stylesheet is in place. A stylesheet of their own: any change
 * to the big one makes the browser rebuild its ~2,000-rule index (~3.5 ms per change, measured).
 */
export const LIST_MORE_STYLE_ID = 'baca-bersih-lists-more';

/** Marks elements as hidden; the value says why (for reveal mode and debugging). */
export function markHidden(
  elements: Iterable<Element>,
  marker = HIDDEN_ATTR,
  reason = 'ad',
): number {
  let marked = 0;
  for (const el of elements) {
    if (el.hasAttribute(marker)) continue;
    el.setAttribute(marker, reason);
    marked += 1;
  }
  return marked;
}

export function unmarkAll(doc: Document, marker = HIDDEN_ATTR): number {
  const marked = doc.querySelectorAll(`[${marker}]`);
  for (const el of marked) el.removeAttribute(marker);
  return marked.length;
}

export function hidingCss(marker = HIDDEN_ATTR): string {
  return `[${marker}]{display:none!important}`;
}

export function revealCss(marker = HIDDEN_ATTR, reveal = REVEAL_ATTR): string {
  return (
    `html[${reveal}] [${marker}]{display:revert!important;` +
    `outline:2px dashed #e11d48!important;outline-offset:-2px!important}`
  );
}

/** Undoes the usual scroll locks, only while <html> carries the unlock attribute. */
export function scrollUnlockCss(unlock = UNLOCK_ATTR): string {
  return (
    `html[${unlock}],html[${unlock}]>body{overflow:auto!important;overflow-y:auto!important;` +
    `height:auto!important}html[${unlock}]>body{position:static!important}`
  );
}

/** Everything the content script injects, as one stylesheet. */
export function autocleanCss(marker = HIDDEN_ATTR): string {
  return [hidingCss(marker), revealCss(marker), scrollUnlockCss()].join('\n');
}

/** Creates or updates the single <style> element; returns it. */
export function injectStyle(doc: Document, css: string, id = STYLE_ID): HTMLStyleElement {
  let style = doc.getElementById(id) as HTMLStyleElement | null;
  if (!style) {
    style = doc.createElement('style');
    style.id = id;
    (doc.head ?? doc.documentElement).append(style);
  }
  if (style.textContent !== css) style.textContent = css;
  return style;
}

export function setReveal(doc: Document, on: boolean): void {
  doc.documentElement.toggleAttribute(REVEAL_ATTR, on);
}

export function setScrollUnlock(doc: Document, on: boolean): void {
  doc.documentElement.toggleAttribute(UNLOCK_ATTR, on);
}
