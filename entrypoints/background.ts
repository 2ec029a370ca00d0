import { defineBackground } from 'wxt/utils/define-background';
import { registerAutoClean } from '@/lib/background/autoclean';
import { registerDiagnostics } from '@/lib/background/diagnostics';
import { registerReaderEntryPoints } from '@/lib/background/reader-entry-points';
import { browser } from 'wxt/browser';
import { upgradeStoredSettings } from '@/lib/settings/store';

export default defineBackground(() => {
  registerReaderEntryPoints();
  registerAutoClean();
  registerDiagnostics();
  browser.runtime.onInstalled.addListener(() => void upgradeStoredSettings());
});
