/**
 * Helpers for the auto-clean e2e tests: the extension's chrome.* inside the service worker, the
 * toolbar badge, and the element picker's panel on a page.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/lib/browser';

export const HIDDEN = '[data-bb-hidden]';

/** The chrome.* surface these tests use inside the service worker. */
export interface ChromeApi {
  storage: Record<
    'local' | 'sync',
    {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys: string[] | string): Promise<Record<string, unknown>>;
      remove(keys: string[]): Promise<void>;
    }
  >;
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  contextMenus: {
    onClicked: { dispatch(info: Record<string, unknown>, tab: Record<string, unknown>): void };
  };
  tabs: { get(id: number): Promise<Record<string, unknown>> };
}

/** Runs `fn` in the extension's service worker; `chrome` there is the extension API. */
export function inWorker<R, A = null>(
  browser: ExtensionBrowser,
  fn: (arg: A) => Promise<R>,
  arg?: A,
): Promise<R> {
  return browser.worker.evaluate(fn as (value: unknown) => Promise<R>, arg ?? null);
}

declare const chrome: ChromeApi;

export const badge = (browser: ExtensionBrowser, tabId: number) =>
  inWorker(browser, (id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);

/** Outermost hidden elements on the page, as the badge counts them. */
export const hiddenCount = (page: Page) =>
  page.evaluate(
    (hidden) =>
      [...document.querySelectorAll(hidden)].filter((el) => !el.parentElement?.closest(hidden))
        .length,
    HIDDEN,
  );

/**
 * The page's context menu, clicked on `menuItemId`: the same event the browser sends when the
 * reader picks the entry (headless Chromium cannot open native menus). Right-click the element
 * first so the content script records it as the menu's target.
 */
export function clickContextMenu(
  browser: ExtensionBrowser,
  tabId: number,
  menuItemId: string,
  pageUrl: string,
): Promise<void> {
  return inWorker(
    browser,
    async ({ id, item, url }: { id: number; item: string; url: string }) => {
      const tab = await chrome.tabs.get(id);
      chrome.contextMenus.onClicked.dispatch(
        { menuItemId: item, editable: false, pageUrl: url, frameId: 0 },
        tab,
      );
    },
    { id: tabId, item: menuItemId, url: pageUrl },
  );
}

/** The picker's panel and what it shows. */
export function pickerPanel(page: Page, hostname: string) {
  const panel = page.locator('baca-bersih-picker .panel');
  const rule = panel.locator('.rule');
  return {
    panel,
    rule,
    /** The previewed selector, without `host##`. */
    selector: async () => (await rule.innerText()).replace(`${hostname}##`, ''),
    save: () => panel.getByRole('button', { name: 'Sembunyikan & simpan' }).click(),
  };
}
