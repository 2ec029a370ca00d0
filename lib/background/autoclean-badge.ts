import { browser } from 'wxt/browser';
import type { Translate } from '@/lib/i18n';

const BADGE_COLOR = '#0f766e';

export function badgeText(hidden: number): string {
  if (hidden <= 0) return '';
  return hidden > 999 ? '999+' : String(hidden);
}

/**
 * The toolbar badge: how many elements auto-clean hid in a tab, as the content script reports
 * it. Cleared when the tab navigates; the new page reports its own count.
 */
export function registerBadge(
  t: () => Translate,
): (tabId: number, hidden: number) => Promise<void> {
  const show = async (tabId: number, hidden: number) => {
    const title = hidden > 0 ? t()('badgeTitle', { count: hidden }) : t()('actionTitle');
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badgeText(hidden) }),
      browser.action.setTitle({ tabId, title }),
    ]).catch(() => undefined);
  };
  void browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(() => undefined);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void show(tabId, 0);
  });
  return show;
}
