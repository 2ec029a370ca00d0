/** Fetches other pages of the open article: same origin only, size-capped, abortable. */
import { readBodyCapped } from '@/lib/read-capped';

export interface PageFetchLimits {
  /** Pages in all, the open one included. */
  maxPages: number;
  /** For all fetches together. */
  timeoutMs: number;
  /** Per page; a bigger page is not read. */
  maxBytes: number;
  /** Fetches at a time. */
  parallel: number;
}

export const PAGE_FETCH_LIMITS: PageFetchLimits = {
  maxPages: 10,
  timeoutMs: 8_000,
  maxBytes: 3_000_000,
  parallel: 2,
};

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

function charsetOf(contentType: string): string {
  return /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
}

function decoder(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset);
  } catch {
    return new TextDecoder('utf-8');
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const bytes = await readBodyCapped(response, maxBytes);
  if (bytes === null) throw new Error(`page larger than ${maxBytes} bytes`);
  return bytes;
}

/** The HTML of `url`; throws for another origin (before or after redirects), errors or non-HTML. */
export async function fetchPageHtml(
  url: string,
  origin: string,
  options: { fetch: FetchFunction; signal: AbortSignal; maxBytes: number },
): Promise<string> {
  if (new URL(url).origin !== origin) throw new Error(`not same origin: ${url}`);
  const response = await options.fetch(url, {
    signal: options.signal,
    // Only same-origin addresses get here. Chromium sends them as the page; Firefox's
    // content-script fetch is the extension's own: 'include' sends the site's cookies in both.
    credentials: 'include',
    redirect: 'follow',
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  if (response.url && new URL(response.url).origin !== origin) {
    throw new Error(`redirected to another origin: ${response.url}`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (type && !/html/i.test(type)) throw new Error(`not HTML (${type}): ${url}`);
  const bytes = await readCapped(response, options.maxBytes);
  return decoder(charsetOf(type)).decode(bytes);
}
