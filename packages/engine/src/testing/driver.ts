import type { Actor, Command, LogEntry } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { applyCommand, createGame, type ApplyResult, type GameInit, type GameSnapshot } from '../game.js';

export const seat = (id: string): Actor => ({ kind: 'seat', seat: id });
export const HOST: Actor = { kind: 'host' };
export const SYSTEM: Actor = { kind: 'system' };

/** Drives one game in tests the way the server will: every command through applyCommand, logged. */
export class Driver {
  snapshot: GameSnapshot;
  readonly log: LogEntry[] = [];
  /** Every phase index the game stood in after a command, in order, without repeats. */
  readonly phasesVisited: number[] = [];
  /** The snapshot after each accepted command (history[i] follows log[i]). */
  readonly history: GameSnapshot[] = [];
  at: number;

  constructor(
    readonly story: Story,
    readonly init: GameInit,
  ) {
    this.snapshot = createGame(story, init);
    this.at = init.at;
  }

  /** Sends a command `step` ms after the previous one; keeps the result when accepted. */
  send(actor: Actor, command: Command, step = 1000): ApplyResult {
    this.at += step;
    const r = applyCommand(this.story, this.snapshot, { actor, command, at: this.at });
    if (r.ok) {
      this.snapshot = r.snapshot;
      this.log.push(r.entry);
      this.history.push(r.snapshot);
      const phase = r.snapshot.context.phase;
      if (phase >= 0 && this.phasesVisited[this.phasesVisited.length - 1] !== phase)
        this.phasesVisited.push(phase);
    }
    return r;
  }

  /** Like send, but a refusal fails the test with its code. */
  must(actor: Actor, command: Command, step = 1000): GameSnapshot {
    const r = this.send(actor, command, step);
    if (!r.ok) throw new Error(`${command.type} by ${JSON.stringify(actor)} refused: ${r.error.code}`);
    return r.snapshot;
  }

  get ctx() {
    return this.snapshot.context;
  }

  get phaseKind(): string {
    return this.story.phases[this.ctx.phase]?.kind ?? 'lobby';
  }
}

export const T0 = 1_700_000_000_000;

/** A started game with ann and ben human (taken, ready), the rest AI, moved on to phase `toPhase`. */
export function startedGame(story: Story, toPhase = 0, seed = 1): Driver {
  const d = new Driver(story, { seed, seats: { ann: 'human', ben: 'human' }, at: T0 });
  d.must(seat('ann'), { type: 'TAKE_SEAT', name: 'Ann' });
  d.must(seat('ben'), { type: 'TAKE_SEAT', name: 'Ben' });
  d.must(seat('ann'), { type: 'READY', ready: true });
  d.must(seat('ben'), { type: 'READY', ready: true });
  d.must(HOST, { type: 'START' });
  while (d.ctx.phase < toPhase) d.must(HOST, { type: 'ADVANCE' });
  return d;
}

/** Sends a command that must be refused, checks the snapshot did not change, returns the code. */
export function refusal(d: Driver, actor: Actor, command: Command, step = 1000): string {
  const before = structuredClone(d.snapshot);
  const r = d.send(actor, command, step);
  if (JSON.stringify(d.snapshot) !== JSON.stringify(before))
    throw new Error('a refused command changed the game');
  return r.ok ? 'ACCEPTED' : r.error.code;
}
