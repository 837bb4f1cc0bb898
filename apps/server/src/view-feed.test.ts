import { applyCommand, createGame, projectView, ViewProjector, type GameSnapshot } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import { applyViewChanges, type Actor, type Command, type ServerEvent, type View } from '@jubensha/protocol';
import { describe, expect, it } from 'vitest';
import type { Principal } from './authorize.js';
import type { Connection } from './room.js';
import { sendViews } from './view-feed.js';

/** A connection as the room sees it, keeping what it was sent the way a client applies it. */
function client(principal: Principal): Connection & { events: ServerEvent[]; view: View | null } {
  const viewer =
    principal.kind === 'seat' ? ({ kind: 'seat', seat: principal.seat } as const) : { kind: principal.kind };
  const c = {
    principal,
    viewer,
    lastView: null as View | null,
    events: [] as ServerEvent[],
    view: null as View | null,
    send(event: ServerEvent) {
      c.events.push(event);
      if (event.type === 'view') c.view = event.view;
      if (event.type === 'update') {
        if (c.view?.version !== event.from)
          throw new Error(`update from ${event.from} onto ${c.view?.version}`);
        c.view = applyViewChanges(c.view, event.changes);
      }
    },
    presence() {},
  };
  return c;
}

describe('sendViews', () => {
  it('sends each connection its own view as updates, one diff per viewer, and a full view to a newcomer', async () => {
    const story = await loadBundled('rain-tea-hills');
    const seats = story.characters.map((c) => c.id);
    let snap: GameSnapshot = createGame(story, {
      seed: 1,
      seats: Object.fromEntries(seats.map((s) => [s, 'human'])),
      at: 1,
    });
    const run = (actor: Actor, command: Command) => {
      const r = applyCommand(story, snap, { actor, command, at: snap.context.clock + 1000 });
      if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
      snap = r.snapshot;
    };
    const [first, second] = seats as [string, string];
    const phone = client({ kind: 'seat', seat: first, tokenHash: 'phone' });
    const laptop = client({ kind: 'seat', seat: first, tokenHash: 'phone' });
    const other = client({ kind: 'seat', seat: second, tokenHash: 'other' });
    const host = client({ kind: 'host', tokenHash: 'host' });
    const spectators = [client({ kind: 'spectator' }), client({ kind: 'spectator' })];
    const all = [phone, laptop, other, host, ...spectators];
    const projector = new ViewProjector(story);
    sendViews(projector, snap, all);

    for (const s of seats) run({ kind: 'seat', seat: s }, { type: 'TAKE_SEAT', name: `P-${s}` });
    for (const s of seats) run({ kind: 'seat', seat: s }, { type: 'READY', ready: true });
    run({ kind: 'host' }, { type: 'START' });
    run({ kind: 'host' }, { type: 'ADVANCE' });
    sendViews(projector, snap, all);
    run({ kind: 'seat', seat: first }, { type: 'PUBLIC_MESSAGE', text: 'where were you at nine?' });
    sendViews(projector, snap, all);
    const late = client({ kind: 'spectator' });
    run({ kind: 'seat', seat: second }, { type: 'PUBLIC_MESSAGE', text: 'in the roasting house' });
    sendViews(projector, snap, [...all, late]);

    for (const c of [...all, late]) expect(c.view).toEqual(projectView(story, snap, c.viewer));
    expect(late.events.map((e) => e.type)).toEqual(['view']);
    expect(phone.events.map((e) => e.type)).toEqual(['view', 'update', 'update', 'update']);
    const last = (c: { events: ServerEvent[] }) => c.events[c.events.length - 1];
    // A seat on two devices and two spectators: the same changes object, computed once.
    expect(last(phone)).toMatchObject({ type: 'update' });
    expect((last(phone) as { changes: unknown }).changes).toBe(
      (last(laptop) as { changes: unknown }).changes,
    );
    expect((last(spectators[0]!) as { changes: unknown }).changes).toBe(
      (last(spectators[1]!) as { changes: unknown }).changes,
    );
    // The host sees no chat before the reveal: its update says only that the count moved.
    expect(JSON.stringify(last(host))).not.toContain('roasting house');
    expect(JSON.stringify(last(other))).toContain('roasting house');
  });
});
