import type { Settings } from '@/lib/settings/schema';
import { RadioGroup, Switch } from './controls';
import { SitesTable } from './SitesTable';
import type { SectionProps } from './types';

export function AutoCleanSection({ settings, save, t }: SectionProps) {
  const autoClean = settings.autoClean;
  const update = (patch: Partial<Settings['autoClean']>) =>
    void save('autoClean', { ...autoClean, ...patch });
  return (
    <>
      <Switch
        id="autoclean-enabled"
        label={t('optionsAutoCleanLabel')}
        help={t('optionsAutoCleanHelp')}
        checked={autoClean.enabled}
        onChange={(enabled) => update({ enabled })}
      />
      <RadioGroup
        id="autoclean-scope"
        label={t('optionsScopeLabel')}
        help={t('optionsScopeHelp')}
        value={autoClean.scope}
        disabled={!autoClean.enabled}
        choices={[
          { value: 'known-sites', label: t('optionsScopeKnown') },
          { value: 'all-sites', label: t('optionsScopeAll') },
        ]}
        onChange={(scope) => update({ scope })}
      />
      <Switch
        id="autoclean-heuristics"
        label={t('optionsHeuristicsLabel')}
        help={t('optionsHeuristicsHelp')}
        checked={autoClean.heuristics}
        disabled={!autoClean.enabled}
        onChange={(heuristics) => update({ heuristics })}
      />
      <SitesTable sites={settings.sites} save={save} t={t} />
    </>
  );
}
