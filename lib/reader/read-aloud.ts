/**
 * Read aloud: the article spoken with the browser's speech synthesis, one sentence per
 * utterance, so the reader can highlight the sentence being read and pause between any two.
 * No DOM here: the caller highlights what `onSentence` names.
 */

import { splitSentences } from '@/lib/summary';

export type SpeechLanguage = 'id' | 'en';
export type ReadAloudState = 'idle' | 'playing' | 'paused';

/** The parts of `speechSynthesis` this uses; tests pass a fake. */
export interface SpeechSynth {
  speak(utterance: SpeechUtterance): void;
  cancel(): void;
  getVoices(): SpeechVoice[];
}

export interface SpeechVoice {
  lang: string;
  name: string;
  localService: boolean;
  default: boolean;
}

/** The parts of `SpeechSynthesisUtterance` this uses. */
export interface SpeechUtterance {
  text: string;
  lang: string;
  voice: SpeechVoice | null;
  onend: ((event: unknown) => void) | null;
  onerror: ((event: { error?: string }) => void) | null;
}

export interface SpeechApi {
  synth: SpeechSynth;
  createUtterance(text: string): SpeechUtterance;
}

/** The browser's speech synthesis, or null where there is none (the button then stays hidden). */
export function browserSpeech(win: Window = window): SpeechApi | null {
  const scope = win as Window & {
    speechSynthesis?: SpeechSynthesis;
    SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance;
  };
  const synth = scope.speechSynthesis;
  const Utterance = scope.SpeechSynthesisUtterance;
  if (!synth || typeof Utterance !== 'function') return null;
  return {
    synth: synth as unknown as SpeechSynth,
    createUtterance: (text) => new Utterance(text) as unknown as SpeechUtterance,
  };
}

/** Indonesian (also the old `in` code) gets an Indonesian voice; anything else English. */
export function speechLanguage(
  articleLang: string | null,
  detected: SpeechLanguage,
): SpeechLanguage {
  if (!articleLang?.trim()) return detected;
  return /^(id|in)\b/i.test(articleLang.trim()) ? 'id' : 'en';
}

const SPEECH_LOCALE: Record<SpeechLanguage, string> = { id: 'id-ID', en: 'en-US' };

/**
 * The best voice for the language. Voices on the device come first: an online voice (Chrome's
 * "Google" voices) sends the text to the browser maker's speech service.
 */
export function pickVoice(voices: SpeechVoice[], language: SpeechLanguage): SpeechVoice | null {
  const locale = SPEECH_LOCALE[language].toLowerCase();
  const prefix = language === 'id' ? /^(id|in)([-_]|$)/i : /^en([-_]|$)/i;
  const matching = voices.filter((voice) => prefix.test(voice.lang));
  const score = (voice: SpeechVoice) =>
    (voice.localService ? 4 : 0) +
    (voice.lang.replace('_', '-').toLowerCase() === locale ? 2 : 0) +
    (voice.default ? 1 : 0);
  return matching.sort((a, b) => score(b) - score(a))[0] ?? null;
}

/** What is read: the title, then every sentence of every paragraph, in order. */
export function readAloudSentences(title: string, paragraphs: string[]): string[] {
  const sentences = [title, ...paragraphs.flatMap((paragraph) => splitSentences(paragraph))];
  return sentences.map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text !== '');
}

export interface ReadAloudOptions {
  language: SpeechLanguage;
  /** A sentence starts: index into the sentences, and its text. */
  onSentence?: (index: number, text: string) => void;
  onStateChange?: (state: ReadAloudState) => void;
}

/**
 * Start, pause, resume, stop. Pausing cancels the utterance and resuming speaks the sentence
 * again from its start: the browsers' own pause is unreliable (Chrome's remote voices ignore
 * it, and a long pause ends the speech), and a sentence is short.
 */
export class ReadAloud {
  private current = 0;
  private status: ReadAloudState = 'idle';
  /** Bumped for every utterance, so events of a cancelled one are ignored. */
  private generation = 0;
  /** Held so Chrome does not collect it (and drop its end event) while it speaks. */
  private utterance: SpeechUtterance | null = null;

  constructor(
    private readonly sentences: readonly string[],
    private readonly speech: SpeechApi,
    private readonly options: ReadAloudOptions,
  ) {}

  get state(): ReadAloudState {
    return this.status;
  }

  /** Index of the sentence being read (or to resume from). */
  get index(): number {
    return this.current;
  }

  start(from = 0): void {
    if (this.sentences.length === 0) return;
    this.current = Math.min(Math.max(0, from), this.sentences.length - 1);
    this.setState('playing');
    this.speakCurrent();
  }

  pause(): void {
    if (this.status !== 'playing') return;
    this.cancel();
    this.setState('paused');
  }

  resume(): void {
    if (this.status !== 'paused') return;
    this.setState('playing');
    this.speakCurrent();
  }

  stop(): void {
    if (this.status === 'idle') return;
    this.cancel();
    this.current = 0;
    this.setState('idle');
  }

  private cancel(): void {
    this.generation++;
    if (this.utterance) this.utterance.onend = this.utterance.onerror = null;
    this.utterance = null;
    try {
      this.speech.synth.cancel();
    } catch {
      // Nothing is being spoken after all.
    }
  }

  private speakCurrent(): void {
    this.cancel();
    this.speak();
  }

  /** Speaks the current sentence; the previous one has ended or been cancelled. */
  private speak(): void {
    const generation = ++this.generation;
    const index = this.current;
    const text = this.sentences[index];
    try {
      const utterance = this.speech.createUtterance(text);
      utterance.lang = SPEECH_LOCALE[this.options.language];
      const voice = pickVoice(
        safely(() => this.speech.synth.getVoices(), []),
        this.options.language,
      );
      // A voice the browser will not take leaves the choice to `lang`.
      if (voice) safely(() => (utterance.voice = voice), null);
      utterance.onend = () => {
        if (generation !== this.generation) return;
        if (index + 1 >= this.sentences.length) return this.stop();
        this.current = index + 1;
        this.speak();
      };
      utterance.onerror = (event) => {
        if (generation !== this.generation) return;
        // Ours cancelling shows up as these; anything else (no voice, synthesis failed) stops.
        if (event.error === 'interrupted' || event.error === 'canceled') return;
        this.stop();
      };
      this.utterance = utterance;
      this.options.onSentence?.(index, text);
      this.speech.synth.speak(utterance);
    } catch {
      this.stop();
    }
  }

  private setState(state: ReadAloudState): void {
    if (state === this.status) return;
    this.status = state;
    this.options.onStateChange?.(state);
  }
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
