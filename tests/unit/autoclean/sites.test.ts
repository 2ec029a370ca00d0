import { describe, expect, it } from 'vitest';
import {
  KNOWN_NEWS_DOMAINS,
  isKnownNewsSite,
  knownDomainOf,
  siteFamilyOf,
  siteOf,
} from '@/lib/autoclean/sites';

describe('isKnownNewsSite', () => {
  it.each([
    ['mojokerto.disway.id', 'disway.id', 'disway'],
    ['disway.id', 'disway.id', 'disway'],
    ['radarmojokerto.jawapos.com', 'jawapos.com', 'radar'],
    ['radarsurabaya.jawapos.com', 'jawapos.com', 'radar'],
    ['surabaya.tribunnews.com', 'tribunnews.com', 'tribun'],
    ['news.detik.com', 'detik.com', 'detik'],
    ['WWW.KOMPAS.COM.', 'kompas.com', 'kompas'],
    ['www.pikiran-rakyat.com', 'pikiran-rakyat.com', 'pikiran-rakyat'],
    ['jatimnow.com', 'jatimnow.com', 'regional'],
  ])('%s → %s (%s)', (host, domain, family) => {
    expect(isKnownNewsSite(host)).toBe(true);
    expect(knownDomainOf(host)).toBe(domain);
    expect(siteFamilyOf(host)?.id).toBe(family);
  });

  it.each(['example.com', 'notdisway.id', 'disway.id.evil.com', 'jawapos.com.example.org', ''])(
    'rejects %s',
    (host) => {
      expect(isKnownNewsSite(host)).toBe(false);
      expect(siteFamilyOf(host)).toBeNull();
    },
  );

  it('lists each domain once', () => {
    expect(new Set(KNOWN_NEWS_DOMAINS).size).toBe(KNOWN_NEWS_DOMAINS.length);
  });
});

describe('siteOf', () => {
  it.each([
    ['radarmojokerto.jawapos.com', 'jawapos.com'],
    ['www.surya.co.id', 'surya.co.id'],
    ['timesindonesia.co.id', 'timesindonesia.co.id'],
    ['a.b.example.com:8080', 'example.com'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });
});
