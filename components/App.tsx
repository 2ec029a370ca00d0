import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browserLanguage, resolveLanguage, translator } from '@/lib/i18n';
import { findTargetTab, loadArticle, readerLayout, type ReaderState } from '@/lib/reader/load-article';
import { sendToBackground } from '@/lib/messages';
import { ReaderView } from './ReaderView';
import { StatusView } from './StatusView';

interface AppProps {
  /** location.search of the page: `?tab=ID` makes it the full-tab reader. */
  search: string;
}

export function App({ search }: AppProps) {
  const language = useMemo(() => resolveLanguage('system', browserLanguage()), []);
  const t = useMemo(() => translator(language), [language]);
  const fullTab = readerLayout(search) === 'tab';
  const [state, setState] = useState<ReaderState>({ kind: 'loading' });

  const load = useCallback(
    async (force: boolean) => {
      setState({ kind: 'loading' });
      setState(await loadArticle(await findTargetTab(search), force));
    },
    [search],
  );

  useEffect(() => {
    document.documentElement.lang = language;
    void load(false);
  }, [language, load]);

  useEffect(() => {
    if (state.kind === 'article') document.title = `${state.article.title} · Baca Bersih`;
  }, [state]);

  const openFullTab = async (tabId: number) => {
    await sendToBackground('reader:open-tab', { tabId });
    window.close();
  };

  if (state.kind === 'article') {
    return (
      <ReaderView
        article={state.article}
        t={t}
        language={language}
        onOpenFullTab={fullTab ? undefined : () => openFullTab(state.tabId)}
      />
    );
  }
  return <StatusView state={state} t={t} onRetry={load} />;
}
