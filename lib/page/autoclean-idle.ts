/**
 * After the page's next paint, in an idle period of the main thread. The first full pass waits
 * for this, so it never sits between parsing and first paint; list CSS covers the page until
 * then. Hidden tabs get no frames: there a timer stands in for the paint.
 */

export interface AfterPaintOptions {
  /** Wait at most this long for a frame. */
  frameTimeoutMs: number;
  /** Wait at most this long for an idle period once painted. */
  idleTimeoutMs: number;
}

export const AFTER_PAINT: AfterPaintOptions = { frameTimeoutMs: 100, idleTimeoutMs: 300 };

type IdleWindow = Window & {
  requestIdleCallback?: (run: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/** Calls `run` once, after the next paint and when idle; returns a cancel function. */
export function afterPaintWhenIdle(
  win: Window,
  run: () => void,
  options: AfterPaintOptions = AFTER_PAINT,
): () => void {
  const idleWin = win as IdleWindow;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let frame: number | null = null;
  let idle: number | null = null;
  let state: 'painting' | 'idling' | 'done' = 'painting';

  const later = (work: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timers.add(timer);
  };
  const go = () => {
    if (state !== 'idling') return;
    state = 'done';
    run();
  };
  const painted = () => {
    if (state !== 'painting') return;
    state = 'idling';
    if (frame !== null) win.cancelAnimationFrame(frame);
    if (typeof idleWin.requestIdleCallback === 'function') {
      idle = idleWin.requestIdleCallback(go, { timeout: options.idleTimeoutMs });
    } else later(go, 0);
  };

  const frames =
    typeof win.requestAnimationFrame === 'function' && win.document.visibilityState !== 'hidden';
  // A task queued from a frame callback runs once that frame is painted.
  if (frames) frame = win.requestAnimationFrame(() => later(painted, 0));
  later(painted, frames ? options.frameTimeoutMs : 0);

  return () => {
    state = 'done';
    for (const timer of timers) clearTimeout(timer);
    if (frame !== null) win.cancelAnimationFrame(frame);
    if (idle !== null) idleWin.cancelIdleCallback?.(idle);
  };
}
