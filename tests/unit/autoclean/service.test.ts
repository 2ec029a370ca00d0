import { describe, expect, it } from 'vitest';
import { subtractCosmetics } from '@/lib/autoclean/cosmetics-diff';
import type { FetchLike, ListStatusMap } from '@/lib/autoclean/lists';
import { AutoCleanService } from '@/lib/background/autoclean-service';
import { memoryStore } from '@/lib/background/autoclean-store';
import { defaultSettings, type Settings } from '@/lib/settings/schema';

const LIST_URL = 'https://lists.example/id.txt';
const LIST = '! Title: test\nmojokerto.disway.id##.from-list\n##.generic-ad\n';
const ARTICLE = 'https://mojokerto.disway.id/read/1';

function setup(responses: (() => Response)[]) {
  let now = 1_800_000_000_000;
  let status: ListStatusMap = {};
  const store = memoryStore();
  const settings: Settings = {
    ...defaultSettings(),
    filterLists: [{ id: 'test', title: 'Test', url: LIST_URL, enabled: true, builtin: false }],
    pickerRules: { 'blog.example': ['.picked'] },
  };
  const requests: Record<string, string>[] = [];
  const fetch: FetchLike = async (_url, init) => {
    requests.push({ ...(init.headers as Record<string, string>) });
    const next = responses.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next();
  };
  let refreshed = 0;
  const make = () =>
    new AutoCleanService({
      store,
      fetch,
      now: () => now,
      loadSettings: async () => settings,
      readStatus: async () => structuredClone(status),
      writeStatus: async (next) => void (status = structuredClone(next)),
      onRulesChanged: () => (refreshed += 1),
      regional: 'mojokerto.disway.id##.regional',
    });
  return {
    service: make(),
    make,
    store,
    settings,
    requests,
    status: () => status,
    refreshed: () => refreshed,
    later: (ms: number) => (now += ms),
  };
}

describe('AutoCleanService', () => {
  it('downloads lists on first use and serves their rules', async () => {
    const env = setup([() => new Response(LIST, { headers: { etag: '"v1"' } })]);
    await env.service.refreshStale();
    expect(env.status().test).toMatchObject({ url: LIST_URL, etag: '"v1"', ruleCount: 2 });
    expect(env.refreshed()).toBe(1);
    const rules = await env.service.cosmetics(ARTICLE);
    expect(rules.selectors).toEqual(expect.arrayContaining(['.regional', '.from-list']));
  });

  it('keeps the last good copy when a later download fails or returns garbage', async () => {
    const env = setup([
      () => new Response(LIST, { headers: { etag: '"v1"' } }),
      () => new Response('boom', { status: 500 }),
      () => new Response('<html><body>Wi-Fi login</body></html>'),
    ]);
    await env.service.updateNow('test');
    await env.service.updateNow('test');
    expect(env.status().test.lastError).toEqual({ code: 'http', detail: '500' });
    expect(env.requests[1]).toEqual({ 'If-None-Match': '"v1"' });
    await env.service.updateNow('test');
    expect(env.status().test.lastError).toEqual({ code: 'not-a-list' });
    expect(env.status().test.ruleCount).toBe(2);
    // A worker wake: rules come back from the stored copy, without a download.
    const woken = env.make();
    expect((await woken.cosmetics(ARTICLE)).selectors).toContain('.from-list');
    expect((await woken.engine()).fromCache).toBe(true);
  });

  it('refreshes again only after four days', async () => {
    const env = setup([() => new Response(LIST), () => new Response(null, { status: 304 })]);
    await env.service.refreshStale();
    env.later(2 * 24 * 60 * 60 * 1000);
    await env.make().refreshStale();
    expect(env.requests).toHaveLength(1);
    env.later(3 * 24 * 60 * 60 * 1000);
    await env.make().refreshStale();
    expect(env.requests).toHaveLength(2);
    expect(env.status().test.lastUpdated).toBe(1_800_000_000_000 + 5 * 24 * 60 * 60 * 1000);
  });

  it('gives nothing where auto-clean is off and only picked rules in picker mode', async () => {
    const env = setup([]);
    expect(await env.service.cosmetics('https://other.example/')).toEqual({
      css: '',
      selectors: [],
      extended: [],
    });
    const picked = await env.service.cosmetics('https://blog.example/post');
    expect(picked.selectors).toEqual(['.picked']);
  });

  it('adds generic class rules only for the page features sent', async () => {
    const env = setup([() => new Response(LIST)]);
    await env.service.refreshStale();
    const base = await env.service.cosmetics(ARTICLE);
    expect(base.selectors).not.toContain('.generic-ad');
    const extra = await env.service.cosmetics(ARTICLE, {
      classes: ['generic-ad'],
      ids: [],
      hrefs: [],
    });
    expect(extra.selectors).toEqual(['.generic-ad']);
    expect(extra.css).toBe('.generic-ad { display: none !important; }');
  });
});

describe('subtractCosmetics', () => {
  it('keeps only what the base lacks', () => {
    const rule = (id: number) =>
      ({ id, ast: { type: 'id', name: 'x', content: '#x', pos: [0, 2] } }) as never;
    const base = { css: 'a { x }\nb { x }', selectors: ['a', 'b'], extended: [rule(1)] };
    const full = {
      css: 'a { x }\nb { x }\nc { x }',
      selectors: ['a', 'b', 'c'],
      extended: [rule(1), rule(2)],
    };
    expect(subtractCosmetics(full, base)).toEqual({
      css: 'c { x }',
      selectors: ['c'],
      extended: [rule(2)],
    });
  });
});
