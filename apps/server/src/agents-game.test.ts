import { HostDriver, SeatDriver, saysPhrase } from '@jubensha/agents';
import { ScriptedModel } from '@jubensha/agents/testing';
import { leaks, literalLeaks, loadBundled, secretTexts } from '@jubensha/engine/testing';
import { applyViewChanges, type ServerEvent, type View, type Viewer } from '@jubensha/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatedRoom, startTestServer, tempDir, type TestServer } from './testing/harness.js';
import { storedGames } from './testing/stored-game.js';
import { TestClient } from './testing/test-client.js';

const HUMANS = ['lin-jiadong', 'lin-xiuhe'];
const driver = new SeatDriver({ model: new ScriptedModel(), humanGraceMs: 0, cooldownMs: 0, recheckMs: 50 });
const aiHost = new HostDriver({ memories: (roomId) => driver.memories(roomId), recheckMs: 200 });
let server: TestServer;
let dir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  dir = await tempDir();
  server = await startTestServer(dir.dir, { aiSeats: driver, aiHost, aiVoices: 'model' });
});
afterAll(async () => {
  await server.close();
  driver.close();
  aiHost.close();
  await dir.remove();
});

/** Resolves once the game version has not moved for `ms` (the AI seats have had their say). */
async function quiet(client: TestClient, ms = 400): Promise<void> {
  for (;;) {
    const v = client.view?.version;
    await new Promise((r) => setTimeout(r, ms));
    if (client.view?.version === v && !driver.busy && !aiHost.busy) return;
  }
}

/**
 * The agents (issue 7) plugged into the AI seat seam and the AI host seam, with a deterministic model
 * standing in for a trained one.
 */
describe('agents behind the real server', () => {
  it('2 human clients and 4 AI seats play rain-tea-hills to the debrief, narrated by the AI host', async () => {
    const url = server.url;
    const { room, tokens } = await seatedRoom(url, 'rain-tea-hills', HUMANS);
    const humans = await Promise.all(
      HUMANS.map((s) => TestClient.connect(url, { roomId: room.roomId, token: tokens.get(s) })),
    );
    const host = await TestClient.connect(url, { roomId: room.roomId, token: room.hostToken });
    const [ann, ben] = humans as [TestClient, TestClient];
    for (const h of humans) expect((await h.command({ type: 'READY', ready: true })).ok).toBe(true);
    expect((await host.command({ type: 'START' })).ok).toBe(true);
    const kind = () => {
      const p = ann.view?.progress.phase;
      return p === null || p === undefined ? 'lobby' : (ann.view?.story.plan[p]?.kind ?? 'lobby');
    };
    let asked = false;
    for (let guard = 0; guard < 80 && kind() !== 'debrief'; guard++) {
      const phase = ann.view?.progress.phase;
      const k = kind();
      if (k === 'read') for (const h of humans) await h.command({ type: 'FINISH_READING' });
      if (k === 'intro')
        for (const [i, h] of humans.entries())
          await h.command({ type: 'PUBLIC_MESSAGE', text: `我是${HUMANS[i]}。` });
      if (k === 'search') for (const h of humans) await h.command({ type: 'SEARCH', location: 'main-hall' });
      if (k === 'discuss' && !asked) {
        asked = true;
        await ann.command({ type: 'PUBLIC_MESSAGE', text: '林小舟，停电的时候你在哪里？' });
      }
      if (k === 'statement') {
        const speaker = ann.view?.progress.speaker;
        const h = humans[HUMANS.indexOf(speaker ?? '')];
        if (h) await h.command({ type: 'STATEMENT', text: '我投给证据指向的人。' });
      }
      if (k === 'vote') for (const h of humans) await h.command({ type: 'VOTE', character: 'lin-xiaozhou' });
      await quiet(ann);
      if (ann.view?.progress.phase === phase && kind() !== 'statement')
        await host.command({ type: 'ADVANCE' });
      if (kind() === 'statement' && ann.view?.progress.phase === phase) await quiet(ann);
    }
    expect(kind()).toBe('debrief');
    const reveal = ann.view?.reveal;
    expect(reveal).not.toBeNull();
    const aiSeats = ['lin-xiaozhou', 'he-shufen', 'zhou-yuanshan', 'shen-man'];
    for (const s of aiSeats) expect(Object.keys(reveal?.votes ?? {})).toContain(s);
    const chat = ann.view?.table?.chat ?? [];
    expect(chat.filter((m) => aiSeats.includes(m.seat)).length).toBeGreaterThanOrEqual(4);
    // The AI answered the question put to it by name.
    const q = chat.findIndex((m) => m.text.startsWith('林小舟，停电'));
    expect(chat.slice(q + 1).some((m) => m.seat === 'lin-xiaozhou')).toBe(true);
    // Speech streamed to the humans before it landed in the game.
    const streamed = ben.received.filter((r) => r.event.type === 'chat_end') as {
      event: Extract<ServerEvent, { type: 'chat_end' }>;
    }[];
    expect(streamed.filter((r) => r.event.completed).length).toBeGreaterThan(4);
    // No AI line said any character's must-not-reveal phrase.
    const story = await loadBundled('rain-tea-hills');
    const phrases = story.characters.flatMap((c) =>
      c.secrets.flatMap((x) => [...(x.mustNotReveal.zh ?? []), ...(x.mustNotReveal.en ?? [])]),
    );
    for (const m of chat.filter((x) => aiSeats.includes(x.seat)))
      for (const p of phrases) expect(saysPhrase(m.text, p), m.text).toBe(false);

    // The AI host narrated every phase the game went through, to the human host as well.
    expect(ann.welcome?.aiVoices).toBe('model');
    const plan = ann.view!.story.plan;
    const narrated = host.view!.hostMessages.filter((m) => m.kind === 'narration');
    expect(narrated.length).toBe(ann.view!.progress.phase! + 1);
    expect(narrated[0]?.text).toBe('第1幕：请各位阅读自己的剧本，读完后点“读完了”。');
    expect(narrated.at(-1)?.text).toMatch(/^复盘开始/);
    expect(plan[ann.view!.progress.phase!]?.kind).toBe('debrief');
    // Each narration reached the table as an update the moment it was said.
    const narrationUpdates = ben.received.filter(
      (r) =>
        r.event.type === 'update' &&
        r.event.changes.some(
          (c) =>
            c.op === 'set' &&
            c.path[0] === 'hostMessages' &&
            (c.value as { kind?: string }).kind === 'narration',
        ),
    );
    expect(narrationUpdates.length).toBe(narrated.length);
    // The debrief: one line per AI character, its goals and every cover claim it told, from its ledger.
    await ann.until(
      () => ann.view!.hostMessages.filter((m) => m.kind === 'debrief').length === aiSeats.length,
    );
    const debrief = ann.view!.hostMessages.filter((m) => m.kind === 'debrief');
    const memories = driver.memories(room.roomId);
    expect(memories.map((m) => m.seat).sort()).toEqual([...aiSeats].sort());
    for (const [i, m] of memories.entries()) {
      const line = debrief[i]?.text ?? '';
      expect(line.startsWith(`${story.characters.find((c) => c.id === m.seat)?.name.zh}：`)).toBe(true);
      // Each lie once, in the words of the script's cover claim.
      const cover = reveal?.characters.find((c) => c.id === m.seat)?.cover ?? [];
      for (const id of new Set(m.ledger.flatMap((e) => (e.claim ? [e.claim] : []))))
        expect(line.split(cover.find((k) => k.id === id)!.text.zh!).length - 1).toBe(1);
    }
    // Nothing the host said before the reveal, as each client received it, holds a secret of the story.
    const games = await storedGames(server.store, story, room.roomId);
    const index = secretTexts(story);
    let checked = 0;
    const clients: [Viewer, TestClient][] = [
      [{ kind: 'host' }, host],
      [{ kind: 'seat', seat: HUMANS[0]! }, ann],
      [{ kind: 'seat', seat: HUMANS[1]! }, ben],
    ];
    for (const [viewer, client] of clients) {
      let view: View | null = null;
      for (const { event } of client.received) {
        if (event.type === 'view') view = event.view;
        else if (event.type === 'update') view = applyViewChanges(view!, event.changes);
        else continue;
        const ctx = games[view.version]!.context;
        if (ctx.outcome !== null) continue;
        expect(view.hostMessages.every((m) => m.kind !== 'debrief')).toBe(true);
        expect(leaks(index, ctx, viewer, view.hostMessages)).toEqual([]);
        expect(literalLeaks(index, ctx, viewer, JSON.stringify(view.hostMessages))).toEqual([]);
        checked += view.hostMessages.length;
      }
    }
    expect(checked).toBeGreaterThan(20);
    for (const c of [...humans, host]) c.close();
  }, 120_000);
});
