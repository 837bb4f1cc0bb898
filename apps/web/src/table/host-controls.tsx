import { API_PATHS, type Presence, type View } from '@jubensha/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions } from '../game/act.js';
import { characterName } from '../text.js';
import { useRoom } from './room-context.js';

const EXTEND_MINUTES = 5;

/** The host's panel: invite, start, advance, pause/resume, extend, seats to AI and back. Enabled by the host's view. */
export function HostControls({ view, presence }: { view: View; presence: Presence | null }) {
  const { t } = useTranslation();
  const { code, finished } = useRoom();
  const { act, busy } = useActions();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const { progress } = view;
  const last = progress.phase !== null && progress.phase === view.story.plan.length - 1;
  const step = progress.phase === null ? undefined : view.story.plan[progress.phase];
  // After the vote nobody joins, nobody hands a seat over and nothing runs on a clock: only moving on
  // and, in the last phase, ending the game are left.
  const over = step?.kind === 'reveal' || step?.kind === 'debrief';
  if (finished)
    return (
      <section className="card host" aria-labelledby="host-title">
        <h2 id="host-title">{t('host.title')}</h2>
        <p>{t('host.ended')}</p>
      </section>
    );
  return (
    <section className="card host" aria-labelledby="host-title">
      <h2 id="host-title">{t('host.title')}</h2>
      {code && !over && <Invite code={code} />}
      {last && (
        <div className="actions end-game">
          {!confirmEnd ? (
            <button type="button" disabled={busy} onClick={() => setConfirmEnd(true)}>
              {t('host.end')}
            </button>
          ) : (
            <>
              <p>{t('host.endConfirm')}</p>
              <button
                type="button"
                disabled={busy}
                onClick={() => void act({ type: 'ADVANCE' }, { expect: 'GAME_OVER' })}
              >
                {t('host.endYes')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirmEnd(false)}>
                {t('host.endNo')}
              </button>
            </>
          )}
        </div>
      )}
      <div className="actions">
        {!progress.started && (
          <button type="button" disabled={busy} onClick={() => void act({ type: 'START' })}>
            {t('host.start')}
          </button>
        )}
        {progress.started && !last && (
          <button type="button" disabled={busy} onClick={() => void act({ type: 'ADVANCE' })}>
            {t('host.advance')}
          </button>
        )}
        {progress.started && !over && progress.pausedAt === null && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void act({ type: 'PAUSE' })}
          >
            {t('host.pause')}
          </button>
        )}
        {progress.pausedAt !== null && (
          <button type="button" disabled={busy} onClick={() => void act({ type: 'RESUME' })}>
            {t('host.resume')}
          </button>
        )}
        {progress.deadline !== null && !over && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void act({ type: 'EXTEND', minutes: EXTEND_MINUTES })}
          >
            {t('host.extend', { count: EXTEND_MINUTES })}
          </button>
        )}
      </div>
      {!over && <HostSeats view={view} presence={presence} />}
    </section>
  );
}

/** Each seat, who holds it and whether they are here, with hand-to-AI and give-back. */
function HostSeats({ view, presence }: { view: View; presence: Presence | null }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const { act, busy } = useActions();
  const { progress } = view;
  return (
    <>
      <h3>{t('host.seats')}</h3>
      <ul className="seat-list">
        {progress.seats.map((seat) => {
          const online = presence?.seats.includes(seat.seat) ?? false;
          const name = characterName(view.story, seat.seat, lang);
          return (
            <li key={seat.seat}>
              <strong>{name}</strong>{' '}
              <span className="muted">
                {seat.controller === 'ai' ? t('seat.ai') : (seat.name ?? t('seat.free'))}
                {seat.controller === 'human' && ` · ${online ? t('online.on') : t('online.off')}`}
                {!progress.started && seat.ready && ` · ${t('lobby.ready')}`}
              </span>{' '}
              {seat.controller === 'human' ? (
                <button
                  type="button"
                  className="small secondary"
                  disabled={busy}
                  onClick={() => void act({ type: 'HAND_TO_AI', seat: seat.seat })}
                >
                  {t('host.handToAi', { name })}
                </button>
              ) : (
                <button
                  type="button"
                  className="small secondary"
                  disabled={busy}
                  onClick={() => void act({ type: 'TAKE_BACK', seat: seat.seat })}
                >
                  {t('host.takeBack', { name })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function Invite({ code }: { code: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const link = `${window.location.origin}${API_PATHS.invite(code)}`;
  return (
    <div className="invite">
      <p>
        {t('host.code')}: <strong className="code">{code}</strong>
      </p>
      <p>
        {t('host.link')}: <a href={link}>{link}</a>{' '}
        {/* The clipboard exists only in secure contexts (not on a plain-http LAN address). */}
        {'clipboard' in navigator && (
          <button
            type="button"
            className="small secondary"
            onClick={() => {
              void navigator.clipboard.writeText(link).then(() => setCopied(true));
            }}
          >
            {copied ? t('host.copied') : t('host.copy')}
          </button>
        )}
      </p>
    </div>
  );
}
