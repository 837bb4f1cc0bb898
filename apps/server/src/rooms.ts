import { randomInt } from 'node:crypto';
import { createGame } from '@jubensha/engine';
import {
  gameError,
  API_PATHS,
  DEFAULT_HINT_LEVEL,
  type Controller,
  type CreateRoomRequest,
  type CreateRoomResponse,
  type GameError,
  type HintLevel,
} from '@jubensha/protocol';
import { isMatchStoreError } from '@jubensha/storage';
import { restoreStoredGame } from './restore.js';
import { Room, type RoomDeps } from './room.js';
import type { StoryCatalog } from './story-catalog.js';
import { hashToken, newRoomCode, newRoomId, newToken } from './tokens.js';

/** What a room stores as its seat config: enough to rebuild its first state (replays, audits). */
export interface StoredSeatConfig {
  seats: Record<string, Controller>;
  seed: number;
  createdAt: number;
  /** The engine's `statementReadMs` at creation; absent in rooms stored before it was kept here: 0. */
  statementReadMs?: number;
  /** The AI host's hints; rooms stored before the setting existed have none (the default then). */
  hintLevel?: HintLevel;
}

/** Every room this process serves, loaded from the store on demand and kept while it is in play. */
export class Rooms {
  private readonly live = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room | null>>();
  private closed = false;

  constructor(
    private readonly catalog: StoryCatalog,
    private readonly deps: RoomDeps,
  ) {}

  get count(): number {
    return this.live.size;
  }

  all(): Room[] {
    return [...this.live.values()];
  }

  /** On start: every unfinished room back in memory with its deadline re-armed. */
  async restoreAll(): Promise<number> {
    const metas = await this.deps.store.listUnfinishedRooms();
    let restored = 0;
    for (const m of metas) if (await this.open(m.roomId)) restored++;
    return restored;
  }

  /** The room, from memory or the store; null if unknown or unplayable (logged). */
  open(roomId: string): Promise<Room | null> {
    const room = this.live.get(roomId);
    if (room) return Promise.resolve(room);
    if (this.closed) return Promise.resolve(null);
    let pending = this.loading.get(roomId);
    if (!pending) {
      pending = this.load(roomId).finally(() => this.loading.delete(roomId));
      this.loading.set(roomId, pending);
    }
    return pending;
  }

  private async load(roomId: string): Promise<Room | null> {
    const loaded = await this.deps.store.loadRoom(roomId);
    if (!loaded) return null;
    const story = this.catalog.get(loaded.meta.storyId);
    if (!story) {
      this.deps.log.error(
        { roomId, storyId: loaded.meta.storyId },
        'room plays a story this server does not offer',
      );
      return null;
    }
    const restored = restoreStoredGame(story, loaded);
    if (!restored.ok) {
      this.deps.log.error({ roomId, reason: restored.reason }, 'stored game cannot be restored');
      return null;
    }
    // A store failure here fails the load like one of loadRoom: an AI that started afresh would save an
    // empty ledger over the one it had.
    const memories = await this.deps.store.loadSeatMemories(roomId);
    const room = new Room(loaded.meta, story, restored.snapshot, this.deps, restored.replayed);
    this.live.set(roomId, room);
    this.deps.metrics.rooms.set(this.live.size);
    room.start(memories);
    return room;
  }

  async byCode(code: string): Promise<Room | null> {
    const meta = await this.deps.store.findRoomByJoinCode(code);
    return meta ? this.open(meta.roomId) : null;
  }

  async create(
    req: CreateRoomRequest,
  ): Promise<
    { ok: true; room: Room; response: CreateRoomResponse } | { ok: false; status: number; error: GameError }
  > {
    if (this.closed) return { ok: false, status: 503, error: gameError('UNAVAILABLE') };
    const story = this.catalog.get(req.storyId);
    if (!story) return { ok: false, status: 404, error: gameError('STORY_NOT_FOUND') };
    if (!story.languages.includes(req.language))
      return { ok: false, status: 400, error: gameError('LANGUAGE_NOT_SUPPORTED') };
    const seats: Record<string, Controller> = {};
    for (const s of req.seats) {
      if (!story.characters.some((c) => c.id === s.seat))
        return { ok: false, status: 400, error: gameError('UNKNOWN_SEAT') };
      seats[s.seat] = s.controller;
    }
    const at = this.deps.clock.now();
    const seed = randomInt(2 ** 31);
    const statementReadMs = this.deps.statementReadMs ?? 0;
    const snapshot = createGame(story, { seed, seats, at, statementReadMs });
    const hostToken = newToken();
    const roomId = newRoomId();
    const seatConfig: StoredSeatConfig = {
      seats,
      seed,
      createdAt: at,
      statementReadMs,
      hintLevel: req.hintLevel ?? DEFAULT_HINT_LEVEL,
    };
    for (let attempt = 0; ; attempt++) {
      const code = newRoomCode();
      try {
        await this.deps.store.createRoom({
          roomId,
          joinCode: code,
          storyId: story.id,
          language: req.language,
          seatConfig,
          createdAt: at,
          hostTokenHash: hashToken(hostToken),
          seatTokenHashes: {},
          snapshot,
          version: snapshot.context.version,
        });
      } catch (err) {
        // 6.6e11 codes: a clash is rare, five in a row means something else is wrong.
        if (isMatchStoreError(err) && err.code === 'JOIN_CODE_TAKEN' && attempt < 5) continue;
        throw err;
      }
      const room = await this.open(roomId);
      if (!room) throw new Error('a room just created cannot be opened');
      return { ok: true, room, response: { roomId, code, hostToken, invitePath: API_PATHS.invite(code) } };
    }
  }

  /** A finished room leaves memory once nobody watches it any more. */
  release(room: Room): void {
    if (room.finished && room.connectionCount === 0 && this.live.get(room.id) === room) {
      this.live.delete(room.id);
      this.deps.metrics.rooms.set(this.live.size);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.loading.values()]);
    await Promise.all(this.all().map((r) => r.close()));
  }
}
