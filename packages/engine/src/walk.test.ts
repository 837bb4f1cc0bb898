import fc from 'fast-check';
import { ERROR_CODES, type Envelope, type LogEntry } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { describe, expect, it } from 'vitest';
import { applyCommand, createGame, restoreGame, type GameSnapshot } from './game.js';
import { replay } from './replay.js';
import { T0 } from './testing/driver.js';
import { leaks, literalLeaks, secretTexts, type SecretIndex } from './testing/secrets.js';
import { tinyStory } from './testing/tiny-story.js';
import { decodeStep, stepArb, viewers, type Step } from './testing/walk.js';
import { projectView } from './view/project-view.js';

const REVEAL_ONLY_KEYS = ['"culprits":', '"truth":', '"timeline":', '"endings":', '"debrief":', '"ending":'];

export interface WalkStats {
  games: number;
  commands: number;
  accepted: number;
  revealed: number;
  views: number;
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
    // The literal check on what is sent: slower, so on the first and last state of each game.
    const json = JSON.stringify(view);
    if (JSON.stringify(JSON.parse(json)) !== json) throw new Error(`${where}: the view is not plain JSON`);
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
function walk(
  story: Story,
  secrets: SecretIndex,
  seed: number,
  humans: boolean[],
  steps: Step[],
  stats: WalkStats,
) {
  const seats = Object.fromEntries(
    story.characters.map((c, i) => [c.id, humans[i % humans.length] ? 'human' : 'ai'] as const),
  );
  const init = { seed, seats, at: T0 };
  let snap: GameSnapshot = createGame(story, init);
  const log: LogEntry[] = [];
  checkViews(story, secrets, snap, stats, true);
  let now = T0;
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
  checkViews(story, secrets, snap, stats, true);
  stats.games++;
  if (snap.context.outcome !== null) stats.revealed++;
  sameGame(replay(story, init, log), snap);
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

export function walkStory(name: string, story: () => Story, numRuns: number, maxSteps: number) {
  it(`${name}: ${numRuns} random games of ${maxSteps / 2}-${maxSteps} commands leak nothing and replay exactly`, () => {
    const s = story();
    const secrets = secretTexts(s);
    expect(secrets.items.length).toBeGreaterThan(20);
    const stats: WalkStats = { games: 0, commands: 0, accepted: 0, revealed: 0, views: 0 };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.array(stepArb, { minLength: Math.floor(maxSteps / 2), maxLength: maxSteps }),
        (seed, humans, steps) => walk(s, secrets, seed, humans, steps, stats),
      ),
      { numRuns },
    );
    console.log(`${name} walk`, stats);
    // The walk must get somewhere: a fair share of commands accepted, many games to the reveal.
    expect(stats.accepted).toBeGreaterThan(stats.commands / 5);
    expect(stats.revealed).toBeGreaterThan(numRuns / 5);
  }, 120_000);
}

describe('state-space walk', () => {
  walkStory('tiny-manor', tinyStory, 300, 150);
});
