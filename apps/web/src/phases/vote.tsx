import type { View } from '@jubensha/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions } from '../game/act.js';
import { characterName } from '../text.js';
import { useRoom } from '../table/room-context.js';
import { StatementList } from './statements.js';

/** The sealed vote: radio buttons in a fieldset (arrow keys move, Space picks), one submit, no changes after. */
export function Vote({ view }: { view: View }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const { act, busy } = useActions();
  const [choice, setChoice] = useState<string | null>(null);
  const me = view.me;
  const { progress } = view;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (choice) void act({ type: 'VOTE', character: choice });
  };
  return (
    <section aria-labelledby="phase-title">
      <h2 id="phase-title">{t('phase.vote')}</h2>
      <p aria-live="polite">
        {t('vote.progress', { done: progress.voted.length, total: progress.seats.length })}
      </p>
      {me && me.vote !== null && (
        <p className="notice">{t('vote.cast', { name: characterName(view.story, me.vote, lang) })}</p>
      )}
      {me && me.vote === null && (
        <form onSubmit={submit}>
          <fieldset>
            <legend>{t('vote.question')}</legend>
            {view.story.characters.map((c) => (
              <label key={c.id} className="choice">
                <input
                  type="radio"
                  name="vote"
                  value={c.id}
                  checked={choice === c.id}
                  onChange={() => setChoice(c.id)}
                />
                {characterName(view.story, c.id, lang)}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={busy || choice === null}>
            {t('vote.submit')}
          </button>
        </form>
      )}
      {view.table && (
        <section className="vote-statements" aria-labelledby="vote-statements-title">
          <h3 id="vote-statements-title">{t('vote.statements')}</h3>
          <StatementList view={view} />
        </section>
      )}
    </section>
  );
}
