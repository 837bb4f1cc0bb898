import type { GameError, RoomInfo, StorySummary } from '@jubensha/protocol';
import { LIMITS } from '@jubensha/protocol';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, getRoom, listStories, takeSeat } from '../api.js';
import { navigate, roomPath } from '../router.js';
import { findSessionByCode, saveSession } from '../session.js';
import { AiVoicesNotice } from '../table/ai-voices-notice.js';
import { ErrorBanner } from '../table/error-banner.js';
import { pick } from '../text.js';

/** Join a room by its code: a name and a free human seat (the characters' public profiles shown). */
export function Join({ code }: { code: string }) {
  const { t } = useTranslation();
  const nameId = useId();
  const [room, setRoom] = useState<RoomInfo | null>(null);
  const [story, setStory] = useState<StorySummary | null>(null);
  const [error, setError] = useState<GameError | null>(null);
  const [name, setName] = useState('');
  const [seat, setSeat] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = findSessionByCode(code);

  useEffect(() => {
    let live = true;
    Promise.all([getRoom(code), listStories()]).then(
      ([r, stories]) => {
        if (!live) return;
        setRoom(r);
        setStory(stories.find((s) => s.id === r.storyId) ?? null);
      },
      (e: unknown) => live && setError(e instanceof ApiFailure ? e.error : null),
    );
    return () => {
      live = false;
    };
  }, [code]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!room || !seat || name.trim() === '') return;
    setBusy(true);
    try {
      const taken = await takeSeat(code, seat, name.trim());
      saveSession({ roomId: taken.roomId, code, seat: taken.seat, seatToken: taken.seatToken });
      navigate(roomPath(taken.roomId));
    } catch (err) {
      setError(err instanceof ApiFailure ? err.error : null);
      // The seat may have gone to someone else meanwhile: show the room as it is now.
      getRoom(code).then(setRoom, () => undefined);
    } finally {
      setBusy(false);
    }
  };

  const lang = room?.language ?? 'zh';
  const free = room?.seats.filter((s) => s.controller === 'human' && !s.taken) ?? [];
  return (
    <main className="page" id="main">
      <h1>{room ? t('join.titleOf', { title: pick(room.title, lang) }) : t('join.title')}</h1>
      <p className="muted">
        {t('host.code')}: <strong className="code">{code}</strong>
      </p>
      <ErrorBanner error={error} />
      <AiVoicesNotice
        aiVoices={room?.aiVoices}
        aiSeats={room?.seats.some((s) => s.controller === 'ai') ?? false}
      />
      {existing?.seatToken && (
        <p className="notice">
          <a href={roomPath(existing.roomId)}>{t('join.backToSeat')}</a>
        </p>
      )}
      {room?.status === 'finished' && (
        <section className="card" aria-labelledby="ended-title">
          <h2 id="ended-title">{t('join.endedTitle')}</h2>
          <p>
            <a className="button-link" href={roomPath(room.roomId)}>
              {t('join.seeEnding')}
            </a>
          </p>
        </section>
      )}
      {room && room.status !== 'finished' && free.length === 0 && (
        <section className="card full-room" aria-labelledby="full-title">
          <h2 id="full-title">{t('join.fullTitle')}</h2>
          <p>{t('join.fullWatch')}</p>
          <p>
            <a className="button-link" href={roomPath(room.roomId)}>
              {t('join.watch')}
            </a>
          </p>
          {room.seats.some((s) => s.controller === 'ai') && (
            <>
              <p>{t('join.askHost')}</p>
              <button
                type="button"
                className="secondary"
                onClick={() => getRoom(code).then(setRoom, () => undefined)}
              >
                {t('join.checkAgain')}
              </button>
            </>
          )}
        </section>
      )}
      {room && room.status !== 'finished' && (
        <form className="card" onSubmit={(e) => void submit(e)}>
          {/* A full room asks for no name: nothing could be taken with it. */}
          {free.length > 0 && (
            <>
              <label htmlFor={nameId}>{t('join.name')}</label>
              <input
                id={nameId}
                value={name}
                maxLength={LIMITS.displayName}
                autoComplete="nickname"
                onChange={(e) => setName(e.target.value)}
              />
            </>
          )}
          <fieldset>
            <legend>{t('join.pickSeat')}</legend>
            {free.length === 0 && <p className="muted">{t('join.noFreeSeat')}</p>}
            {room.seats.map((s) => {
              const profile = story?.seats.find((p) => p.seat === s.seat)?.profile;
              const open = s.controller === 'human' && !s.taken;
              return (
                <label key={s.seat} className={open ? 'seat-option' : 'seat-option taken'}>
                  <input
                    type="radio"
                    name="seat"
                    value={s.seat}
                    disabled={!open}
                    checked={seat === s.seat}
                    onChange={() => setSeat(s.seat)}
                  />
                  <span>
                    <strong>{pick(s.character, lang)}</strong>{' '}
                    <span className="muted">
                      {s.controller === 'ai'
                        ? t('seat.ai')
                        : s.taken
                          ? t('join.takenBy', { name: s.name ?? '' })
                          : t('seat.free')}
                    </span>
                    {profile && <span className="profile">{pick(profile, lang)}</span>}
                  </span>
                </label>
              );
            })}
          </fieldset>
          {free.length > 0 && (
            <button type="submit" disabled={busy || !seat || name.trim() === ''}>
              {t('join.take')}
            </button>
          )}
        </form>
      )}
    </main>
  );
}
