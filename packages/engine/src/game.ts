import {
  EnvelopeSchema,
  HOST_COMMANDS,
  SEAT_COMMANDS,
  SYSTEM_COMMANDS,
  gameError,
  type Actor,
  type CommandType,
  type Controller,
  type Envelope,
  type GameError,
  type LogEntry,
} from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { transition } from 'xstate';
import type { GameContext } from './context.js';
import { EngineError } from './errors.js';
import { judge, LOBBY, machineFor, phaseState, type GameEvent } from './machine.js';
import { WHILE_PAUSED } from './phases.js';
import { commandsIn } from './rules/index.js';
import { ENGINE_VERSION } from './version.js';

/** A game at one moment: plain JSON; store it, send it through JSON, restore it, it behaves the same. */
export interface GameSnapshot {
  engineVersion: number;
  storyId: string;
  /** The machine state: `lobby` or `phase-<index into story.phases>`. */
  state: string;
  context: GameContext;
}

export interface GameInit {
  /** Seeds the generator that picks which clue a search turns up. */
  seed: number;
  /** Seat (= character id) → who plays it; seats left out are AI. */
  seats: Record<string, Controller>;
  /** Creation time, epoch ms. */
  at: number;
  /**
   * After the last final statement, how long (ms) the statements stay on screen before the vote opens
   * (a TICK at the end of it moves on; the host may move on sooner). 0 or absent: at once.
   */
  statementReadMs?: number;
}

export type ApplyResult =
  { ok: true; snapshot: GameSnapshot; entry: LogEntry } | { ok: false; error: GameError };

/** A new game in the lobby. Throws EngineError(UNKNOWN_SEAT) for a seat that is no character. */
export function createGame(story: Story, init: GameInit): GameSnapshot {
  for (const seat of Object.keys(init.seats)) {
    if (!story.characters.some((c) => c.id === seat)) throw new EngineError('UNKNOWN_SEAT', seat);
  }
  const seed = init.seed >>> 0;
  const context: GameContext = {
    storyId: story.id,
    seed,
    rng: seed,
    createdAt: init.at,
    clock: init.at,
    version: 0,
    phase: -1,
    ...(init.statementReadMs ? { statementReadMs: init.statementReadMs } : {}),
    act: 0,
    round: 0,
    phaseStartedAt: null,
    deadline: null,
    pausedAt: null,
    seats: story.characters.map((c) => {
      const controller = Object.hasOwn(init.seats, c.id) ? (init.seats[c.id] ?? 'ai') : 'ai';
      return { id: c.id, controller, name: null, ready: false };
    }),
    finishedReading: [],
    actionPoints: Object.fromEntries(story.characters.map((c) => [c.id, 0])),
    found: [],
    chat: [],
    hostMessages: [],
    talks: [],
    statementOrder: [],
    speakerIndex: 0,
    statements: [],
    votes: {},
    outcome: null,
  };
  return { engineVersion: ENGINE_VERSION, storyId: story.id, state: LOBBY, context };
}

function checkSnapshot(story: Story, snapshot: GameSnapshot): GameError | null {
  if (snapshot.engineVersion !== ENGINE_VERSION) return gameError('VERSION_MISMATCH');
  if (snapshot.storyId !== story.id || snapshot.context.storyId !== story.id)
    return gameError('STORY_MISMATCH');
  return null;
}

/**
 * Applies one command. Refused: a typed error and nothing changes (the input snapshot is never
 * mutated). Accepted: the next snapshot and the log entry to append (seq = the new version).
 */
export function applyCommand(story: Story, snapshot: GameSnapshot, envelope: Envelope): ApplyResult {
  const bad = checkSnapshot(story, snapshot);
  if (bad) return { ok: false, error: bad };
  const parsed = EnvelopeSchema.safeParse(envelope);
  if (!parsed.success) return { ok: false, error: gameError('BAD_PAYLOAD') };
  const env = parsed.data;
  // The same verdict the machine's guard reaches, taken here to name the refusal.
  const event: GameEvent = { type: env.command.type, env };
  const verdict = judge(story, snapshot.context, event);
  if (!verdict.ok) return { ok: false, error: gameError(verdict.code) };

  const machine = machineFor(story);
  const current = machine.resolveState({ value: snapshot.state, context: snapshot.context });
  const [next] = transition(machine, current, event);
  if (next.context.version !== snapshot.context.version + 1) {
    throw new Error(`engine: the machine did not take an accepted ${env.command.type} in ${snapshot.state}`);
  }
  const entry: LogEntry = { seq: next.context.version, at: env.at, actor: env.actor, command: env.command };
  return {
    ok: true,
    snapshot: {
      engineVersion: ENGINE_VERSION,
      storyId: story.id,
      state: String(next.value),
      context: next.context,
    },
    entry,
  };
}

/** When the server's scheduler should send a TICK; null while paused or when no timer runs. */
export function nextDeadline(snapshot: GameSnapshot): number | null {
  return snapshot.context.pausedAt !== null ? null : snapshot.context.deadline;
}

/**
 * Checks a stored snapshot (e.g. parsed from JSON) before use: VERSION_MISMATCH for another
 * engine version, STORY_MISMATCH for another story, BAD_PAYLOAD for something that is no snapshot.
 */
export function restoreGame(
  story: Story,
  stored: unknown,
): { ok: true; snapshot: GameSnapshot } | { ok: false; error: GameError } {
  if (typeof stored !== 'object' || stored === null) return { ok: false, error: gameError('BAD_PAYLOAD') };
  const s = stored as Partial<GameSnapshot>;
  if (s.engineVersion !== ENGINE_VERSION) return { ok: false, error: gameError('VERSION_MISMATCH') };
  if (typeof s.state !== 'string' || typeof s.context !== 'object' || s.context === null) {
    return { ok: false, error: gameError('BAD_PAYLOAD') };
  }
  const validState = s.state === LOBBY || story.phases.some((_, i) => phaseState(i) === s.state);
  if (!validState) return { ok: false, error: gameError('BAD_PAYLOAD') };
  const snapshot = structuredClone(s as GameSnapshot);
  // Games stored before the host could speak have no host messages: none were said.
  (snapshot.context as Partial<GameContext>).hostMessages ??= [];
  const bad = checkSnapshot(story, snapshot);
  return bad ? { ok: false, error: bad } : { ok: true, snapshot };
}

/**
 * The command types this actor could send now, by phase, role and pause (a hint for clients and AI
 * agents; a listed command may still be refused by its own rule, e.g. NO_ACTION_POINTS).
 */
export function availableCommands(story: Story, snapshot: GameSnapshot, actor: Actor): CommandType[] {
  const ctx = snapshot.context;
  if (actor.kind === 'seat' && !ctx.seats.some((s) => s.id === actor.seat)) return [];
  const mine =
    actor.kind === 'seat' ? SEAT_COMMANDS : actor.kind === 'host' ? HOST_COMMANDS : SYSTEM_COMMANDS;
  return commandsIn(story, ctx).filter(
    (type) => (mine as string[]).includes(type) && (ctx.pausedAt === null || WHILE_PAUSED.includes(type)),
  );
}
