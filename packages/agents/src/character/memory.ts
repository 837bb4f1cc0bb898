import type { LineIntent } from '@jubensha/story';
import type { GuardFailure } from '../guard/guard.js';

/** Where a line was said: the public table, a private talk, or the final statement. */
export type Channel = { kind: 'public' } | { kind: 'talk'; talk: string } | { kind: 'statement' };

/** One thing the character said, to whom, and why: the claims ledger. */
export interface LedgerEntry {
  at: number;
  /** 'table' for public speech and statements, else the seat of the other party of a talk. */
  to: string;
  channel: Channel;
  intent: LineIntent;
  /** The cover claim told, when the intent was cover: the lie, for the debrief. */
  claim: string | null;
  text: string;
  source: SpeechSource;
  /** What the line did (the plan's act: alibi, cover, ask, confront, …). */
  act?: string;
  /** The plan's topic key ("ask:where:zheng-jiahui"): a move is not made twice. */
  topic?: string;
  /** The ref of the line it answered (public:<n>, talk:<id>:<n>), or null. */
  answers?: string | null;
  /** The seat it was said to, when it was said to one. */
  addressee?: string | null;
}

/** Where a spoken line came from: the model, the model's second try, or an authored/generic line. */
export type SpeechSource = 'model' | 'regenerated' | 'template' | 'authored' | 'generic';

/** The agent's own memory: plain JSON, so a seat handed back and forth keeps it. */
export interface AgentMemory {
  seat: string;
  ledger: LedgerEntry[];
  /** Message numbers (public `n`, or `talk:n`) this seat has answered. */
  answered: string[];
  /** Phase index → lines said in it (pacing). */
  spoken: Record<string, number>;
  lastSpokeAt: number | null;
  /** Talks requested so far, per phase index. */
  requested: Record<string, string[]>;
  /** Refs of lines it reacted to without answering them (an accusation backed or disputed, an answer challenged), and a `retort:<talk>` for each reply in a talk to a line that asked nothing. */
  reacted: string[];
  /** Searches made, per phase index (pacing over the round). */
  searched: Record<string, number>;
  guard: { checked: number; failures: Partial<Record<GuardFailure, number>>; fallbacks: number };
  tokens: { prompt: number; completion: number };
}

export function newMemory(seat: string): AgentMemory {
  return {
    seat,
    ledger: [],
    answered: [],
    spoken: {},
    lastSpokeAt: null,
    requested: {},
    reacted: [],
    searched: {},
    guard: { checked: 0, failures: {}, fallbacks: 0 },
    tokens: { prompt: 0, completion: 0 },
  };
}

/** Topics of the moves made so far: what was asked of whom, which contradiction pressed, what shared. */
export function topicsDone(memory: AgentMemory): Set<string> {
  return new Set(memory.ledger.flatMap((e) => (e.topic ? [e.topic] : [])));
}

/** Cover claims already told, by claim id: to keep the story straight, a claim once told is told again. */
export function claimsTold(memory: AgentMemory): Set<string> {
  return new Set(memory.ledger.flatMap((e) => (e.claim ? [e.claim] : [])));
}

/**
 * A memory as the server saved it (plain JSON), for the seat's agent after a restart, or null when it is
 * not this seat's. A field that a memory saved by an older build lacks, or that has another shape, starts
 * fresh: an agent must never trip over what is stored, and a ledger that is there is kept whatever else is not.
 */
export function memoryFromJson(saved: unknown, seat: string): AgentMemory | null {
  if (!isRecord(saved) || saved['seat'] !== seat) return null;
  const fresh = newMemory(seat);
  const take = <K extends keyof AgentMemory>(key: K, fits: (value: unknown) => boolean): AgentMemory[K] =>
    fits(saved[key]) ? (saved[key] as AgentMemory[K]) : fresh[key];
  const counts =
    (...keys: string[]) =>
    (v: unknown) =>
      isRecord(v) && keys.every((k) => typeof v[k] === 'number');
  return {
    seat,
    ledger: take(
      'ledger',
      (v) => Array.isArray(v) && v.every((e) => isRecord(e) && typeof e['text'] === 'string'),
    ),
    answered: take('answered', (v) => Array.isArray(v) && v.every((a) => typeof a === 'string')),
    spoken: take('spoken', isRecord),
    lastSpokeAt: take('lastSpokeAt', (v) => v === null || typeof v === 'number'),
    requested: take('requested', isRecord),
    reacted: take('reacted', (v) => Array.isArray(v) && v.every((a) => typeof a === 'string')),
    searched: take('searched', isRecord),
    guard: take(
      'guard',
      (v) => counts('checked', 'fallbacks')(v) && isRecord((v as { failures: unknown }).failures),
    ),
    tokens: take('tokens', counts('prompt', 'completion')),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
