import type { FunctionComponent } from 'preact';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { SectionName, Settings } from '@/lib/settings/schema';

/** Resolves to false when storage refused the write (the page then says why). */
export type SaveSection = <K extends SectionName>(name: K, value: Settings[K]) => Promise<boolean>;

export interface SectionProps {
  settings: Settings;
  save: SaveSection;
  /** Replaces every section at once (import, reset); false when storage refused. */
  saveAll: (settings: Settings) => Promise<boolean>;
  t: Translate;
}

/** One card on the page, and its entry in the side navigation. */
export interface OptionsSection {
  id: string;
  title: MessageKey;
  description: MessageKey;
  Component: FunctionComponent<SectionProps>;
}
