import { afterEach, describe, expect, it, vi } from 'vitest';
import { AFTER_PAINT, afterPaintWhenIdle } from '@/lib/page/autoclean-idle';

/** A window with controllable frames and idle periods. */
function fakeWindow(visibility: 'visible' | 'hidden' = 'visible') {
  const frames: (() => void)[] = [];
  const idles: (() => void)[] = [];
  const win = {
    document: { visibilityState: visibility },
    requestAnimationFrame: (run: () => void) => frames.push(run),
    cancelAnimationFrame: () => undefined,
    requestIdleCallback: (run: () => void) => idles.push(run),
    cancelIdleCallback: (handle: number) => {
      idles[handle - 1] = () => undefined;
    },
  };
  return { win: win as unknown as Window, frames, idles };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('afterPaintWhenIdle', () => {
  it('waits for a frame, the task after it, then an idle period', () => {
    vi.useFakeTimers();
    const { win, frames, idles } = fakeWindow();
    const run = vi.fn();
    afterPaintWhenIdle(win, [run], { ...AFTER_PAINT, frameTimeoutMs: 1000 });
    expect(frames).toHaveLength(1);
    expect(idles).toHaveLength(0);
    frames[0]();
    expect(idles).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(idles).toHaveLength(1);
    expect(run).not.toHaveBeenCalled();
    idles[0]();
    expect(run).toHaveBeenCalledTimes(1);
    // The frame timeout that is still pending does not run it again.
    vi.advanceTimersByTime(2000);
    expect(idles).toHaveLength(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('stops waiting for a frame that never comes (hidden or occluded tab)', () => {
    vi.useFakeTimers();
    const { win, idles } = fakeWindow();
    const run = vi.fn();
    afterPaintWhenIdle(win, [run], { ...AFTER_PAINT, frameTimeoutMs: 100 });
    vi.advanceTimersByTime(99);
    expect(idles).toHaveLength(0);
    vi.advanceTimersByTime(1);
    idles[0]();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('asks no frame of a hidden document', () => {
    vi.useFakeTimers();
    const { win, frames, idles } = fakeWindow('hidden');
    const run = vi.fn();
    afterPaintWhenIdle(win, [run]);
    expect(frames).toHaveLength(0);
    vi.advanceTimersByTime(0);
    idles[0]();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled', () => {
    vi.useFakeTimers();
    const { win, frames, idles } = fakeWindow();
    const run = vi.fn();
    const cancel = afterPaintWhenIdle(win, [run]);
    frames[0]();
    vi.advanceTimersByTime(0);
    cancel();
    idles[0]();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });

  it('gives each later step an idle period of its own, and stops between steps when cancelled', () => {
    vi.useFakeTimers();
    const { win, frames, idles } = fakeWindow();
    const order: string[] = [];
    const cancel = afterPaintWhenIdle(win, [
      () => order.push('index'),
      () => order.push('region'),
      () => order.push('pass'),
    ]);
    frames[0]();
    vi.advanceTimersByTime(0);
    idles[0]();
    expect(order).toEqual(['index']);
    expect(idles).toHaveLength(2);
    idles[1]();
    expect(order).toEqual(['index', 'region']);
    cancel();
    idles[2]();
    vi.advanceTimersByTime(1000);
    expect(order).toEqual(['index', 'region']);
  });

  it('falls back to a timer without requestIdleCallback', async () => {
    const { win } = fakeWindow('hidden');
    delete (win as { requestIdleCallback?: unknown }).requestIdleCallback;
    const ran = new Promise<void>((done) => afterPaintWhenIdle(win, [done]));
    await expect(ran).resolves.toBeUndefined();
  });
});
