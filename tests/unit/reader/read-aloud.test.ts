import { describe, expect, it } from 'vitest';
import {
  browserSpeech,
  pickVoice,
  ReadAloud,
  readAloudSentences,
  speechLanguage,
  type ReadAloudState,
  type SpeechApi,
  type SpeechUtterance,
  type SpeechVoice,
} from '@/lib/reader/read-aloud';

/** A speechSynthesis that speaks nothing: tests end or fail utterances by hand. */
class FakeSynth {
  spoken: SpeechUtterance[] = [];
  current: SpeechUtterance | null = null;
  cancels = 0;
  constructor(public voices: SpeechVoice[] = []) {}
  speak(utterance: SpeechUtterance) {
    this.spoken.push(utterance);
    this.current = utterance;
  }
  cancel() {
    this.cancels++;
    const cancelled = this.current;
    this.current = null;
    // Chrome reports a cancel as an "interrupted" error on the utterance.
    cancelled?.onerror?.({ error: 'interrupted' });
  }
  getVoices() {
    return this.voices;
  }
  /** The current utterance finishes. */
  finish() {
    const done = this.current;
    this.current = null;
    done?.onend?.({});
  }
  fail(error: string) {
    const failed = this.current;
    this.current = null;
    failed?.onerror?.({ error });
  }
  get texts() {
    return this.spoken.map((u) => u.text);
  }
}

function fakeSpeech(voices: SpeechVoice[] = []): { synth: FakeSynth; api: SpeechApi } {
  const synth = new FakeSynth(voices);
  return {
    synth,
    api: {
      synth,
      createUtterance: (text) => ({ text, lang: '', voice: null, onend: null, onerror: null }),
    },
  };
}

const voice = (lang: string, name = lang, extra: Partial<SpeechVoice> = {}): SpeechVoice => ({
  lang,
  name,
  localService: false,
  default: false,
  ...extra,
});

function reader(sentences: string[], voices: SpeechVoice[] = [], language: 'id' | 'en' = 'id') {
  const { synth, api } = fakeSpeech(voices);
  const read: [number, string][] = [];
  const states: ReadAloudState[] = [];
  const controller = new ReadAloud(sentences, api, {
    language,
    onSentence: (index, text) => read.push([index, text]),
    onStateChange: (state) => states.push(state),
  });
  return { synth, controller, read, states };
}

describe('readAloudSentences', () => {
  it('reads the title, then each sentence of each paragraph', () => {
    expect(
      readAloudSentences('Jalan Desa Diperbaiki', [
        'Pemkab Mojokerto memperbaiki jalan. Pekerjaan dimulai Senin.',
        '  Warga   menyambut baik.  ',
        '',
      ]),
    ).toEqual([
      'Jalan Desa Diperbaiki',
      'Pemkab Mojokerto memperbaiki jalan.',
      'Pekerjaan dimulai Senin.',
      'Warga menyambut baik.',
    ]);
  });
});

describe('speechLanguage', () => {
  it('follows the article language, else what the summarizer detected', () => {
    expect(speechLanguage('id', 'en')).toBe('id');
    expect(speechLanguage('id-ID', 'en')).toBe('id');
    expect(speechLanguage('in', 'en')).toBe('id');
    expect(speechLanguage('en-GB', 'id')).toBe('en');
    expect(speechLanguage('jv', 'id')).toBe('en');
    expect(speechLanguage(null, 'id')).toBe('id');
    expect(speechLanguage(' ', 'en')).toBe('en');
  });
});

describe('pickVoice', () => {
  const voices = [
    voice('en-US', 'US', { default: true }),
    voice('en-GB', 'GB', { localService: true }),
    voice('id-ID', 'Google Bahasa Indonesia'),
    voice('in_ID', 'Android Indonesian', { localService: true }),
    voice('de-DE', 'Deutsch'),
  ];

  it('prefers a voice on the device, then the main locale, then the default', () => {
    expect(pickVoice(voices, 'id')?.name).toBe('Android Indonesian');
    expect(pickVoice(voices, 'en')?.name).toBe('GB');
    expect(pickVoice([voice('en-GB', 'GB'), voice('en-US', 'US')], 'en')?.name).toBe('US');
    expect(
      pickVoice([voice('en-GB', 'GB'), voice('en-AU', 'AU', { default: true })], 'en')?.name,
    ).toBe('AU');
  });

  it('takes an online voice when there is nothing else', () => {
    expect(pickVoice([voice('id-ID', 'Google Bahasa Indonesia')], 'id')?.name).toBe(
      'Google Bahasa Indonesia',
    );
  });

  it('takes the old "in" code for Indonesian, and gives null without a voice', () => {
    expect(pickVoice([voice('in-ID', 'old')], 'id')?.name).toBe('old');
    expect(pickVoice([voice('de-DE')], 'id')).toBeNull();
    expect(pickVoice([], 'en')).toBeNull();
  });
});

describe('ReadAloud', () => {
  const sentences = ['Judul berita.', 'Kalimat pertama.', 'Kalimat kedua.'];

  it('speaks one sentence at a time, announcing each, then goes idle', () => {
    const { synth, controller, read, states } = reader(sentences, [voice('id-ID', 'Indonesia')]);
    controller.start();
    expect(controller.state).toBe('playing');
    expect(synth.texts).toEqual(['Judul berita.']);
    expect(synth.spoken[0]).toMatchObject({ lang: 'id-ID', voice: { name: 'Indonesia' } });
    synth.finish();
    synth.finish();
    expect(synth.texts).toEqual(sentences);
    expect(read).toEqual(sentences.map((text, index) => [index, text]));
    synth.finish();
    expect(controller.state).toBe('idle');
    expect(states).toEqual(['playing', 'idle']);
  });

  it('uses the English locale for English articles, even without a voice', () => {
    const { synth, controller } = reader(['Hello there.'], [], 'en');
    controller.start();
    expect(synth.spoken[0]).toMatchObject({ lang: 'en-US', voice: null });
  });

  it('pauses and resumes at the sentence it was reading', () => {
    const { synth, controller, read, states } = reader(sentences);
    controller.start();
    synth.finish();
    controller.pause();
    expect(controller.state).toBe('paused');
    expect(synth.current).toBeNull();
    // The interrupted utterance's events do not move on.
    expect(synth.texts).toEqual(['Judul berita.', 'Kalimat pertama.']);
    controller.resume();
    expect(controller.state).toBe('playing');
    expect(synth.texts.at(-1)).toBe('Kalimat pertama.');
    expect(read.map(([index]) => index)).toEqual([0, 1, 1]);
    expect(states).toEqual(['playing', 'paused', 'playing']);
  });

  it('ignores the end of an utterance cancelled by pause or stop', () => {
    const { synth, controller } = reader(sentences);
    controller.start();
    const first = synth.spoken[0];
    controller.pause();
    first.onend?.({});
    expect(synth.spoken).toHaveLength(1);
    controller.resume();
    controller.stop();
    synth.spoken[1].onend?.({});
    expect(synth.spoken).toHaveLength(2);
    expect(controller.state).toBe('idle');
  });

  it('stops and starts over from the top', () => {
    const { synth, controller } = reader(sentences);
    controller.start();
    synth.finish();
    controller.stop();
    expect(controller.state).toBe('idle');
    expect(controller.index).toBe(0);
    expect(synth.cancels).toBeGreaterThan(0);
    controller.start();
    expect(synth.texts.at(-1)).toBe('Judul berita.');
  });

  it('can start from a given sentence', () => {
    const { synth, controller } = reader(sentences);
    controller.start(2);
    expect(synth.texts).toEqual(['Kalimat kedua.']);
    controller.start(99);
    expect(synth.texts.at(-1)).toBe('Kalimat kedua.');
  });

  it('stops when synthesis fails, without throwing', () => {
    const { synth, controller, states } = reader(sentences);
    controller.start();
    synth.fail('synthesis-failed');
    expect(controller.state).toBe('idle');
    expect(states).toEqual(['playing', 'idle']);
  });

  it('stops when speak throws', () => {
    const { api } = fakeSpeech();
    api.synth.speak = () => {
      throw new Error('no speech here');
    };
    const controller = new ReadAloud(sentences, api, { language: 'id' });
    expect(() => controller.start()).not.toThrow();
    expect(controller.state).toBe('idle');
  });

  it('does nothing for an empty article, and ignores pause/resume out of turn', () => {
    const { synth, controller, states } = reader([]);
    controller.start();
    controller.pause();
    controller.resume();
    controller.stop();
    expect(synth.spoken).toEqual([]);
    expect(states).toEqual([]);
  });
});

describe('browserSpeech', () => {
  it('is null where the browser has no speech synthesis', () => {
    expect(browserSpeech({} as Window)).toBeNull();
    expect(browserSpeech({ speechSynthesis: {} } as unknown as Window)).toBeNull();
  });

  it('wraps speechSynthesis and SpeechSynthesisUtterance where they exist', () => {
    class Utterance {
      constructor(public text: string) {}
    }
    const synth = { speak() {}, cancel() {}, getVoices: () => [] };
    const api = browserSpeech({
      speechSynthesis: synth,
      SpeechSynthesisUtterance: Utterance,
    } as unknown as Window);
    expect(api?.synth).toBe(synth);
    expect(api?.createUtterance('Halo')).toMatchObject({ text: 'Halo' });
  });
});

describe('ReadAloud with a picky browser', () => {
  it('still speaks when the browser refuses the voice, leaving the choice to lang', () => {
    const { synth, api } = fakeSpeech([voice('id-ID')]);
    api.createUtterance = (text) => {
      const utterance = { text, lang: '', onend: null, onerror: null } as SpeechUtterance;
      Object.defineProperty(utterance, 'voice', {
        set: () => {
          throw new TypeError('Failed to convert value to SpeechSynthesisVoice');
        },
      });
      return utterance;
    };
    const controller = new ReadAloud(['Satu.'], api, { language: 'id' });
    controller.start();
    expect(controller.state).toBe('playing');
    expect(synth.spoken[0]).toMatchObject({ text: 'Satu.', lang: 'id-ID' });
  });

  it('goes idle when an utterance cannot even be made', () => {
    const { api } = fakeSpeech();
    api.createUtterance = () => {
      throw new Error('no utterances');
    };
    const controller = new ReadAloud(['Satu.'], api, { language: 'id' });
    expect(() => controller.start()).not.toThrow();
    expect(controller.state).toBe('idle');
  });
});
