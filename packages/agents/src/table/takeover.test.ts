import { applyCommand, createGame, projectView, type GameSnapshot } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import type { Actor, Command, CommandAck } from '@jubensha/protocol';
import { describe, expect, it } from 'vitest';
import { SeatDriver } from './seat-driver.js';

describe('seat takeover', () => {
  it('an AI continues a human seat handed to it, from that seat’s view, and stops when the host takes it back', async () => {
    const story = await loadBundled('rain-tea-hills');
    const human = 'lin-xiuhe';
    let at = 1_700_000_000_000;
    let snap: GameSnapshot = createGame(story, { seed: 3, seats: { [human]: 'human' }, at });
    const sent: { seat: string; command: Command; ok: boolean }[] = [];
    const driver = new SeatDriver({
      model: null,
      now: () => at,
      humanGraceMs: 0,
      cooldownMs: 0,
      recheckMs: 1,
    });
    const apply = (actor: Actor, command: Command): CommandAck => {
      at += 1000;
      // The server's rule: an AI submit counts only while the AI holds the seat.
      if (
        actor.kind === 'seat' &&
        snap.context.seats.find((s) => s.id === actor.seat)?.controller !== 'ai' &&
        actor.seat === human &&
        command.type !== 'TAKE_SEAT' &&
        command.type !== 'READY' &&
        fromAi
      )
        return { ok: false, error: { code: 'NOT_YOUR_SEAT' } as never };
      const r = applyCommand(story, snap, { actor, command, at });
      if (actor.kind === 'seat') sent.push({ seat: actor.seat, command, ok: r.ok });
      if (!r.ok) return { ok: false, error: r.error };
      snap = r.snapshot;
      return { ok: true, version: snap.context.version };
    };
    let fromAi = false;
    const notify = () => {
      for (const s of snap.context.seats)
        if (s.controller === 'ai')
          driver.onView({
            roomId: 'r',
            story,
            language: 'zh',
            seat: s.id,
            view: projectView(story, snap, { kind: 'seat', seat: s.id }),
            submit: (command) => {
              fromAi = true;
              const ack = apply({ kind: 'seat', seat: s.id }, command);
              fromAi = false;
              notify();
              return Promise.resolve(ack);
            },
            stream: () => undefined,
          });
    };
    const settle = async () => {
      for (let i = 0; i < 10_000 && driver.busy; i++) await new Promise((r) => setTimeout(r, 0));
    };
    apply({ kind: 'seat', seat: human }, { type: 'TAKE_SEAT', name: 'Xiu' });
    apply({ kind: 'seat', seat: human }, { type: 'READY', ready: true });
    apply({ kind: 'host' }, { type: 'START' });
    notify();
    await settle();
    // The human has not finished reading; everyone else (AI) has.
    expect(snap.context.finishedReading).not.toContain(human);
    expect(snap.context.finishedReading.length).toBe(story.characters.length - 1);

    apply({ kind: 'host' }, { type: 'HAND_TO_AI', seat: human });
    notify();
    await settle();
    expect(snap.context.finishedReading).toContain(human);

    // Everyone has read, so the game moved on to the introductions: the AI speaks for the seat it holds.
    expect(snap.context.chat.map((m) => m.seat)).toContain(human);

    apply({ kind: 'host' }, { type: 'TAKE_BACK', seat: human });
    apply({ kind: 'host' }, { type: 'ADVANCE' }); // into the search
    const before = sent.length;
    notify();
    await settle();
    const searches = sent.slice(before).filter((s) => s.command.type === 'SEARCH' && s.ok);
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.filter((s) => s.seat === human)).toEqual([]);
    expect(sent.slice(before).filter((s) => s.seat === human && s.ok)).toEqual([]);
  });
});
