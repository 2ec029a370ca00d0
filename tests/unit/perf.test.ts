import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of lib/perf.ts, evaluated with the build flag as given. */
async function perfModule(flag: boolean | undefined) {
  vi.resetModules();
  if (flag !== undefined) vi.stubGlobal('__BACA_BERSIH_PERF__', flag);
  return import('@/lib/perf');
}

function ourEntries(): string[] {
  return performance
    .getEntries()
    .map((entry) => entry.name)
    .filter((name) => name.startsWith('baca-bersih:'));
}

afterEach(() => {
  vi.unstubAllGlobals();
  performance.clearMarks();
  performance.clearMeasures();
});

describe('User Timing entries', () => {
  it('are off in the shipped build: nothing on the timeline, the work still runs', async () => {
    for (const flag of [undefined, false]) {
      const perf = await perfModule(flag);
      expect(perf.PERF_ENABLED).toBe(false);
      expect(perf.timed('pass', () => 42)).toBe(42);
      perf.measureSince('pass', perf.perfNow());
      perf.markOnce('first-hide');
      expect(ourEntries()).toEqual([]);
    }
  });

  it('are on in an instrumented build: measures, and each mark once', async () => {
    const perf = await perfModule(true);
    expect(perf.PERF_ENABLED).toBe(true);
    expect(perf.timed('pass', () => 'done')).toBe('done');
    perf.measureSince('tick', perf.perfNow());
    perf.markOnce('first-hide');
    perf.markOnce('first-hide');
    expect(ourEntries().sort()).toEqual([
      'baca-bersih:first-hide',
      'baca-bersih:pass',
      'baca-bersih:tick',
    ]);
  });

  it('stop at a cap on a page that keeps changing', async () => {
    const perf = await perfModule(true);
    for (let i = 0; i < 500; i += 1) perf.measureSince('tick', perf.perfNow());
    expect(ourEntries().length).toBe(200);
  });

  it('a throwing pass still throws, and is still measured', async () => {
    const perf = await perfModule(true);
    expect(() =>
      perf.timed('broken', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(ourEntries()).toEqual(['baca-bersih:broken']);
  });
});
