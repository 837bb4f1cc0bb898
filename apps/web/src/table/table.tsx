import type { ReactNode } from 'react';
import type { Presence, View } from '@jubensha/protocol';
import { useTranslation } from 'react-i18next';
import type { Stream } from '../game/game-state.js';
import { Discussion } from '../phases/discussion.js';
import { Lobby } from '../phases/lobby.js';
import { Reading } from '../phases/reading.js';
import { Debrief, Reveal } from '../phases/reveal.js';
import { Search } from '../phases/search.js';
import { Statements } from '../phases/statements.js';
import { Vote } from '../phases/vote.js';
import { CharacterCard, Goals, Script } from './character-card.js';
import { Notebook } from './notebook.js';
import { SeatList } from './online.js';
import { AiVoicesNotice } from './ai-voices-notice.js';
import { HostSays } from './host-says.js';
import { useRoom, useStoryText } from './room-context.js';
import { News } from './news.js';
import { Timer } from './timer.js';

/** The screen for the current phase; which one comes from the view alone. */
export function PhaseScreen({
  view,
  presence,
  streams,
  hostPanel = false,
}: {
  view: View;
  presence: Presence | null;
  streams: Stream[];
  /** The host's panel is beside it, with its own seat list. */
  hostPanel?: boolean;
}) {
  const step = view.progress.phase === null ? null : view.story.plan[view.progress.phase];
  switch (step?.kind) {
    case undefined:
      return <Lobby view={view} presence={presence} seats={!hostPanel} />;
    case 'read':
      return <Reading view={view} />;
    case 'intro':
      return <Discussion view={view} streams={streams} intro />;
    case 'search':
      return <Search view={view} />;
    case 'discuss':
      return <Discussion view={view} streams={streams} />;
    case 'statement':
      return <Statements view={view} />;
    case 'vote':
      return <Vote view={view} />;
    case 'reveal':
      return <Reveal view={view} streams={streams} />;
    case 'debrief':
      return <Debrief view={view} streams={streams} />;
  }
}

export function phaseKey(view: View): string {
  const step = view.progress.phase === null ? null : view.story.plan[view.progress.phase];
  return step ? `phase.short.${step.kind}` : 'phase.lobby';
}

/** Header, the phase screen, and the seat's card, goals, script and notebook beside it. */
export function Table({
  view,
  presence,
  streams,
  host,
}: {
  view: View;
  presence: Presence | null;
  streams: Stream[];
  host?: ReactNode;
}) {
  const { t } = useTranslation();
  const s = useStoryText();
  const { aiVoices, finished } = useRoom();
  const { progress } = view;
  const step = progress.phase === null ? undefined : view.story.plan[progress.phase];
  return (
    <div className="table">
      <header className="table-header">
        <div>
          <h1>{s(view.story.title)}</h1>
          <p className="muted">
            {t(phaseKey(view))}
            {progress.started && ` · ${t('phase.actN', { act: progress.act })}`}
            {progress.phase !== null &&
              ` · ${t('phase.stepOf', { n: progress.phase + 1, total: view.story.plan.length })}`}
          </p>
        </div>
        <Timer progress={progress} />
        <News view={view} />
      </header>
      {finished && (
        <p className="notice ended" role="status">
          {t('room.ended')}
        </p>
      )}
      {view.me && progress.seats.some((x) => x.seat === view.me?.seat && x.controller === 'ai') && (
        <p className="notice" role="status">
          {t('seat.handedToAi')}
        </p>
      )}
      {progress.pausedAt !== null && (
        <p className="notice" role="status">
          {t('timer.pausedNotice')}
        </p>
      )}
      <AiVoicesNotice aiVoices={aiVoices} aiSeats={progress.seats.some((x) => x.controller === 'ai')} />
      <HostSays view={view} />
      <div className="table-body">
        <main className="phase" id="main">
          <PhaseScreen view={view} presence={presence} streams={streams} hostPanel={host !== undefined} />
        </main>
        <aside className="sidebar" aria-label={t('sidebar.label')}>
          {host}
          <CharacterCard view={view} />
          <Goals view={view} />
          {/* The reading screen shows the act's script: once on screen, not twice. */}
          {step?.kind !== 'read' && <Script view={view} />}
          <Notebook view={view} />
          {/* The host's panel lists the seats with who is here: once on screen, not twice. */}
          {host === undefined && (
            <section className="card" aria-labelledby="online-title">
              <h2 id="online-title">{t('online.title')}</h2>
              <SeatList view={view} presence={presence} />
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
