import { describe, expect, it, vi } from 'vitest';
import { buildEngine, cosmeticsFor, listChecksum } from '@/lib/autoclean/engine';
import {
  loadOrBuildEngine,
  sourcesKey,
  type EngineSources,
} from '@/lib/background/autoclean-engine';
import { memoryStore } from '@/lib/background/autoclean-store';

const LIST_TEXT = 'example.com##.from-list';
const page = { url: 'https://example.com/a', hostname: 'example.com' };

function setup(custom = '') {
  const store = memoryStore();
  store.lists.set('abp', {
    text: LIST_TEXT,
    checksum: listChecksum({ id: 'abp', text: LIST_TEXT }),
  });
  const sources: EngineSources = {
    regional: 'example.com##.regional',
    lists: [{ id: 'abp', checksum: listChecksum({ id: 'abp', text: LIST_TEXT }) }],
    custom,
    picker: 'example.com##.picked',
  };
  return { store, sources, build: vi.fn(buildEngine) };
}

describe('loadOrBuildEngine', () => {
  it('builds once, then deserializes while the inputs stay the same', async () => {
    const { store, sources, build } = setup();
    const first = await loadOrBuildEngine(sources, store, { build });
    expect(first.fromCache).toBe(false);
    expect(first.key).toBe(sourcesKey(sources));
    const again = await loadOrBuildEngine(sources, store, { build });
    expect(again.fromCache).toBe(true);
    expect(build).toHaveBeenCalledTimes(1);
    expect(cosmeticsFor(again.engine, page).selectors.sort()).toEqual([
      '.from-list',
      '.picked',
      '.regional',
    ]);
  });

  it('rebuilds when any input changes: custom rules, picked rules, a list copy', async () => {
    const { store, sources, build } = setup();
    await loadOrBuildEngine(sources, store, { build });
    for (const changed of [
      { ...sources, custom: 'example.com##.mine' },
      { ...sources, picker: '' },
      { ...sources, lists: [] },
    ]) {
      const loaded = await loadOrBuildEngine(changed, store, { build });
      expect(loaded.fromCache).toBe(false);
    }
    expect(build).toHaveBeenCalledTimes(4);
  });

  it('reports a list whose stored copy is missing and builds without it', async () => {
    const { store, sources } = setup();
    store.lists.clear();
    const loaded = await loadOrBuildEngine(sources, store);
    expect(loaded.missing).toEqual(['abp']);
    expect(cosmeticsFor(loaded.engine, page).selectors).not.toContain('.from-list');
  });

  it('falls back to fewer inputs when a build throws, and does not cache the fallback', async () => {
    const { store, sources } = setup('example.com##.mine');
    const build = vi.fn((lists: { id: string; text: string }[]) => {
      if (lists.some((l) => l.id === 'abp')) throw new Error('bad list');
      return buildEngine(lists);
    });
    const loaded = await loadOrBuildEngine(sources, store, { build });
    expect(cosmeticsFor(loaded.engine, page).selectors).toContain('.mine');
    expect(await store.getEngine()).toBeUndefined();
  });

  it('tries a fresh copy in place of the stored one, and throws if it does not build', async () => {
    const { store, sources } = setup();
    const override = new Map([['abp', 'example.com##.fresh']]);
    const loaded = await loadOrBuildEngine(sources, store, { override });
    expect(cosmeticsFor(loaded.engine, page).selectors).toContain('.fresh');
    const failing = () => {
      throw new Error('bad');
    };
    await expect(loadOrBuildEngine(sources, store, { override, build: failing })).rejects.toThrow(
      'bad',
    );
  });
});
