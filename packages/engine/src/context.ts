import type { Controller, HostMessageKind } from '@jubensha/protocol';
import type { Phase, Story } from '@jubensha/story';

export interface SeatState {
  /** A seat is a character: the seat id is the character id. */
  id: string;
  controller: Controller;
  name: string | null;
  ready: boolean;
}

export interface FoundClue {
  clue: string;
  seat: string;
  at: number;
  published: boolean;
  kept: boolean;
}

export interface ChatLine {
  n: number;
  seat: string;
  text: string;
  at: number;
}

/** A line the host (the server's AI host) said to the whole table. */
export interface HostLine {
  n: number;
  kind: HostMessageKind;
  text: string;
  at: number;
  /** Public chat lines said before it: where it stands in the chat. */
  after: number;
}

export interface TalkState {
  id: string;
  from: string;
  to: string;
  status: 'requested' | 'open' | 'declined' | 'ended';
  messages: ChatLine[];
}

export interface StatementGiven {
  seat: string;
  /** null: the speaker's time ran out (or the host moved on) before they spoke. */
  text: string | null;
  at: number;
}

export interface Outcome {
  ending: string;
  tally: Record<string, number>;
  votes: Record<string, string>;
  scores: { character: string; points: number; goals: { id: string; achieved: boolean }[] }[];
}

/** Everything the game is, as plain JSON (no undefined anywhere: a JSON round trip must be exact). */
export interface GameContext {
  storyId: string;
  seed: number;
  /** The seeded generator's state (see rng.ts). */
  rng: number;
  createdAt: number;
  /** The latest `at` accepted; times never run backwards inside a game. */
  clock: number;
  /** Number of accepted commands; the seq of the latest log entry. */
  version: number;
  /** Index into story.phases; -1 in the lobby. */
  phase: number;
  act: number;
  round: number;
  phaseStartedAt: number | null;
  deadline: number | null;
  pausedAt: number | null;
  seats: SeatState[];
  finishedReading: string[];
  actionPoints: Record<string, number>;
  found: FoundClue[];
  chat: ChatLine[];
  hostMessages: HostLine[];
  talks: TalkState[];
  statementOrder: string[];
  speakerIndex: number;
  /** The reading time after the last statement (ms; absent in games created before it, and 0: none). */
  statementReadMs?: number;
  statements: StatementGiven[];
  votes: Record<string, string>;
  outcome: Outcome | null;
}

export function phaseAt(story: Story, ctx: GameContext): Phase | null {
  return ctx.phase < 0 ? null : (story.phases[ctx.phase] ?? null);
}

export function seatOf(ctx: GameContext, seat: string): SeatState | undefined {
  return ctx.seats.find((s) => s.id === seat);
}

export function foundClue(ctx: GameContext, clue: string): FoundClue | undefined {
  return ctx.found.find((f) => f.clue === clue);
}

export const MINUTE_MS = 60_000;

/** The phase's timer in minutes (per speaker in statements); undefined: no timer. */
export function phaseMinutes(phase: Phase | null): number | undefined {
  return phase && 'minutes' in phase ? phase.minutes : undefined;
}
