import type { View } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';
import { useActions } from '../game/act.js';
import { characterName } from '../text.js';
import { useRoom, useStoryText } from '../table/room-context.js';
import { StoryText } from '../table/story-text.js';

export function Reading({ view }: { view: View }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const s = useStoryText();
  const { act, busy } = useActions();
  const { progress } = view;
  const text = view.me?.character.script[progress.act - 1];
  const total = progress.seats.length;
  return (
    <section aria-labelledby="phase-title">
      <h2 id="phase-title">{t('phase.readAct', { act: progress.act })}</h2>
      {view.me && (
        // Scrolls on its own: focusable so a keyboard can scroll it too.
        <div className="script-text reading" role="region" aria-label={t('script.title')} tabIndex={0}>
          {text ? <StoryText text={s(text)} /> : t('script.none')}
        </div>
      )}
      <p aria-live="polite">
        {t('reading.progress', { done: progress.finishedReading.length, total })}
        {progress.finishedReading.length > 0 &&
          `: ${progress.finishedReading.map((id) => characterName(view.story, id, lang)).join(', ')}`}
      </p>
      {view.me && (
        <button
          type="button"
          disabled={busy || view.me.finishedReading}
          onClick={() => void act({ type: 'FINISH_READING' })}
        >
          {view.me.finishedReading ? t('reading.waiting') : t('reading.done')}
        </button>
      )}
    </section>
  );
}
