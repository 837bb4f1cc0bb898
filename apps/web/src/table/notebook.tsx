import type { View } from '@jubensha/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadNotes, saveNotes } from '../session.js';
import { ClueCard } from './clue-card.js';
import { PUBLISHED_CLUES_ID } from './news.js';
import { useRoom } from './room-context.js';

/** Clues this seat found, clues the table published, and the player's own notes (kept in this browser). */
export function Notebook({ view }: { view: View }) {
  const { t } = useTranslation();
  const { roomId } = useRoom();
  const notesId = useId();
  const seat = view.me?.seat ?? 'host';
  const [notes, setNotes] = useState(() => loadNotes(roomId, seat));
  useEffect(() => setNotes(loadNotes(roomId, seat)), [roomId, seat]);
  const mine = view.me?.clues ?? [];
  const published = (view.table?.publishedClues ?? []).filter((c) => !mine.some((m) => m.id === c.id));
  return (
    <section className="card" aria-labelledby="notebook-title">
      <h2 id="notebook-title">{t('notebook.title')}</h2>
      {view.me && (
        <>
          <h3>{t('notebook.found')}</h3>
          {mine.length === 0 && <p className="muted">{t('notebook.noneFound')}</p>}
          {mine.map((c) => (
            // After the reveal the choice is over: the card stays, its buttons go.
            <ClueCard key={c.id} clue={c} story={view.story} mine={view.reveal === null} />
          ))}
        </>
      )}
      {/* The host's view has no table before the reveal: nothing to list, rather than "none yet". */}
      {view.table && (
        <>
          <h3 id={PUBLISHED_CLUES_ID}>{t('notebook.published')}</h3>
          {published.length === 0 && <p className="muted">{t('notebook.nonePublished')}</p>}
          {published.map((c) => (
            <ClueCard key={c.id} clue={c} story={view.story} mine={false} />
          ))}
        </>
      )}
      <label htmlFor={notesId}>
        <h3>{t('notebook.notes')}</h3>
      </label>
      <textarea
        id={notesId}
        value={notes}
        rows={5}
        onChange={(e) => {
          setNotes(e.target.value);
          saveNotes(roomId, seat, e.target.value);
        }}
      />
    </section>
  );
}
