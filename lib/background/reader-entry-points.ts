import { browser } from 'wxt/browser';
import type { Translate } from '@/lib/i18n';
import { onMessages } from '@/lib/messages';
import { createPickerMenu } from './autoclean-picker';
import { openReaderTab } from './reader-tab';
import { backgroundLanguage } from './ui-language';

const MENU_OPEN_READER = 'open-reader-tab';

/** The toolbar button's context: `browser_action` in an MV2 build. */
const ACTION_CONTEXT = import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action';

let menus: Promise<unknown> = Promise.resolve();

/** Rebuilds the context menus in `t`'s language, one rebuild at a time. */
function createMenus(t: Translate): Promise<unknown> {
  // No context menus at all (Firefox for Android): the toolbar button still works.
  if (!browser.contextMenus) return menus;
  const build = async () => {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({
      id: MENU_OPEN_READER,
      title: t('menuOpenReader'),
      contexts: ['page', ACTION_CONTEXT],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
    createPickerMenu(t);
  };
  menus = menus.then(build, build).catch(() => undefined);
  return menus;
}

/** Context menu, keyboard shortcut and popup button all open the same full-tab reader. */
export function registerReaderEntryPoints(): void {
  const language = backgroundLanguage();
  const rebuild = () => void language.t().then(createMenus);
  browser.runtime.onInstalled.addListener(rebuild);
  browser.runtime.onStartup.addListener(rebuild);
  // The interface-language setting changed: menu titles follow at once.
  language.onChange((t) => void createMenus(t));

  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_OPEN_READER && tab) void openReaderTab(tab);
  });

  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'open-reader') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab) await openReaderTab(tab);
  });

  onMessages({
    'reader:open-tab': async ({ tabId }) => {
      await openReaderTab(await browser.tabs.get(tabId));
      return true as const;
    },
  });
}
