/**
 * Filter-list subscriptions: when to refresh, conditional downloads with a size cap and a
 * timeout, and the status kept per list. Pure apart from the injected fetch.
 */

import type { FilterListEntry } from '@/lib/settings/schema';
import { listChecksum, normalizeRules, stripScriptletRules } from './engine';
import { readBodyCapped } from '@/lib/read-capped';

export const REFRESH_AFTER_MS = 4 * 24 * 60 * 60 * 1000;
/** After a failed download, wait this long before trying again on its own. */
export const RETRY_AFTER_MS = 60 * 60 * 1000;
export const MAX_LIST_BYTES = 8 * 1024 * 1024;
export const DOWNLOAD_TIMEOUT_MS = 30_000;

export type ListErrorCode = 'network' | 'timeout' | 'http' | 'too-large' | 'not-a-list' | 'parse';

export interface ListError {
  code: ListErrorCode;
  /** HTTP status, or the browser's message. */
  detail?: string;
}

/** What the background knows about one list's download; stored apart from the settings. */
export interface ListStatus {
  /** The URL this status is about: a changed URL means a fresh download. */
  url: string;
  /** Last successful check (new copy or "not modified"), ms since epoch. */
  lastUpdated?: number;
  lastAttempt?: number;
  ruleCount?: number;
  etag?: string;
  lastModified?: string;
  /** Checksum of the stored copy; absent when none is stored. */
  checksum?: string;
  lastError?: ListError;
}

export type ListStatusMap = Record<string, ListStatus>;

export const LIST_STATUS_KEY = 'filterListStatus';

/** Reads a stored status map, dropping anything malformed. */
export function parseStatusMap(raw: unknown): ListStatusMap {
  const map: ListStatusMap = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return map;
  for (const [id, value] of Object.entries(raw)) {
    const s = value as Partial<ListStatus> | null;
    if (typeof s !== 'object' || s === null || typeof s.url !== 'string') continue;
    map[id] = s as ListStatus;
  }
  return map;
}

/** Enabled, and never fetched, fetched from another URL, or older than four days. */
export function needsRefresh(
  list: FilterListEntry,
  status: ListStatus | undefined,
  now: number,
): boolean {
  if (!list.enabled) return false;
  const same = status?.url === list.url;
  const age = same && status.lastUpdated !== undefined ? now - status.lastUpdated : Infinity;
  if (age >= 0 && age < REFRESH_AFTER_MS && status?.checksum !== undefined) return false;
  const sinceFailure =
    same && status.lastError && status.lastAttempt !== undefined
      ? now - status.lastAttempt
      : Infinity;
  return !(sinceFailure >= 0 && sinceFailure < RETRY_AFTER_MS);
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface DownloadOptions {
  fetch: FetchLike;
  timeoutMs?: number;
  maxBytes?: number;
}

export type Download =
  | { kind: 'updated'; text: string; ruleCount: number; etag?: string; lastModified?: string }
  | { kind: 'unchanged' }
  | { kind: 'failed'; error: ListError };

/** Rules in a list once scriptlets and code rules are dropped; HTML pages are refused. */
export function prepareListText(raw: string): { text: string; ruleCount: number } | null {
  const body = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (/^\s*</.test(body)) return null;
  const { text } = stripScriptletRules(normalizeRules(body));
  let ruleCount = 0;
  for (const line of text.split('\n')) {
    const rule = line.trim();
    if (rule !== '' && !rule.startsWith('!') && !rule.startsWith('[')) ruleCount += 1;
  }
  const looksLikeList = /^\[Adblock/i.test(body) || /^!/m.test(body) || /##|^\|\|/m.test(body);
  return ruleCount > 0 && looksLikeList ? { text, ruleCount } : null;
}

async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  const bytes = await readBodyCapped(response, maxBytes);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

/** One conditional GET; `status` supplies the validators when it is about the same URL. */
export async function downloadList(
  url: string,
  status: ListStatus | undefined,
  options: DownloadOptions,
): Promise<Download> {
  const maxBytes = options.maxBytes ?? MAX_LIST_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  const headers: Record<string, string> = {};
  if (status?.url === url && status.checksum !== undefined) {
    if (status.etag) headers['If-None-Match'] = status.etag;
    if (status.lastModified) headers['If-Modified-Since'] = status.lastModified;
  }
  try {
    const response = await options.fetch(url, {
      headers,
      signal: controller.signal,
      cache: 'no-cache',
      credentials: 'omit',
    });
    if (response.status === 304) return { kind: 'unchanged' };
    if (!response.ok)
      return { kind: 'failed', error: { code: 'http', detail: String(response.status) } };
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      return { kind: 'failed', error: { code: 'too-large' } };
    }
    const raw = await readCapped(response, maxBytes);
    if (raw === null) return { kind: 'failed', error: { code: 'too-large' } };
    const prepared = prepareListText(raw);
    if (prepared === null) return { kind: 'failed', error: { code: 'not-a-list' } };
    return {
      kind: 'updated',
      ...prepared,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
  } catch (error) {
    if (timedOut) return { kind: 'failed', error: { code: 'timeout' } };
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', error: { code: 'network', detail } };
  } finally {
    clearTimeout(timer);
  }
}

/** The status after a download; a failure keeps what was known about the last good copy. */
export function nextStatus(
  previous: ListStatus | undefined,
  url: string,
  outcome: Download,
  now: number,
): ListStatus {
  const base: ListStatus = previous?.url === url ? { ...previous } : { url };
  base.lastAttempt = now;
  if (outcome.kind === 'failed') return { ...base, lastError: outcome.error };
  delete base.lastError;
  if (outcome.kind === 'unchanged') return { ...base, lastUpdated: now };
  return {
    ...base,
    lastUpdated: now,
    ruleCount: outcome.ruleCount,
    etag: outcome.etag,
    lastModified: outcome.lastModified,
    checksum: listChecksum({ id: '', text: outcome.text }),
  };
}

/** Bump when what goes into the engine changes shape (buildEngine, list preparation). */
export const ENGINE_FORMAT = 1;

/** Cache key of an engine: its inputs' ids and checksums, in order. */
export function engineKey(inputs: readonly { id: string; checksum: string }[]): string {
  return [`v${ENGINE_FORMAT}`, ...inputs.map((i) => `${i.id}:${i.checksum}`)].join('|');
}

/** Picked selectors as list rules, `host##selector`, in a stable order. */
export function pickerRulesText(pickerRules: Record<string, string[]>): string {
  return Object.keys(pickerRules)
    .sort()
    .flatMap((host) => pickerRules[host].map((selector) => `${host}##${selector}`))
    .join('\n');
}
