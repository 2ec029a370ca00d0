import { describe, expect, it } from 'vitest';
import {
  cleanMode,
  isPausedOn,
  pickedSelectorsFor,
  siteRuleFor,
  withSitePaused,
} from '@/lib/autoclean/activation';
import { defaultSettings, type Settings } from '@/lib/settings/schema';

function settings(patch: Partial<Settings> = {}, autoClean: Partial<Settings['autoClean']> = {}) {
  const base = defaultSettings();
  return { ...base, ...patch, autoClean: { ...base.autoClean, ...autoClean } };
}

describe('cleanMode', () => {
  it('runs fully on known news sites and nowhere else by default', () => {
    expect(cleanMode(settings(), 'mojokerto.disway.id')).toBe('full');
    expect(cleanMode(settings(), 'radarmojokerto.jawapos.com')).toBe('full');
    expect(cleanMode(settings(), 'blog.example')).toBe('off');
  });

  it('runs everywhere with the all-sites scope', () => {
    expect(cleanMode(settings({}, { scope: 'all-sites' }), 'blog.example')).toBe('full');
  });

  it('is off everywhere when the master switch is off, whatever the site rules', () => {
    const off = settings({ sites: { 'blog.example': 'always' } }, { enabled: false });
    expect(cleanMode(off, 'mojokerto.disway.id')).toBe('off');
    expect(cleanMode(off, 'blog.example')).toBe('off');
  });

  it('follows per-site rules, the most specific one winning', () => {
    const s = settings({
      sites: { 'disway.id': 'never', 'mojokerto.disway.id': 'always', 'blog.example': 'always' },
    });
    expect(cleanMode(s, 'mojokerto.disway.id')).toBe('full');
    expect(cleanMode(s, 'surabaya.disway.id')).toBe('off');
    expect(cleanMode(s, 'blog.example')).toBe('full');
    expect(siteRuleFor(s.sites, 'WWW.Blog.Example')).toEqual({
      host: 'blog.example',
      mode: 'always',
    });
  });

  it('keeps picked rules on a site outside the scope, but not on a paused one', () => {
    const s = settings({ pickerRules: { 'blog.example': ['.popup'] } });
    expect(cleanMode(s, 'blog.example')).toBe('picker');
    expect(cleanMode(s, 'www.blog.example')).toBe('picker');
    expect(cleanMode({ ...s, sites: { 'blog.example': 'never' } }, 'blog.example')).toBe('off');
    expect(pickedSelectorsFor(s.pickerRules, 'other.example')).toEqual([]);
  });
});

describe('withSitePaused', () => {
  it('writes never, and removes it again when resumed', () => {
    const paused = withSitePaused({ 'kompas.com': 'always' }, 'mojokerto.disway.id', true);
    expect(paused).toEqual({ 'kompas.com': 'always', 'mojokerto.disway.id': 'never' });
    expect(isPausedOn(paused, 'mojokerto.disway.id')).toBe(true);
    expect(withSitePaused(paused, 'mojokerto.disway.id', false)).toEqual({
      'kompas.com': 'always',
    });
  });

  it('resumes a host under a paused parent domain with an explicit always', () => {
    const sites = withSitePaused({ 'disway.id': 'never' }, 'mojokerto.disway.id', false);
    expect(sites).toEqual({ 'disway.id': 'never', 'mojokerto.disway.id': 'always' });
    expect(isPausedOn(sites, 'mojokerto.disway.id')).toBe(false);
  });
});
