import type { View } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';
import { characterName } from '../text.js';
import { useRoom, useStoryText } from './room-context.js';
import { StoryText } from './story-text.js';

/** The seat's own character: public profile, then what only this seat knows (secrets, relationships). */
export function CharacterCard({ view }: { view: View }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const s = useStoryText();
  const me = view.me;
  if (!me) return null;
  const profile = view.story.characters.find((c) => c.id === me.seat);
  return (
    <section className="card" aria-labelledby="character-card-title">
      <h2 id="character-card-title">
        {t('character.title', { name: characterName(view.story, me.seat, lang) })}
      </h2>
      {profile && <p>{s(profile.profile)}</p>}
      {me.character.voice && (
        <p className="muted">
          {t('character.voice')}: {s(me.character.voice)}
        </p>
      )}
      {me.character.secrets.length > 0 && (
        <>
          <h3>{t('character.secrets')}</h3>
          <ul>
            {me.character.secrets.map((x) => (
              <li key={x.id}>{s(x.text)}</li>
            ))}
          </ul>
        </>
      )}
      {me.character.relationships.length > 0 && (
        <>
          <h3>{t('character.relationships')}</h3>
          <ul>
            {me.character.relationships.map((r) => (
              <li key={r.with}>
                <strong>{characterName(view.story, r.with, lang)}</strong>: {s(r.text)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function Goals({ view }: { view: View }) {
  const { t } = useTranslation();
  const s = useStoryText();
  const me = view.me;
  if (!me) return null;
  return (
    <section className="card" aria-labelledby="goals-title">
      <h2 id="goals-title">{t('goals.title')}</h2>
      {me.character.goals.length === 0 ? (
        <p className="muted">{t('goals.none')}</p>
      ) : (
        <ul>
          {me.character.goals.map((g) => (
            <li key={g.id}>
              {s(g.text)} <span className="badge">{t('goals.points', { count: g.points })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The script up to the current act; the current act open, earlier ones folded. */
export function Script({ view }: { view: View }) {
  const { t } = useTranslation();
  const s = useStoryText();
  const me = view.me;
  if (!me) return null;
  const acts = me.character.script;
  return (
    <section className="card" aria-labelledby="script-title">
      <h2 id="script-title">{t('script.title')}</h2>
      {acts.length === 0 && <p className="muted">{t('script.none')}</p>}
      {acts.map((text, i) => (
        <details key={i} open={i === acts.length - 1}>
          <summary>{t('script.act', { act: i + 1 })}</summary>
          <div className="script-text">
            <StoryText text={s(text)} />
          </div>
        </details>
      ))}
    </section>
  );
}
