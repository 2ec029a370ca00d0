import { RadioGroup } from './controls';
import type { SectionProps } from './types';

export function LanguageSection({ settings, save, t }: SectionProps) {
  return (
    <RadioGroup
      id="interface-language"
      label={t('optionsLanguageLabel')}
      help={t('optionsLanguageHelp')}
      value={settings.language}
      choices={[
        { value: 'system', label: t('optionsLanguageSystem') },
        { value: 'id', label: t('optionsLanguageIndonesian'), lang: 'id' },
        { value: 'en', label: t('optionsLanguageEnglish'), lang: 'en' },
      ]}
      onChange={(language) => void save('language', language)}
    />
  );
}
