import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BrandBar } from '@/components/BrandBar';
import { browserLanguage, resolveLanguage, translator } from '@/lib/i18n';
import { applyReaderSettings } from '@/lib/reader/apply-settings';
import type { Settings } from '@/lib/settings/schema';
import type { MessageKey } from '@/lib/i18n';
import {
  loadSettings,
  saveAllSections,
  saveProblem,
  saveSection,
  watchSettings,
  type SaveProblem,
} from '@/lib/settings/store';
import { AutoCleanSection } from './AutoCleanSection';
import { DataSection } from './DataSection';
import { HidingSection } from './HidingSection';
import { LanguageSection } from './LanguageSection';
import { ReaderSection } from './ReaderSection';
import { SummarySection } from './SummarySection';
import type { OptionsSection, SaveSection } from './types';

/** The page's cards, in order; the side navigation is built from this list too. */
const OPTIONS_SECTIONS: OptionsSection[] = [
  {
    id: 'auto-clean',
    title: 'optionsAutoCleanTitle',
    description: 'optionsAutoCleanDescription',
    Component: AutoCleanSection,
  },
  {
    id: 'hiding',
    title: 'optionsHidingTitle',
    description: 'optionsHidingDescription',
    Component: HidingSection,
  },
  {
    id: 'reader',
    title: 'optionsReaderTitle',
    description: 'optionsReaderDescription',
    Component: ReaderSection,
  },
  {
    id: 'summary',
    title: 'optionsSummaryTitle',
    description: 'optionsSummaryDescription',
    Component: SummarySection,
  },
  {
    id: 'language',
    title: 'optionsLanguageTitle',
    description: 'optionsLanguageDescription',
    Component: LanguageSection,
  },
  {
    id: 'data',
    title: 'optionsDataTitle',
    description: 'optionsDataDescription',
    Component: DataSection,
  },
];

const SAVED_NOTICE_MS = 2500;

type SaveStatus = { kind: 'saved' } | { kind: 'failed'; problem: SaveProblem } | null;

/** What the reader is told when storage refuses a write. */
export const SAVE_PROBLEM_MESSAGES = {
  'quota-full': 'robustQuotaFull',
  'quota-item': 'robustQuotaItem',
  'quota-rate': 'robustQuotaRate',
  other: 'optionsSaveFailed',
} as const satisfies Record<SaveProblem, MessageKey>;

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>(null);
  const language = resolveLanguage(settings?.language ?? 'system', browserLanguage());
  const t = useMemo(() => translator(language), [language]);

  const pendingWrites = useRef(0);
  const writesStarted = useRef(0);
  const latestRead = useRef(0);

  /** Reads storage, unless a write of ours starts or is still running meanwhile. */
  const refresh = useCallback(() => {
    const read = ++latestRead.current;
    const writesBefore = writesStarted.current;
    void loadSettings().then((loaded) => {
      // Such a read may predate our latest write; the page already shows what was written.
      const stale = read !== latestRead.current || writesStarted.current !== writesBefore;
      if (!stale && pendingWrites.current === 0) setSettings(loaded);
    });
  }, []);

  useEffect(() => {
    refresh();
    return watchSettings(refresh);
  }, [refresh]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('optionsTitle');
    if (settings) applyReaderSettings(document.documentElement, settings.reader);
  }, [language, settings, t]);

  useEffect(() => {
    if (saveStatus?.kind !== 'saved') return;
    const timer = setTimeout(() => setSaveStatus(null), SAVED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [saveStatus]);

  /** Runs a storage write and says whether it was saved; then shows what storage holds. */
  const write = useCallback(
    async (task: () => Promise<unknown>) => {
      pendingWrites.current++;
      writesStarted.current++;
      let status: NonNullable<SaveStatus> = { kind: 'saved' };
      try {
        await task();
      } catch (error) {
        status = { kind: 'failed', problem: saveProblem(error) };
      } finally {
        pendingWrites.current--;
      }
      const saved = status.kind === 'saved';
      setSaveStatus(status);
      if (pendingWrites.current === 0) refresh();
      return saved;
    },
    [refresh],
  );

  const save = useCallback<SaveSection>(
    async (name, value) => {
      setSettings((current) => current && { ...current, [name]: value });
      return write(() => saveSection(name, value));
    },
    [write],
  );

  const saveAll = useCallback(
    (next: Settings) => {
      setSettings(next);
      return write(() => saveAllSections(next));
    },
    [write],
  );

  return (
    <div class="options-shell">
      <BrandBar t={t}>
        <span
          class={saveStatus ? `save-status is-${saveStatus.kind}` : 'save-status'}
          role="status"
        >
          {saveStatus &&
            t(
              saveStatus.kind === 'saved'
                ? 'optionsSaved'
                : SAVE_PROBLEM_MESSAGES[saveStatus.problem],
            )}
        </span>
      </BrandBar>
      <div class="options-layout">
        <nav class="options-nav" aria-label={t('optionsNavLabel')}>
          <ul>
            {OPTIONS_SECTIONS.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{t(section.title)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main class="options-main">
          <header class="options-header">
            <h1>{t('optionsHeading')}</h1>
            <p>{t('optionsIntro')}</p>
          </header>
          {settings === null ? (
            <p class="options-loading">{t('optionsLoading')}</p>
          ) : (
            OPTIONS_SECTIONS.map(({ id, title, description, Component }) => (
              <section key={id} id={id} class="options-card" aria-labelledby={`${id}-title`}>
                <h2 id={`${id}-title`}>{t(title)}</h2>
                <p class="options-card-description">{t(description)}</p>
                <Component settings={settings} save={save} saveAll={saveAll} t={t} />
              </section>
            ))
          )}
        </main>
      </div>
    </div>
  );
}
