import fc from 'fast-check';
import { ERROR_CODES, type Envelope, type LogEntry } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { expect, it } from 'vitest';
import { applyCommand, createGame, restoreGame, type GameInit, type GameSnapshot } from '../game.js';
import { autoplay } from './autoplay.js';
import { replay } from '../replay.js';
import { T0 } from './driver.js';
import { leaks, literalLeaks, secretTexts, type SecretIndex } from './secrets.js';
import { decodeStep, stepArb, viewers, type Step } from './walk.js';
import { projectView } from '../view/project-view.js';

const REVEAL_ONLY_KEYS = ['"culprits":', '"truth":', '"timeline":', '"endings":', '"debrief":', '"ending":'];

export interface WalkStats {
  games: number;
  commands: number;
  accepted: number;
  revealed: number;
  views: number;
}

/** Only null, strings, booleans, finite numbers, arrays and plain objects: nothing JSON would drop or change. */
function plainJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(plainJson);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
    return Object.values(v).every(plainJson);
  return false;
}

/** Deep equality via JSON (same keys, same order, same values): fast, and stricter than toEqual. */
function sameGame(a: GameSnapshot, b: GameSnapshot) {
  if (JSON.stringify(a) !== JSON.stringify(b)) expect(a).toEqual(b);
}

/** No viewer's view holds text it may not know (plain checks, not expect(): this runs very often). */
function checkViews(
  story: Story,
  secrets: SecretIndex,
  snap: GameSnapshot,
  stats: WalkStats,
  literal = false,
) {
  if (snap.context.outcome !== null) return;
  for (const viewer of viewers(snap)) {
    const view = projectView(story, snap, viewer);
    stats.views++;
    const where = `${JSON.stringify(viewer)} at v${snap.context.version}`;
    const found = leaks(secrets, snap.context, viewer, view);
    if (found.length > 0) throw new Error(`${where} sees ${found.join(' | ')}`);
    if (view.reveal !== null) throw new Error(`${where} gets the reveal`);
    if (!literal) continue;
    // The literal check on what is sent: slower, so only on some final states.
    const json = JSON.stringify(view);
    if (!plainJson(view)) throw new Error(`${where}: the view is not plain JSON`);
    const inText = literalLeaks(secrets, snap.context, viewer, json);
    if (inText.length > 0) throw new Error(`${where} JSON holds ${inText.join(' | ')}`);
    const key = REVEAL_ONLY_KEYS.find((k) => json.includes(k));
    if (key) throw new Error(`${where} JSON holds ${key}`);
  }
}

/**
 * Plays one random game, checking after every command: a refusal carries a known code and
 * changes nothing; no viewer's view holds text it may not know before the reveal; the log replays
 * to the same snapshot, and a snapshot sent through JSON continues exactly like the live game.
 */
function walk(story: Story, secrets: SecretIndex, start: Start, steps: Step[], stats: WalkStats) {
  const { init } = start;
  let snap: GameSnapshot = start.snapshot;
  const log: LogEntry[] = [...start.log];
  checkViews(story, secrets, snap, stats);
  let now = snap.context.clock;
  let saved: { json: string; at: number } | null = null;
  for (const step of steps) {
    const env: Envelope = decodeStep(story, snap, step, now);
    const before = JSON.stringify(snap);
    const r = applyCommand(story, snap, env);
    stats.commands++;
    if (!r.ok) {
      if (!ERROR_CODES.includes(r.error.code)) throw new Error(`unknown error code ${r.error.code}`);
      if (JSON.stringify(snap) !== before) throw new Error(`refused ${env.command.type} changed the game`);
      continue;
    }
    stats.accepted++;
    now = env.at;
    snap = r.snapshot;
    log.push(r.entry);
    if (r.entry.seq !== log.length) throw new Error(`log entry ${r.entry.seq} at position ${log.length}`);
    checkViews(story, secrets, snap, stats);
    if (saved === null && step.arg % 7 === 0) saved = { json: JSON.stringify(snap), at: log.length };
  }
  // The literal check on the serialised views scans the JSON once per secret text: every 4th game.
  checkViews(story, secrets, snap, stats, stats.games % 4 === 0);
  if (!plainJson(snap)) throw new Error(`the snapshot at v${snap.context.version} is not plain JSON`);
  stats.games++;
  if (snap.context.outcome !== null) stats.revealed++;
  // Replaying a long cooperative prefix dominates the cost, so games that start midway replay from
  // the init one time in eight; the others continue from their start snapshot sent through JSON.
  if (start.log.length === 0 || stats.games % 8 === 0) sameGame(replay(story, init, log), snap);
  else {
    const restored = restoreGame(story, JSON.parse(JSON.stringify(start.snapshot)));
    if (!restored.ok) throw new Error(restored.error.code);
    let again = restored.snapshot;
    for (const e of log.slice(start.log.length)) {
      const r = applyCommand(story, again, { actor: e.actor, command: e.command, at: e.at });
      if (!r.ok) throw new Error(`restored start refused ${e.command.type}: ${r.error.code}`);
      again = r.snapshot;
    }
    sameGame(again, snap);
  }
  if (saved) {
    const restored = restoreGame(story, JSON.parse(saved.json));
    if (!restored.ok) throw new Error(restored.error.code);
    let again = restored.snapshot;
    for (const e of log.slice(saved.at)) {
      const r = applyCommand(story, again, { actor: e.actor, command: e.command, at: e.at });
      if (!r.ok) throw new Error(`restored game refused ${e.command.type}: ${r.error.code}`);
      if (JSON.stringify(r.entry) !== JSON.stringify(e)) expect(r.entry).toEqual(e);
      again = r.snapshot;
    }
    sameGame(again, snap);
  }
}

/** Where a walk starts: a new game, or a cooperative game (autoplay) stopped after some command. */
interface Start {
  init: GameInit;
  snapshot: GameSnapshot;
  log: LogEntry[];
}

function startArb(story: Story): fc.Arbitrary<Start> {
  const fresh = fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      humans: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    })
    .map(({ seed, humans }): Start => {
      const seats = Object.fromEntries(
        story.characters.map((c, i) => [c.id, humans[i % humans.length] ? 'human' : 'ai'] as const),
      );
      const init = { seed, seats, at: T0 };
      return { init, snapshot: createGame(story, init), log: [] };
    });
  const game = autoplay(story, {});
  const midway = fc.nat({ max: game.log.length - 1 }).map((n): Start => ({
    init: game.init,
    snapshot: game.history[n] as GameSnapshot,
    log: game.log.slice(0, n + 1),
  }));
  return fc.oneof(fresh, midway);
}

export function walkStory(name: string, story: () => Story, numRuns: number, maxSteps: number) {
  const title = `${name}: ${numRuns} random games of ${maxSteps / 2}-${maxSteps} commands (from the lobby or midway) leak nothing and replay exactly`;
  it(
    title,
    () => {
      const s = story();
      const secrets = secretTexts(s);
      expect(secrets.items.length).toBeGreaterThan(20);
      const stats: WalkStats = { games: 0, commands: 0, accepted: 0, revealed: 0, views: 0 };
      fc.assert(
        fc.property(
          startArb(s),
          fc.array(stepArb, { minLength: Math.floor(maxSteps / 2), maxLength: maxSteps }),
          (start, steps) => walk(s, secrets, start, steps, stats),
        ),
        // Shrinking a failing long game can take minutes: give up (as a failure) well inside the timeout.
        { numRuns, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true },
      );
      console.log(`${name} walk`, stats);
      // The walk must get somewhere: a fair share of commands accepted, many games to the reveal.
      expect(stats.accepted).toBeGreaterThan(stats.commands / 5);
      expect(stats.revealed).toBeGreaterThan(numRuns / 8);
    },
    120_000,
  );
}
