import type { Settings } from '@/lib/settings/schema';
import { Select, Switch } from './controls';
import type { SectionProps } from './types';

type KeyPoints = Settings['summary']['keyPoints'];

export function SummarySection({ settings, save, t }: SectionProps) {
  const summary = settings.summary;
  const update = (patch: Partial<Settings['summary']>) =>
    void save('summary', { ...summary, ...patch });
  const counts: KeyPoints[] = [3, 5, 7];
  return (
    <>
      <Switch
        id="summary-enabled"
        label={t('optionsSummaryEnabledLabel')}
        help={t('optionsSummaryEnabledHelp')}
        checked={summary.enabled}
        onChange={(enabled) => update({ enabled })}
      />
      <Select
        id="summary-key-points"
        label={t('optionsKeyPointsLabel')}
        help={t('optionsKeyPointsHelp')}
        value={summary.keyPoints}
        disabled={!summary.enabled}
        choices={[
          { value: 0 as KeyPoints, label: t('optionsKeyPointsAuto') },
          ...counts.map((count) => ({
            value: count,
            label: t('optionsKeyPointsCount', { count }),
          })),
        ]}
        onChange={(keyPoints) => update({ keyPoints })}
      />
      <Switch
        id="summary-reading-time"
        label={t('optionsReadingTimeLabel')}
        help={t('optionsReadingTimeHelp')}
        checked={summary.showReadingTime}
        disabled={!summary.enabled}
        onChange={(showReadingTime) => update({ showReadingTime })}
      />
      <Switch
        id="summary-built-in"
        label={t('optionsBuiltInSummarizerLabel')}
        help={t('optionsBuiltInSummarizerHelp')}
        checked={summary.useBuiltInSummarizer}
        disabled={!summary.enabled}
        onChange={(useBuiltInSummarizer) => update({ useBuiltInSummarizer })}
      />
    </>
  );
}
