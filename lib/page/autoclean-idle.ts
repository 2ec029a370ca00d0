/**
 * After the page's next paint, in idle periods of the main thread. The first full pass waits
 * for this, so it never sits between parsing and first paint; list CSS covers the page until
 * then. Its steps each get an idle period of their own, so the page's own tasks wait for one
 * step at most, never for the whole pass. Hidden tabs get no frames: there a timer stands in
 * for the paint.
 */

export interface AfterPaintOptions {
  /** Wait at most this long for a frame. */
  frameTimeoutMs: number;
  /** Wait at most this long for an idle period once painted. */
  idleTimeoutMs: number;
  /** Wait at most this long for the idle period of each later step. */
  stepTimeoutMs: number;
}

export const AFTER_PAINT: AfterPaintOptions = {
  frameTimeoutMs: 100,
  idleTimeoutMs: 300,
  stepTimeoutMs: 50,
};

type IdleWindow = Window & {
  requestIdleCallback?: (run: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Calls `steps` in order, once each: the first after the next paint and when idle, every other
 * in the next idle period after the one before. Returns a cancel function.
 */
export function afterPaintWhenIdle(
  win: Window,
  steps: (() => void)[],
  options: AfterPaintOptions = AFTER_PAINT,
): () => void {
  const queue = [...steps];
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
  const whenIdle = (timeout: number) => {
    if (typeof idleWin.requestIdleCallback === 'function') {
      idle = idleWin.requestIdleCallback(go, { timeout });
    } else later(go, 0);
  };
  const go = () => {
    if (state !== 'idling') return;
    idle = null;
    const step = queue.shift();
    if (queue.length === 0) state = 'done';
    else whenIdle(options.stepTimeoutMs);
    step?.();
  };
  const painted = () => {
    if (state !== 'painting') return;
    state = 'idling';
    if (frame !== null) win.cancelAnimationFrame(frame);
    whenIdle(options.idleTimeoutMs);
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
