import type { ArticleSummary, KeyPoint } from '@/lib/article';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { Fact, FactKind } from '@/lib/summary';

interface SummarySidebarProps {
  summary: ArticleSummary;
  showReadingTime: boolean;
  t: Translate;
  activePoint: number | null;
  onSelect: (point: KeyPoint, index: number) => void;
  facts: Fact[];
  /** Text of the fact last highlighted in the article. */
  activeFact: string | null;
  /** Jumps to `text` in the article and highlights it. */
  onSelectText: (text: string) => void;
}

const FACT_KIND_LABELS: Record<FactKind, MessageKey> = {
  person: 'factPerson',
  place: 'factPlace',
  organisation: 'factOrganisation',
  date: 'factDate',
  amount: 'factAmount',
};

export function SummarySidebar({
  summary,
  showReadingTime,
  t,
  activePoint,
  onSelect,
  facts,
  activeFact,
  onSelectText,
}: SummarySidebarProps) {
  return (
    <aside class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('summaryHeading')}</h2>
      <p class="summary-stats">
        {showReadingTime && (
          <span class="stat">{t('readingTime', { minutes: summary.readingMinutes })}</span>
        )}
        <span class="stat">
          {t('wordCount', { count: summary.wordCount.toLocaleString('id-ID') })}
        </span>
      </p>
      <h3 class="summary-subheading">{t('keyPointsHeading')}</h3>
      {summary.keyPoints.length === 0 ? (
        <p class="summary-empty">{t('noKeyPoints')}</p>
      ) : (
        <>
          <ol class="key-points">
            {summary.keyPoints.map((point, index) => (
              <li key={point.sentenceIndex}>
                <button
                  type="button"
                  class="key-point"
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
      {facts.length > 0 && (
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
    </aside>
  );
}
