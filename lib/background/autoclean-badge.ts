import { browser } from 'wxt/browser';
import type { Translate } from '@/lib/i18n';

const BADGE_COLOR = '#0f766e';

export function badgeText(hidden: number): string {
  if (hidden <= 0) return '';
  return hidden > 999 ? '999+' : String(hidden);
}

export interface Badge {
  show(tabId: number, hidden: number): Promise<void>;
  /** Writes every known tab's title again, in the current interface language. */
  retitle(): Promise<void>;
}

/**
 * The toolbar badge: how many elements auto-clean hid in a tab, as the content script reports
 * it. Cleared when the tab navigates; the new page reports its own count.
 */
export function registerBadge(t: () => Promise<Translate>): Badge {
  // Counts this worker has shown, so a language change can retitle them.
  const counts = new Map<number, number>();
  const show = async (tabId: number, hidden: number) => {
    if (hidden > 0) counts.set(tabId, hidden);
    else counts.delete(tabId);
    const translate = await t();
    const title =
      hidden > 0 ? translate('badgeTitle', { count: hidden }) : translate('actionTitle');
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badgeText(hidden) }),
      browser.action.setTitle({ tabId, title }),
    ]).catch(() => undefined);
  };
  // The manifest's title follows the browser's language; the setting may ask for another.
  const showDefault = async () =>
    browser.action.setTitle({ title: (await t())('actionTitle') }).catch(() => undefined);
  void browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(() => undefined);
  void showDefault();
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void show(tabId, 0);
  });
  browser.tabs.onRemoved.addListener((tabId) => void counts.delete(tabId));
  return {
    show,
    retitle: async () => {
      await Promise.all([showDefault(), ...[...counts].map(([id, hidden]) => show(id, hidden))]);
    },
  };
}
