import { browser } from 'wxt/browser';

/** The full-tab reader is the popup page pointed at a tab. */
export function readerPageUrl(tabId: number): string {
  return browser.runtime.getURL(`/popup.html?tab=${tabId}`);
}

export async function openReaderTab(source: { id?: number; index?: number }): Promise<void> {
  if (source.id === undefined) return;
  await browser.tabs.create({
    url: readerPageUrl(source.id),
    index: source.index === undefined ? undefined : source.index + 1,
    openerTabId: source.id,
  });
}
