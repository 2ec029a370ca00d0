import { defineBackground } from 'wxt/utils/define-background';
import { registerReaderEntryPoints } from '@/lib/background/reader-entry-points';
import { browser } from 'wxt/browser';
import { upgradeStoredSettings } from '@/lib/settings/store';

export default defineBackground(() => {
  registerReaderEntryPoints();
  browser.runtime.onInstalled.addListener(() => void upgradeStoredSettings());
});
