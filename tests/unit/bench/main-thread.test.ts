import { describe, expect, it } from 'vitest';
import { mainThreadLoad, selfTimes } from '../../../scripts/bench/main-thread';

const event = (name: string, ts: number, dur: number, tid = 1) => ({
  name,
  ph: 'X',
  pid: 7,
  tid,
  ts,
  dur,
});

describe('selfTimes', () => {
  it("takes each event's direct children out of its own time", () => {
    const thread = [
      event('RunTask', 0, 10_000),
      event('FunctionCall', 1_000, 6_000),
      event('UpdateLayoutTree', 2_000, 2_000),
      event('Layout', 8_000, 1_000),
    ];
    expect(selfTimes(thread, 0, 20_000)).toEqual({
      RunTask: 3,
      FunctionCall: 4,
      UpdateLayoutTree: 2,
      Layout: 1,
    });
  });

  it('leaves out events outside the window', () => {
    const thread = [event('RunTask', 0, 1_000), event('RunTask', 5_000, 1_000)];
    expect(selfTimes(thread, 4_000, 10_000)).toEqual({ RunTask: 1 });
  });
});

describe('mainThreadLoad', () => {
  it("sums the painting thread's tasks from navigation start, with their breakdown", () => {
    const events = [
      { name: 'navigationStart', ph: 'R', pid: 7, tid: 1, ts: 1_000 },
      { name: 'firstContentfulPaint', ph: 'R', pid: 7, tid: 1, ts: 5_000 },
      event('ThreadControllerImpl::RunTask', 500, 400),
      event('ThreadControllerImpl::RunTask', 2_000, 3_000),
      event('EvaluateScript', 2_500, 1_000),
      event('ThreadControllerImpl::RunTask', 2_000, 9_000, 2),
    ];
    expect(mainThreadLoad(events)).toEqual({
      busyMs: 3,
      selfMs: { 'ThreadControllerImpl::RunTask': 2, EvaluateScript: 1 },
    });
  });
});
