import { applyCommand, createGame, projectView, type GameSnapshot } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import type { Actor, Command, CommandAck, HintLevel, HostMessage } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { describe, expect, it } from 'vitest';
import { newMemory, type AgentMemory } from '../character/memory.js';
import { HostDriver } from './host-driver.js';

const T0 = 1_700_000_000_000;
const HOST: Actor = { kind: 'host' };
const SYSTEM: Actor = { kind: 'system' };

/** A room as the server runs it: every accepted command gives the host runner the host's view. */
class Room {
  at = T0;
  snap: GameSnapshot;
  readonly driver: HostDriver;

  constructor(
    readonly story: Story,
    readonly hintLevel: HintLevel,
    memories: AgentMemory[] = [],
    opts: { stuckMs?: number; driver?: HostDriver; snap?: GameSnapshot } = {},
  ) {
    this.snap = opts.snap ?? createGame(story, { seed: 3, seats: {}, at: T0 });
    this.at = this.snap.context.clock;
    this.driver =
      opts.driver ??
      new HostDriver({
        memories: () => memories,
        now: () => this.at,
        recheckMs: 60_000,
        ...(opts.stuckMs !== undefined ? { stuckMs: opts.stuckMs } : {}),
      });
  }

  apply(actor: Actor, command: Command, step = 1000): CommandAck {
    this.at += step;
    const r = applyCommand(this.story, this.snap, { actor, command, at: this.at });
    if (!r.ok) return { ok: false, error: r.error };
    this.snap = r.snapshot;
    this.notify();
    return { ok: true, version: this.snap.context.version };
  }

  notify(): void {
    this.driver.onHostView({
      roomId: 'room-1',
      language: 'en',
      hintLevel: this.hintLevel,
      view: projectView(this.story, this.snap, { kind: 'host' }),
      unfoundKeyLocations: ['wings'],
      narrate: (line) => Promise.resolve(this.apply(SYSTEM, { type: 'HOST_NARRATE', ...line }, 0)),
    });
  }

  async settle(): Promise<void> {
    for (let i = 0; i < 1000 && this.driver.busy; i++) await new Promise((r) => setTimeout(r, 0));
  }

  get said(): HostMessage[] {
    return this.snap.context.hostMessages.map((m) => ({ ...m }));
  }

  kind(): string {
    return this.story.phases[this.snap.context.phase]?.kind ?? 'lobby';
  }

  async advanceTo(kind: string): Promise<void> {
    for (let guard = 0; guard < 50 && this.kind() !== kind; guard++) {
      this.apply(HOST, { type: 'ADVANCE' });
      await this.settle();
    }
    expect(this.kind()).toBe(kind);
  }
}

describe('HostDriver', async () => {
  const story = await loadBundled('last-curtain');

  it('narrates each phase change once to the table, as the system, in the room language', async () => {
    const room = new Room(story, 1);
    room.notify();
    await room.settle();
    expect(room.said).toEqual([]);
    room.apply(HOST, { type: 'START' });
    await room.settle();
    expect(room.said.map((m) => [m.kind, m.text])).toEqual([
      ['narration', 'Act 1: read your script, then mark it finished.'],
    ]);
    room.apply(HOST, { type: 'ADVANCE' });
    await room.settle();
    room.notify();
    await room.settle();
    expect(room.said.map((m) => m.text)).toEqual([
      'Act 1: read your script, then mark it finished.',
      'Please introduce yourselves, one by one.',
    ]);
    room.driver.close();
  });

  it('reminds of the last minute once, on the clock alone', async () => {
    const room = new Room(story, 0);
    room.apply(HOST, { type: 'START' });
    await room.settle();
    const deadline = room.snap.context.deadline ?? 0;
    expect(deadline).toBeGreaterThan(room.at);
    room.at = deadline - 50_000;
    room.notify();
    await room.settle();
    room.at += 10_000;
    room.notify();
    await room.settle();
    expect(room.said.filter((m) => m.kind === 'reminder').map((m) => m.text)).toEqual(['One minute left.']);
    room.driver.close();
  });

  it('hints at a stuck search only when the room’s hint level allows, graded up to it', async () => {
    const hints = async (level: HintLevel) => {
      const room = new Room(story, level, [], { stuckMs: 60_000 });
      room.apply(HOST, { type: 'START' });
      await room.advanceTo('search');
      for (let i = 0; i < 4; i++) {
        room.at += 61_000;
        room.notify();
        await room.settle();
      }
      room.driver.close();
      return room.said.filter((m) => m.kind === 'hint').map((m) => m.text);
    };
    expect(await hints(0)).toEqual([]);
    const one = await hints(1);
    expect(one).toEqual(['Hint: check everyone’s times against the published clues.']);
    const two = await hints(2);
    expect(two).toHaveLength(2);
    const wings = story.locations.find((l) => l.id === 'wings')?.name.en;
    expect(wings).toBeDefined();
    expect(two[1]).toContain(wings);
  });

  it('runs the debrief once at the debrief: each AI character’s goals and every lie it told, from its ledger', async () => {
    const liar = story.characters.find((c) => c.cover)!;
    const other = story.characters.find((c) => c.id !== liar.id)!;
    const claim = liar.cover!.claims[0]!;
    const told = newMemory(liar.id);
    told.ledger.push({
      at: T0,
      to: 'table',
      channel: { kind: 'public' },
      intent: 'cover',
      claim: claim.id,
      text: claim.text.en!,
      source: 'authored',
    });
    const room = new Room(story, 1, [told, newMemory(other.id)]);
    room.apply(HOST, { type: 'START' });
    await room.advanceTo('reveal');
    expect(room.said.filter((m) => m.kind === 'debrief')).toEqual([]);
    await room.advanceTo('debrief');
    room.notify();
    await room.settle();
    const debrief = room.said.filter((m) => m.kind === 'debrief');
    expect(debrief).toHaveLength(2);
    const secret = liar.secrets.find((s) => s.id === claim.protects)!;
    expect(debrief[0]?.text).toContain(claim.text.en);
    expect(debrief[0]?.text).toContain(secret.text.en);
    expect(debrief[0]?.text).toContain(liar.name.en);
    expect(debrief[1]?.text).toContain('I told no lies.');
    // Before the reveal nothing the host said holds a secret of the liar's.
    const beforeReveal = room.said.filter((m) => m.kind !== 'debrief');
    for (const m of beforeReveal) expect(m.text).not.toContain(secret.text.en);
    // A new host on the same game (a server restart) neither announces the phase nor runs the debrief again.
    const again = new Room(story, 1, [told], { snap: room.snap });
    again.notify();
    await again.settle();
    expect(again.said).toEqual(room.said);
    room.driver.close();
    again.driver.close();
  });
});
