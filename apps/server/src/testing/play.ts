import type { CommandAck, View } from '@jubensha/protocol';
import type { Move, TableBot } from './table-bot.js';
import type { TestClient } from './test-client.js';

export interface Table {
  host: TestClient;
  seats: Map<string, TestClient>;
}

/**
 * Plays moves until the host closes the game (ADVANCE in the debrief answers GAME_OVER) or `stop`
 * says so. Waits after each accepted command until every client holds the new version, so the next
 * move is decided on current views. `onAck` sees every acknowledged command.
 */
export async function play(
  table: Table,
  bot: TableBot,
  opts: {
    onAck?: (move: Move, ack: CommandAck) => void;
    stop?: (moves: number) => boolean;
    beforeSend?: (move: Move) => void;
  } = {},
): Promise<'over' | 'stopped'> {
  for (let moves = 0; moves < 3000; moves++) {
    if (opts.stop?.(moves)) return 'stopped';
    const host = table.host.view as View;
    const views = new Map([...table.seats].map(([s, c]) => [s, c.view as View]));
    const move = bot.next(host, views);
    if (!move) return 'over';
    const client = move.who === 'host' ? table.host : table.seats.get(move.who);
    if (!client) throw new Error(`no client for ${move.who}`);
    opts.beforeSend?.(move);
    const ack = await client.command(move.command);
    opts.onAck?.(move, ack);
    if (ack.ok) {
      await Promise.all([table.host, ...table.seats.values()].map((c) => c.untilVersion(ack.version)));
      continue;
    }
    if (move.who === 'host' && move.command.type === 'ADVANCE' && ack.error.code === 'GAME_OVER')
      return 'over';
    if (!bot.refused(host, move, ack))
      throw new Error(`${move.who} ${JSON.stringify(move.command)} refused: ${ack.error.code}`);
  }
  throw new Error('the game did not end in 3000 moves');
}
