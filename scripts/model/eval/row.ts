import { readFile } from 'node:fs/promises';
import type { Language } from '@jubensha/agents';
import type { ChatMessage } from '@jubensha/llm';
import { LINE_INTENTS, type LineIntent } from '@jubensha/story';

// The intents the corpus rows carry are the story format's line intents.
export const INTENTS = LINE_INTENTS;
export type Intent = LineIntent;

/** One held-out corpus row: the prompt the agents would send, the corpus reply, and what a reply must do. */
export interface HeldOutRow {
  id: string;
  split: string;
  lang: Language;
  intent: Intent;
  messages: ChatMessage[];
  reply: string;
  check: {
    /** Words a grounded reply must contain (people, places, times, objects of the facts or the claim). */
    entities: string[];
    /** The speaking character's must-not-reveal phrases, both languages. */
    mustNotReveal: string[];
    /** The cover claim the row tells (intent cover), else null. */
    claim: string | null;
  };
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Parses one JSONL line; a malformed row throws naming where it is, so a bad corpus is never half-scored. */
export function parseRow(line: string, where: string): HeldOutRow {
  const fail = (what: string): never => {
    throw new Error(`${where}: ${what}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return fail('not JSON');
  }
  if (typeof raw !== 'object' || raw === null) return fail('not an object');
  const r = raw as Record<string, unknown>;
  const check = (r['check'] ?? {}) as Record<string, unknown>;
  if (typeof r['id'] !== 'string') fail('id must be a string');
  if (r['lang'] !== 'zh' && r['lang'] !== 'en') fail('lang must be zh or en');
  if (!INTENTS.includes(r['intent'] as Intent)) fail(`unknown intent ${String(r['intent'])}`);
  const messages = r['messages'];
  if (
    !Array.isArray(messages) ||
    !messages.every(
      (m: { role?: unknown; content?: unknown }) =>
        (m.role === 'system' || m.role === 'user' || m.role === 'assistant') && typeof m.content === 'string',
    )
  )
    fail('messages must be chat messages');
  if (typeof r['reply'] !== 'string') fail('reply must be a string');
  if (!isStrings(check['entities'])) fail('check.entities must be strings');
  if (!isStrings(check['mustNotReveal'])) fail('check.mustNotReveal must be strings');
  if (check['claim'] !== null && check['claim'] !== undefined && typeof check['claim'] !== 'string')
    fail('check.claim must be a string or null');
  return {
    id: r['id'] as string,
    split: typeof r['split'] === 'string' ? r['split'] : '',
    lang: r['lang'] as Language,
    intent: r['intent'] as Intent,
    messages: messages as ChatMessage[],
    reply: r['reply'] as string,
    check: {
      entities: check['entities'] as string[],
      mustNotReveal: check['mustNotReveal'] as string[],
      claim: (check['claim'] as string | null | undefined) ?? null,
    },
  };
}

/**
 * The rows of a JSONL file; with `limit`, that many spread evenly over the file (a corpus is written
 * mystery by mystery, so its first rows would be one mystery in one language).
 */
export async function readRows(file: string, limit?: number): Promise<HeldOutRow[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const rows = lines.flatMap((line, i) => (line.trim() ? [parseRow(line, `${file}:${i + 1}`)] : []));
  if (limit === undefined || limit >= rows.length) return rows;
  return Array.from({ length: limit }, (_, k) => rows[Math.floor((k * rows.length) / limit)] as HeldOutRow);
}
