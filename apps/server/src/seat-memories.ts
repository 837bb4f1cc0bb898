import { isMatchStoreError, type MatchStore } from '@jubensha/storage';
import type { Logger } from 'pino';
import type { Clock } from './clock.js';

/**
 * Keeps one room's AI seat memories (their claims ledgers) in the store, so that after a restart an AI
 * tells the same story and the debrief still lists its lies. A memory is no game state: saves bypass the
 * room's command queue, so no command ever waits for one. A save is written at once unless a write is on
 * its way; then each seat's newest memory is written after it, older ones skipped (each write holds the
 * whole memory). A failed write is logged and the game goes on: the seat's next save writes it all again.
 */
export class SeatMemoryWriter {
  /** Seat → newest memory not written yet. */
  private readonly waiting = new Map<string, object>();
  private draining = false;
  private drained: Promise<void> = Promise.resolve();

  constructor(
    private readonly roomId: string,
    private readonly deps: { store: MatchStore; clock: Clock; log: Logger },
  ) {}

  /** `memory` is the agent's live object: the store serialises it when it writes, so it writes the newest. */
  save(seat: string, memory: object): void {
    this.waiting.set(seat, memory);
    if (this.draining) return;
    this.draining = true;
    this.drained = this.drain();
  }

  /** Resolves once every memory saved so far is written (or its failure logged). */
  async idle(): Promise<void> {
    while (this.draining) await this.drained;
  }

  private async drain(): Promise<void> {
    // `draining` clears in the same step that finds nothing left: a later save starts a new drain.
    try {
      for (let next = first(this.waiting); next; next = first(this.waiting)) {
        const [seat, memory] = next;
        this.waiting.delete(seat);
        try {
          await this.deps.store.saveSeatMemory(this.roomId, seat, memory, this.deps.clock.now());
        } catch (err) {
          // The game ended while the seat's last action was on its way: its debrief is told already.
          if (isMatchStoreError(err, 'ROOM_FINISHED')) continue;
          this.deps.log.error({ err, roomId: this.roomId, seat }, 'AI seat memory not saved');
        }
      }
    } finally {
      this.draining = false;
    }
  }
}

function first<K, V>(map: Map<K, V>): [K, V] | undefined {
  return map.entries().next().value;
}
