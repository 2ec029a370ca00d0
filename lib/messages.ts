import { browser } from 'wxt/browser';
import type { ExtractedArticle } from './article';
import type { CleanMode } from './autoclean/activation';
import type { PackedCosmetics, PageCosmetics } from './autoclean/packed-cosmetics';
import type { ListStatusMap } from './autoclean/lists';

export type ExtractResponse =
  | {
      ok: true;
      article: ExtractedArticle;
      /** Asked for this page alone: the article has other pages a merge would read. */
      morePages?: boolean;
    }
  | {
      ok: false;
      reason: 'not-readerable' | 'no-content' | 'too-large' | 'error';
      message?: string;
    };

/** An error caught in a content script, recorded by the background (never shown to the page). */
export interface ScriptError {
  /** Which guarded callback caught it, e.g. `autoclean:tick`. */
  where: string;
  message: string;
  url: string;
}

/** Every message between popup, background and content scripts: request and response types. */
export interface MessageMap {
  /** `mergePages` (default true): fetch and merge the other pages of a multi-page article. */
  'extractor:extract': { data: { force: boolean; mergePages?: boolean }; result: ExtractResponse };
  'reader:open-tab': { data: { tabId: number }; result: true };
  /** Rules for a page, as the background's settings decide (none where auto-clean is off). */
  'autoclean:cosmetics': {
    data: { url: string; features?: PageFeatures };
    result: PackedCosmetics;
  };
  'autoclean:report': { data: { hidden: number; skipped: number }; result: true };
  'autoclean:state': { data: null; result: CleanState };
  'autoclean:reveal': { data: { on: boolean }; result: CleanState };
  /** The background rebuilt its rules: ask for cosmetics again. */
  'autoclean:refresh': { data: null; result: true };
  'picker:start': { data: { tabId: number }; result: boolean };
  'picker:ping': { data: null; result: 'pong' };
  'picker:open': { data: { strings: PickerStrings }; result: true };
  'picker:save': { data: { host: string; selector: string }; result: true };
  'lists:update': { data: { id?: string }; result: ListStatusMap };
  'diagnostics:error': { data: ScriptError; result: true };
}

/** Class names, ids and hrefs on a page, to pick the generic rules that can apply. */
export interface PageFeatures {
  classes: string[];
  ids: string[];
  hrefs: string[];
}

export type { PackedCosmetics, PageCosmetics };

/** What auto-clean did in a tab, for the popup. */
export interface CleanState {
  mode: CleanMode;
  hidden: number;
  /** Elements the guard refused to hide. */
  skipped: number;
  reveal: boolean;
}

/** The picker's panel text, translated by the background. `{count}` is filled in the page. */
export interface PickerStrings {
  hint: string;
  matches: string;
  widen: string;
  save: string;
  cancel: string;
  saved: string;
  failed: string;
}

export type MessageType = keyof MessageMap;
export type MessageData<K extends MessageType> = MessageMap[K]['data'];
export type MessageResult<K extends MessageType> = MessageMap[K]['result'];

interface Envelope<K extends MessageType = MessageType> {
  bacaBersih: 1;
  type: K;
  data: MessageData<K>;
}

/** What the background learns about who sent a message: the tab, and the sending frame's URL. */
export type MessageSender = { tab?: { id?: number }; url?: string };
export type MessageHandlers = {
  [K in MessageType]?: (
    data: MessageData<K>,
    sender: MessageSender,
  ) => MessageResult<K> | Promise<MessageResult<K>>;
};

function envelope<K extends MessageType>(type: K, data: MessageData<K>): Envelope<K> {
  return { bacaBersih: 1, type, data };
}

function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Envelope).bacaBersih === 1 &&
    typeof (value as Envelope).type === 'string'
  );
}

export async function sendToTab<K extends MessageType>(
  tabId: number,
  type: K,
  data: MessageData<K>,
): Promise<MessageResult<K>> {
  const result = await browser.tabs.sendMessage(tabId, envelope(type, data), { frameId: 0 });
  if (result === undefined) throw new Error(`No answer to ${type} from tab ${tabId}`);
  return result as MessageResult<K>;
}

export async function sendToBackground<K extends MessageType>(
  type: K,
  data: MessageData<K>,
): Promise<MessageResult<K>> {
  return (await browser.runtime.sendMessage(envelope(type, data))) as MessageResult<K>;
}

/** Registers handlers; messages this context does not handle are left for other listeners. */
export function onMessages(handlers: MessageHandlers): () => void {
  const listener = (message: unknown, sender: MessageSender) => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as
      ((data: unknown, sender: MessageSender) => unknown) | undefined;
    if (!handler) return undefined;
    return Promise.resolve().then(() => handler(message.data, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
