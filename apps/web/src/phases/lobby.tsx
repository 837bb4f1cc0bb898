import type { Presence, View } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';
import { useActions } from '../game/act.js';
import { SeatList } from '../table/online.js';
import { useStoryText } from '../table/room-context.js';
import { StoryText } from '../table/story-text.js';

/** The premise, the seats (unless the host's panel lists them beside it), and ready. */
export function Lobby({
  view,
  presence,
  seats = true,
}: {
  view: View;
  presence: Presence | null;
  seats?: boolean;
}) {
  const { t } = useTranslation();
  const s = useStoryText();
  const { act, busy } = useActions();
  const mine = view.me ? view.progress.seats.find((x) => x.seat === view.me?.seat) : undefined;
  const waiting = view.progress.seats.filter((x) => x.controller === 'human' && !x.ready).length;
  return (
    <section aria-labelledby="phase-title">
      <h2 id="phase-title">{t('phase.lobby')}</h2>
      <div className="premise">
        <StoryText text={s(view.story.premise)} />
      </div>
      {view.story.contentWarnings.length > 0 && (
        <p className="warning">
          {t('story.warnings')}: {view.story.contentWarnings.map((w) => s(w)).join(' · ')}
        </p>
      )}
      {seats && (
        <>
          <h3>{t('lobby.seats')}</h3>
          <SeatList view={view} presence={presence} />
        </>
      )}
      <p aria-live="polite">{waiting === 0 ? t('lobby.allReady') : t('lobby.waiting', { count: waiting })}</p>
      {mine && (
        <button type="button" disabled={busy} onClick={() => void act({ type: 'READY', ready: !mine.ready })}>
          {mine.ready ? t('lobby.notReady') : t('lobby.imReady')}
        </button>
      )}
    </section>
  );
}
