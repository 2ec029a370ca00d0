/**
 * The element last right-clicked, shared between the content script (which records it) and the
 * picker (injected later into the same isolated world).
 */
export const CONTEXT_TARGET = Symbol.for('baca-bersih.context-target');

export type WindowWithTarget = Window & { [CONTEXT_TARGET]?: Element };

export function rememberContextTarget(win: WindowWithTarget): void {
  win.addEventListener(
    'contextmenu',
    (event) => {
      if (event.target instanceof Element) win[CONTEXT_TARGET] = event.target;
    },
    { capture: true, passive: true },
  );
}
