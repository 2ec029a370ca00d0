import type { ComponentChildren } from 'preact';
import { MAX_ELEMENTS } from '@/lib/extract/limits';
import type { Translate } from '@/lib/i18n';
import { EXTRACT_TIMEOUT_MS, type ReaderState } from '@/lib/reader/load-article';
import type { RestrictedReason } from '@/lib/restricted-pages';
import { BrandBar } from './BrandBar';

interface StatusViewProps {
  state: Exclude<ReaderState, { kind: 'article' }>;
  t: Translate;
  onRetry: (force: boolean) => void;
  /** Auto-clean's bar for the page behind the popup. */
  pageControls?: ComponentChildren;
}

const restrictedMessages = {
  'browser-page': 'restrictedBrowserPage',
  store: 'restrictedStore',
  pdf: 'restrictedPdf',
  'unsupported-scheme': 'restrictedScheme',
} as const satisfies Record<RestrictedReason, string>;

/** Every state that is not an article: loading, no article, forbidden page, error. */
export function StatusView({ state, t, onRetry, pageControls }: StatusViewProps) {
  return (
    <div class="reader-shell">
      <BrandBar t={t} />
      {pageControls}
      <main class="status" data-state={state.kind} aria-live="polite">
        {state.kind === 'loading' ? (
          <div class="status-card" role="status">
            <span class="spinner" aria-hidden="true" />
            <p>{t('loading')}</p>
          </div>
        ) : (
          <div class="status-card">
            <StatusIcon kind={state.kind} />
            <StatusText state={state} t={t} />
            <StatusAction state={state} t={t} onRetry={onRetry} />
          </div>
        )}
      </main>
    </div>
  );
}

function StatusText({
  state,
  t,
}: Pick<StatusViewProps, 't'> & { state: StatusViewProps['state'] }) {
  switch (state.kind) {
    case 'not-article':
      return (
        <>
          <h1>{t('notArticleTitle')}</h1>
          <p>{t('notArticleBody')}</p>
        </>
      );
    case 'no-content':
      return (
        <>
          <h1>{t('notArticleTitle')}</h1>
          <p>{t('noContentBody')}</p>
        </>
      );
    case 'too-large':
      return (
        <>
          <h1>{t('robustTooLargeTitle')}</h1>
          <p>
            {t('robustTooLargeBody', {
              count: MAX_ELEMENTS.toLocaleString(document.documentElement.lang || 'id'),
            })}
          </p>
        </>
      );
    case 'no-answer':
      return (
        <>
          <h1>{t('robustNoAnswerTitle')}</h1>
          <p>{t('robustNoAnswerBody', { seconds: EXTRACT_TIMEOUT_MS / 1000 })}</p>
        </>
      );
    case 'restricted':
      return (
        <>
          <h1>{t('restrictedTitle')}</h1>
          <p>{t(restrictedMessages[state.reason])}</p>
        </>
      );
    case 'tab-gone':
      return (
        <>
          <h1>{t('restrictedTitle')}</h1>
          <p>{t('tabGone')}</p>
        </>
      );
    case 'error':
      return (
        <>
          <h1>{t('errorTitle')}</h1>
          <p>{t('errorBody', { message: state.message })}</p>
        </>
      );
    default:
      return null;
  }
}

function StatusAction({ state, t, onRetry }: StatusViewProps) {
  if (state.kind === 'not-article') {
    return (
      <button type="button" class="button primary" onClick={() => onRetry(true)}>
        {t('tryAnyway')}
      </button>
    );
  }
  if (state.kind === 'error' || state.kind === 'no-answer') {
    return (
      <button type="button" class="button" onClick={() => onRetry(false)}>
        {t('retry')}
      </button>
    );
  }
  return null;
}

function StatusIcon({ kind }: { kind: string }) {
  const forbidden = kind === 'restricted' || kind === 'tab-gone';
  return (
    <svg class="status-icon" viewBox="0 0 48 48" aria-hidden="true">
      <rect
        x="9"
        y="6"
        width="30"
        height="36"
        rx="4"
        fill="none"
        stroke="currentColor"
        stroke-width="2.5"
      />
      {forbidden ? (
        <path
          d="M17 21h14M17 27h14"
          stroke="currentColor"
          stroke-width="2.5"
          stroke-linecap="round"
        />
      ) : (
        <path
          d="M16 16h16M16 22h16M16 28h9"
          stroke="currentColor"
          stroke-width="2.5"
          stroke-linecap="round"
          stroke-dasharray="3 4"
        />
      )}
    </svg>
  );
}
