import { applyCommand, createGame, projectView, type GameSnapshot } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import type { Actor, Command, CommandAck } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { beforeAll, describe, expect, it } from 'vitest';
import { newMemory, type AgentMemory } from '../character/memory.js';
import { ScriptedModel } from '../testing/scripted-model.js';
import { SeatDriver, type SavedSeatMemory } from './seat-driver.js';

const HUMAN = 'lin-jiadong';
const CULPRIT = 'lin-xiaozhou';
const QUESTION = '林小舟，停电的时候你在哪里？';

/** A game of rain-tea-hills with one human seat, played through the engine as the server would. */
class Table {
  at = 1_700_000_000_000;
  snap: GameSnapshot;
  /** What the server would have stored: each seat's memory as JSON, serialised when it was handed over. */
  readonly stored = new Map<string, string>();
  saves = 0;

  constructor(
    readonly story: Story,
    public driver: SeatDriver,
  ) {
    this.snap = createGame(story, { seed: 5, seats: { [HUMAN]: 'human' }, at: this.at });
  }

  apply(actor: Actor, command: Command): CommandAck {
    this.at += 2000;
    const r = applyCommand(this.story, this.snap, { actor, command, at: this.at });
    if (!r.ok) return { ok: false, error: r.error };
    this.snap = r.snapshot;
    this.notify();
    return { ok: true, version: this.snap.context.version };
  }

  notify(): void {
    for (const s of this.snap.context.seats)
      if (s.controller === 'ai')
        this.driver.onView({
          roomId: 'room-1',
          story: this.story,
          language: 'zh',
          seat: s.id,
          view: projectView(this.story, this.snap, { kind: 'seat', seat: s.id }),
          submit: (command) => Promise.resolve(this.apply({ kind: 'seat', seat: s.id }, command)),
          stream: () => undefined,
          saveMemory: (memory) => {
            this.saves++;
            this.stored.set(s.id, JSON.stringify(memory));
          },
        });
  }

  async settle(): Promise<void> {
    for (let i = 0; i < 10_000 && this.driver.busy; i++) await new Promise((r) => setTimeout(r, 0));
  }

  get kind(): string {
    return this.story.phases[this.snap.context.phase]?.kind ?? 'lobby';
  }

  /** Plays on (the human reads and introduces itself, the host moves on) until a phase of this kind. */
  async playTo(kind: string): Promise<void> {
    for (let guard = 0; guard < 50 && this.kind !== kind; guard++) {
      const human: Actor = { kind: 'seat', seat: HUMAN };
      if (this.kind === 'read') this.apply(human, { type: 'FINISH_READING' });
      if (this.kind === 'intro') this.apply(human, { type: 'PUBLIC_MESSAGE', text: '我是林家栋。' });
      await this.settle();
      const deadline = this.snap.context.deadline;
      if (!this.apply({ kind: 'host' }, { type: 'ADVANCE' }).ok && deadline !== null) {
        this.at = deadline;
        this.apply({ kind: 'system' }, { type: 'TICK' });
      }
      await this.settle();
    }
    expect(this.kind).toBe(kind);
  }

  /** The human asks the table; resolves once the AI seats have had their say. */
  async ask(text: string): Promise<void> {
    this.apply({ kind: 'seat', seat: HUMAN }, { type: 'PUBLIC_MESSAGE', text });
    await this.settle();
  }

  linesOf(seat: string): string[] {
    return this.snap.context.chat.filter((m) => m.seat === seat).map((m) => m.text);
  }

  savedMemories(): SavedSeatMemory[] {
    return [...this.stored].map(([seat, json]) => ({ seat, memory: JSON.parse(json) as unknown }));
  }
}

/** AI seats that speak only when asked, so that every line in these games answers the human. */
const newDriver = () =>
  new SeatDriver({
    model: new ScriptedModel(),
    humanGraceMs: 0,
    cooldownMs: 0,
    recheckMs: 1,
    talkativeness: 0,
  });

const ledgerOf = (driver: SeatDriver, seat: string): AgentMemory['ledger'] =>
  driver.memories('room-1').find((m) => m.seat === seat)?.ledger ?? [];

let story: Story;
beforeAll(async () => {
  story = await loadBundled('rain-tea-hills');
});

describe('SeatDriver memories across a restart', () => {
  it('saves each changed memory, and a driver restored from them keeps the ledger and the same lie', async () => {
    const before = newDriver();
    const table = new Table(story, before);
    table.apply({ kind: 'seat', seat: HUMAN }, { type: 'TAKE_SEAT', name: 'Jia' });
    table.apply({ kind: 'seat', seat: HUMAN }, { type: 'READY', ready: true });
    table.apply({ kind: 'host' }, { type: 'START' });
    await table.playTo('discuss');
    // The introductions (and the searches, paced over the round) were saved so far.
    const aiSeats = table.snap.context.seats.filter((s) => s.controller === 'ai').map((s) => s.id);
    expect(table.saves).toBeGreaterThanOrEqual(aiSeats.length);

    await table.ask(QUESTION);
    const lie = ledgerOf(before, CULPRIT).find((e) => e.intent === 'cover');
    expect(lie?.claim).toBeTruthy();
    expect(table.linesOf(CULPRIT)).toContain(lie?.text);
    const answersBefore = table.linesOf(CULPRIT).length;
    // What the server stored is the live memory, the lie included.
    const stored = table.savedMemories().find((m) => m.seat === CULPRIT)?.memory as AgentMemory;
    expect(stored).toEqual(
      JSON.parse(JSON.stringify(before.memories('room-1').find((m) => m.seat === CULPRIT))),
    );

    // The server restarts: a new driver, handed what was stored before any view.
    before.close();
    const after = newDriver();
    after.restoreMemories('room-1', table.savedMemories());
    expect(ledgerOf(after, CULPRIT)).toEqual(stored.ledger);
    table.driver = after;
    table.notify();
    await table.settle();
    // The question was answered before the restart: it is not answered again.
    expect(table.linesOf(CULPRIT)).toHaveLength(answersBefore);

    // Asked again, the culprit tells the same claim, and its ledger goes on from where it was.
    await table.ask(QUESTION);
    expect(table.linesOf(CULPRIT)).toHaveLength(answersBefore + 1);
    const ledger = ledgerOf(after, CULPRIT);
    expect(ledger.slice(0, stored.ledger.length)).toEqual(stored.ledger);
    const lies = ledger.filter((e) => e.intent === 'cover');
    expect(lies).toHaveLength(2);
    expect(lies[1]?.claim).toBe(lie?.claim);
    expect((JSON.parse(table.stored.get(CULPRIT)!) as AgentMemory).ledger).toEqual(ledger);
    after.close();
  });

  it('takes up a memory saved by an older build with fresh defaults, and drops what is not the seat’s', () => {
    const driver = newDriver();
    const ledger = [
      {
        at: 1,
        to: 'table',
        channel: { kind: 'public' },
        intent: 'cover',
        claim: 'generator',
        text: '我去了机房。',
      },
    ];
    driver.restoreMemories('room-1', [
      { seat: CULPRIT, memory: { seat: CULPRIT, ledger, answered: ['public:3'] } },
      { seat: 'he-shufen', memory: { seat: 'shen-man', ledger } },
      { seat: 'shen-man', memory: 'not a memory' },
    ]);
    expect(driver.memories('room-1')).toEqual([{ ...newMemory(CULPRIT), ledger, answered: ['public:3'] }]);
    driver.onRoomClosed('room-1');
    expect(driver.memories('room-1')).toEqual([]);
    driver.close();
  });
});
