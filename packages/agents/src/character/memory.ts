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
}

/** Where a spoken line came from: the model, the model's second try, or an authored/generic line. */
export type SpeechSource = 'model' | 'regenerated' | 'authored' | 'generic';

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
    guard: { checked: 0, failures: {}, fallbacks: 0 },
    tokens: { prompt: 0, completion: 0 },
  };
}

/** Cover claims already told, by claim id: to keep the story straight, a claim once told is told again. */
export function claimsTold(memory: AgentMemory): Set<string> {
  return new Set(memory.ledger.flatMap((e) => (e.claim ? [e.claim] : [])));
}
