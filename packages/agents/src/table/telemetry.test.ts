import { applyCommand, createGame, projectView, type GameSnapshot } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import type { Actor, Command, CommandAck, View } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { describe, expect, it } from 'vitest';
import { HostDriver } from './host-driver.js';
import { SeatDriver } from './seat-driver.js';
import type { AiFailure, AiLineRecord } from './telemetry.js';

const T0 = 1_700_000_000_000;
const settle = async (busy: () => boolean) => {
  for (let i = 0; i < 10_000 && busy(); i++) await new Promise((r) => setTimeout(r, 0));
};

/** A game of the story, started by the host at T0. */
function startedGame(story: Story, seed: number): GameSnapshot {
  const started = applyCommand(story, createGame(story, { seed, seats: {}, at: T0 }), {
    actor: { kind: 'host' },
    command: { type: 'START' },
    at: T0,
  });
  if (!started.ok) throw new Error(started.error.code);
  return started.snapshot;
}

describe('AI telemetry', async () => {
  const story = await loadBundled('last-curtain');

  it('reports an agent’s failure through the observer (SeatDriver.pump swallowed it)', async () => {
    const snap = startedGame(story, 9);
    const failures: AiFailure[] = [];
    const driver = new SeatDriver({
      model: null,
      now: () => T0 + 1000,
      humanGraceMs: 0,
      cooldownMs: 0,
      observer: { failure: (f) => failures.push(f) },
    });
    const seat = snap.context.seats[0]!.id;
    driver.onView({
      roomId: 'room-1',
      story,
      language: 'zh',
      seat,
      view: projectView(story, snap, { kind: 'seat', seat }),
      submit: () => Promise.reject(new Error('store is down')),
      stream: () => undefined,
    });
    await settle(() => driver.busy);
    driver.close();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ where: 'seat', roomId: 'room-1', seat });
    expect((failures[0]!.err as Error).message).toBe('store is down');
  });

  it('tells every line an AI seat said: where, how it was worded, what it cost, never the text', async () => {
    let at = T0;
    let snap: GameSnapshot = createGame(story, { seed: 9, seats: {}, at });
    const lines: AiLineRecord[] = [];
    const driver = new SeatDriver({
      model: null,
      now: () => at,
      humanGraceMs: 0,
      cooldownMs: 0,
      recheckMs: 1,
      observer: {
        line: (r) => lines.push(r),
        // An observer that throws must not stop the seat.
        failure: () => {
          throw new Error('observer down');
        },
      },
    });
    const apply = (actor: Actor, command: Command): CommandAck => {
      at += 2000;
      const r = applyCommand(story, snap, { actor, command, at });
      if (!r.ok) return { ok: false, error: r.error };
      snap = r.snapshot;
      for (const s of snap.context.seats)
        driver.onView({
          roomId: 'room-1',
          story,
          language: 'zh',
          seat: s.id,
          view: projectView(story, snap, { kind: 'seat', seat: s.id }),
          submit: (c) => Promise.resolve(apply({ kind: 'seat', seat: s.id }, c)),
          stream: () => undefined,
        });
      return { ok: true, version: snap.context.version };
    };
    apply({ kind: 'host' }, { type: 'START' });
    for (let guard = 0; guard < 30 && snap.context.chat.length < 8; guard++) {
      await settle(() => driver.busy);
      const before = snap.context.version;
      await new Promise((r) => setTimeout(r, 5));
      await settle(() => driver.busy);
      if (snap.context.version === before) apply({ kind: 'host' }, { type: 'ADVANCE' });
    }
    driver.close();
    const said = snap.context.chat.filter((m) => m.seat !== null);
    expect(said.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.accepted).length).toBeGreaterThanOrEqual(said.length);
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(
        [
          'accepted',
          'act',
          'command',
          'guardFailures',
          'intent',
          'modelMs',
          'phase',
          'roomId',
          'seat',
          'source',
          'tokens',
        ].sort(),
      );
      expect(l.roomId).toBe('room-1');
      expect(['model', 'regenerated', 'template', 'authored', 'generic']).toContain(l.source);
      const json = JSON.stringify(l);
      for (const m of said) expect(json).not.toContain(m.text);
    }
  });

  it('reports the host’s failures: a line that could not be sent, a view that made it throw', async () => {
    const failures: AiFailure[] = [];
    const driver = new HostDriver({
      memories: () => [],
      now: () => T0,
      recheckMs: 60_000,
      observer: { failure: (f) => failures.push(f) },
    });
    const snap = startedGame(story, 3);
    const port = {
      roomId: 'room-1',
      language: 'en' as const,
      hintLevel: 1 as const,
      view: projectView(story, snap, { kind: 'host' }),
      unfoundKeyLocations: [],
      narrate: () => Promise.reject(new Error('queue closed')),
    };
    driver.onHostView(port);
    await settle(() => driver.busy);
    expect(failures.map((f) => [f.where, f.roomId, f.seat, (f.err as Error).message])).toEqual([
      ['host', 'room-1', null, 'queue closed'],
    ]);
    expect(() => driver.onHostView({ ...port, roomId: 'room-2', view: {} as View })).not.toThrow();
    expect(failures.map((f) => f.roomId)).toEqual(['room-1', 'room-2']);
    driver.close();
  });
});
