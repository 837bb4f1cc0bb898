import { HostDriver, SeatDriver, type AgentMemory } from '@jubensha/agents';
import { ScriptedModel } from '@jubensha/agents/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatedRoom, startTestServer, tempDir, type SeatedRoom, type TestServer } from './testing/harness.js';
import { TestClient } from './testing/test-client.js';

const HUMANS = ['lin-jiadong', 'lin-xiuhe'];
const CULPRIT = 'lin-xiaozhou';
const QUESTION = '林小舟，停电的时候你在哪里？';

/** The agents as `npm start` plugs them in: fresh ones stand for a restarted process. */
function agents() {
  const driver = new SeatDriver({
    model: new ScriptedModel(),
    humanGraceMs: 0,
    cooldownMs: 0,
    recheckMs: 50,
  });
  const host = new HostDriver({ memories: (roomId) => driver.memories(roomId), recheckMs: 200 });
  return { driver, host };
}

let ai = agents();
let server: TestServer;
let dir: Awaited<ReturnType<typeof tempDir>>;
const start = () => startTestServer(dir.dir, { aiSeats: ai.driver, aiHost: ai.host, aiVoices: 'model' });

beforeAll(async () => {
  dir = await tempDir();
  server = await start();
});
afterAll(async () => {
  await server.close();
  ai.driver.close();
  ai.host.close();
  await dir.remove();
});

/** The human seats and the host of one room, connected with their tokens. */
class Table {
  humans: TestClient[] = [];
  host!: TestClient;

  constructor(readonly seated: SeatedRoom) {}

  async connect(): Promise<void> {
    const { room, tokens } = this.seated;
    this.humans = await Promise.all(
      HUMANS.map((s) => TestClient.connect(server.url, { roomId: room.roomId, token: tokens.get(s) })),
    );
    this.host = await TestClient.connect(server.url, { roomId: room.roomId, token: room.hostToken });
  }

  close(): void {
    for (const c of [...this.humans, this.host]) c.close();
  }

  get kind(): string {
    const view = this.humans[0]?.view;
    const p = view?.progress.phase;
    return p === null || p === undefined ? 'lobby' : (view?.story.plan[p]?.kind ?? 'lobby');
  }

  /** Resolves once the game version has not moved for a while and no agent is at work. */
  async quiet(ms = 400): Promise<void> {
    const client = this.humans[0]!;
    for (;;) {
      const v = client.view?.version;
      await new Promise((r) => setTimeout(r, ms));
      if (client.view?.version === v && !ai.driver.busy && !ai.host.busy) return;
    }
  }

  /** The humans play their part and the host moves on whenever the table is quiet, up to a phase of `kind`. */
  async playTo(kind: string): Promise<void> {
    for (let guard = 0; guard < 80 && this.kind !== kind; guard++) {
      const phase = this.humans[0]?.view?.progress.phase;
      const k = this.kind;
      for (const [i, h] of this.humans.entries()) {
        if (k === 'read') await h.command({ type: 'FINISH_READING' });
        if (k === 'intro') await h.command({ type: 'PUBLIC_MESSAGE', text: `我是${HUMANS[i]}。` });
        if (k === 'search') await h.command({ type: 'SEARCH', location: 'main-hall' });
        if (k === 'vote') await h.command({ type: 'VOTE', character: CULPRIT });
        if (k === 'statement' && h.view?.progress.speaker === HUMANS[i])
          await h.command({ type: 'STATEMENT', text: '我投给证据指向的人。' });
      }
      await this.quiet();
      if (this.humans[0]?.view?.progress.phase === phase && this.kind !== 'statement')
        await this.host.command({ type: 'ADVANCE' });
    }
    expect(this.kind).toBe(kind);
  }
}

const liesOf = (memory: AgentMemory | undefined) => memory?.ledger.filter((e) => e.intent === 'cover') ?? [];

describe('AI seat memories across a server restart', () => {
  it('an AI tells a cover claim, the server restarts, and the debrief still lists that lie', async () => {
    const seated = await seatedRoom(server.url, 'rain-tea-hills', HUMANS);
    const roomId = seated.room.roomId;
    const table = new Table(seated);
    await table.connect();
    for (const h of table.humans) expect((await h.command({ type: 'READY', ready: true })).ok).toBe(true);
    expect((await table.host.command({ type: 'START' })).ok).toBe(true);
    await table.playTo('discuss');
    await table.humans[0]!.command({ type: 'PUBLIC_MESSAGE', text: QUESTION });
    await table.quiet();

    const lie = liesOf(ai.driver.memories(roomId).find((m) => m.seat === CULPRIT))[0];
    expect(lie?.claim).toBeTruthy();
    const stored = await server.store.loadSeatMemories(roomId);
    expect(liesOf(stored.find((m) => m.seat === CULPRIT)?.memory as unknown as AgentMemory)).toContainEqual(
      lie,
    );

    // A restart: a new process, new agents, nothing kept in memory; the clients come back with their tokens.
    table.close();
    await server.close();
    ai.driver.close();
    ai.host.close();
    ai = agents();
    server = await start();
    // The restored room gave the AI seats their memories back before anyone connected.
    expect(liesOf(ai.driver.memories(roomId).find((m) => m.seat === CULPRIT))).toContainEqual(lie);
    await table.connect();
    await table.playTo('debrief');

    const name = '林小舟';
    await table.humans[0]!.until(
      () =>
        table.humans[0]!.view!.hostMessages.some(
          (m) => m.kind === 'debrief' && m.text.startsWith(`${name}：`),
        ),
      'the culprit’s debrief line',
    );
    const line = table.humans[0]!.view!.hostMessages.find(
      (m) => m.kind === 'debrief' && m.text.startsWith(`${name}：`),
    );
    // The culprit told that lie to the table (before the restart, maybe again after): the debrief names it once.
    const chat = table.humans[0]!.view!.table?.chat ?? [];
    const told = chat.filter((m) => m.seat === CULPRIT && m.text === lie!.text).length;
    expect(told).toBeGreaterThanOrEqual(1);
    const claim = table.humans[0]!.view!.reveal!.characters.find((c) => c.id === CULPRIT)!.cover!.find(
      (k) => k.id === lie!.claim,
    )!;
    expect(line!.text).toContain('我当着大家的面');
    expect(line!.text.split(claim.text.zh!).length - 1).toBe(1);
    // The ledger went on after the restart from where it stood.
    const after = ai.driver.memories(roomId).find((m) => m.seat === CULPRIT)!;
    expect(after.ledger).toContainEqual(lie);
    table.close();
  }, 120_000);
});
