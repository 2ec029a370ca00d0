import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { validateFilterText } from '@/lib/autoclean/engine';
import {
  LIST_STATUS_KEY,
  parseStatusMap,
  type ListError,
  type ListStatus,
  type ListStatusMap,
} from '@/lib/autoclean/lists';
import { ruleProblemKey } from '@/lib/autoclean/rule-problems';
import type { Translate } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messages';
import { isHttpUrl, type FilterListEntry, type Settings } from '@/lib/settings/schema';
import type { SaveSection, SectionProps } from './types';
import './hiding-section.css';

/** Filter lists, custom rules and picked elements: what auto-clean hides, and why. */
export function HidingSection({ settings, save, t }: SectionProps) {
  return (
    <>
      <FilterLists lists={settings.filterLists} save={save} t={t} />
      <CustomRules rules={settings.customRules} save={save} t={t} />
      <PickedRules rules={settings.pickerRules} save={save} t={t} />
    </>
  );
}

/** The background's download status, kept current as it changes. */
function useListStatus(): ListStatusMap {
  const [status, setStatus] = useState<ListStatusMap>({});
  useEffect(() => {
    const read = () =>
      void browser.storage.local
        .get(LIST_STATUS_KEY)
        .then((stored) => setStatus(parseStatusMap(stored[LIST_STATUS_KEY])))
        .catch(() => undefined);
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && LIST_STATUS_KEY in changes) read();
    };
    read();
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return status;
}

function formatDate(time: number): string {
  const lang = document.documentElement.lang || 'id';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

function errorText(error: ListError, t: Translate): string {
  switch (error.code) {
    case 'http':
      return t('listErrorHttp', { status: error.detail ?? '?' });
    case 'timeout':
      return t('listErrorTimeout');
    case 'too-large':
      return t('listErrorTooLarge');
    case 'not-a-list':
      return t('listErrorNotAList');
    case 'parse':
      return t('listErrorParse');
    default:
      return t('listErrorNetwork');
  }
}

interface ListsProps {
  lists: Settings['filterLists'];
  save: SaveSection;
  t: Translate;
}

function FilterLists({ lists, save, t }: ListsProps) {
  const status = useListStatus();
  const [updating, setUpdating] = useState<string[]>([]);
  const [url, setUrl] = useState('');
  const [invalid, setInvalid] = useState<'url' | 'duplicate' | null>(null);

  const change = (id: string, patch: Partial<FilterListEntry> | null) =>
    void save(
      'filterLists',
      lists.flatMap((list) => (list.id !== id ? [list] : patch ? [{ ...list, ...patch }] : [])),
    );
  const update = async (id: string) => {
    setUpdating((ids) => [...ids, id]);
    await sendToBackground('lists:update', { id }).catch(() => undefined);
    setUpdating((ids) => ids.filter((other) => other !== id));
  };
  const add = (event: Event) => {
    event.preventDefault();
    const address = url.trim();
    const problem = !isHttpUrl(address)
      ? 'url'
      : lists.some((list) => list.url === address)
        ? 'duplicate'
        : null;
    setInvalid(problem);
    if (problem) return;
    const { hostname, pathname } = new URL(address);
    const file = pathname.slice(pathname.lastIndexOf('/') + 1);
    const id = `list-${Date.now().toString(36)}`;
    const title = file ? `${hostname}/${file}` : hostname;
    setUrl('');
    void save('filterLists', [
      ...lists,
      { id, title, url: address, enabled: true, builtin: false },
    ]);
  };

  return (
    <div class="option-row stacked">
      <h3 class="option-label" id="lists-title">
        {t('optionsListsTitle')}
      </h3>
      <p class="option-help" id="lists-help">
        {t('optionsListsHelp')}
      </p>
      <div class="option-control">
        <ul class="filter-lists" aria-labelledby="lists-title">
          {lists.map((list) => (
            <FilterListRow
              key={list.id}
              list={list}
              status={status[list.id]?.url === list.url ? status[list.id] : undefined}
              updating={updating.includes(list.id)}
              onToggle={(enabled) => change(list.id, { enabled })}
              onUpdate={() => void update(list.id)}
              onRemove={() => change(list.id, null)}
              t={t}
            />
          ))}
        </ul>
        <form class="site-add list-add" onSubmit={add} noValidate>
          <div class="field grow">
            <label for="list-add-url">{t('optionsListAddLabel')}</label>
            <input
              id="list-add-url"
              class="text-input"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              placeholder={t('optionsListAddPlaceholder')}
              value={url}
              aria-invalid={invalid !== null}
              aria-describedby={invalid ? 'list-add-error' : undefined}
              onInput={(event) => {
                setUrl(event.currentTarget.value);
                setInvalid(null);
              }}
            />
          </div>
          <button type="submit" class="button primary">
            {t('optionsListAdd')}
          </button>
          {invalid && (
            <p class="field-error" id="list-add-error" role="alert">
              {t(invalid === 'url' ? 'optionsListInvalidUrl' : 'optionsListDuplicate')}
            </p>
          )}
        </form>
      </div>
    </div>
  );
}

interface RowProps {
  list: FilterListEntry;
  status: ListStatus | undefined;
  updating: boolean;
  onToggle: (enabled: boolean) => void;
  onUpdate: () => void;
  onRemove: () => void;
  t: Translate;
}

function FilterListRow({ list, status, updating, onToggle, onUpdate, onRemove, t }: RowProps) {
  const meta = [
    status?.lastUpdated ? t('optionsListUpdated', { date: formatDate(status.lastUpdated) }) : null,
    status?.ruleCount !== undefined && status.checksum
      ? t('optionsListRules', {
          count: status.ruleCount.toLocaleString(document.documentElement.lang || 'id'),
        })
      : null,
  ].filter(Boolean);
  return (
    <li class="filter-list" data-list={list.id}>
      <input
        type="checkbox"
        role="switch"
        class="switch"
        aria-label={t('optionsListToggle', { title: list.title })}
        checked={list.enabled}
        onChange={(event) => onToggle(event.currentTarget.checked)}
      />
      <div class="filter-list-info">
        <span class="filter-list-title">{list.title}</span>
        <span class="filter-list-url">{list.url}</span>
        <span class="filter-list-meta">
          {meta.length > 0 ? meta.join(' · ') : t('optionsListNever')}
        </span>
        {status?.lastError && (
          <span class="filter-list-error">
            {t('optionsListError', { reason: errorText(status.lastError, t) })}
            {status.checksum && ` ${t('optionsListKeepsOld')}`}
          </span>
        )}
      </div>
      <div class="filter-list-actions">
        <button
          type="button"
          class="button"
          disabled={updating || !list.enabled}
          // The name holds the visible text (WCAG 2.5.3); "Updating…" speaks for itself.
          aria-label={updating ? undefined : t('optionsListUpdateTitle', { title: list.title })}
          onClick={onUpdate}
        >
          {updating ? t('optionsListUpdating') : t('optionsListUpdate')}
        </button>
        {!list.builtin && (
          <button
            type="button"
            class="button ghost"
            aria-label={t('optionsListRemoveTitle', { title: list.title })}
            onClick={onRemove}
          >
            {t('optionsSiteRemove')}
          </button>
        )}
      </div>
    </li>
  );
}

const MAX_PROBLEMS_SHOWN = 50;

/**
 * Saved as typed, even with problems: the engine skips the lines it cannot use, the others
 * apply, and the problems stay listed with their line numbers until fixed.
 */
function CustomRules({ rules, save, t }: { rules: string; save: SaveSection; t: Translate }) {
  const [draft, setDraft] = useState(rules);
  // Text storage refused (full): it stays in the editor until saved, whatever storage holds.
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    if (refused === null) setDraft(rules);
  }, [rules, refused]);
  const saveDraft = async () => {
    const text = draft;
    const saved = await save('customRules', text);
    setRefused(saved ? null : text);
    if (!saved) setDraft(text);
  };
  const problems = useMemo(() => validateFilterText(draft), [draft]);
  const lines = draft.split('\n');
  const dirty = draft !== rules;
  return (
    <div class="option-row stacked">
      <label class="option-label" for="custom-rules">
        {t('optionsCustomTitle')}
      </label>
      <p class="option-help" id="custom-rules-help">
        {t('optionsCustomHelp')}
      </p>
      <div class="option-control custom-rules">
        <textarea
          id="custom-rules"
          class="text-input rules-input"
          rows={8}
          spellcheck={false}
          autoComplete="off"
          placeholder={t('optionsCustomPlaceholder')}
          value={draft}
          aria-describedby="custom-rules-help custom-rules-problems"
          aria-invalid={problems.length > 0}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <div class="rules-footer">
          <button
            type="button"
            class="button primary"
            disabled={!dirty}
            onClick={() => void saveDraft()}
          >
            {t('optionsCustomSave')}
          </button>
          {dirty && <span class="rules-unsaved">{t('optionsCustomUnsaved')}</span>}
        </div>
        {refused !== null && (
          <p class="field-error rules-refused" role="alert">
            {t('robustQuotaFull')}
          </p>
        )}
        <div id="custom-rules-problems" class="rules-problems" aria-live="polite">
          {problems.length === 0 ? (
            draft.trim() !== '' && <p class="rules-ok">{t('optionsCustomAllGood')}</p>
          ) : (
            <>
              <p class="rules-problems-title">
                {t('optionsCustomProblems', { count: problems.length })}
              </p>
              <ul>
                {problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => (
                  <li key={problem.line} data-line={problem.line}>
                    <span class="rule-line">
                      {t('optionsCustomProblemLine', { line: problem.line })}
                    </span>
                    <code>{lines[problem.line - 1]?.trim()}</code>
                    <span class="rule-problem">{t(ruleProblemKey(problem.message))}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function PickedRules({
  rules,
  save,
  t,
}: {
  rules: Settings['pickerRules'];
  save: SaveSection;
  t: Translate;
}) {
  const hosts = Object.keys(rules).sort();
  const remove = (host: string, selector: string) => {
    const rest = rules[host].filter((s) => s !== selector);
    const next = { ...rules, [host]: rest };
    if (rest.length === 0) delete next[host];
    void save('pickerRules', next);
  };
  return (
    <div class="option-row stacked">
      <h3 class="option-label" id="picked-title">
        {t('optionsPickedTitle')}
      </h3>
      <p class="option-help" id="picked-help">
        {t('optionsPickedHelp')}
      </p>
      <div class="option-control">
        {hosts.length === 0 ? (
          <p class="picked-empty">{t('optionsPickedEmpty')}</p>
        ) : (
          <ul class="picked-sites" aria-labelledby="picked-title">
            {hosts.map((host) => (
              <li key={host} class="picked-site" data-host={host}>
                <span class="picked-host">{host}</span>
                <ul class="picked-rules">
                  {rules[host].map((selector) => (
                    <li key={selector} class="picked-rule">
                      <code>{selector}</code>
                      <button
                        type="button"
                        class="button ghost"
                        aria-label={t('optionsPickedRemove', { rule: `${host}##${selector}` })}
                        onClick={() => remove(host, selector)}
                      >
                        {t('optionsSiteRemove')}
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
