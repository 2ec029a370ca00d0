import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browserLanguage, resolveLanguage, translator } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messages';
import { applyReaderSettings } from '@/lib/reader/apply-settings';
import {
  findTargetTab,
  loadArticle,
  readerLayout,
  type ReaderState,
} from '@/lib/reader/load-article';
import type { Settings } from '@/lib/settings/schema';
import { loadSettings, watchSettings } from '@/lib/settings/store';
import { PageControls } from './PageControls';
import { ReaderView } from './ReaderView';
import { StatusView } from './StatusView';

interface AppProps {
  /** location.search of the page: `?tab=ID` makes it the full-tab reader. */
  search: string;
}

export function App({ search }: AppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [state, setState] = useState<ReaderState>({ kind: 'loading' });
  const fullTab = readerLayout(search) === 'tab';
  const language = resolveLanguage(settings?.language ?? 'system', browserLanguage());
  const t = useMemo(() => translator(language), [language]);

  const load = useCallback(
    async (force: boolean) => {
      setState({ kind: 'loading' });
      const mergePages = settings?.reader.mergePages;
      setState(await loadArticle(await findTargetTab(search), force, { mergePages }));
    },
    [search, settings?.reader.mergePages],
  );

  const openFullTab = useCallback(async (tabId: number) => {
    await sendToBackground('reader:open-tab', { tabId });
    window.close();
  }, []);

  useEffect(() => {
    // Settings and the tab are read side by side: the first paint waits for the slower one only.
    void Promise.all([loadSettings(), findTargetTab(search)]).then(async ([loaded, tabId]) => {
      setSettings(loaded);
      if (!fullTab && loaded.reader.openIn === 'tab' && tabId !== null) return openFullTab(tabId);
      setState(await loadArticle(tabId, false, { mergePages: loaded.reader.mergePages }));
    });
    return watchSettings(setSettings);
  }, [fullTab, search, openFullTab]);

  useEffect(() => {
    document.documentElement.lang = language;
    if (settings) applyReaderSettings(document.documentElement, settings.reader);
  }, [language, settings]);

  useEffect(() => {
    const name = t('extName');
    document.title = state.kind === 'article' ? `${state.article.title} · ${name}` : name;
  }, [state, t]);

  const pageControls = fullTab ? null : <PageControls search={search} t={t} />;
  if (state.kind === 'article' && settings) {
    return (
      <ReaderView
        pageControls={pageControls}
        article={state.article}
        summarySettings={settings.summary}
        t={t}
        language={language}
        onOpenFullTab={fullTab ? undefined : () => openFullTab(state.tabId)}
      />
    );
  }
  const status = state.kind === 'article' ? ({ kind: 'loading' } as const) : state;
  return <StatusView state={status} t={t} onRetry={load} pageControls={pageControls} />;
}
