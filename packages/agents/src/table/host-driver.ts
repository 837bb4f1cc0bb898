import { LIMITS, type CommandAck, type HintLevel, type HostMessageKind, type View } from '@jubensha/protocol';
import type { AgentMemory } from '../character/memory.js';
import { AiHost, type Narration } from '../host/host.js';
import type { Language } from '../text/language.js';
import { tell, type AiObserver } from './telemetry.js';

/** What a game server hands the AI host of a room after each accepted command (apps/server's AiHostContext). */
export interface AiHostPort {
  roomId: string;
  language: Language;
  hintLevel: HintLevel;
  /** The host's projected view: the public story, progress and what the host said; the reveal once it came. */
  view: View;
  /** Locations that still hide an unfound key clue; the server reads them from the game, the host never sees clues. */
  unfoundKeyLocations: string[];
  /** Says a line to the whole table (HOST_NARRATE from the system actor, through the room's queue). */
  narrate(line: { kind: HostMessageKind; text: string }): Promise<CommandAck>;
}

export interface HostDriverOptions {
  /** The AI seats' memories of a room (SeatDriver.memories): the debrief tells their lies from the ledgers. */
  memories(roomId: string): AgentMemory[];
  /** Milliseconds clock (default Date.now). */
  now?: () => number;
  /** How often the host looks at the clock without a new view (reminders, hints for a stuck table). */
  recheckMs?: number;
  /** Time without progress in a search or discussion before a hint (AiHost's default: 3 minutes). */
  stuckMs?: number;
  /** Told every failure of the host (a line that could not be sent, a look that threw). */
  observer?: AiObserver;
}

interface HostRun {
  host: AiHost;
  latest: AiHostPort;
  timer: ReturnType<typeof setTimeout> | null;
  /** Lines go out one after another, in the order the host said them. */
  sending: Promise<void>;
  pending: number;
  debriefed: boolean;
  /** No view looked at yet: the host may be new to a game already under way (a server restart). */
  fresh: boolean;
}

const KIND: Record<Narration['kind'], HostMessageKind> = {
  phase: 'narration',
  reminder: 'reminder',
  hint: 'hint',
  debrief: 'debrief',
};

/** The step of the plan the view stands in, or null in the lobby. */
function stepOf(view: View) {
  const p = view.progress.phase;
  return p === null ? null : (view.story.plan[p] ?? null);
}

/**
 * Runs the AI host for a server's rooms: one AiHost per room, fed the host's view on every change and,
 * between changes, on the clock (reminders and hints need no command to happen). What it says goes to
 * the table as the system's HOST_NARRATE. At the debrief (or at the reveal, for a plan without one) it
 * tells each AI character's goals and lies from the seats' ledgers, once per game.
 */
export class HostDriver {
  private readonly rooms = new Map<string, HostRun>();
  private closed = false;

  constructor(readonly options: HostDriverOptions) {}

  onHostView(port: AiHostPort): void {
    if (this.closed) return;
    try {
      this.take(port);
    } catch (err) {
      // Called from a room's commit: a throw would turn a stored command into a failed one.
      this.failed(port, err);
    }
  }

  private take(port: AiHostPort): void {
    let run = this.rooms.get(port.roomId);
    if (!run) {
      const created: HostRun = {
        host: new AiHost({
          language: port.language,
          hintLevel: port.hintLevel,
          ...(this.options.stuckMs !== undefined ? { stuckMs: this.options.stuckMs } : {}),
          unfoundKeyLocations: () => created.latest.unfoundKeyLocations,
        }),
        latest: port,
        timer: null,
        sending: Promise.resolve(),
        pending: 0,
        debriefed: port.view.hostMessages.some((m) => m.kind === 'debrief'),
        fresh: true,
      };
      run = created;
      this.rooms.set(port.roomId, run);
    }
    run.latest = port;
    this.look(run);
  }

  onRoomClosed(roomId: string): void {
    const run = this.rooms.get(roomId);
    if (run?.timer) clearTimeout(run.timer);
    this.rooms.delete(roomId);
  }

  /** Whether a line is on its way to the table. */
  get busy(): boolean {
    for (const run of this.rooms.values()) if (run.pending > 0) return true;
    return false;
  }

  close(): void {
    this.closed = true;
    for (const id of [...this.rooms.keys()]) this.onRoomClosed(id);
  }

  private look(run: HostRun): void {
    if (run.timer) clearTimeout(run.timer);
    run.timer = null;
    const port = run.latest;
    try {
      this.speakUp(run, port);
    } catch (err) {
      // Called from a room's commit and from a timer: a throw would fail a stored command or the process.
      this.failed(port, err);
    }
    // Reminders and hints come with time alone; after the reveal there is nothing left to time.
    if (port.view.reveal === null && this.rooms.get(port.roomId) === run) {
      run.timer = setTimeout(() => this.look(run), this.options.recheckMs ?? 5_000);
      run.timer.unref?.();
    }
  }

  private failed(port: AiHostPort, err: unknown): void {
    tell(this.options.observer?.failure, { where: 'host', roomId: port.roomId, seat: null, err });
  }

  /** What the host says on this view: the phase, a reminder, a hint, the debrief; sent in order. */
  private speakUp(run: HostRun, port: AiHostPort): void {
    const view = port.view;
    const now = (this.options.now ?? Date.now)();
    const step = stepOf(view);
    const started = view.progress.phaseStartedAt ?? 0;
    // A host new to a game under way (after a server restart) does not announce again the phase the
    // previous one announced.
    const announced = run.fresh && view.hostMessages.some((m) => m.kind === 'narration' && m.at >= started);
    run.fresh = false;
    const lines = run.host.onView(view, now).filter((n) => !(n.kind === 'phase' && announced));
    const debriefNow =
      view.reveal !== null &&
      (step?.kind === 'debrief' ||
        (step?.kind === 'reveal' && !view.story.plan.some((s) => s.kind === 'debrief')));
    if (debriefNow && !run.debriefed) {
      run.debriefed = true;
      lines.push(...run.host.debrief(view, this.options.memories(port.roomId)));
    }
    for (const line of lines) this.say(run, port, line);
  }

  private say(run: HostRun, port: AiHostPort, line: Narration): void {
    const text = line.text.trim().slice(0, LIMITS.hostMessage);
    if (!text) return;
    run.pending++;
    run.sending = run.sending
      .then(() => port.narrate({ kind: KIND[line.kind], text }))
      // A refused or failed line is dropped: the game goes on without it. A failure (not a refusal by
      // the rules) is reported.
      .then(
        () => undefined,
        (err: unknown) => this.failed(port, err),
      )
      .finally(() => run.pending--);
  }
}
