import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isPausedOn, withSitePaused } from '@/lib/autoclean/activation';
import type { Translate } from '@/lib/i18n';
import { sendToBackground, sendToTab, type CleanState } from '@/lib/messages';
import { findTargetTab } from '@/lib/reader/load-article';
import type { Settings } from '@/lib/settings/schema';
import { loadSettings, saveSection, watchSettings } from '@/lib/settings/store';
import './page-controls.css';

const POLL_MS = 1000;

/** What the page behind the popup says about auto-clean there, polled while the popup is open. */
export interface PageCleanState {
  tab: { id: number; host: string } | null;
  state: CleanState | null;
  setState: (state: CleanState | null) => void;
  sites: Settings['sites'];
  setSites: (sites: Settings['sites']) => void;
}

/**
 * Kept by the popup's root, so the bar keeps its state while the popup goes from the loading
 * view to the article (each of them places the bar in its own layout).
 * `search` is location.search of the popup: it names the tab, as for the reader.
 */
export function usePageCleanState(search: string, enabled: boolean): PageCleanState {
  const [tab, setTab] = useState<{ id: number; host: string } | null>(null);
  const [state, setState] = useState<CleanState | null>(null);
  const [sites, setSites] = useState<Settings['sites']>({});

  useEffect(() => {
    if (!enabled) return;
    void (async () => {
      const id = await findTargetTab(search);
      if (id === null) return;
      const url = (await browser.tabs.get(id).catch(() => null))?.url;
      const host = url && /^https?:/.test(url) ? new URL(url).hostname : null;
      if (host) setTab({ id, host });
    })();
    void loadSettings().then((settings) => setSites(settings.sites));
    return watchSettings((settings) => setSites(settings.sites));
  }, [search, enabled]);

  const poll = useCallback(async () => {
    if (!tab) return;
    setState(await sendToTab(tab.id, 'autoclean:state', null).catch(() => null));
  }, [tab]);

  useEffect(() => {
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [poll, sites]);

  return { tab, state, setState, sites, setSites };
}

interface PageControlsProps {
  page: PageCleanState;
  t: Translate;
}

/** Auto-clean on the page behind the popup: count, reveal, pause, and the element picker. */
export function PageControls({ page, t }: PageControlsProps) {
  const { tab, state, setState, sites, setSites } = page;
  if (!tab || !state) return null;
  const paused = isPausedOn(sites, tab.host);

  const reveal = async (on: boolean) => {
    setState(await sendToTab(tab.id, 'autoclean:reveal', { on }).catch(() => state));
  };
  const pause = async (on: boolean) => {
    // Show the new state at once; the stored settings follow (and the watcher confirms them).
    setSites(withSitePaused(sites, tab.host, on));
    const settings = await loadSettings();
    await saveSection('sites', withSitePaused(settings.sites, tab.host, on));
  };
  const pick = async () => {
    await sendToBackground('picker:start', { tabId: tab.id }).catch(() => false);
    window.close();
  };

  return (
    <section class="page-controls" aria-label={t('pageControlsLabel')}>
      <p class="page-count" role="status">
        <PageCount state={state} paused={paused} t={t} />
      </p>
      <label class="page-switch">
        <input
          type="checkbox"
          role="switch"
          class="page-reveal"
          checked={state.reveal}
          disabled={state.mode === 'off'}
          onChange={(event) => void reveal(event.currentTarget.checked)}
        />
        {t('pageReveal')}
      </label>
      <label class="page-switch">
        <input
          type="checkbox"
          role="switch"
          class="page-pause"
          checked={paused}
          onChange={(event) => void pause(event.currentTarget.checked)}
        />
        {t('pagePause')}
      </label>
      <button type="button" class="button page-pick" onClick={() => void pick()}>
        {t('pagePick')}
      </button>
    </section>
  );
}

function PageCount({ state, paused, t }: { state: CleanState; paused: boolean; t: Translate }) {
  if (state.mode === 'off') return <>{t(paused ? 'pagePausedNote' : 'pageInactive')}</>;
  const hidden =
    state.hidden === 1 ? t('pageHiddenOne') : t('pageHiddenCount', { count: state.hidden });
  return (
    <>
      <strong class="page-hidden" data-count={state.hidden}>
        {hidden}
      </strong>
      {state.skipped > 0 && (
        <span class="page-skipped">{t('pageSkipped', { count: state.skipped })}</span>
      )}
    </>
  );
}
