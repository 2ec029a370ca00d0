import { useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings/schema';
import { Range, RadioGroup, Switch } from './controls';
import type { SectionProps } from './types';

export function ReaderSection({ settings, save, t }: SectionProps) {
  const reader = settings.reader;
  const [draftSize, setDraftSize] = useState<number | null>(null);
  const update = (patch: Partial<Settings['reader']>) =>
    void save('reader', { ...reader, ...patch });
  const pixels = (size: number) => t('optionsTextSizeValue', { size });
  return (
    <>
      <RadioGroup
        id="reader-theme"
        label={t('optionsThemeLabel')}
        help={t('optionsThemeHelp')}
        value={reader.theme}
        choices={[
          { value: 'system', label: t('optionsThemeSystem') },
          { value: 'light', label: t('optionsThemeLight') },
          { value: 'sepia', label: t('optionsThemeSepia') },
          { value: 'dark', label: t('optionsThemeDark') },
        ]}
        onChange={(theme) => update({ theme })}
      />
      <RadioGroup
        id="reader-font"
        label={t('optionsFontLabel')}
        help={t('optionsFontHelp')}
        value={reader.font}
        choices={[
          { value: 'serif', label: t('optionsFontSerif') },
          { value: 'sans', label: t('optionsFontSans') },
        ]}
        onChange={(font) => update({ font })}
      />
      <Range
        id="reader-text-size"
        label={t('optionsTextSizeLabel')}
        help={t('optionsTextSizeHelp')}
        value={reader.textSize}
        min={14}
        max={26}
        format={pixels}
        onDraft={setDraftSize}
        onChange={(textSize) => {
          setDraftSize(null);
          update({ textSize });
        }}
      />
      <RadioGroup
        id="reader-line-width"
        label={t('optionsLineWidthLabel')}
        help={t('optionsLineWidthHelp')}
        value={reader.lineWidth}
        choices={[
          { value: 'narrow', label: t('optionsLineWidthNarrow') },
          { value: 'medium', label: t('optionsLineWidthMedium') },
          { value: 'wide', label: t('optionsLineWidthWide') },
        ]}
        onChange={(lineWidth) => update({ lineWidth })}
      />
      <figure class="reader-preview" aria-labelledby="reader-preview-label">
        <figcaption id="reader-preview-label">{t('optionsPreviewLabel')}</figcaption>
        <p
          class="reader-preview-text"
          style={draftSize === null ? undefined : { '--text-size': `${draftSize}px` }}
        >
          {t('optionsPreviewText')}
        </p>
      </figure>
      <Switch
        id="reader-show-images"
        label={t('optionsShowImagesLabel')}
        help={t('optionsShowImagesHelp')}
        checked={reader.showImages}
        onChange={(showImages) => update({ showImages })}
      />
      <Switch
        id="reader-merge-pages"
        label={t('pagesMergeLabel')}
        help={t('pagesMergeHelp')}
        checked={reader.mergePages}
        onChange={(mergePages) => update({ mergePages })}
      />
      <RadioGroup
        id="reader-open-in"
        label={t('optionsOpenInLabel')}
        help={t('optionsOpenInHelp')}
        value={reader.openIn}
        choices={[
          { value: 'popup', label: t('optionsOpenInPopup') },
          { value: 'tab', label: t('optionsOpenInTab') },
        ]}
        onChange={(openIn) => update({ openIn })}
      />
    </>
  );
}
