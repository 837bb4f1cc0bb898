import type { View } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';
import type { Stream } from '../game/game-state.js';
import { characterName } from '../text.js';
import { PublicChat } from './discussion.js';
import { useRoom, useStoryText } from '../table/room-context.js';
import { StoryText } from '../table/story-text.js';

/** The truth, the ending, the vote and every character's goals and score. */
export function Reveal({ view, streams }: { view: View; streams: Stream[] }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const s = useStoryText();
  const reveal = view.reveal;
  if (!reveal) return null;
  const name = (id: string) => characterName(view.story, id, lang);
  return (
    <section aria-labelledby="phase-title">
      <h2 id="phase-title">{t('phase.reveal')}</h2>
      <h3>{t('reveal.culprits')}</h3>
      <p className="culprits">{reveal.culprits.map(name).join(', ')}</p>
      <h3>{t('reveal.ending', { title: s(reveal.ending.title) })}</h3>
      <p>{s(reveal.ending.text)}</p>
      <h3>{t('reveal.truth')}</h3>
      <div className="script-text">
        <StoryText text={s(reveal.truth)} />
      </div>
      <h3>{t('reveal.votes')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('reveal.voter')}</th>
            <th scope="col">{t('reveal.votedFor')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(reveal.votes).map(([voter, target]) => (
            <tr key={voter}>
              <td>{name(voter)}</td>
              <td>{name(target)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('reveal.scores')}</h3>
      {reveal.scores.map((sc) => (
        <article key={sc.character} className="score">
          <h4>
            {name(sc.character)} <span className="badge">{t('goals.points', { count: sc.points })}</span>
          </h4>
          <ul>
            {sc.goals.map((g) => (
              <li key={g.id}>
                <span aria-label={g.achieved ? t('reveal.achieved') : t('reveal.missed')}>
                  {g.achieved ? '✓' : '✗'}
                </span>{' '}
                {s(g.text)} ({t('goals.points', { count: g.points })})
              </li>
            ))}
          </ul>
        </article>
      ))}
      <h3>{t('chat.public')}</h3>
      <PublicChat view={view} streams={streams} />
    </section>
  );
}

export function Debrief({ view, streams }: { view: View; streams: Stream[] }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const s = useStoryText();
  const reveal = view.reveal;
  if (!reveal) return null;
  return (
    <section aria-labelledby="phase-title">
      <h2 id="phase-title">{t('phase.debrief')}</h2>
      <div className="script-text">
        <StoryText text={s(reveal.debrief)} />
      </div>
      <h3>{t('debrief.timeline')}</h3>
      <ol className="timeline">
        {reveal.timeline.map((e, i) => (
          <li key={i}>
            <span className="badge">
              {e.at}
              {e.until ? `–${e.until}` : ''}
            </span>{' '}
            {e.who.length > 0 && (
              <strong>{e.who.map((w) => characterName(view.story, w, lang)).join(', ')}: </strong>
            )}
            {s(e.what)}
          </li>
        ))}
      </ol>
      <h3>{t('chat.public')}</h3>
      <PublicChat view={view} streams={streams} />
    </section>
  );
}
