import type { FunctionComponent } from 'preact';
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
import { startReader, type ReaderStart } from '@/lib/reader/start-reader';
import type { Settings } from '@/lib/settings/schema';
import { watchSettings } from '@/lib/settings/store';
import { PageControls } from './PageControls';
import type { ReaderView as ReaderViewType } from './ReaderView';
import { StatusView } from './StatusView';

type ReaderViewComponent = FunctionComponent<Parameters<typeof ReaderViewType>[0]>;

/** The reader view (sanitizer, summarizer) is a chunk of its own, loaded beside the article. */
export const loadReaderView = (): Promise<ReaderViewComponent> =>
  import('./ReaderView').then((module) => module.ReaderView);

interface AppProps {
  /** location.search of the page: `?tab=ID` makes it the full-tab reader. */
  search: string;
  /** Work already started before the first render (see entrypoints/popup/main.tsx). */
  start?: ReaderStart;
  readerView?: Promise<ReaderViewComponent>;
}

export function App({ search, start, readerView }: AppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [state, setState] = useState<ReaderState>({ kind: 'loading' });
  const [View, setView] = useState<ReaderViewComponent | null>(null);
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
    void (readerView ?? loadReaderView()).then((component) => setView(() => component));
  }, [readerView]);

  useEffect(() => {
    void (start ?? startReader(search)).then(async ({ settings: loaded, tabId, next }) => {
      setSettings(loaded);
      if (next === 'open-tab') return tabId !== null && openFullTab(tabId);
      setState(await next);
    });
    return watchSettings(setSettings);
  }, [start, search, openFullTab]);

  useEffect(() => {
    document.documentElement.lang = language;
    if (settings) applyReaderSettings(document.documentElement, settings.reader);
  }, [language, settings]);

  useEffect(() => {
    const name = t('extName');
    document.title = state.kind === 'article' ? `${state.article.title} · ${name}` : name;
  }, [state, t]);

  const pageControls = fullTab ? null : <PageControls search={search} t={t} />;
  if (state.kind === 'article' && settings && View) {
    return (
      <View
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
