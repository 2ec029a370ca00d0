/**
 * Where auto-clean runs. Pure: the content script and the popup pass in the settings.
 */

import type { Settings } from '@/lib/settings/schema';
import { hostMatches, isKnownNewsSite, normalizeHost } from './sites';

/** `full`: lists, heuristics and picked rules; `picker`: only the user's picked rules. */
export type CleanMode = 'off' | 'full' | 'picker';

type SiteRules = Settings['sites'];

/** The per-site rule for a host: its own, else the nearest parent domain's. */
export function siteRuleFor(
  sites: SiteRules,
  hostname: string,
): { host: string; mode: 'always' | 'never' } | null {
  const labels = normalizeHost(hostname).split('.');
  for (let i = 0; i < labels.length - 1; i += 1) {
    const host = labels.slice(i).join('.');
    const mode = sites[host];
    if (mode) return { host, mode };
  }
  return null;
}

/** Selectors picked on this host or a parent domain (as `domain##selector` rules apply). */
export function pickedSelectorsFor(
  pickerRules: Settings['pickerRules'],
  hostname: string,
): string[] {
  const host = normalizeHost(hostname);
  return Object.entries(pickerRules)
    .filter(([domain]) => hostMatches(host, domain))
    .flatMap(([, selectors]) => selectors);
}

export function cleanMode(
  settings: Pick<Settings, 'autoClean' | 'sites' | 'pickerRules'>,
  hostname: string,
): CleanMode {
  const host = normalizeHost(hostname);
  if (!settings.autoClean.enabled || host === '') return 'off';
  const rule = siteRuleFor(settings.sites, host);
  if (rule?.mode === 'never') return 'off';
  if (
    rule?.mode === 'always' ||
    settings.autoClean.scope === 'all-sites' ||
    isKnownNewsSite(host)
  ) {
    return 'full';
  }
  // A site the user picked elements on keeps those rules, even outside the scope.
  return pickedSelectorsFor(settings.pickerRules, host).length > 0 ? 'picker' : 'off';
}

/**
 * The popup's "pause on this site": pausing writes `never` for the host; resuming removes it,
 * and writes `always` only when a parent domain's `never` would still pause it.
 */
export function withSitePaused(sites: SiteRules, hostname: string, paused: boolean): SiteRules {
  const host = normalizeHost(hostname);
  const next = { ...sites };
  if (paused) {
    next[host] = 'never';
    return next;
  }
  delete next[host];
  if (siteRuleFor(next, host)?.mode === 'never') next[host] = 'always';
  return next;
}

export function isPausedOn(sites: SiteRules, hostname: string): boolean {
  return siteRuleFor(sites, hostname)?.mode === 'never';
}
