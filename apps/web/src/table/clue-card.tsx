import type { ClueCard as Clue, PublicStory } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';
import { useActions } from '../game/act.js';
import { characterName, locationName } from '../text.js';
import { useRoom, useStoryText } from './room-context.js';

/** A clue card; the finder of an unpublished clue may publish it to the table or keep it. */
/** `mine`: the finder may still publish or keep it (false once the game is revealed). */
export function ClueCard({ clue, story, mine }: { clue: Clue; story: PublicStory; mine: boolean }) {
  const { t } = useTranslation();
  const { lang } = useRoom();
  const s = useStoryText();
  const { act, busy } = useActions();
  const title = s(clue.title);
  return (
    <article className={clue.published ? 'clue published' : 'clue'} aria-label={title}>
      <h4>{title}</h4>
      <p className="meta">
        {locationName(story, clue.location, lang)} ·{' '}
        {t('clue.foundBy', { name: characterName(story, clue.foundBy, lang) })}
        {' · '}
        {clue.published ? t('clue.published') : clue.kept ? t('clue.kept') : t('clue.private')}
      </p>
      <p>{s(clue.text)}</p>
      {mine && !clue.published && (
        <div className="actions">
          <button
            type="button"
            disabled={busy}
            onClick={() => void act({ type: 'PUBLISH_CLUE', clue: clue.id })}
          >
            {t('clue.publish')}
          </button>
          {!clue.kept && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void act({ type: 'KEEP_CLUE', clue: clue.id })}
            >
              {t('clue.keep')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
