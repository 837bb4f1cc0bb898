import type { CommandAck } from '@jubensha/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AiSeatContext, AiSeats } from './ai-seats.js';
import { seatedRoom, startTestServer, tempDir, type TestServer } from './testing/harness.js';
import { TestClient } from './testing/test-client.js';

/** A scripted stand-in for issue 7's agents: in the intro, each AI seat streams one line, then says it. */
class IntroSpeakers implements AiSeats {
  readonly seen: AiSeatContext[] = [];
  readonly acks: CommandAck[] = [];
  readonly closed: string[] = [];
  private spoken = new Set<string>();

  onView(ctx: AiSeatContext): void {
    this.seen.push(ctx);
    const phase = ctx.view.progress.phase;
    if (phase === null || ctx.view.story.plan[phase]?.kind !== 'intro' || this.spoken.has(ctx.seat)) return;
    this.spoken.add(ctx.seat);
    const line = `${ctx.seat} introduces itself`;
    const channel = { kind: 'public' as const };
    ctx.stream({
      type: 'chat_chunk',
      stream: `s-${ctx.seat}`,
      seat: ctx.seat,
      channel,
      index: 0,
      text: line,
    });
    ctx.stream({ type: 'chat_end', stream: `s-${ctx.seat}`, seat: ctx.seat, channel, completed: true });
    // A stream into a talk that does not exist reaches nobody.
    ctx.stream({
      type: 'chat_end',
      stream: 'x',
      seat: ctx.seat,
      channel: { kind: 'talk', talk: 'nope' },
      completed: false,
    });
    void ctx.submit({ type: 'PUBLIC_MESSAGE', text: line }).then((a) => this.acks.push(a));
  }

  onRoomClosed(roomId: string): void {
    this.closed.push(roomId);
  }
}

let server: TestServer;
let dir: Awaited<ReturnType<typeof tempDir>>;
const agents = new IntroSpeakers();
const A = 'lin-jiadong';

beforeAll(async () => {
  dir = await tempDir();
  server = await startTestServer(dir.dir, { aiSeats: agents });
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

describe('the AI seat seam', () => {
  it('AI seats see only their own view and act through the same queue and rules as humans', async () => {
    const url = server.url;
    const { room, tokens } = await seatedRoom(url, 'rain-tea-hills', [A]);
    const human = await TestClient.connect(url, { roomId: room.roomId, token: tokens.get(A) });
    const host = await TestClient.connect(url, { roomId: room.roomId, token: room.hostToken });
    const watcher = await TestClient.connect(url, { roomId: room.roomId });
    expect((await human.command({ type: 'READY', ready: true })).ok).toBe(true);
    expect((await host.command({ type: 'START' })).ok).toBe(true);
    expect((await host.command({ type: 'ADVANCE' })).ok).toBe(true); // past the reading, into the intro

    const aiSeats = human.view!.progress.seats.filter((s) => s.controller === 'ai').map((s) => s.seat);
    expect(aiSeats.length).toBe(5);
    await human.until(() => human.view!.table!.chat.length === aiSeats.length, 'every AI line');
    expect(agents.acks.every((a) => a.ok)).toBe(true);
    expect(human.view!.table!.chat.map((m) => m.seat).sort()).toEqual([...aiSeats].sort());

    for (const ctx of agents.seen) {
      expect(ctx.view.viewer).toEqual({ kind: 'seat', seat: ctx.seat });
      expect(ctx.view.me?.seat).toBe(ctx.seat);
      expect(aiSeats).toContain(ctx.seat);
    }
    // Streams: the table's seats and spectators hear them, the host (no table before the reveal) does not.
    for (const c of [host, watcher]) await c.untilVersion(human.view!.version);
    const chunks = (c: TestClient) => c.received.filter((r) => r.event.type === 'chat_chunk').length;
    expect(chunks(human)).toBe(aiSeats.length);
    expect(chunks(watcher)).toBe(aiSeats.length);
    expect(chunks(host)).toBe(0);
    expect(human.received.some((r) => r.json.includes('"nope"'))).toBe(false);

    // An agent cannot speak for the host or the clock, nor for a seat taken back by a human.
    const ctx = agents.seen.findLast((c) => c.seat === aiSeats[0])!;
    expect(await ctx.submit({ type: 'ADVANCE' })).toMatchObject({ ok: false, error: { code: 'NOT_HOST' } });
    expect(await ctx.submit({ type: 'TICK' })).toMatchObject({ ok: false, error: { code: 'NOT_HOST' } });
    expect((await host.command({ type: 'TAKE_BACK', seat: aiSeats[0]! })).ok).toBe(true);
    expect(await ctx.submit({ type: 'PUBLIC_MESSAGE', text: 'still me?' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_YOUR_SEAT' },
    });
    for (const c of [human, host, watcher]) c.close();
  });
});
