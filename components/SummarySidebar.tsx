import type { ArticleSummary, KeyPoint } from '@/lib/article';
import type { Translate } from '@/lib/i18n';

interface SummarySidebarProps {
  summary: ArticleSummary;
  t: Translate;
  activePoint: number | null;
  onSelect: (point: KeyPoint, index: number) => void;
}

export function SummarySidebar({ summary, t, activePoint, onSelect }: SummarySidebarProps) {
  return (
    <aside class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('summaryHeading')}</h2>
      <p class="summary-stats">
        <span class="stat">{t('readingTime', { minutes: summary.readingMinutes })}</span>
        <span class="stat">{t('wordCount', { count: summary.wordCount.toLocaleString('id-ID') })}</span>
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
    </aside>
  );
}
