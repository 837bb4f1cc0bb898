import type { ChatMessage } from '@jubensha/llm';
import { checkReply, renderPrompt, stripCopyMarks } from '@jubensha/agents';
import type { Turn } from './dialogue.js';
import { markCopies } from './marks.js';

/** One line of the corpus file. */
export interface Row {
  id: string;
  split: 'train' | 'heldout';
  lang: 'zh' | 'en';
  intent: string;
  messages: ChatMessage[];
  /** What the model is trained to write: the reply with its copies marked (markCopies). */
  reply: string;
  check: { entities: string[]; mustNotReveal: string[]; claim: string | null };
}

/** The row of a turn, with the exact messages `renderPrompt` gives; null when the reply fails the checks. */
export function toRow(id: string, split: Row['split'], turn: Turn): Row | null {
  const messages = renderPrompt(turn.parts);
  const row: Row = {
    id,
    split,
    lang: turn.lang,
    intent: turn.intent,
    messages,
    reply: markCopies(turn.reply, turn.parts),
    check: { entities: turn.entities, mustNotReveal: turn.mustNotReveal, claim: turn.claim },
  };
  return rowProblem(row) === null ? row : null;
}

/**
 * Why a row would teach the model something wrong, or null: a reply must pass the agents' own output
 * guard with the prompt as its only knowledge (no must-not-reveal phrase in any reading, the room's
 * language, no format labels, every time and number from the prompt) and keep its check entities.
 */
export function rowProblem(row: Row, phrases: string[] = row.check.mustNotReveal): string | null {
  const grounding = row.messages.map((m) => m.content).join('\n');
  const reply = stripCopyMarks(row.reply);
  const verdict = checkReply(reply, { phrases, language: row.lang, grounding });
  if (!verdict.ok) return `${verdict.failure}: ${verdict.detail}`;
  const missing = row.check.entities.find((e) => !reply.includes(e));
  if (missing !== undefined) return `entity missing: ${missing}`;
  if (row.lang === 'en' && /[\u3400-\u9fff]/.test(reply)) return 'CJK in an English reply';
  return null;
}
