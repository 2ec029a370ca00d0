/**
 * The browser's built-in Summarizer API (Chrome 138+), feature-detected. It runs on the device; any
 * failure reads as "unavailable", and the local summary never depends on it.
 */

export type BuiltInAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

const AVAILABILITIES: readonly BuiltInAvailability[] = [
  'unavailable',
  'downloadable',
  'downloading',
  'available',
];

interface SummarizerOptions {
  type: 'tldr' | 'key-points' | 'teaser' | 'headline';
  format: 'plain-text' | 'markdown';
  length: 'short' | 'medium' | 'long';
  expectedInputLanguages: string[];
  expectedContextLanguages: string[];
  outputLanguage: string;
}

interface SummarizeOptions {
  context?: string;
  signal?: AbortSignal;
}

interface DownloadMonitor {
  addEventListener(type: 'downloadprogress', listener: (event: { loaded: number }) => void): void;
}

interface SummarizerSession {
  summarize(input: string, options?: SummarizeOptions): Promise<string>;
  summarizeStreaming?(input: string, options?: SummarizeOptions): ReadableStream<string>;
  destroy(): void;
}

/** The part of the API this module uses. */
export interface SummarizerApi {
  availability(options: SummarizerOptions): Promise<string>;
  create(
    options: SummarizerOptions & {
      signal?: AbortSignal;
      monitor?: (monitor: DownloadMonitor) => void;
    },
  ): Promise<SummarizerSession>;
}

/** Longer articles are cut at a paragraph: the on-device model has a small input quota. */
export const MAX_INPUT_CHARS = 12_000;

/** The API, or null when this browser has none. */
export function findSummarizer(scope: object = globalThis): SummarizerApi | null {
  if (!('Summarizer' in scope)) return null;
  const api = (scope as { Summarizer?: Partial<SummarizerApi> | null }).Summarizer;
  const usable = typeof api?.availability === 'function' && typeof api.create === 'function';
  return usable ? (api as SummarizerApi) : null;
}

function optionsFor(lang: 'id' | 'en'): SummarizerOptions {
  return {
    type: 'tldr',
    format: 'plain-text',
    length: 'medium',
    expectedInputLanguages: [lang],
    expectedContextLanguages: [lang],
    outputLanguage: lang,
  };
}

/** Whether the built-in summarizer can summarize text in `lang`, and whether it must download. */
export async function builtInAvailability(
  lang: 'id' | 'en',
  api: SummarizerApi | null = findSummarizer(),
): Promise<BuiltInAvailability> {
  if (!api) return 'unavailable';
  try {
    const answer = await api.availability(optionsFor(lang));
    return (AVAILABILITIES as readonly string[]).includes(answer)
      ? (answer as BuiltInAvailability)
      : 'unavailable';
  } catch {
    return 'unavailable';
  }
}

/** The article's paragraphs, whole, up to `max` characters. */
export function summarizerInput(paragraphs: string[], max = MAX_INPUT_CHARS): string {
  let text = '';
  for (const paragraph of paragraphs) {
    const p = paragraph.trim();
    if (!p) continue;
    const next = text ? `${text}\n\n${p}` : p;
    if (next.length > max) return text || p.slice(0, max);
    text = next;
  }
  return text;
}

export interface BuiltInRun {
  signal?: AbortSignal;
  /** Helps the model, e.g. the article's title. */
  context?: string;
  /** Model download progress, 0 to 1. */
  onDownloadProgress?: (loaded: number) => void;
}

/**
 * Summarizes `text`, yielding the summary so far after each streamed chunk. Call it from a click:
 * creating a session may need a user gesture. The session is destroyed when the stream ends.
 */
export async function* streamBuiltInSummary(
  text: string,
  lang: 'id' | 'en',
  run: BuiltInRun = {},
  api: SummarizerApi | null = findSummarizer(),
): AsyncGenerator<string> {
  if (!api) throw new Error('The built-in Summarizer API is not available.');
  const session = await api.create({
    ...optionsFor(lang),
    signal: run.signal,
    monitor: (monitor) =>
      monitor.addEventListener('downloadprogress', (event) =>
        run.onDownloadProgress?.(event.loaded),
      ),
  });
  try {
    const options = { context: run.context, signal: run.signal };
    if (!session.summarizeStreaming) {
      yield await session.summarize(text, options);
      return;
    }
    const reader = session.summarizeStreaming(text, options).getReader();
    let soFar = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      // Early versions streamed the whole text so far; current ones stream the new part only.
      soFar = soFar && chunk.value.startsWith(soFar) ? chunk.value : soFar + chunk.value;
      yield soFar;
    }
  } finally {
    session.destroy();
  }
}
