/**
 * Everything the reader waits for, started at once when the popup's script runs (before
 * anything renders): the settings and the tab side by side, then the article as soon as both
 * are known, while the reader view's code loads beside it.
 */
import type { Settings } from '@/lib/settings/schema';
import { loadSettings } from '@/lib/settings/store';
import { findTargetTab, loadArticle, readerLayout, type ReaderState } from './load-article';

export type ReaderStart = Promise<{
  settings: Settings;
  tabId: number | null;
  /** `open-tab`: the settings send the popup's reader to a full tab instead. */
  next: Promise<ReaderState> | 'open-tab';
}>;

export function startReader(search: string): ReaderStart {
  const fullTab = readerLayout(search) === 'tab';
  return Promise.all([loadSettings(), findTargetTab(search)]).then(([settings, tabId]) => ({
    settings,
    tabId,
    next:
      !fullTab && settings.reader.openIn === 'tab' && tabId !== null
        ? 'open-tab'
        : loadArticle(tabId, false, { mergePages: settings.reader.mergePages }),
  }));
}
