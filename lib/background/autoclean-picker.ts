import { browser } from 'wxt/browser';
import { validateFilterText } from '@/lib/autoclean/engine';
import { normalizeHost } from '@/lib/autoclean/sites';
import type { Translate } from '@/lib/i18n';
import { sendToTab, type PickerStrings } from '@/lib/messages';
import { loadSettings, saveSection } from '@/lib/settings/store';

export const MENU_HIDE_ELEMENT = 'hide-element';

/** "Hide this element…", beside the reader's entry in the page's context menu. */
export function createPickerMenu(t: Translate): void {
  browser.contextMenus.create({
    id: MENU_HIDE_ELEMENT,
    title: t('menuHideElement'),
    contexts: ['page', 'frame', 'selection', 'link', 'image', 'video', 'audio'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

function pickerStrings(t: Translate): PickerStrings {
  return {
    hint: t('pickerHint'),
    matches: t('pickerMatches'),
    widen: t('pickerWiden'),
    save: t('pickerSave'),
    cancel: t('pickerCancel'),
    saved: t('pickerSaved'),
    failed: t('pickerFailed'),
  };
}

/** Injects the picker on first use (like the reader's extractor), then opens it. */
export async function startPicker(tabId: number, t: Translate): Promise<boolean> {
  try {
    await sendToTab(tabId, 'picker:ping', null);
  } catch {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/picker.js'] });
  }
  await sendToTab(tabId, 'picker:open', { strings: pickerStrings(t) });
  return true;
}

/**
 * Adds `host##selector` to the picked rules; the engine rebuilds on the settings change.
 * `senderUrl` is the page that asked: a page may only save rules for its own site.
 */
export async function savePicked(
  host: string,
  selector: string,
  senderUrl?: string,
): Promise<true> {
  const site = normalizeHost(host);
  if (senderUrl !== undefined && normalizeHost(hostOf(senderUrl)) !== site) {
    throw new Error(`A page may only save rules for its own site: ${site}`);
  }
  const rule = `${site}##${selector}`;
  if (!/^[a-z0-9.-]+$/.test(site) || /[\r\n]/.test(selector) || validateFilterText(rule).length) {
    throw new Error(`Not a usable rule: ${rule}`);
  }
  const { pickerRules } = await loadSettings();
  const saved = pickerRules[site] ?? [];
  if (!saved.includes(selector)) {
    await saveSection('pickerRules', { ...pickerRules, [site]: [...saved, selector] });
  }
  return true;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
