import type { LanguageModel } from '@jubensha/llm';
import type { Command, CommandAck, ServerEvent, View } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { CharacterAgent, type AgentAction } from '../character/agent.js';
import { memoryFromJson, type AgentMemory } from '../character/memory.js';
import { readClues, type ClueReadings } from '../decide/clue-reading.js';
import type { Language } from '../text/language.js';
import { LiveLine, type StreamChannel, type TypingPace } from './live-line.js';
import { tell, type AiObserver } from './telemetry.js';

/** What a game server hands an AI seat after each accepted command (apps/server's AiSeatContext). */
export interface AiSeatPort {
  roomId: string;
  story: Story;
  language: Language;
  seat: string;
  view: View;
  submit(command: Command): Promise<CommandAck>;
  stream(event: Extract<ServerEvent, { type: 'chat_chunk' | 'chat_end' }>): void;
  /**
   * Keeps the seat's memory (claims ledger, counters) where a restart finds it: called after an action
   * that changed it, with the live object, which the callee serialises at once. Must not throw or wait.
   */
  saveMemory?(memory: AgentMemory): void;
}

/** A seat's memory as last saved: plain JSON (`AgentMemory`), checked when it is taken up again. */
export interface SavedSeatMemory {
  seat: string;
  memory: unknown;
}

export interface SeatDriverOptions {
  model: LanguageModel | null;
  /** Milliseconds clock (default Date.now). */
  now?: () => number;
  /** How soon an agent that chose to wait (humans first, cooldown) looks again without a new view. */
  recheckMs?: number;
  /**
   * How fast a line reaches the table (see LiveLine): unset, each piece goes out as soon as it passed the
   * checks; with a pace a character is seen to talk, and its command waits until the line is on screen.
   */
  typing?: TypingPace;
  talkativeness?: number;
  humanGraceMs?: number;
  cooldownMs?: number;
  /** Told every line (no text) and every agent failure: the server logs and counts them. */
  observer?: AiObserver;
}

interface SeatRun {
  roomId: string;
  seat: string;
  agent: CharacterAgent;
  /** The memory as last handed to saveMemory, as JSON: only a change is saved again. */
  saved: string;
  latest: AiSeatPort | null;
  running: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Runs agents for a server's AI seats: one CharacterAgent per (room, seat), fed only the seat's view
 * the server projects. One command at a time per seat; a newer view while it thinks is taken next.
 * Speech streams as chat_chunk events once the guard passed, then chat_end once the command is
 * answered (completed: false when refused). A seat handed back to a human stops getting views (and its
 * submits are refused), and its memory waits for the next hand-over. Each memory goes out through the
 * port's saveMemory whenever an action changed it, and comes back through restoreMemories after a
 * restart, so an AI keeps telling the same story and the debrief still knows every lie it told.
 */
export class SeatDriver {
  private readonly rooms = new Map<string, Map<string, SeatRun>>();
  private readonly readings = new Map<string, ClueReadings>();
  /** Per room, the memories saved before a restart, for seats whose agent has not started yet. */
  private readonly restored = new Map<string, Map<string, AgentMemory>>();
  private streams = 0;
  private closed = false;

  constructor(readonly options: SeatDriverOptions) {}

  onView(port: AiSeatPort): void {
    if (this.closed) return;
    const run = this.run(port);
    run.latest = port;
    void this.pump(run);
  }

  /**
   * The memories a room's AI seats had saved, for the agents that will play them after a server restart:
   * call before the room's first views. A seat whose agent runs already keeps its own; a memory that is
   * not its seat's is dropped.
   */
  restoreMemories(roomId: string, memories: readonly SavedSeatMemory[]): void {
    if (this.closed) return;
    const running = this.rooms.get(roomId);
    let room = this.restored.get(roomId);
    for (const { seat, memory } of memories) {
      const usable = running?.has(seat) ? null : memoryFromJson(memory, seat);
      if (!usable) continue;
      if (!room) this.restored.set(roomId, (room = new Map()));
      room.set(seat, usable);
    }
  }

  onRoomClosed(roomId: string): void {
    this.restored.delete(roomId);
    for (const run of this.rooms.get(roomId)?.values() ?? []) {
      if (run.timer) clearTimeout(run.timer);
      run.latest = null;
    }
    this.rooms.delete(roomId);
  }

  /**
   * The memories of a room's AI seats (the host's debrief reads them), restored ones included: a seat an
   * AI played before a restart and a human holds now still confesses its lies.
   */
  memories(roomId: string): AgentMemory[] {
    return [
      ...[...(this.rooms.get(roomId)?.values() ?? [])].map((r) => r.agent.memory),
      ...(this.restored.get(roomId)?.values() ?? []),
    ];
  }

  /** Whether any seat is thinking or acting right now. */
  get busy(): boolean {
    for (const room of this.rooms.values())
      for (const r of room.values()) if (r.running || r.latest) return true;
    return false;
  }

  close(): void {
    this.closed = true;
    for (const id of [...this.rooms.keys()]) this.onRoomClosed(id);
  }

  /** What the room's other AI seats have said, from their ledgers (restored with them after a restart). */
  private *saidInRoom(roomId: string, seat: string): Iterable<string> {
    for (const [other, run] of this.rooms.get(roomId) ?? [])
      if (other !== seat) for (const entry of run.agent.memory.ledger) yield entry.text;
  }

  private run(port: AiSeatPort): SeatRun {
    let room = this.rooms.get(port.roomId);
    if (!room) this.rooms.set(port.roomId, (room = new Map()));
    let run = room.get(port.seat);
    if (!run) {
      let readings = this.readings.get(port.story.id);
      if (!readings) this.readings.set(port.story.id, (readings = readClues(port.story)));
      const o = this.options;
      const memory = this.restored.get(port.roomId)?.get(port.seat);
      this.restored.get(port.roomId)?.delete(port.seat);
      const agent = new CharacterAgent({
        seat: port.seat,
        language: port.language,
        readings,
        model: o.model,
        roomKey: port.roomId,
        othersSaid: () => this.saidInRoom(port.roomId, port.seat),
        ...(o.talkativeness !== undefined ? { talkativeness: o.talkativeness } : {}),
        ...(o.humanGraceMs !== undefined ? { humanGraceMs: o.humanGraceMs } : {}),
        ...(o.cooldownMs !== undefined ? { cooldownMs: o.cooldownMs } : {}),
        ...(memory ? { memory } : {}),
      });
      run = {
        roomId: port.roomId,
        seat: port.seat,
        agent,
        saved: JSON.stringify(agent.memory),
        latest: null,
        running: false,
        timer: null,
      };
      room.set(port.seat, run);
    }
    return run;
  }

  private async pump(run: SeatRun): Promise<void> {
    if (run.running) return;
    run.running = true;
    try {
      for (;;) {
        const port = run.latest;
        if (!port || this.closed) return;
        run.latest = null;
        if (run.timer) clearTimeout(run.timer);
        run.timer = null;
        // The line streams while it is written: speech that ends in no command is withdrawn.
        let line = this.line(port);
        const action = await run.agent.next(port.view, (this.options.now ?? Date.now)(), (channel, piece) =>
          line.push(streamChannel(channel), piece),
        );
        if (!action?.speech) line.end(false);
        if (!action) {
          // Nothing now (humans first, a cooldown): look again later unless a new view comes first.
          if (!run.latest && port.view.reveal === null) {
            run.timer = setTimeout(() => {
              run.timer = null;
              if (!run.latest) run.latest = port;
              void this.pump(run);
            }, this.options.recheckMs ?? 5_000);
            run.timer.unref?.();
          }
          continue;
        }
        if (action.speech && !line.begins(streamChannel(action.speech.channel), action.speech.text)) {
          // Never expected (the agent's line begins with what it streamed); counted if it ever happens.
          line.end(false);
          tell(this.options.observer?.failure, {
            where: 'seat',
            roomId: run.roomId,
            seat: run.seat,
            err: new Error('streamed text is not the start of the line said'),
          });
          line = this.line(port);
        }
        await this.perform(run, port, action, line);
      }
    } catch (err) {
      // An agent failure costs this turn only; the next view starts it again. It is reported, or a
      // silent seat could not be told from one that chose to wait.
      tell(this.options.observer?.failure, { where: 'seat', roomId: run.roomId, seat: run.seat, err });
    } finally {
      run.running = false;
    }
  }

  private line(port: AiSeatPort): LiveLine {
    const stream = `ai-${port.seat}-${++this.streams}`.slice(0, 64);
    return new LiveLine(
      stream,
      port.seat,
      (event) => port.stream(event),
      this.options.typing ?? null,
      this.options.now ?? Date.now,
    );
  }

  private async perform(run: SeatRun, port: AiSeatPort, action: AgentAction, line: LiveLine): Promise<void> {
    const speech = action.speech;
    if (speech) await line.finish(streamChannel(speech.channel), speech.text);
    const ack = await port.submit(action.command);
    line.end(ack.ok);
    if (speech)
      tell(this.options.observer?.line, {
        roomId: port.roomId,
        seat: port.seat,
        phase: port.view.progress.phase,
        act: speech.act,
        intent: speech.intent,
        source: speech.source,
        command: action.command.type,
        accepted: ack.ok,
        guardFailures: [...speech.failures],
        tokens: { ...speech.tokens },
        modelMs: speech.modelMs,
      });
    if (ack.ok) run.agent.accepted(port.view, action, (this.options.now ?? Date.now)());
    else run.agent.refused(port.view, action);
    this.save(run, port);
  }

  /** Hands the memory to the port if it changed (a line said, a question answered, a talk asked for). */
  private save(run: SeatRun, port: AiSeatPort): void {
    if (!port.saveMemory) return;
    const json = JSON.stringify(run.agent.memory);
    if (json === run.saved) return;
    run.saved = json;
    try {
      port.saveMemory(run.agent.memory);
    } catch {
      // Keeping the memory is the server's job and it logs its own failures; the seat plays on.
    }
  }
}

/** A statement streams where the table reads it, beside the public talk. */
function streamChannel(channel: NonNullable<AgentAction['speech']>['channel']): StreamChannel {
  return channel.kind === 'talk' ? { kind: 'talk', talk: channel.talk } : { kind: 'public' };
}
