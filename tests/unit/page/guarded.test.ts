import { afterEach, describe, expect, it } from 'vitest';
import { appendError } from '@/lib/background/diagnostics';
import type { ScriptError } from '@/lib/messages';
import { guarded, reportingHandlers, setErrorSink } from '@/lib/page/guarded';

const reports: ScriptError[] = [];
setErrorSink((report) => reports.push(report));
afterEach(() => void reports.splice(0));

describe('content-script error boundary', () => {
  it('swallows and reports a thrown error, and returns the fallback', () => {
    const run = guarded(
      'autoclean:test',
      (n: number) => {
        if (n > 1) throw new TypeError('boom');
        return n;
      },
      -1,
    );
    expect(run(1)).toBe(1);
    expect(reports).toEqual([]);
    expect(run(2)).toBe(-1);
    expect(reports).toEqual([
      expect.objectContaining({ where: 'autoclean:test', message: 'TypeError: boom' }),
    ]);
  });

  it('reports a rejected promise and resolves instead of rejecting', async () => {
    const run = guarded('autoclean:async', async () => Promise.reject(new Error('late')));
    await expect(run()).resolves.toBeUndefined();
    expect(reports.map((r) => r.message)).toEqual(['Error: late']);
  });

  it('still reports when a non-Error is thrown, and trims long messages', () => {
    guarded('x', () => {
      throw 'a'.repeat(1000);
    })();
    expect(reports[0].message).toHaveLength(300);
  });

  it('message handlers report what they throw and the sender still gets the rejection', async () => {
    const handlers = reportingHandlers('extractor', {
      'picker:ping': () => {
        throw new Error('no');
      },
    });
    await expect(Promise.resolve().then(() => handlers['picker:ping']!(null, {}))).rejects.toThrow(
      'no',
    );
    expect(reports).toEqual([expect.objectContaining({ where: 'extractor:picker:ping' })]);
  });
});

describe('diagnostics ring buffer', () => {
  const error = (n: number): ScriptError => ({ where: 'w', message: `m${n}`, url: 'u' });

  it('keeps only the newest entries', () => {
    let list: unknown = undefined;
    for (let n = 0; n < 8; n++) list = appendError(list, error(n), n, 5);
    expect((list as { message: string }[]).map((e) => e.message)).toEqual([
      'm3',
      'm4',
      'm5',
      'm6',
      'm7',
    ]);
  });

  it('starts over from anything that is not a list', () => {
    expect(appendError({ bad: true }, error(1), 7)).toEqual([{ ...error(1), at: 7 }]);
  });
});
