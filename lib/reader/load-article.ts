import { browser } from 'wxt/browser';
import type { ExtractedArticle } from '@/lib/article';
import { sendToTab, type ExtractResponse, type MessageData } from '@/lib/messages';
import { markOnce } from '@/lib/perf';
import { restrictedReason, type RestrictedReason } from '@/lib/restricted-pages';

export type ReaderState =
  | { kind: 'loading' }
  | {
      kind: 'article';
      article: ExtractedArticle;
      tabId: number;
      /** This page alone was asked for, and the article has other pages. */
      morePages?: boolean;
    }
  | { kind: 'not-article'; tabId: number }
  | { kind: 'no-content'; tabId: number }
  | { kind: 'too-large'; tabId: number }
  | { kind: 'no-answer'; tabId: number }
  | { kind: 'restricted'; reason: RestrictedReason }
  | { kind: 'tab-gone' }
  | { kind: 'error'; message: string; tabId?: number };

/**
 * `?tab=ID` is the full-tab reader; without it this is the toolbar popup. `layout=popup` keeps the
 * popup's layout for a named tab (tests and screenshots use it).
 */
export function readerLayout(search: string): 'popup' | 'tab' {
  const params = new URLSearchParams(search);
  const layout = params.get('layout');
  if (layout === 'popup' || layout === 'tab') return layout;
  return params.has('tab') ? 'tab' : 'popup';
}

/** The tab named by `?tab=`, else the active tab of this window. */
export async function findTargetTab(search: string): Promise<number | null> {
  const requested = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) return requested;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * The extractor's answer. The request goes straight to the page, and the extractor is injected
 * beside it without waiting for a refusal ("no receiving end", or a content script that does not
 * take extraction requests): on a page's first reader open that saves a round trip, and the
 * extractor starts work as soon as it is in. On later opens the extractor, already there,
 * answers from its cache and the second injection does nothing.
 */
async function askExtractor(
  tabId: number,
  request: MessageData<'extractor:extract'>,
  direct: Promise<ExtractResponse | null>,
): Promise<ExtractResponse> {
  const injected = injectExtractor(tabId);
  const answer = await direct;
  if (answer) {
    markOnce('popup:extractor-ready');
    return answer;
  }
  const failure = await injected;
  if (failure) throw failure;
  markOnce('popup:extractor-ready');
  return sendToTab(tabId, 'extractor:extract', request);
}

/** Injects the extractor; the error when that fails, else null. */
async function injectExtractor(tabId: number): Promise<unknown> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/extractor.js'] });
    return null;
  } catch (error) {
    return error;
  }
}

export interface LoadOptions {
  /** Join the other pages of a multi-page article (the reader setting; default on). */
  mergePages?: boolean;
  /** How long to wait for the page's answer. */
  timeoutMs?: number;
}

/** A page busy in its own script cannot answer; the reader says so instead of spinning. */
export const EXTRACT_TIMEOUT_MS = 20_000;

class NoAnswer extends Error {}

function withinLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new NoAnswer()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function loadArticle(
  tabId: number | null,
  force = false,
  options: LoadOptions = {},
): Promise<ReaderState> {
  if (tabId === null) return { kind: 'tab-gone' };
  const request = { force, mergePages: options.mergePages ?? true };
  // Asked beside the tab's address: a restricted page just does not answer.
  const direct = sendToTab(tabId, 'extractor:extract', request).catch(() => null);
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return { kind: 'tab-gone' };
  }
  const restricted = restrictedReason(url);
  if (restricted) return { kind: 'restricted', reason: restricted };

  try {
    const response = await withinLimit(
      askExtractor(tabId, request, direct),
      options.timeoutMs ?? EXTRACT_TIMEOUT_MS,
    );
    markOnce('popup:answer');
    if (response.ok) {
      return { kind: 'article', article: response.article, tabId, morePages: response.morePages };
    }
    if (response.reason === 'not-readerable') return { kind: 'not-article', tabId };
    if (response.reason === 'no-content') return { kind: 'no-content', tabId };
    if (response.reason === 'too-large') return { kind: 'too-large', tabId };
    return { kind: 'error', message: response.message ?? response.reason, tabId };
  } catch (error) {
    if (error instanceof NoAnswer) return { kind: 'no-answer', tabId };
    const message = error instanceof Error ? error.message : String(error);
    // Chromium refuses injection into protected pages with this wording.
    if (/cannot be scripted|cannot access|extensions gallery/i.test(message)) {
      return { kind: 'restricted', reason: 'browser-page' };
    }
    return { kind: 'error', message, tabId };
  }
}
