import { performance } from 'node:perf_hooks';
import { applyCommand, nextDeadline, ViewProjector, type GameSnapshot } from '@jubensha/engine';
import {
  DEFAULT_HINT_LEVEL,
  HintLevelSchema,
  SEAT_COMMANDS,
  gameError,
  type Actor,
  type Command,
  type CommandAck,
  type AiVoices,
  type ErrorCode,
  type GameError,
  type HintLevel,
  type Presence,
  type RoomInfo,
  type ServerEvent,
  type View,
  type Viewer,
} from '@jubensha/protocol';
import { isMatchStoreError, type MatchStore, type RoomMeta, type SeatMemory } from '@jubensha/storage';
import type { Story } from '@jubensha/story';
import type { Logger } from 'pino';
import { unfoundKeyLocations, type AiHost } from './ai-host.js';
import type { AiSeats } from './ai-seats.js';
import { authorize, type Principal } from './authorize.js';
import type { Clock } from './clock.js';
import type { Metrics } from './metrics.js';
import { restoreStoredGame } from './restore.js';
import { SeatMemoryWriter } from './seat-memories.js';
import { SerialQueue } from './serial-queue.js';
import { cleanCommand } from './text-input.js';
import { hashToken, newToken } from './tokens.js';
import { sendViews } from './view-feed.js';

/** One live connection to a room, as the room sees it. */
export interface Connection {
  readonly principal: Principal;
  readonly viewer: Viewer;
  /** The last view this connection was sent: the base of its next update. */
  lastView: View | null;
  send(event: ServerEvent): void;
  presence(presence: Presence): void;
}

export interface RoomDeps {
  store: MatchStore;
  clock: Clock;
  metrics: Metrics;
  log: Logger;
  aiSeats: AiSeats;
  aiHost: AiHost;
  /** How this server's AI seats speak: clients say so where AI seats play. */
  aiVoices: AiVoices;
  /** New rooms: how long (ms) the final statements stay on screen before the vote opens; absent: 0. */
  statementReadMs?: number;
  /**
   * An append carries the game's state every this many commands (and at every phase change); the
   * others store the command only, so a command costs the same however long the game has run, and a
   * restore replays at most this many minus one. Absent: {@link DEFAULT_SNAPSHOT_EVERY}.
   */
  snapshotEvery?: number;
  /** Where an AI seat's or the AI host's failure goes (logged and counted: `aiTelemetry`). */
  aiFailure(failure: { where: 'seat' | 'host'; roomId: string; seat: string | null; err: unknown }): void;
}

/** SNAPSHOT_EVERY's default: a restore replays at most 49 commands (about 20 ms at 3,000 chat lines). */
export const DEFAULT_SNAPSHOT_EVERY = 50;

const SYSTEM: Actor = { kind: 'system' };
const SEAT_ONLY = new Set<string>(SEAT_COMMANDS.filter((t) => t !== 'TAKE_SEAT'));
const TICK: Command = { type: 'TICK' };
const fail = (code: ErrorCode): { ok: false; error: GameError } => ({ ok: false, error: gameError(code) });

/**
 * Commands one player (a seat, or the host) may have waiting in a room's queue; more are refused with
 * RATE_LIMITED at once. A person waits for each ack, so a few is plenty.
 */
const MAX_QUEUED_PER_PLAYER = 8;

/**
 * One game: its story, its engine state, its serial queue and its connections. Every change goes
 * through the queue: the engine decides, the store makes it durable, and only then does the room
 * hold the new state and send views. A refusal or a store failure leaves everything as it was.
 */
export class Room {
  private readonly queue = new SerialQueue();
  /** Commands from each player (seat or host) waiting in the queue. */
  private readonly waiting = new Map<string, number>();
  private readonly connections = new Set<Connection>();
  private deadline: { at: number; cancel(): void } | null = null;
  private closing = false;
  private readonly memories: SeatMemoryWriter;
  /** Every view of this room comes from here: built once per state and viewer, sharing what did not change. */
  private readonly views: ViewProjector;

  /**
   * @param sinceSnapshot how many stored commands `state` holds beyond the store's snapshot (the tail
   *   the room was restored with): the next snapshot is due when it reaches `snapshotEvery`.
   */
  constructor(
    readonly meta: RoomMeta,
    readonly story: Story,
    private state: GameSnapshot,
    private readonly deps: RoomDeps,
    private sinceSnapshot = 0,
  ) {
    this.memories = new SeatMemoryWriter(meta.roomId, deps);
    this.views = new ViewProjector(story);
  }

  get id(): string {
    return this.meta.roomId;
  }

  get snapshot(): GameSnapshot {
    return this.state;
  }

  get version(): number {
    return this.state.context.version;
  }

  get finished(): boolean {
    return this.meta.finishedAt !== null;
  }

  get language(): 'zh' | 'en' {
    return this.meta.language === 'en' ? 'en' : 'zh';
  }

  get aiVoices(): AiVoices {
    return this.deps.aiVoices;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** The AI host's hints, as chosen when the room was created. */
  get hintLevel(): HintLevel {
    const stored = HintLevelSchema.safeParse(
      (this.meta.seatConfig as { hintLevel?: unknown } | null)?.hintLevel,
    );
    return stored.success ? stored.data : DEFAULT_HINT_LEVEL;
  }

  /**
   * Called once the room is loaded: arms its deadline, gives the AI seats back what they remembered
   * (their ledgers, stored before a restart), and lets them and the AI host look at the table.
   */
  start(memories: readonly SeatMemory[] = []): void {
    this.armDeadline();
    if (memories.length > 0) this.deps.aiSeats.restoreMemories?.(this.id, memories);
    this.notifyAiSeats();
    this.notifyAiHost();
  }

  /** Queues a command from the server itself or an AI seat; resolves with its ack once stored or refused. */
  submit(actor: Actor, command: Command): Promise<CommandAck> {
    return this.enqueue(command, () => this.apply(actor, command));
  }

  /**
   * Queues a command from a connection. It is authorized inside the queue, against the state it
   * will be applied to: a seat handed to an AI a moment ago, or a token just replaced, is refused.
   */
  submitFrom(principal: Principal, command: Command): Promise<CommandAck> {
    // Text is normalized before the queue: a refused line costs nothing there.
    const cleaned = cleanCommand(command);
    if (!cleaned.ok) return Promise.resolve(this.refuse(cleaned.error));
    command = cleaned.value;
    // One player's commands wait in the queue a few at a time: a flood from many sockets of one token
    // cannot push every other seat's command behind thousands of its own.
    const key = principal.kind === 'seat' ? `seat:${principal.seat}` : principal.kind;
    const waiting = this.waiting.get(key) ?? 0;
    if (waiting >= MAX_QUEUED_PER_PLAYER) return Promise.resolve(this.refuse(gameError('RATE_LIMITED')));
    this.waiting.set(key, waiting + 1);
    return this.enqueue(command, async () => {
      const allowed = authorize(principal, command, this.meta, this.state);
      return allowed.ok ? this.apply(allowed.actor, command) : { ok: false, error: allowed.error };
    }).finally(() => {
      const left = (this.waiting.get(key) ?? 1) - 1;
      if (left > 0) this.waiting.set(key, left);
      else this.waiting.delete(key);
    });
  }

  private refuse(error: GameError): { ok: false; error: GameError } {
    this.deps.metrics.rejected.inc({ code: error.code });
    return { ok: false, error };
  }

  private enqueue(command: Command, task: () => Promise<CommandAck>): Promise<CommandAck> {
    if (this.closing) return Promise.resolve(fail('UNAVAILABLE'));
    const started = performance.now();
    this.deps.metrics.queued.inc();
    return this.queue
      .run(task)
      .catch((err: unknown) => {
        this.deps.log.error({ err, roomId: this.id, command: command.type }, 'command failed');
        return fail('UNAVAILABLE');
      })
      .then((ack) => {
        this.deps.metrics.queued.dec();
        return this.record(started, ack);
      });
  }

  private record<T extends { ok: true } | { ok: false; error: GameError }>(started: number, ack: T): T {
    this.deps.metrics.commandSeconds.observe(
      { outcome: ack.ok ? 'accepted' : 'rejected' },
      (performance.now() - started) / 1000,
    );
    if (ack.ok) this.deps.metrics.accepted.inc();
    else this.deps.metrics.rejected.inc({ code: ack.error.code });
    return ack;
  }

  /**
   * A human takes a free seat: the engine must accept TAKE_SEAT, the token's hash is stored, then the
   * command is appended. Crashing between the two leaves a hash on a seat nobody took, which the next
   * taker's hash replaces: the seat is never taken without a working token.
   */
  takeSeat(
    seat: string,
    name: string,
  ): Promise<{ ok: true; token: string; version: number } | { ok: false; error: GameError }> {
    if (this.closing) return Promise.resolve(fail('UNAVAILABLE'));
    const started = performance.now();
    return this.queue
      .run(async () => {
        if (this.finished) return fail('GAME_OVER');
        const at = this.deps.clock.now();
        const command: Command = { type: 'TAKE_SEAT', name };
        const actor: Actor = { kind: 'seat', seat };
        const r = applyCommand(this.story, this.state, { actor, command, at });
        if (!r.ok) return { ok: false as const, error: r.error };
        const token = newToken();
        const hash = hashToken(token);
        await this.deps.store.setSeatTokenHash(this.id, seat, hash);
        this.meta.seatTokenHashes[seat] = hash;
        const stored = await this.commit(actor, command, at, r.snapshot);
        if (!stored.ok) return stored;
        return { ok: true as const, token, version: this.version };
      })
      .catch((err: unknown) => {
        this.deps.log.error({ err, roomId: this.id }, 'take seat failed');
        return fail('UNAVAILABLE');
      })
      .then((r) => this.record(started, r));
  }

  private async apply(actor: Actor, command: Command): Promise<CommandAck> {
    if (this.finished) return fail('GAME_OVER');
    const at = this.deps.clock.now();
    // The host moving on from the last phase ends the game for good: the room is frozen, views stay.
    const last = this.story.phases.length - 1;
    if (actor.kind === 'host' && command.type === 'ADVANCE' && this.state.context.phase === last) {
      // A finished room is read as it ended, with nothing left to replay. Another writer's newer state
      // (VERSION_CONFLICT) is taken in instead of finishing a game this room has not seen.
      if (!(await this.saveSnapshot())) return fail('UNAVAILABLE');
      await this.deps.store.markFinished(this.id, at);
      this.meta.finishedAt = at;
      this.disarmDeadline();
      this.deps.aiSeats.onRoomClosed(this.id);
      this.deps.aiHost.onRoomClosed(this.id);
      this.deps.log.info({ roomId: this.id }, 'game finished');
      // Every seat, the host and spectators learn it at once; the ack stays GAME_OVER (nothing changed).
      for (const c of this.connections) c.send({ type: 'finished', at });
      return fail('GAME_OVER');
    }
    const r = applyCommand(this.story, this.state, { actor, command, at });
    if (!r.ok) return { ok: false, error: r.error };
    return this.commit(actor, command, at, r.snapshot);
  }

  private async commit(actor: Actor, command: Command, at: number, next: GameSnapshot): Promise<CommandAck> {
    // A new phase starts with a snapshot, so a restore never replays across a phase change; otherwise
    // every `snapshotEvery` commands.
    const withSnapshot =
      next.state !== this.state.state ||
      this.sinceSnapshot + 1 >= (this.deps.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY);
    try {
      await this.deps.store.append(this.id, {
        expectedVersion: this.version,
        entry: { at, actor, command },
        ...(withSnapshot ? { snapshot: next } : {}),
        version: next.context.version,
      });
    } catch (err) {
      if (isMatchStoreError(err) && err.code === 'ROOM_FINISHED') return fail('GAME_OVER');
      this.deps.log.error({ err, roomId: this.id, command: command.type }, 'append failed; nothing changed');
      // Another writer moved the game on (a second process on the same data): take its state, so
      // the next command applies to what is stored rather than failing forever.
      if (isMatchStoreError(err) && err.code === 'VERSION_CONFLICT') await this.reload();
      return fail('UNAVAILABLE');
    }
    this.state = next;
    this.sinceSnapshot = withSnapshot ? 0 : this.sinceSnapshot + 1;
    this.broadcast();
    this.armDeadline();
    this.notifyAiSeats();
    this.notifyAiHost();
    return { ok: true, version: next.context.version };
  }

  /**
   * Stores the room's state as its snapshot if the store's is older, so that the next load replays
   * nothing. False when another writer has moved the game on: the room then takes in the stored state.
   */
  private async saveSnapshot(): Promise<boolean> {
    if (this.sinceSnapshot === 0) return true;
    try {
      await this.deps.store.saveSnapshot(this.id, { version: this.version, snapshot: this.state });
    } catch (err) {
      if (!isMatchStoreError(err, 'VERSION_CONFLICT')) throw err;
      this.deps.log.error({ err, roomId: this.id }, 'snapshot refused: another writer moved the game on');
      await this.reload();
      return false;
    }
    this.sinceSnapshot = 0;
    return true;
  }

  private async reload(): Promise<void> {
    const loaded = await this.deps.store.loadRoom(this.id);
    if (!loaded) return;
    const restored = restoreStoredGame(this.story, loaded);
    if (!restored.ok) {
      this.deps.log.error({ roomId: this.id, reason: restored.reason }, 'stored game cannot be restored');
      return;
    }
    this.meta.seatTokenHashes = { ...loaded.meta.seatTokenHashes };
    this.meta.finishedAt = loaded.meta.finishedAt;
    this.state = restored.snapshot;
    this.sinceSnapshot = restored.replayed;
    this.broadcast();
    this.armDeadline();
  }

  /** Resolves once every command queued so far has been stored or refused. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Sends each connection its own view: an update from what it holds, or a full view if it holds none. */
  private broadcast(): void {
    sendViews(this.views, this.state, this.connections);
  }

  private notifyAiSeats(): void {
    if (this.finished || this.closing) return;
    for (const s of this.state.context.seats) {
      if (s.controller !== 'ai') continue;
      const actor = { kind: 'seat', seat: s.id } as const;
      // The command that led here is stored already: an AI's failure must not turn its ack into one.
      try {
        this.notifyAiSeat(s.id, actor);
      } catch (err) {
        this.deps.aiFailure({ where: 'seat', roomId: this.id, seat: s.id, err });
      }
    }
  }

  private notifyAiSeat(seat: string, actor: Extract<Actor, { kind: 'seat' }>): void {
    this.deps.aiSeats.onView({
      roomId: this.id,
      story: this.story,
      language: this.language,
      seat,
      view: this.views.project(this.state, actor),
      // An agent acts only as its own seat, only while the AI holds it (checked in the queue), and
      // only with seat commands: it never speaks for the host or the clock.
      submit: (raw) => {
        // A model's line is text like a player's: the same normalization (no bidi controls, no NUL).
        const cleaned = cleanCommand(raw);
        if (!cleaned.ok) return Promise.resolve(this.refuse(cleaned.error));
        const command = cleaned.value;
        return this.enqueue(command, async () => {
          if (!SEAT_ONLY.has(command.type)) return fail('NOT_HOST');
          const still = this.state.context.seats.find((x) => x.id === seat)?.controller === 'ai';
          return still ? this.apply(actor, command) : fail('NOT_YOUR_SEAT');
        });
      },
      stream: (event) => this.stream(event),
      saveMemory: (memory) => this.memories.save(seat, memory),
    });
  }

  /**
   * The AI host sees what the host's own screen shows (no seat's private part) and speaks only as the
   * system's HOST_NARRATE, through the same queue and store as every command.
   */
  private notifyAiHost(): void {
    if (this.finished || this.closing) return;
    try {
      this.notifyAiHostNow();
    } catch (err) {
      this.deps.aiFailure({ where: 'host', roomId: this.id, seat: null, err });
    }
  }

  private notifyAiHostNow(): void {
    this.deps.aiHost.onHostView({
      roomId: this.id,
      language: this.language,
      hintLevel: this.hintLevel,
      view: this.views.project(this.state, { kind: 'host' }),
      unfoundKeyLocations: unfoundKeyLocations(this.story, this.state),
      narrate: ({ kind, text }) => {
        const command: Command = { type: 'HOST_NARRATE', kind, text };
        return this.enqueue(command, () => this.apply(SYSTEM, command));
      },
    });
  }

  /** Streamed speech goes where the finished line will: the table (not the host before the reveal) or one talk. */
  private stream(event: Extract<ServerEvent, { type: 'chat_chunk' | 'chat_end' }>): void {
    const channel = event.channel;
    const talk =
      channel.kind === 'talk' ? this.state.context.talks.find((t) => t.id === channel.talk) : undefined;
    for (const c of this.connections) {
      const v = c.viewer;
      const sees =
        channel.kind === 'public'
          ? v.kind !== 'host' || this.state.context.outcome !== null
          : v.kind === 'seat' && talk !== undefined && (talk.from === v.seat || talk.to === v.seat);
      if (sees) c.send(event);
    }
  }

  private disarmDeadline(): void {
    this.deadline?.cancel();
    this.deadline = null;
  }

  /** Deadlines live in the game state; the timer only delivers TICK through the same queue. */
  private armDeadline(): void {
    const due = this.finished || this.closing ? null : nextDeadline(this.state);
    if (this.deadline && this.deadline.at === due) return;
    this.disarmDeadline();
    if (due === null) return;
    const timer = this.deps.clock.setTimer(Math.max(0, due - this.deps.clock.now()), () => {
      if (this.deadline?.at === due) this.deadline = null;
      void this.submit(SYSTEM, TICK).then((ack) => {
        // Early (clock drift) or refused: look again at what the state asks for.
        if (!ack.ok) this.armDeadline();
      });
    });
    this.deadline = { at: due, cancel: () => timer.cancel() };
  }

  /** A connection joins: it gets the current full view at once, and everyone learns who is here. */
  attach(c: Connection): void {
    this.connections.add(c);
    c.lastView = this.views.project(this.state, c.viewer);
    c.send({ type: 'view', view: c.lastView });
    this.announcePresence();
  }

  detach(c: Connection): void {
    if (this.connections.delete(c)) this.announcePresence();
  }

  /** A client lost track of its version: a fresh full view. */
  resync(c: Connection): number {
    c.lastView = this.views.project(this.state, c.viewer);
    c.send({ type: 'view', view: c.lastView });
    return c.lastView.version;
  }

  presence(): Presence {
    const seats = new Set<string>();
    let host = false;
    for (const c of this.connections) {
      if (c.principal.kind === 'host') host = true;
      if (c.principal.kind === 'seat') seats.add(c.principal.seat);
    }
    return { host, seats: [...seats].sort() };
  }

  private announcePresence(): void {
    const p = this.presence();
    for (const c of this.connections) c.presence(p);
  }

  info(): RoomInfo {
    const online = new Set(this.presence().seats);
    const ctx = this.state.context;
    return {
      roomId: this.id,
      code: this.meta.joinCode,
      storyId: this.story.id,
      title: { ...this.story.title },
      language: this.language,
      status: this.finished ? 'finished' : ctx.phase < 0 ? 'lobby' : 'playing',
      hostOnline: this.presence().host,
      seats: ctx.seats.map((s) => ({
        seat: s.id,
        character: { ...(this.story.characters.find((c) => c.id === s.id)?.name ?? {}) },
        controller: s.controller,
        taken: s.name !== null,
        name: s.name,
        online: online.has(s.id),
      })),
      aiVoices: this.deps.aiVoices,
    };
  }

  /**
   * Stops taking commands, lets queued ones reach the store, stores the state as the snapshot (the
   * next start replays nothing), stops the timer, writes the AI memories.
   */
  async close(): Promise<void> {
    this.closing = true;
    await this.queue.idle();
    if (!this.finished) {
      // Only a shortcut for the next start: the log already holds every command.
      await this.saveSnapshot().catch((err: unknown) =>
        this.deps.log.warn({ err, roomId: this.id }, 'no snapshot on close; the next start replays the log'),
      );
    }
    this.disarmDeadline();
    this.deps.aiSeats.onRoomClosed(this.id);
    this.deps.aiHost.onRoomClosed(this.id);
    await this.memories.idle();
  }
}
