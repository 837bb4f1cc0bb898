import type { ChatMessage, ClueCard, HostMessage, Progress, Table } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import type { ChatLine, FoundClue, GameContext } from '../context.js';
import { currentSpeaker } from '../rules/statements.js';
import { FRESH, type ProjectionMemo } from './memo.js';
import { text } from './text.js';

/** Progress and administration only: safe for the host, who often plays a seat as well. */
export function progress(ctx: GameContext): Progress {
  return {
    started: ctx.phase >= 0,
    phase: ctx.phase >= 0 ? ctx.phase : null,
    act: ctx.act,
    round: ctx.round,
    phaseStartedAt: ctx.phaseStartedAt,
    deadline: ctx.deadline,
    pausedAt: ctx.pausedAt,
    seats: ctx.seats.map((s) => ({
      seat: s.id,
      name: s.name,
      controller: s.controller,
      ready: s.controller === 'ai' || s.ready,
    })),
    finishedReading: [...ctx.finishedReading],
    statementOrder: [...ctx.statementOrder],
    speaker: currentSpeaker(ctx),
    voted: ctx.seats.filter((s) => ctx.votes[s.id] !== undefined).map((s) => s.id),
    revealed: ctx.outcome !== null,
    counts: {
      cluesFound: ctx.found.length,
      cluesPublished: ctx.found.filter((f) => f.published).length,
      publicMessages: ctx.chat.length,
      statements: ctx.statements.filter((s) => s.text !== null).length,
      votes: Object.keys(ctx.votes).length,
    },
  };
}

export function clueCard(story: Story, f: FoundClue): ClueCard | null {
  const clue = story.clues.find((c) => c.id === f.clue);
  if (!clue) return null;
  return {
    id: clue.id,
    location: clue.location,
    title: text(clue.title),
    text: text(clue.text),
    foundBy: f.seat,
    foundAt: f.at,
    published: f.published,
    kept: f.kept,
  };
}

/** What the whole table has seen. */
export function table(story: Story, ctx: GameContext, memo: ProjectionMemo = FRESH): Table {
  return {
    publishedClues: ctx.found
      .filter((f) => f.published)
      .map((f) => clueCard(story, f))
      .filter((c): c is ClueCard => c !== null),
    chat: memo.lines('chat', ctx.chat, chatMessage),
    statements: ctx.statements.map((s) => ({ seat: s.seat, text: s.text, at: s.at })),
  };
}

/** What the host said to the table: public, so every viewer gets all of it. */
export function hostMessages(ctx: GameContext, memo: ProjectionMemo = FRESH): HostMessage[] {
  return memo.lines('host', ctx.hostMessages, (m) => ({
    n: m.n,
    kind: m.kind,
    text: m.text,
    at: m.at,
    after: m.after,
  }));
}

export function chatMessage(m: ChatLine): ChatMessage {
  return { n: m.n, seat: m.seat, text: m.text, at: m.at };
}
