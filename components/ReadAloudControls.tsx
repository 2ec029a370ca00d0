import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MessageKey, Translate } from '@/lib/i18n';
import { clearHighlights, highlightText } from '@/lib/reader/highlight';
import {
  browserSpeech,
  ReadAloud,
  readAloudSentences,
  type ReadAloudState,
  type SpeechLanguage,
} from '@/lib/reader/read-aloud';

interface ReadAloudControlsProps {
  title: string;
  paragraphs: string[];
  language: SpeechLanguage;
  /** The article element: the sentence being read is highlighted in it. */
  articleRef: RefObject<HTMLElement>;
  t: Translate;
}

/** "Listen": reads the article aloud, highlighting each sentence; hidden without speech. */
export function ReadAloudControls({
  title,
  paragraphs,
  language,
  articleRef,
  t,
}: ReadAloudControlsProps) {
  const speech = useMemo(() => browserSpeech(), []);
  const [state, setState] = useState<ReadAloudState>('idle');
  const controller = useRef<ReadAloud | null>(null);
  const mainButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!speech) return;
    const reader = new ReadAloud(readAloudSentences(title, paragraphs), speech, {
      language,
      onSentence: (_index, text) => {
        const article = articleRef.current;
        const mark = article ? highlightText(article, text) : null;
        mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      },
      onStateChange: (next) => {
        setState(next);
        if (next === 'idle' && articleRef.current) clearHighlights(articleRef.current);
      },
    });
    controller.current = reader;
    // Closing the popup (or the tab) ends the speech with it.
    const stop = () => reader.stop();
    window.addEventListener('pagehide', stop);
    return () => {
      window.removeEventListener('pagehide', stop);
      reader.stop();
      controller.current = null;
    };
  }, [speech, title, paragraphs, language, articleRef]);

  if (!speech) return null;
  const action = {
    idle: { label: 'readAloudListen', run: () => controller.current?.start() },
    playing: { label: 'readAloudPause', run: () => controller.current?.pause() },
    paused: { label: 'readAloudResume', run: () => controller.current?.resume() },
  } as const satisfies Record<ReadAloudState, { label: MessageKey; run: () => void }>;

  // One button that changes its label keeps the keyboard focus where it was.
  return (
    <>
      <button ref={mainButton} type="button" class="button read-aloud" onClick={action[state].run}>
        {t(action[state].label)}
      </button>
      {state !== 'idle' && (
        <button
          type="button"
          class="button ghost read-aloud-stop"
          onClick={() => {
            controller.current?.stop();
            mainButton.current?.focus();
          }}
        >
          {t('readAloudStop')}
        </button>
      )}
    </>
  );
}
