/**
 * Simulated tables: per room six seat sockets and the host's, each keeping only its version (an update
 * applies only on the version it was made from, else the client resyncs, as the web client does; applying
 * the changes themselves is client work that would take CPU from the servers on the same cores).
 */
import { io, type Socket } from 'socket.io-client';
import type { Command, CommandAck, ServerEvent } from '../../../packages/protocol/src/index.js';
import type { TableAuth, Target } from './targets.js';

export class LeanClient {
  version = -1;
  resyncs = 0;
  updates = 0;

  private constructor(private readonly socket: Socket) {
    socket.on('event', (event: ServerEvent) => {
      if (event.type === 'view') this.version = event.view.version;
      else if (event.type === 'update') {
        this.updates++;
        if (event.from === this.version) this.version = event.version;
        else {
          this.resyncs++;
          socket.emit('resync', () => undefined);
        }
      }
    });
  }

  static connect(url: string, auth: { roomId: string; token: string }): Promise<LeanClient> {
    const socket = io(url, {
      auth: auth.token ? auth : { roomId: auth.roomId },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const client = new LeanClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect_error', (err) => reject(err));
      socket.once('event', () => resolve(client));
    });
  }

  command(command: Command): Promise<CommandAck> {
    return new Promise((resolve) => this.socket.emit('command', command, resolve));
  }

  close(): void {
    this.socket.close();
  }
}

export interface Table {
  host: LeanClient;
  seats: LeanClient[];
}

/** Opens a table, connects its seven sockets and plays the target's setup (not measured). */
export async function openTable(target: Target): Promise<Table> {
  const auth: TableAuth = await target.openTable();
  const host = await LeanClient.connect(target.url, auth.host);
  const seats = await Promise.all(auth.seats.map((s) => LeanClient.connect(target.url, s.auth)));
  const table = { host, seats };
  for (const step of target.setup(auth)) {
    const client = step.who === 'host' ? host : seats[step.who];
    const ack = await client?.command(step.command);
    if (!ack?.ok) throw new Error(`setup ${step.command.type}: ${JSON.stringify(ack)}`);
  }
  return table;
}

export async function openTables(target: Target, n: number, concurrency = 8): Promise<Table[]> {
  const tables: Table[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next++;
        tables.push(await openTable(target));
      }
    }),
  );
  return tables;
}

export function closeTables(tables: Table[]): void {
  for (const t of tables) for (const c of [t.host, ...t.seats]) c.close();
}

const LINES = [
  '九点左右你在哪里？',
  '我一直在烘焙房，没出去过。',
  'Where were you around nine?',
  '那把伞是谁的，有人认得吗？',
  'I saw a light in the generator shed.',
  '你刚才说的和账本对不上。',
  '我觉得凶手另有其人，先别急着下结论。',
  'The tea ledger was torn, who had it last?',
  '停电那会儿我在后院。',
  '德叔，你那晚为什么去了茶园？',
];

/**
 * What a table says next, from a seeded draw: mostly a chat line from one seat, sometimes the host
 * extends the phase's timer (what a host does while the table talks).
 */
export function tableMove(
  random: (n: number) => number,
  i: number,
): { who: 'host' | number; command: Command } {
  if (random(20) === 0) return { who: 'host', command: { type: 'EXTEND', minutes: 1 } };
  const line = LINES[random(LINES.length)] ?? '';
  return { who: random(6), command: { type: 'PUBLIC_MESSAGE', text: `${line} (${i})` } };
}

export function clientOf(table: Table, who: 'host' | number): LeanClient {
  const c = who === 'host' ? table.host : table.seats[who];
  if (!c) throw new Error(`no client ${who}`);
  return c;
}

export const resyncsOf = (tables: Table[]): number =>
  tables.reduce((n, t) => n + [t.host, ...t.seats].reduce((m, c) => m + c.resyncs, 0), 0);
