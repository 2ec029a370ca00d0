import { describe, expect, it } from 'vitest';
import { ownTasks } from '../../../scripts/bench/page-load';

describe('ownTasks (benchmark)', () => {
  it('counts nested measures once and separate tasks apart', () => {
    const tasks = ownTasks({
      // A tick with a list pass inside it, and two first-pass steps in tasks of their own.
      measures: { tick: [30], 'list-pass': [20], index: [5], region: [8] },
      starts: { tick: [100], 'list-pass': [105], index: [40], region: [60] },
    });
    expect(tasks).toEqual([5, 8, 30]);
  });

  it('joins measures that overlap without one holding the other', () => {
    expect(
      ownTasks({
        measures: { start: [10], cosmetics: [10] },
        starts: { start: [0], cosmetics: [5] },
      }),
    ).toEqual([15]);
  });
});
