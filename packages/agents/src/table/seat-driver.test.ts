import { applyCommand, createGame, projectView, type GameSnapshot } from '@jubensha/engine';
import { loadBundled } from '@jubensha/engine/testing';
import type { Actor, Command, CommandAck, ServerEvent } from '@jubensha/protocol';
import type { GenerateRequest, GenerationStats, GenerationStream, LanguageModel } from '@jubensha/llm';
import type { Story } from '@jubensha/story';
import { describe, expect, it } from 'vitest';
import { ScriptedModel } from '../testing/scripted-model.js';
import { SeatDriver } from './seat-driver.js';

type Streamed = Extract<ServerEvent, { type: 'chat_chunk' | 'chat_end' }>;

/**
 * A backend that decodes inside choices as the ONNX one does, a few characters per step with time between
 * them, so a line is seen while it is written. It takes the last choice and notes when each line was done.
 */
class SlowChoosingModel implements LanguageModel {
  readonly description = 'slow-choosing';
  readonly constrainsChoices = true;
  readonly done: { text: string; at: number }[] = [];
  generate(request: GenerateRequest): GenerationStream {
    const text = request.choices?.at(-1) ?? '';
    const done = this.done;
    let resolve!: (s: GenerationStats) => void;
    const stats = new Promise<GenerationStats>((r) => (resolve = r));
    return {
      stats,
      async *[Symbol.asyncIterator]() {
        const chars = [...text];
        for (let i = 0; i < chars.length; i += 3) {
          await new Promise((r) => setTimeout(r, 3));
          yield chars.slice(i, i + 3).join('');
        }
        done.push({ text, at: performance.now() });
        resolve({
          promptTokens: 10,
          completionTokens: chars.length,
          cachedPromptTokens: 0,
          timeToFirstTokenMs: 3,
          totalMs: 3 * chars.length,
          tokensPerSecond: 300,
          finishReason: 'stop',
        });
      },
    };
  }
  close() {
    return Promise.resolve();
  }
}

describe('SeatDriver', () => {
  it('plays every AI seat of a room through submit and stream, as the server seam calls it, to the reveal', async () => {
    const story = await loadBundled('last-curtain');
    const clock = { at: 1_700_000_000_000 };
    const events: Streamed[] = [];
    const driver = new SeatDriver({
      model: new ScriptedModel(),
      now: () => clock.at,
      humanGraceMs: 0,
      cooldownMs: 0,
      recheckMs: 1,
    });
    const table = aiTable(story, driver, 'room-1', clock, { stream: (e) => events.push(e) });
    const settle = async () => {
      for (let i = 0; i < 10_000 && driver.busy; i++) await new Promise((r) => setTimeout(r, 0));
    };
    table.start();
    for (let guard = 0; guard < 200 && !table.snap.context.outcome; guard++) {
      await settle();
      const before = table.snap.context.version;
      await new Promise((r) => setTimeout(r, 5));
      await settle();
      if (table.snap.context.version !== before) continue;
      table.advance();
    }
    const snap = table.snap;
    driver.onRoomClosed('room-1');
    expect(snap.context.outcome).not.toBeNull();
    expect(Object.keys(snap.context.votes).length).toBe(story.characters.length);
    // Every accepted public line was streamed first, chunk by chunk, and closed as completed.
    const ends = events.filter((e) => e.type === 'chat_end');
    expect(ends.length).toBeGreaterThan(10);
    for (const line of snap.context.chat.slice(0, 10)) {
      const end = ends.find(
        (e) => e.seat === line.seat && e.completed && streamedText(events, e.stream) === line.text,
      );
      expect(end, line.text).toBeDefined();
    }
    expect(driver.memories('room-1')).toEqual([]);
  });
});

/**
 * A room whose every seat the driver plays, fed as the server seam feeds it: each accepted command moves the
 * clock on and hands every seat its view. `advance` is the host moving on, or the deadline running out.
 */
function aiTable(
  story: Story,
  driver: SeatDriver,
  roomId: string,
  clock: { at: number },
  hooks: { stream(event: Streamed): void; submitted?(command: Command): void },
) {
  let snap: GameSnapshot = createGame(story, { seed: 9, seats: {}, at: clock.at });
  const apply = (actor: Actor, command: Command): CommandAck => {
    clock.at += 2000;
    const r = applyCommand(story, snap, { actor, command, at: clock.at });
    if (!r.ok) return { ok: false, error: r.error };
    snap = r.snapshot;
    for (const s of snap.context.seats)
      driver.onView({
        roomId,
        story,
        language: 'zh',
        seat: s.id,
        view: projectView(story, snap, { kind: 'seat', seat: s.id }),
        submit: (c) => {
          hooks.submitted?.(c);
          return Promise.resolve(apply({ kind: 'seat', seat: s.id }, c));
        },
        stream: hooks.stream,
      });
    return { ok: true, version: snap.context.version };
  };
  return {
    get snap() {
      return snap;
    },
    start: () => apply({ kind: 'host' }, { type: 'START' }),
    advance: () => {
      const deadline = snap.context.deadline;
      if (apply({ kind: 'host' }, { type: 'ADVANCE' }).ok || deadline === null) return;
      clock.at = deadline;
      apply({ kind: 'system' }, { type: 'TICK' });
    },
  };
}

function streamedText(events: Streamed[], stream: string): string {
  return events
    .filter(
      (e): e is Extract<Streamed, { type: 'chat_chunk' }> => e.type === 'chat_chunk' && e.stream === stream,
    )
    .sort((a, b) => a.index - b.index)
    .map((e) => e.text)
    .join('');
}

describe('SeatDriver streaming', () => {
  it('shows a model line while it is written: the first chunk before the model is done, several over time', async () => {
    const story = await loadBundled('last-curtain');
    const clock = { at: 1_700_000_000_000 };
    const events: (Streamed & { seen: number })[] = [];
    const submitted: { text: string; at: number }[] = [];
    const model = new SlowChoosingModel();
    const driver = new SeatDriver({
      model,
      now: () => clock.at,
      humanGraceMs: 0,
      cooldownMs: 0,
      recheckMs: 1,
    });
    const table = aiTable(story, driver, 'room-2', clock, {
      stream: (e) => events.push({ ...e, seen: performance.now() }),
      submitted: (command) => {
        if ('text' in command) submitted.push({ text: command.text, at: performance.now() });
      },
    });
    table.start();
    for (let guard = 0; guard < 60 && model.done.length < 4 && !table.snap.context.outcome; guard++) {
      const before = table.snap.context.version;
      await new Promise((r) => setTimeout(r, 200));
      if (table.snap.context.version !== before || driver.busy) continue;
      table.advance();
    }
    for (let i = 0; i < 100 && driver.busy; i++) await new Promise((r) => setTimeout(r, 20));
    driver.onRoomClosed('room-2');
    expect(model.done.length).toBeGreaterThanOrEqual(4);
    for (const line of model.done) {
      const said = submitted.find((s) => s.text === line.text);
      expect(said, line.text).toBeDefined();
      const streams = [...new Set(events.map((e) => e.stream))];
      const stream = streams.find((id) => streamedText(events, id) === line.text) ?? '';
      const mine = events.filter((e) => e.stream === stream && e.type === 'chat_chunk');
      const first = mine[0];
      expect(mine.length).toBeGreaterThan(2);
      // Seen before the model wrote its last token, and the command sent only after the whole line was out.
      expect(first?.seen ?? Infinity).toBeLessThan(line.at);
      expect(Math.max(...mine.map((e) => e.seen))).toBeLessThanOrEqual(said?.at ?? 0);
      expect(events.find((e) => e.stream === stream && e.type === 'chat_end')).toMatchObject({
        completed: true,
      });
    }
  });
});
