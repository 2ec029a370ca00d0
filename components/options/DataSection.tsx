import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n';
import { defaultSettings } from '@/lib/settings/schema';
import { parseSettingsFile, settingsFileName, settingsFileText } from '@/lib/settings/transfer';
import { ConfirmDialog } from './ConfirmDialog';
import type { SectionProps } from './types';

type Outcome = { tone: 'success' | 'error'; message: MessageKey };

export function DataSection({ settings, saveAll, t }: SectionProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const exportUrl = useMemo(
    () => URL.createObjectURL(new Blob([settingsFileText(settings)], { type: 'application/json' })),
    [settings],
  );
  useEffect(() => () => URL.revokeObjectURL(exportUrl), [exportUrl]);

  const importFile = async (file: File) => {
    const parsed = parseSettingsFile(await file.text().catch(() => ''));
    if (!parsed.ok) {
      const message =
        parsed.error === 'json' ? 'optionsImportErrorJson' : 'optionsImportErrorFormat';
      return setOutcome({ tone: 'error', message });
    }
    const saved = await saveAll(parsed.settings);
    setOutcome(
      saved
        ? { tone: 'success', message: 'optionsImportSuccess' }
        : { tone: 'error', message: 'optionsSaveFailed' },
    );
  };

  const reset = async () => {
    setConfirming(false);
    const saved = await saveAll(defaultSettings());
    setOutcome(
      saved
        ? { tone: 'success', message: 'optionsResetDone' }
        : { tone: 'error', message: 'optionsSaveFailed' },
    );
  };

  return (
    <>
      <div class="option-row">
        <h3 class="option-label">{t('optionsExportLabel')}</h3>
        <p class="option-help" id="export-help">
          {t('optionsExportHelp')}
        </p>
        <div class="option-control">
          <a
            class="button"
            href={exportUrl}
            download={settingsFileName(new Date())}
            aria-describedby="export-help"
          >
            {t('optionsExportButton')}
          </a>
        </div>
      </div>
      <div class="option-row">
        <h3 class="option-label">{t('optionsImportLabel')}</h3>
        <p class="option-help" id="import-help">
          {t('optionsImportHelp')}
        </p>
        <div class="option-control">
          <input
            ref={fileInput}
            id="import-file"
            class="visually-hidden"
            type="file"
            accept="application/json,.json"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
          <button
            type="button"
            class="button"
            aria-describedby="import-help"
            onClick={() => {
              setOutcome(null);
              fileInput.current?.click();
            }}
          >
            {t('optionsImportButton')}
          </button>
        </div>
      </div>
      <div class="option-row">
        <h3 class="option-label">{t('optionsResetLabel')}</h3>
        <p class="option-help" id="reset-help">
          {t('optionsResetHelp')}
        </p>
        <div class="option-control">
          <button
            type="button"
            class="button danger-outline"
            aria-describedby="reset-help"
            aria-haspopup="dialog"
            onClick={() => {
              setOutcome(null);
              setConfirming(true);
            }}
          >
            {t('optionsResetButton')}
          </button>
        </div>
      </div>
      {/* Both live regions stay in the page so their first message is announced. */}
      <p class="data-outcome is-success" role="status">
        {outcome?.tone === 'success' && t(outcome.message)}
      </p>
      <p class="data-outcome is-error" role="alert">
        {outcome?.tone === 'error' && t(outcome.message)}
      </p>
      <ConfirmDialog
        open={confirming}
        title={t('optionsResetDialogTitle')}
        body={t('optionsResetDialogBody')}
        confirmLabel={t('optionsResetConfirm')}
        cancelLabel={t('optionsResetCancel')}
        onConfirm={() => void reset()}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
