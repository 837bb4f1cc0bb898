import { LIMITS, type View } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';
import { useActions } from '../game/act.js';
import type { Stream } from '../game/game-state.js';
import { ChatLog } from '../table/chat-log.js';
import { MessageForm } from '../table/message-form.js';
import { useRoom } from '../table/room-context.js';
import { PrivateTalks } from './private-talks.js';

/** Public talk at the table; in a private round also one-to-one talks. Used for the intro as well. */
export function Discussion({
  view,
  streams,
  intro = false,
}: {
  view: View;
  streams: Stream[];
  intro?: boolean;
}) {
  const { t } = useTranslation();
  const step = view.progress.phase === null ? undefined : view.story.plan[view.progress.phase];
  const privateRound = step?.mode === 'private';
  return (
    <section aria-labelledby="phase-title">
      <h2 id="phase-title">
        {intro ? t('phase.intro') : privateRound ? t('phase.discussPrivate') : t('phase.discussPublic')}
      </h2>
      <p className="muted">{intro ? t('discussion.introHint') : t('discussion.hint')}</p>
      {intro && aiWaiting(view) && (
        <p className="notice" role="note">
          {t('discussion.aiWaitIntro')}
        </p>
      )}
      <PublicChat view={view} streams={streams} />
      {privateRound && view.me && <PrivateTalks view={view} streams={streams} />}
    </section>
  );
}

/** The table's public chat and, for a seat, the box to speak in. Also open at the reveal and debrief. */
export function PublicChat({ view, streams }: { view: View; streams: Stream[] }) {
  const { t } = useTranslation();
  const { act } = useActions();
  const { finished } = useRoom();
  return (
    <>
      {view.table && (
        <ChatLog
          story={view.story}
          messages={view.table.chat}
          hostMessages={view.hostMessages}
          streams={streams}
          channel={{ kind: 'public' }}
          label={t('chat.public')}
          me={view.me?.seat ?? null}
        />
      )}
      {view.me && !finished && (
        <MessageForm
          label={t('chat.say')}
          maxLength={LIMITS.publicMessage}
          onSubmit={(text) => act({ type: 'PUBLIC_MESSAGE', text })}
        />
      )}
    </>
  );
}

/**
 * At the introductions the AI characters let the people speak first: they wait while a person who has
 * not introduced themselves yet may still do so (a short grace the server sets). Said on screen, or
 * the AI seats' silence reads as a fault.
 */
export function aiWaiting(view: View): boolean {
  const started = view.progress.phaseStartedAt ?? 0;
  const spoke = new Set((view.table?.chat ?? []).filter((m) => m.at >= started).map((m) => m.seat));
  const seats = view.progress.seats;
  return (
    seats.some((s) => s.controller === 'ai' && !spoke.has(s.seat)) &&
    seats.some((s) => s.controller === 'human' && !spoke.has(s.seat))
  );
}
