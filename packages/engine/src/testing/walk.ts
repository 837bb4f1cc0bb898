import fc from 'fast-check';
import { CommandSchema, type Actor, type Command, type Envelope, type Viewer } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import type { GameSnapshot } from '../game.js';
import { availableCommands } from '../game.js';
import { HOST, seat, SYSTEM } from './driver.js';

/** One step of a random game: raw numbers, decoded against the state the game is in. */
export interface Step {
  mode: number;
  who: number;
  what: number;
  arg: number;
  dt: number;
}

export const stepArb: fc.Arbitrary<Step> = fc.record({
  mode: fc.nat({ max: 99 }),
  who: fc.nat(),
  what: fc.nat(),
  arg: fc.nat(),
  dt: fc.nat({ max: 240_000 }),
});

const HOST_KINDS = ['narration', 'reminder', 'hint', 'debrief'] as const;

const at = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);

/** Ids a command may name: the story's, plus some that do not exist. */
function pools(story: Story, snap: GameSnapshot) {
  return {
    seats: [...story.characters.map((c) => c.id), 'nobody'],
    locations: [...story.locations.map((l) => l.id), 'nowhere'],
    clues: [...story.clues.map((c) => c.id), 'no-clue'],
    talks: [...snap.context.talks.map((t) => t.id), 't99'],
  };
}

export function commandOf(
  type: Command['type'],
  story: Story,
  snap: GameSnapshot,
  actor: Actor,
  s: Step,
): Command {
  const p = pools(story, snap);
  const me = actor.kind === 'seat' ? actor.seat : '';
  const mine = snap.context.found.filter((f) => f.seat === me).map((f) => f.clue);
  const myTalks = snap.context.talks.filter((t) => t.from === me || t.to === me).map((t) => t.id);
  const text = `msg-${s.arg % 1000}`;
  switch (type) {
    case 'TAKE_SEAT':
      return { type, name: `player ${s.arg % 10}` };
    case 'READY':
      return { type, ready: s.arg % 4 !== 0 };
    case 'SEARCH':
      return { type, location: at(p.locations, s.arg) ?? 'nowhere' };
    case 'PUBLISH_CLUE':
    case 'KEEP_CLUE':
      return { type, clue: (s.arg % 5 !== 0 ? at(mine, s.arg) : undefined) ?? at(p.clues, s.arg) ?? 'x' };
    case 'PUBLIC_MESSAGE':
    case 'STATEMENT':
      return { type, text };
    case 'PRIVATE_MESSAGE':
      return { type, talk: at(myTalks, s.arg) ?? at(p.talks, s.arg) ?? 't1', text };
    case 'REQUEST_TALK':
      return { type, with: at(p.seats, s.arg) ?? 'nobody' };
    case 'ACCEPT_TALK':
    case 'DECLINE_TALK':
    case 'END_TALK':
      return { type, talk: (s.arg % 4 !== 0 ? at(myTalks, s.arg) : undefined) ?? at(p.talks, s.arg) ?? 't1' };
    case 'VOTE':
      return { type, character: at(p.seats, s.arg) ?? 'nobody' };
    case 'EXTEND':
      return { type, minutes: 1 + (s.arg % 5) };
    case 'HAND_TO_AI':
    case 'TAKE_BACK':
      return { type, seat: at(p.seats, s.arg) ?? 'nobody' };
    case 'HOST_NARRATE':
      return { type, kind: at(HOST_KINDS, s.what) ?? 'narration', text: `host says ${s.arg % 1000}` };
    default:
      return { type } as Command;
  }
}

/**
 * Turns a step into an envelope. Most steps are plausible (an actor picks one of the commands its
 * phase takes, with ids from the game); some are anything at all (any actor, any command); a few
 * are the host advancing or the clock passing the deadline, so games reach the reveal, and a few the
 * server's AI host speaking to the table.
 */
export function decodeStep(story: Story, snap: GameSnapshot, s: Step, now: number): Envelope {
  const ctx = snap.context;
  const seats = ctx.seats.map((x) => x.id);
  const t = now + s.dt;
  if (s.mode < 10) return { actor: HOST, command: { type: ctx.phase < 0 ? 'START' : 'ADVANCE' }, at: t };
  if (s.mode < 13) return { actor: SYSTEM, command: { type: 'TICK' }, at: Math.max(t, ctx.deadline ?? 0) };
  if (s.mode < 14)
    return { actor: SYSTEM, command: commandOf('HOST_NARRATE', story, snap, SYSTEM, s), at: t };
  if (s.mode < 24) {
    const actors: Actor[] = [...seats.map(seat), { kind: 'seat', seat: 'nobody' }, HOST, SYSTEM];
    const types = CommandSchema.options.map((o) => o.shape.type.value);
    const actor = at(actors, s.who) ?? HOST;
    return { actor, command: commandOf(at(types, s.what) ?? 'TICK', story, snap, actor, s), at: t };
  }
  if (s.mode < 30) {
    const type = at(availableCommands(story, snap, HOST), s.what) ?? 'PAUSE';
    return { actor: HOST, command: commandOf(type, story, snap, HOST, s), at: t };
  }
  // Plausible: the current speaker speaks, humans in the lobby sit down, others act in phase.
  const speaker = ctx.statementOrder[ctx.speakerIndex];
  const actor: Actor =
    speaker !== undefined && s.who % 2 === 0 ? seat(speaker) : (at(seats.map(seat), s.who) ?? HOST);
  const types = availableCommands(story, snap, actor);
  const type = at(types, s.what) ?? 'TICK';
  return { actor, command: commandOf(type, story, snap, actor, s), at: t };
}

export function viewers(snap: GameSnapshot): Viewer[] {
  return [
    ...snap.context.seats.map((s): Viewer => ({ kind: 'seat', seat: s.id })),
    { kind: 'host' },
    { kind: 'spectator' },
  ];
}
