import type { View } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';
import { useActions } from '../game/act.js';
import { ClueCard } from '../table/clue-card.js';
import { useStoryText } from '../table/room-context.js';

/** Locations are plain buttons, so a search works by Tab and Enter like everything else. */
export function Search({ view }: { view: View }) {
  const { t } = useTranslation();
  const s = useStoryText();
  const { act, busy } = useActions();
  const me = view.me;
  const found = me ? [...me.clues].sort((a, b) => b.foundAt - a.foundAt) : [];
  return (
    <section aria-labelledby="phase-title">
      <h2 id="phase-title">{t('phase.search', { round: searchRound(view) })}</h2>
      {me ? (
        <p className="points">{t('search.points', { count: me.actionPoints })}</p>
      ) : (
        <p aria-live="polite">
          {t('search.tableProgress', {
            found: view.progress.counts.cluesFound,
            published: view.progress.counts.cluesPublished,
          })}
        </p>
      )}
      {!me && (
        <ul>
          {view.story.locations.map((l) => (
            <li key={l.id}>{s(l.name)}</li>
          ))}
        </ul>
      )}
      {me && (
        <ul className="locations">
          {view.story.locations.map((l) => {
            const out = me.searchedOut?.includes(l.id) ?? false;
            return (
              <li key={l.id} className={out ? 'searched-out' : undefined}>
                <button
                  type="button"
                  disabled={busy || out || me.actionPoints < l.cost}
                  onClick={() => void act({ type: 'SEARCH', location: l.id })}
                >
                  {t('search.searchAt', { place: s(l.name) })}
                  {out ? (
                    <span className="badge out">{t('search.searchedOut')}</span>
                  ) : (
                    <span className="badge">{t('search.cost', { count: l.cost })}</span>
                  )}
                </button>
                {l.description && <p className="muted">{s(l.description)}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {me && (
        <>
          <h3>{t('search.found')}</h3>
          <div aria-live="polite">
            {found.length === 0 && <p className="muted">{t('notebook.noneFound')}</p>}
            {found.map((c) => (
              <ClueCard key={c.id} clue={c} story={view.story} mine />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/**
 * Which search of the evening this is, counted over the plan (1, 2, …). A story numbers its rounds
 * within each act, so its own number would say "round 1" again in the second act.
 */
export function searchRound(view: View): number {
  const at = view.progress.phase;
  if (at === null) return view.progress.round;
  return view.story.plan.slice(0, at + 1).filter((step) => step.kind === 'search').length;
}
