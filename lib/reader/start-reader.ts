/**
 * Everything the reader waits for, started at once when the popup's script runs (before
 * anything renders): the settings, the tab, and the open page's article as soon as the tab is
 * known, while the reader view's code loads beside it. The article's other pages come after
 * (see `withOtherPages`), when the settings want them.
 */
import { markOnce } from '@/lib/perf';
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
  const tab = findTargetTab(search);
  // Also when the settings send the reader to a full tab: that tab gets the cached answer.
  const firstPage = tab.then((tabId) => loadArticle(tabId, false, { mergePages: false }));
  return Promise.all([loadSettings(), tab]).then(([settings, tabId]) => {
    markOnce('popup:settings-and-tab');
    return {
      settings,
      tabId,
      next: !fullTab && settings.reader.openIn === 'tab' && tabId !== null ? 'open-tab' : firstPage,
    };
  });
}

/**
 * The merged article, when `first` (the open page alone) says the article goes on over other
 * pages and the settings want them joined; null when there is nothing more to load.
 */
export function withOtherPages(
  first: ReaderState,
  mergePages: boolean,
  force = false,
): Promise<ReaderState> | null {
  if (first.kind !== 'article' || !first.morePages || !mergePages) return null;
  return loadArticle(first.tabId, force, { mergePages: true });
}
