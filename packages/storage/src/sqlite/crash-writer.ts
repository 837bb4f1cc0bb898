/**
 * The writer half of the crash test (crash.test.ts): appends to one room as fast as it can and prints
 * each acknowledged seq on its own line, until the test kills it with SIGKILL. It prints a seq only
 * after `append` resolved, so every printed seq is a promise the store made. As the server does, most
 * appends carry no snapshot; about one in five does, and now and then the state is saved on its own
 * (`saveSnapshot`), so kills land in all three kinds of write.
 *
 * Usage: node --import tsx crash-writer.ts <dataDir> <roomId>
 */
import { randomInt } from 'node:crypto';
import { crashCommand } from './crash-command.js';
import { SqliteMatchStore } from './sqlite-match-store.js';

function filler(length: number, n: number, unit: string): string {
  // Varied content so pages differ from one append to the next.
  return (
    `${n}:${unit.repeat(Math.ceil(length / unit.length))}`.slice(0, length) + randomInt(1e9).toString(36)
  );
}

async function main(dataDir: string, roomId: string): Promise<void> {
  const store = await SqliteMatchStore.open({ dataDir });
  const room = await store.loadRoom(roomId);
  if (!room) throw new Error(`no room ${roomId}`);
  let { version, lastSeq } = room;
  process.stdout.write(`ready ${lastSeq}\n`);
  for (;;) {
    const n = lastSeq + 1;
    const command = crashCommand(n, filler(randomInt(1, 2_000), n, '线索'));
    // Snapshots of up to 200 KB span up to fifty pages, so a kill often lands between the writes of one
    // commit. ASCII keeps the JavaScript side of an append cheap, so that the writes take much of its time.
    const snapshot = () => ({
      lastSeq: n,
      lastDigest: command.digest,
      padding: filler(randomInt(1, 200_000), n, 'clue'),
    });
    const kind = randomInt(20);
    // Marks an append in flight, so the test can tell how many kills landed inside one.
    process.stdout.write(`> ${n}\n`);
    const entry = await store.append(roomId, {
      expectedVersion: version,
      entry: { at: n, actor: { kind: 'system' }, command },
      ...(kind < 4 ? { snapshot: snapshot() } : {}),
      version: version + 1,
    });
    version += 1;
    lastSeq = entry.seq;
    // Writes to a pipe are synchronous on Linux: once this returns the parent can read the line.
    process.stdout.write(`${entry.seq}\n`);
    if (kind === 4) await store.saveSnapshot(roomId, { version, snapshot: snapshot() });
  }
}

const [dataDir, roomId] = process.argv.slice(2);
if (!dataDir || !roomId) {
  console.error('usage: crash-writer.ts <dataDir> <roomId>');
  process.exit(2);
}
main(dataDir, roomId).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
