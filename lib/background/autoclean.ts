import { browser } from 'wxt/browser';
import { sessionRulesKey } from '@/lib/autoclean/cosmetics-diff';
import {
  LIST_STATUS_KEY,
  parseStatusMap,
  type FetchLike,
  type ListStatusMap,
} from '@/lib/autoclean/lists';
import { packCosmetics, type PackedCosmetics } from '@/lib/autoclean/packed-cosmetics';
import { onMessages, sendToTab, type PageCosmetics } from '@/lib/messages';
import { SECTIONS } from '@/lib/settings/schema';
import { loadSettings } from '@/lib/settings/store';
import { registerBadge } from './autoclean-badge';
import { MENU_HIDE_ELEMENT, savePicked, startPicker } from './autoclean-picker';
import { AutoCleanService } from './autoclean-service';
import { indexedDbStore } from './autoclean-store';
import { backgroundLanguage } from './ui-language';

/** Settings whose change means new rules. */
const RULE_KEYS = ['filterLists', 'customRules', 'pickerRules'];
/** Settings that decide where auto-clean runs: the session copies may now be wrong. */
const WHERE_KEYS = ['autoClean', 'sites'];

async function readStatus(): Promise<ListStatusMap> {
  const stored = await browser.storage.local.get(LIST_STATUS_KEY);
  return parseStatusMap(stored[LIST_STATUS_KEY]);
}

async function writeStatus(status: ListStatusMap): Promise<void> {
  await browser.storage.local.set({ [LIST_STATUS_KEY]: status });
}

/** Asks every open page to fetch its rules again. */
async function refreshTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  for (const tab of tabs) {
    if (tab.id !== undefined)
      void sendToTab(tab.id, 'autoclean:refresh', null).catch(() => undefined);
  }
}

const SESSION_HOSTS = 30;

const packed = new WeakMap<PageCosmetics, PackedCosmetics>();

/** Packed once per rule set: the service hands out the same host rules again and again. */
function packOnce(rules: PageCosmetics): PackedCosmetics {
  let result = packed.get(rules);
  if (!result) {
    result = packCosmetics(rules);
    packed.set(rules, result);
  }
  return result;
}

/**
 * The last rules given to each recent host, in session storage (memory that outlives the
 * worker): the early content script puts them in place at document_start, before it has read
 * any settings, so list CSS is there before first paint even when the worker is asleep. Hence
 * they go whenever the settings of where auto-clean runs change.
 */
function sessionRules() {
  const session = browser.storage.session as typeof browser.storage.session & {
    setAccessLevel?: (options: { accessLevel: string }) => Promise<void>;
  };
  void session
    .setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' })
    .catch(() => undefined);
  let hosts: string[] = [];
  return {
    remember: (hostname: string, rules: PageCosmetics) => {
      hosts = [...hosts.filter((h) => h !== hostname), hostname];
      const evicted = hosts.splice(0, Math.max(0, hosts.length - SESSION_HOSTS));
      void session.set({ [sessionRulesKey(hostname)]: packOnce(rules) }).catch(() => undefined);
      if (evicted.length) void session.remove(evicted.map(sessionRulesKey)).catch(() => {});
    },
    clear: () => {
      hosts = [];
      void session
        .get(null)
        .then((all) => session.remove(Object.keys(all).filter((k) => k.startsWith('rules:'))))
        .catch(() => undefined);
    },
  };
}

/** Auto-clean's background half: engine, list downloads, badge and element picker. */
export function registerAutoClean(): void {
  const language = backgroundLanguage();
  const fetchList: FetchLike = (url, init) => fetch(url, init);
  const cached = sessionRules();
  const service = new AutoCleanService({
    store: indexedDbStore(),
    fetch: fetchList,
    now: Date.now,
    loadSettings,
    readStatus,
    writeStatus,
    onRulesChanged: () => {
      cached.clear();
      void refreshTabs().catch(() => undefined);
    },
    onHostRules: cached.remember,
  });
  const badge = registerBadge(() => language.t());
  // Titles already on the toolbar follow a change of the interface language.
  language.onChange(() => void badge.retitle());

  onMessages({
    'autoclean:cosmetics': async ({ url, features }) =>
      packOnce(await service.cosmetics(url, features)),
    'autoclean:report': async ({ hidden }, sender) => {
      if (sender.tab?.id !== undefined) await badge.show(sender.tab.id, hidden);
      return true as const;
    },
    'picker:start': async ({ tabId }) => startPicker(tabId, await language.t()),
    'picker:save': ({ host, selector }, sender) => savePicked(host, selector, sender.url),
    'lists:update': ({ id }) => service.updateNow(id),
  });

  browser.contextMenus?.onClicked.addListener((info, tab) => {
    const tabId = tab?.id;
    if (info.menuItemId === MENU_HIDE_ELEMENT && tabId !== undefined) {
      void language
        .t()
        .then((t) => startPicker(tabId, t))
        .catch(() => undefined);
    }
  });
  browser.storage.onChanged.addListener((changes) => {
    if (!Object.keys(changes).some((key) => key in SECTIONS)) return;
    service.settingsChanged();
    if (WHERE_KEYS.some((key) => key in changes)) cached.clear();
    if (RULE_KEYS.some((key) => key in changes)) service.rulesChanged();
  });

  // A worker wake: load the engine (a deserialize when cached) and look at list ages.
  void service.engine().catch(() => undefined);
  void service.refreshStale().catch(() => undefined);
}
