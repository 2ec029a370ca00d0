import type { MultiPageInfo } from '@/lib/article';
import type { Translate } from '@/lib/i18n';

/** While the other pages load: the open page shows already, the rest joins it when read. */
export function MergingPagesNote({ t }: { t: Translate }) {
  return (
    <p class="article-pages loading" role="status">
      <span class="pages-spinner" aria-hidden="true" />
      {t('pagesMerging')}
    </p>
  );
}

/** Under the headline: how many pages the reader joined, or that the other pages are missing. */
export function MultiPageNote({ pages, t }: { pages: MultiPageInfo; t: Translate }) {
  const { merged, total, failed } = pages;
  if (!failed && merged < 2) return null;
  const text = !failed
    ? t('pagesMerged', { count: merged })
    : merged > 1
      ? t('pagesPartial', { count: merged, total })
      : t('pagesFailed');
  return (
    <p class={failed ? 'article-pages failed' : 'article-pages'} data-pages={merged} role="note">
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path
          d="M4 1.5h5.5L13 5v8.5a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1Z"
          fill="none"
          stroke="currentColor"
          stroke-width="1.3"
        />
        <path d="M5.5 8h5M5.5 10.5h5" stroke="currentColor" stroke-width="1.3" />
      </svg>
      {text}
    </p>
  );
}
