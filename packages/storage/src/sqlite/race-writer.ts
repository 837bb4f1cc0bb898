/**
 * One of the racing writers in two-writers.test.ts: appends `count` commands to one room that another
 * process appends to at the same time. Each append states the version this writer last saw; when the
 * other process got there first (VERSION_CONFLICT) it reloads and tries again, as a server that lost a
 * race would. Every tenth append carries a snapshot, the others only the entry and the version, as
 * the server's do. Prints `ready` once open, waits for a line on stdin, then prints `ack <seq> <i>` per
 * acknowledged append and `conflicts <n>` at the end.
 *
 * Usage: node --import tsx race-writer.ts <dataDir> <roomId> <name> <count>
 */
import { once } from 'node:events';
import { isMatchStoreError } from '../match-store-error.js';
import { SqliteMatchStore } from './sqlite-match-store.js';

async function main(dataDir: string, roomId: string, name: string, count: number): Promise<void> {
  const store = await SqliteMatchStore.open({ dataDir });
  // Start together: the parent says go once both writers are ready, so their appends overlap.
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  let conflicts = 0;
  for (let i = 1; i <= count; i++) {
    for (;;) {
      const room = await store.loadRoom(roomId);
      if (!room) throw new Error(`no room ${roomId}`);
      try {
        const entry = await store.append(roomId, {
          expectedVersion: room.version,
          entry: { at: i, actor: { kind: 'seat', seat: name }, command: { type: 'READY', writer: name, i } },
          ...(i % 10 === 0 ? { snapshot: { lastWriter: name, lastI: i } } : {}),
          version: room.version + 1,
        });
        process.stdout.write(`ack ${entry.seq} ${i}\n`);
        break;
      } catch (error) {
        if (!isMatchStoreError(error, 'VERSION_CONFLICT')) throw error;
        conflicts++;
      }
    }
    // Let the other process in between appends now and then, as a server's event loop would.
    if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  process.stdout.write(`conflicts ${conflicts}\n`);
  await store.close();
  process.stdin.destroy();
}

const [dataDir, roomId, name, count] = process.argv.slice(2);
if (!dataDir || !roomId || !name || !count) {
  console.error('usage: race-writer.ts <dataDir> <roomId> <name> <count>');
  process.exit(2);
}
main(dataDir, roomId, name, Number(count)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
