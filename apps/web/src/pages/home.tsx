import {
  DEFAULT_HINT_LEVEL,
  RoomCodeSchema,
  type Controller,
  type HintLevel,
  type GameError,
  type Language,
  type StorySummary,
} from '@jubensha/protocol';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, createRoom, listStories } from '../api.js';
import { navigate, roomPath } from '../router.js';
import { allSessions, saveSession } from '../session.js';
import { ErrorBanner } from '../table/error-banner.js';
import { pick, uiLanguage } from '../text.js';

/** Pick a story, its language and who plays each seat, open the room; or join one by code. */
export function Home() {
  const { t, i18n } = useTranslation();
  const [stories, setStories] = useState<StorySummary[] | null>(null);
  const [error, setError] = useState<GameError | null>(null);
  const [storyId, setStoryId] = useState<string | null>(null);
  useEffect(() => {
    listStories().then(
      (list) => setStories(list),
      (e: unknown) => setError(e instanceof ApiFailure ? e.error : null),
    );
  }, []);
  const ui = uiLanguage(i18n.language);
  const story = stories?.find((s) => s.id === storyId) ?? null;
  return (
    <main className="page" id="main">
      <h1>{t('home.title')}</h1>
      <p className="muted">{t('home.tagline')}</p>
      <ErrorBanner error={error} />
      <JoinByCode />
      <YourRooms />
      <section aria-labelledby="stories-title">
        <h2 id="stories-title">{t('home.pickStory')}</h2>
        {stories === null && !error && <p>{t('common.loading')}</p>}
        <ul className="story-list">
          {stories?.map((s) => (
            <li key={s.id}>
              <article className={s.id === storyId ? 'card story selected' : 'card story'}>
                <h3>{pick(s.title, ui)}</h3>
                <p>{pick(s.blurb, ui)}</p>
                <p className="meta">
                  {t('story.seats', { count: s.seats.length })} ·{' '}
                  {t('story.duration', { count: s.durationMinutes })} · {t('story.genre')}:{' '}
                  {t(`genre.${s.genre}`, { defaultValue: s.genre })} · {t('story.languages')}:{' '}
                  {s.languages.map((l) => t(`language.${l}`)).join(' / ')}
                </p>
                {s.contentWarnings.length > 0 && (
                  <p className="warning">
                    {t('story.warnings')}: {s.contentWarnings.map((w) => pick(w, ui)).join(' · ')}
                  </p>
                )}
                <button
                  type="button"
                  aria-pressed={s.id === storyId}
                  onClick={() => setStoryId(s.id)}
                  aria-label={t('home.chooseStory', { title: pick(s.title, ui) })}
                >
                  {t('home.choose')}
                </button>
              </article>
            </li>
          ))}
        </ul>
      </section>
      {story && <CreateRoom key={story.id} story={story} onError={setError} />}
    </main>
  );
}

const HINT_LEVELS: readonly HintLevel[] = [0, 1, 2];

function CreateRoom({ story, onError }: { story: StorySummary; onError: (e: GameError | null) => void }) {
  const { t, i18n } = useTranslation();
  const ui = uiLanguage(i18n.language);
  const [language, setLanguage] = useState<Language>(
    story.languages.includes(ui) ? ui : (story.languages[0] ?? 'zh'),
  );
  const [controllers, setControllers] = useState<Record<string, Controller>>(() =>
    Object.fromEntries(story.seats.map((s) => [s.seat, 'human' as Controller])),
  );
  const [hintLevel, setHintLevel] = useState<HintLevel>(DEFAULT_HINT_LEVEL);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form opens below the story cards: bring it into view, and the keyboard with it.
  useEffect(() => {
    const h = heading.current;
    if (!h) return;
    h.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    h.focus({ preventScroll: true });
  }, []);
  const setAll = (c: Controller) => setControllers(Object.fromEntries(story.seats.map((s) => [s.seat, c])));
  // One person (the host) and AI characters for the rest: the usual way to try a story.
  const onePerson = () =>
    setControllers(
      Object.fromEntries(story.seats.map((s, i) => [s.seat, (i === 0 ? 'human' : 'ai') as Controller])),
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const room = await createRoom({
        storyId: story.id,
        language,
        seats: story.seats.map((s) => ({ seat: s.seat, controller: controllers[s.seat] ?? 'ai' })),
        hintLevel,
      });
      saveSession({ roomId: room.roomId, code: room.code, hostToken: room.hostToken });
      navigate(roomPath(room.roomId));
    } catch (err) {
      onError(err instanceof ApiFailure ? err.error : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" aria-labelledby="create-title" onSubmit={(e) => void submit(e)}>
      <h2 id="create-title" ref={heading} tabIndex={-1}>
        {t('home.createTitle', { title: pick(story.title, ui) })}
      </h2>
      <fieldset>
        <legend>{t('home.storyLanguage')}</legend>
        {story.languages.map((l) => (
          <label key={l} className="choice">
            <input type="radio" name="language" checked={language === l} onChange={() => setLanguage(l)} />
            {t(`language.${l}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('home.whoPlays')}</legend>
        <div className="actions quick-seats" role="group" aria-label={t('home.quickSeats')}>
          <button type="button" className="small secondary" onClick={() => setAll('ai')}>
            {t('home.allAi')}
          </button>
          <button type="button" className="small secondary" onClick={onePerson}>
            {t('home.onePerson')}
          </button>
          <button type="button" className="small secondary" onClick={() => setAll('human')}>
            {t('home.allHuman')}
          </button>
        </div>
        <p className="muted">
          {t('home.seatCount', {
            humans: story.seats.filter((s) => (controllers[s.seat] ?? 'human') === 'human').length,
            ai: story.seats.filter((s) => controllers[s.seat] === 'ai').length,
          })}
        </p>
        {story.seats.map((s) => (
          <SeatChoice
            key={s.seat}
            name={pick(s.name, language)}
            profile={pick(s.profile, language)}
            value={controllers[s.seat] ?? 'human'}
            onChange={(c) => setControllers((x) => ({ ...x, [s.seat]: c }))}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('home.hints')}</legend>
        {HINT_LEVELS.map((level) => (
          <label key={level} className="choice">
            <input
              type="radio"
              name="hint-level"
              checked={hintLevel === level}
              onChange={() => setHintLevel(level)}
            />
            {t(`home.hints${level}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('home.create')}
      </button>
    </form>
  );
}

function SeatChoice({
  name,
  profile,
  value,
  onChange,
}: {
  name: string;
  profile: string;
  value: Controller;
  onChange: (c: Controller) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="seat-choice">
      <label htmlFor={id}>
        <strong>{name}</strong>
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value === 'ai' ? 'ai' : 'human')}>
        <option value="human">{t('seat.human')}</option>
        <option value="ai">{t('seat.ai')}</option>
      </select>
      <p className="muted">{profile}</p>
    </div>
  );
}

function JoinByCode() {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const normalized = code.trim().toUpperCase();
  const valid = RoomCodeSchema.safeParse(normalized).success;
  return (
    <form
      className="card join-code"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) navigate(`/join/${normalized}`);
      }}
    >
      <label htmlFor={id}>{t('home.joinWithCode')}</label>
      <div className="row">
        <input
          id={id}
          value={code}
          maxLength={8}
          autoComplete="off"
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" disabled={!valid}>
          {t('home.join')}
        </button>
      </div>
    </form>
  );
}

/** Rooms this browser holds a token for: the way back after closing the tab. */
function YourRooms() {
  const { t } = useTranslation();
  const rooms = allSessions();
  if (rooms.length === 0) return null;
  return (
    <section className="card" aria-labelledby="your-rooms-title">
      <h2 id="your-rooms-title">{t('home.yourRooms')}</h2>
      <ul>
        {rooms.map((r) => (
          <li key={r.roomId}>
            <a href={roomPath(r.roomId)}>
              <span className="code">{r.code}</span>
            </a>{' '}
            <span className="muted">
              {[r.hostToken ? t('home.asHost') : null, r.seat ? t('home.asPlayer') : null]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
