import type { FunctionComponent } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browserLanguage, resolveLanguage, translator } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messages';
import { markOnce } from '@/lib/perf';
import { applyReaderSettings } from '@/lib/reader/apply-settings';
import {
  findTargetTab,
  loadArticle,
  readerLayout,
  type ReaderState,
} from '@/lib/reader/load-article';
import { startReader, withOtherPages, type ReaderStart } from '@/lib/reader/start-reader';
import type { Settings } from '@/lib/settings/schema';
import { watchSettings } from '@/lib/settings/store';
import { PageControls, usePageCleanState } from './PageControls';
import type { ReaderView as ReaderViewType } from './ReaderView';
import { StatusView } from './StatusView';

type ReaderViewComponent = FunctionComponent<Parameters<typeof ReaderViewType>[0]>;

/** The reader view (sanitizer, summarizer) is a chunk of its own, loaded beside the article. */
export const loadReaderView = (): Promise<ReaderViewComponent> =>
  import('./ReaderView').then((module) => {
    markOnce('popup:view-code');
    return module.ReaderView;
  });

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
  const [mergingPages, setMergingPages] = useState(false);
  // Each load counts up, so a late merge from an earlier load never replaces a newer article.
  const loads = useRef(0);
  const fullTab = readerLayout(search) === 'tab';
  const page = usePageCleanState(search, !fullTab);
  const language = resolveLanguage(settings?.language ?? 'system', browserLanguage());
  const t = useMemo(() => translator(language), [language]);

  /** The open page's article at once; its other pages, merged, when they come. */
  const show = useCallback(async (first: ReaderState, mergePages: boolean, force = false) => {
    const load = ++loads.current;
    setState(first);
    const merged = withOtherPages(first, mergePages, force);
    setMergingPages(merged !== null);
    if (!merged) return;
    const next = await merged;
    if (load !== loads.current) return;
    if (next.kind === 'article') setState(next);
    setMergingPages(false);
  }, []);

  const load = useCallback(
    async (force: boolean) => {
      loads.current += 1;
      setState({ kind: 'loading' });
      setMergingPages(false);
      const first = await loadArticle(await findTargetTab(search), force, { mergePages: false });
      await show(first, settings?.reader.mergePages ?? true, force);
    },
    [search, settings?.reader.mergePages, show],
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
      await show(await next, loaded.reader.mergePages);
    });
    return watchSettings(setSettings);
  }, [start, search, openFullTab, show]);

  useEffect(() => {
    document.documentElement.lang = language;
    if (settings) applyReaderSettings(document.documentElement, settings.reader);
  }, [language, settings]);

  useEffect(() => {
    const name = t('extName');
    document.title = state.kind === 'article' ? `${state.article.title} · ${name}` : name;
  }, [state, t]);

  const pageControls = fullTab ? null : <PageControls page={page} t={t} />;
  if (state.kind === 'article' && settings && View) {
    return (
      <View
        pageControls={pageControls}
        article={state.article}
        mergingPages={mergingPages}
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
