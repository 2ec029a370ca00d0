import { browser } from 'wxt/browser';
import { browserLanguage, resolveLanguage, translator } from '@/lib/i18n';
import { onMessages } from '@/lib/messages';
import { createPickerMenu } from './autoclean-picker';
import { openReaderTab } from './reader-tab';

const MENU_OPEN_READER = 'open-reader-tab';

/** Context menu, keyboard shortcut and popup button all open the same full-tab reader. */
export function registerReaderEntryPoints(): void {
  browser.runtime.onInstalled.addListener(() => {
    const t = translator(resolveLanguage('system', browserLanguage()));
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: MENU_OPEN_READER,
        title: t('menuOpenReader'),
        contexts: ['page', 'action'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      });
      createPickerMenu(t);
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_OPEN_READER && tab) void openReaderTab(tab);
  });

  browser.commands.onCommand.addListener(async (command) => {
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
