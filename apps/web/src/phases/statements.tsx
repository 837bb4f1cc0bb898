import { LIMITS, type View } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';
import { useActions } from '../game/act.js';
import { characterName } from '../text.js';
import { MessageForm } from '../table/message-form.js';
import { STATEMENTS_ID } from '../table/news.js';
import { useRoom } from '../table/room-context.js';

/** Final statements, one speaker at a time in the order the server set. */
export function Statements({ view }: { view: View }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const { act } = useActions();
  const { progress } = view;
  const myTurn = view.me !== null && progress.speaker === view.me.seat;
  const given = view.table?.statements ?? [];
  return (
    <section aria-labelledby="phase-title">
      <h2 id="phase-title">{t('phase.statement')}</h2>
      <ol className="statement-order" aria-label={t('statements.order')}>
        {progress.statementOrder.map((seat) => (
          <li key={seat} aria-current={seat === progress.speaker ? 'step' : undefined}>
            {characterName(view.story, seat, lang)}
            {seat === progress.speaker && <span className="badge">{t('statements.speaking')}</span>}
          </li>
        ))}
      </ol>
      {progress.speaker === null && given.length > 0 && (
        // Everyone has spoken: the statements stay up for the room's reading time before the vote.
        <p className="notice" role="status">
          {t('statements.allSpoken')}
        </p>
      )}
      <StatementList view={view} live />
      {myTurn ? (
        <MessageForm
          label={t('statements.yours')}
          maxLength={LIMITS.statement}
          multiline
          submitLabel={t('statements.submit')}
          onSubmit={(text) => act({ type: 'STATEMENT', text })}
        />
      ) : (
        progress.speaker && (
          <p className="muted">
            {t('statements.waitFor', { name: characterName(view.story, progress.speaker, lang) })}
          </p>
        )
      )}
    </section>
  );
}

/**
 * The statements given so far, each under its speaker. A live log while they are given; read again
 * during the vote (not live there: nothing new arrives).
 */
export function StatementList({ view, live = false }: { view: View; live?: boolean }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const given = view.table?.statements ?? [];
  return (
    <div
      role={live ? 'log' : 'region'}
      aria-live={live ? 'polite' : undefined}
      aria-label={t('statements.given')}
      id={STATEMENTS_ID}
      className="statements"
    >
      {given.length === 0 && <p className="muted">{t('statements.none')}</p>}
      {given.map((st) => (
        <article key={st.seat} className="statement">
          <h3>{characterName(view.story, st.seat, lang)}</h3>
          <p>{st.text ?? t('statements.silent')}</p>
        </article>
      ))}
    </div>
  );
}
