import { useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import type { Settings } from '@/lib/settings/schema';
import { siteHostFromInput } from './site-host';
import type { SaveSection } from './types';

type SiteMode = 'always' | 'never';

interface SitesTableProps {
  sites: Settings['sites'];
  save: SaveSection;
  t: Translate;
}

/** Per-site rules: an editable table plus a form to add a site. */
export function SitesTable({ sites, save, t }: SitesTableProps) {
  const [hostInput, setHostInput] = useState('');
  const [newMode, setNewMode] = useState<SiteMode>('never');
  const [invalid, setInvalid] = useState(false);
  const hosts = Object.keys(sites).sort();
  const modes: { value: SiteMode; label: string }[] = [
    { value: 'always', label: t('optionsSiteAlways') },
    { value: 'never', label: t('optionsSiteNever') },
  ];

  const setMode = (host: string, mode: SiteMode) => save('sites', { ...sites, [host]: mode });
  const remove = (host: string) => {
    const rest = { ...sites };
    delete rest[host];
    return save('sites', rest);
  };
  const add = (event: Event) => {
    event.preventDefault();
    const host = siteHostFromInput(hostInput);
    setInvalid(host === null);
    if (host === null) return;
    setHostInput('');
    void setMode(host, newMode);
  };

  return (
    <div class="option-row stacked">
      <h3 class="option-label" id="sites-title">
        {t('optionsSitesTitle')}
      </h3>
      <p class="option-help" id="sites-help">
        {t('optionsSitesHelp')}
      </p>
      <div class="option-control sites">
        <table class="sites-table" aria-labelledby="sites-title" aria-describedby="sites-help">
          <thead>
            <tr>
              <th scope="col">{t('optionsSitesHost')}</th>
              <th scope="col">{t('optionsSitesMode')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('optionsSitesActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hosts.length === 0 && (
              <tr>
                <td class="sites-empty" colSpan={3}>
                  {t('optionsSitesEmpty')}
                </td>
              </tr>
            )}
            {hosts.map((host) => (
              <tr key={host} data-host={host}>
                <th scope="row" class="site-host">
                  {host}
                </th>
                <td>
                  <select
                    class="select"
                    aria-label={t('optionsSiteModeFor', { host })}
                    value={sites[host]}
                    onChange={(event) => void setMode(host, event.currentTarget.value as SiteMode)}
                  >
                    {modes.map((mode) => (
                      <option key={mode.value} value={mode.value}>
                        {mode.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td class="site-actions">
                  <button
                    type="button"
                    class="button ghost"
                    aria-label={t('optionsSiteRemoveHost', { host })}
                    onClick={() => void remove(host)}
                  >
                    {t('optionsSiteRemove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form class="site-add" onSubmit={add} noValidate>
          <div class="field grow">
            <label for="site-add-host">{t('optionsSiteAddHost')}</label>
            <input
              id="site-add-host"
              class="text-input"
              type="text"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              placeholder={t('optionsSiteAddPlaceholder')}
              value={hostInput}
              aria-invalid={invalid}
              aria-describedby={invalid ? 'site-add-error' : undefined}
              onInput={(event) => {
                setHostInput(event.currentTarget.value);
                setInvalid(false);
              }}
            />
          </div>
          <div class="field">
            <label for="site-add-mode">{t('optionsSitesMode')}</label>
            <select
              id="site-add-mode"
              class="select"
              value={newMode}
              onChange={(event) => setNewMode(event.currentTarget.value as SiteMode)}
            >
              {modes.map((mode) => (
                <option key={mode.value} value={mode.value}>
                  {mode.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button primary">
            {t('optionsSiteAdd')}
          </button>
          {invalid && (
            <p class="field-error" id="site-add-error" role="alert">
              {t('optionsSiteInvalid')}
            </p>
          )}
        </form>
      </div>
    </div>
  );
}
