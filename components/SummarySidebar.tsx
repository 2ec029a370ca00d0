import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleSummary, KeyPoint } from '@/lib/article';
import type { MessageKey, Translate } from '@/lib/i18n';
import {
  builtInAvailability,
  streamBuiltInSummary,
  summarizerInput,
  type BuiltInAvailability,
} from '@/lib/reader/builtin-summarizer';
import type { Fact, FactKind } from '@/lib/summary';

/** What the browser's built-in summarizer gets, when the user turned it on. */
export interface BuiltInSummaryInput {
  paragraphs: string[];
  title: string;
  lang: 'id' | 'en';
}

interface SummarySidebarProps {
  stats: Omit<ArticleSummary, 'keyPoints'>;
  /** Null while they are worked out (the article paints first). */
  keyPoints: KeyPoint[] | null;
  showReadingTime: boolean;
  t: Translate;
  activePoint: number | null;
  onSelect: (point: KeyPoint, index: number) => void;
  facts: Fact[] | null;
  /** Text of the fact last highlighted in the article. */
  activeFact: string | null;
  /** Jumps to `text` in the article and highlights it. */
  onSelectText: (text: string) => void;
  /** Present when the built-in summarizer is turned on in the options. */
  builtInSummary?: BuiltInSummaryInput;
}

const FACT_KIND_LABELS: Record<FactKind, MessageKey> = {
  person: 'factPerson',
  place: 'factPlace',
  organisation: 'factOrganisation',
  date: 'factDate',
  amount: 'factAmount',
};

export function SummarySidebar({
  stats,
  keyPoints,
  showReadingTime,
  t,
  activePoint,
  onSelect,
  facts,
  activeFact,
  onSelectText,
  builtInSummary,
}: SummarySidebarProps) {
  return (
    <aside
      class="summary"
      aria-labelledby="summary-heading"
      aria-busy={keyPoints === null ? 'true' : undefined}
    >
      <h2 id="summary-heading">{t('summaryHeading')}</h2>
      <p class="summary-stats">
        {showReadingTime && (
          <span class="stat">{t('readingTime', { minutes: stats.readingMinutes })}</span>
        )}
        <span class="stat">
          {t('wordCount', {
            count: stats.wordCount.toLocaleString(document.documentElement.lang || 'id'),
          })}
        </span>
      </p>
      <h3 class="summary-subheading">{t('keyPointsHeading')}</h3>
      {keyPoints === null ? (
        <ol class="key-points pending" aria-hidden="true">
          <li />
          <li />
          <li />
        </ol>
      ) : keyPoints.length === 0 ? (
        <p class="summary-empty">{t('noKeyPoints')}</p>
      ) : (
        <>
          <ol class="key-points">
            {keyPoints.map((point, index) => (
              <li key={point.sentenceIndex}>
                <button
                  type="button"
                  class="key-point"
                  elementtiming="key-points"
                  aria-current={activePoint === index ? 'true' : undefined}
                  onClick={() => onSelect(point, index)}
                >
                  {point.text}
                </button>
              </li>
            ))}
          </ol>
          <p class="summary-hint">{t('keyPointHint')}</p>
        </>
      )}
      {facts && facts.length > 0 && (
        <section class="key-facts" aria-labelledby="key-facts-heading">
          <h3 id="key-facts-heading" class="summary-subheading">
            {t('keyFactsHeading')}
          </h3>
          <ul class="fact-chips">
            {facts.map((fact) => {
              const kind = t(FACT_KIND_LABELS[fact.kind]);
              const text = fact.text.replace(/\s+/g, ' ').trim();
              return (
                <li key={`${fact.kind}|${fact.text}`}>
                  <button
                    type="button"
                    class={`fact-chip fact-${fact.kind}`}
                    title={kind}
                    aria-label={t('factChipLabel', { kind, text })}
                    aria-current={activeFact === fact.text ? 'true' : undefined}
                    onClick={() => onSelectText(fact.text)}
                  >
                    <span class="fact-marker" aria-hidden="true" />
                    {text}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {builtInSummary && (
        <BuiltInSummary
          key={`${builtInSummary.lang}|${builtInSummary.title}|${builtInSummary.paragraphs.length}`}
          input={builtInSummary}
          t={t}
        />
      )}
    </aside>
  );
}

type BuiltInState =
  | { status: 'idle' | 'failed' }
  | { status: 'downloading'; loaded: number }
  | { status: 'working' | 'done'; text: string };

/** A button for the browser's own summarizer, shown only where it can summarize this language. */
function BuiltInSummary({ input, t }: { input: BuiltInSummaryInput; t: Translate }) {
  const [availability, setAvailability] = useState<BuiltInAvailability>('unavailable');
  const [state, setState] = useState<BuiltInState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    let current = true;
    void builtInAvailability(input.lang).then((answer) => current && setAvailability(answer));
    return () => {
      current = false;
      running.current?.abort();
    };
  }, [input.lang]);

  if (availability === 'unavailable') return null;

  const run = async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState(
      availability === 'available'
        ? { status: 'working', text: '' }
        : { status: 'downloading', loaded: 0 },
    );
    try {
      const stream = streamBuiltInSummary(summarizerInput(input.paragraphs), input.lang, {
        signal: controller.signal,
        context: input.title,
        onDownloadProgress: (loaded) =>
          setState(
            loaded < 1 ? { status: 'downloading', loaded } : { status: 'working', text: '' },
          ),
      });
      for await (const text of stream) setState({ status: 'working', text });
      setState((last) => ({ status: 'done', text: 'text' in last ? last.text : '' }));
    } catch {
      if (!controller.signal.aborted) setState({ status: 'failed' });
    }
  };

  if (state.status === 'idle' || state.status === 'failed') {
    return (
      <div class="ai-summary">
        <button type="button" class="button ai-summary-button" onClick={run}>
          {state.status === 'failed' ? t('retry') : t('aiSummaryButton')}
        </button>
        {state.status === 'failed' && (
          <p class="summary-hint" role="alert">
            {t('aiSummaryFailed')}
          </p>
        )}
      </div>
    );
  }

  return (
    <section
      class="ai-summary"
      aria-labelledby="ai-summary-heading"
      aria-busy={state.status !== 'done'}
    >
      <h3 id="ai-summary-heading" class="summary-subheading">
        {t('aiSummaryHeading')}
      </h3>
      {state.status === 'downloading' && (
        <p class="summary-hint" role="status">
          {t('aiSummaryDownloading', { percent: Math.round(state.loaded * 100) })}
        </p>
      )}
      {state.status === 'working' && !state.text && (
        <p class="summary-hint" role="status">
          {t('aiSummaryWorking')}
        </p>
      )}
      {'text' in state && state.text && <p class="ai-summary-text">{state.text}</p>}
      {state.status === 'done' && <p class="summary-hint">{t('aiSummaryNote')}</p>}
    </section>
  );
}
