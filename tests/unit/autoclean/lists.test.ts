import { describe, expect, it } from 'vitest';
import { listChecksum } from '@/lib/autoclean/engine';
import {
  downloadList,
  engineKey,
  needsRefresh,
  nextStatus,
  parseStatusMap,
  pickerRulesText,
  prepareListText,
  REFRESH_AFTER_MS,
  RETRY_AFTER_MS,
  type FetchLike,
  type ListStatus,
} from '@/lib/autoclean/lists';

const URL_A = 'https://lists.example/a.txt';
const LIST =
  '[Adblock Plus 2.0]\n! Title: A\nexample.com##.ad\nexample.com##+js(nobab)\n||ads.example^\n';
const list = (patch = {}) => ({
  id: 'a',
  title: 'A',
  url: URL_A,
  enabled: true,
  builtin: false,
  ...patch,
});
const day = 24 * 60 * 60 * 1000;
const NOW = 1_800_000_000_000;

/** Records each request and answers with the next response. */
function fakeFetch(...responses: (Response | Error | 'hang')[]) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch: FetchLike = (url, init) => {
    calls.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    const next = responses.shift() ?? new Error('no more responses');
    if (next === 'hang') {
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    }
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { fetch, calls };
}

describe('needsRefresh', () => {
  const fresh: ListStatus = { url: URL_A, lastUpdated: NOW - day, checksum: 'x' };

  it('refreshes lists never fetched, older than four days, or moved to another URL', () => {
    expect(needsRefresh(list(), undefined, NOW)).toBe(true);
    expect(needsRefresh(list(), fresh, NOW)).toBe(false);
    expect(needsRefresh(list(), { ...fresh, lastUpdated: NOW - REFRESH_AFTER_MS - 1 }, NOW)).toBe(
      true,
    );
    expect(needsRefresh(list({ url: 'https://other.example/a.txt' }), fresh, NOW)).toBe(true);
    expect(needsRefresh(list({ enabled: false }), undefined, NOW)).toBe(false);
  });

  it('waits an hour after a failure before trying again on its own', () => {
    const failed = {
      url: URL_A,
      lastAttempt: NOW - 60_000,
      lastError: { code: 'network' as const },
    };
    expect(needsRefresh(list(), failed, NOW)).toBe(false);
    expect(needsRefresh(list(), failed, NOW + RETRY_AFTER_MS)).toBe(true);
  });

  it('does not trust a last update in the future', () => {
    expect(needsRefresh(list(), { ...fresh, lastUpdated: NOW + day }, NOW)).toBe(true);
  });
});

describe('downloadList', () => {
  it('sends the validators it has, and reads 304 as unchanged', async () => {
    const { fetch, calls } = fakeFetch(new Response(null, { status: 304 }));
    const status: ListStatus = {
      url: URL_A,
      etag: '"v1"',
      lastModified: 'Tue, 01 Jul 2025 00:00:00 GMT',
      checksum: 'abc',
    };
    expect(await downloadList(URL_A, status, { fetch })).toEqual({ kind: 'unchanged' });
    expect(calls[0].headers).toEqual({
      'If-None-Match': '"v1"',
      'If-Modified-Since': 'Tue, 01 Jul 2025 00:00:00 GMT',
    });
  });

  it('sends no validators without a stored copy or for another URL', async () => {
    const { fetch, calls } = fakeFetch(new Response(LIST), new Response(LIST));
    await downloadList(URL_A, { url: URL_A, etag: '"v1"' }, { fetch });
    await downloadList(
      URL_A,
      { url: 'https://x.example/', etag: '"v1"', checksum: 'a' },
      { fetch },
    );
    expect(calls.map((c) => c.headers)).toEqual([{}, {}]);
  });

  it('returns the list without scriptlets, with its validators and rule count', async () => {
    const { fetch } = fakeFetch(
      new Response(LIST, { headers: { etag: '"v2"', 'last-modified': 'Wed, 02 Jul 2025' } }),
    );
    const result = await downloadList(URL_A, undefined, { fetch });
    expect(result).toMatchObject({
      kind: 'updated',
      etag: '"v2"',
      lastModified: 'Wed, 02 Jul 2025',
    });
    if (result.kind !== 'updated') throw new Error(result.kind);
    expect(result.text).not.toContain('+js');
    expect(result.ruleCount).toBe(2);
  });

  it.each([
    ['a server error', new Response('oops', { status: 500 }), { code: 'http', detail: '500' }],
    ['an HTML page', new Response('<!doctype html><p>Login</p>'), { code: 'not-a-list' }],
    ['text with no rules', new Response('hello\nworld'), { code: 'not-a-list' }],
    [
      'a network error',
      new TypeError('Failed to fetch'),
      { code: 'network', detail: 'Failed to fetch' },
    ],
  ])('reports %s', async (_label, response, error) => {
    const { fetch } = fakeFetch(response);
    expect(await downloadList(URL_A, undefined, { fetch })).toEqual({ kind: 'failed', error });
  });

  it('refuses a list over the size cap, by header or while reading', async () => {
    const big = 'example.com##.ad\n'.repeat(100);
    const declared = new Response(big, { headers: { 'content-length': String(10 ** 9) } });
    const { fetch } = fakeFetch(declared, new Response(big));
    for (let i = 0; i < 2; i += 1) {
      expect(await downloadList(URL_A, undefined, { fetch, maxBytes: 500 })).toEqual({
        kind: 'failed',
        error: { code: 'too-large' },
      });
    }
  });

  it('gives up after the timeout', async () => {
    const { fetch } = fakeFetch('hang');
    expect(await downloadList(URL_A, undefined, { fetch, timeoutMs: 20 })).toEqual({
      kind: 'failed',
      error: { code: 'timeout' },
    });
  });
});

describe('nextStatus', () => {
  const good: ListStatus = {
    url: URL_A,
    lastUpdated: NOW - 5 * day,
    ruleCount: 10,
    etag: '"v1"',
    checksum: 'c1',
  };

  it('records a new copy, clearing an earlier error', () => {
    const text = 'example.com##.ad';
    const status = nextStatus(
      { ...good, lastError: { code: 'timeout' } },
      URL_A,
      { kind: 'updated', text, ruleCount: 1, etag: '"v2"' },
      NOW,
    );
    expect(status).toEqual({
      url: URL_A,
      lastUpdated: NOW,
      lastAttempt: NOW,
      ruleCount: 1,
      etag: '"v2"',
      lastModified: undefined,
      checksum: listChecksum({ id: 'a', text }),
    });
  });

  it('keeps the last good copy on a failure, with the error', () => {
    const status = nextStatus(
      good,
      URL_A,
      { kind: 'failed', error: { code: 'http', detail: '500' } },
      NOW,
    );
    expect(status).toEqual({
      ...good,
      lastAttempt: NOW,
      lastError: { code: 'http', detail: '500' },
    });
  });

  it('counts "not modified" as a successful check', () => {
    expect(nextStatus(good, URL_A, { kind: 'unchanged' }, NOW)).toEqual({
      ...good,
      lastUpdated: NOW,
      lastAttempt: NOW,
    });
  });

  it('starts afresh for a new URL', () => {
    const status = nextStatus(
      good,
      'https://new.example/l.txt',
      { kind: 'failed', error: { code: 'timeout' } },
      NOW,
    );
    expect(status).toEqual({
      url: 'https://new.example/l.txt',
      lastAttempt: NOW,
      lastError: { code: 'timeout' },
    });
  });
});

describe('helpers', () => {
  it('parses a stored status map, dropping broken entries', () => {
    expect(parseStatusMap({ a: { url: URL_A }, b: 'x', c: { lastUpdated: 1 } })).toEqual({
      a: { url: URL_A },
    });
    expect(parseStatusMap(null)).toEqual({});
  });

  it('keys engines by their inputs in order', () => {
    const a = engineKey([
      { id: 'regional', checksum: '1' },
      { id: 'abpindo', checksum: '2' },
    ]);
    expect(
      engineKey([
        { id: 'regional', checksum: '1' },
        { id: 'abpindo', checksum: '3' },
      ]),
    ).not.toBe(a);
    expect(engineKey([{ id: 'regional', checksum: '1' }])).not.toBe(a);
    expect(
      engineKey([
        { id: 'regional', checksum: '1' },
        { id: 'abpindo', checksum: '2' },
      ]),
    ).toBe(a);
  });

  it('writes picked selectors as host rules', () => {
    expect(pickerRulesText({ 'b.example': ['.x'], 'a.example': ['#y', 'img[alt="z"]'] })).toBe(
      'a.example###y\na.example##img[alt="z"]\nb.example##.x',
    );
  });

  it('prepares list text: BOM and CRLF gone, HTML refused', () => {
    expect(prepareListText('\uFEFF! t\r\na.com##.x\r\n')).toEqual({
      text: '! t\na.com##.x\n',
      ruleCount: 1,
    });
    expect(prepareListText('  <html>')).toBeNull();
  });
});
