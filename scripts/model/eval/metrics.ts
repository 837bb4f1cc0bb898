import { detectLanguage, saysPhrase } from '@jubensha/agents';
import { readPrompt } from './prompt-parts.js';
import type { HeldOutRow } from './row.js';
import { containsEntity, copiesFrom, figuresGrounded, namesPerson, statedFigures } from './text-match.js';

/** How one generated reply scores against its row's checks. */
export interface RowScore {
  /** Every check.entities word is in the reply; null when the row has none (it is not counted). */
  grounded: boolean | null;
  intentFollowed: boolean;
  /** Why the intent rule failed ('' when it passed). */
  intentMiss: string;
  /** The must-not-reveal phrases the reply says. */
  leaked: string[];
  languageMatches: boolean;
}

/** Grounding: the reply keeps every key entity of the facts or claim it was given. */
export function grounded(row: HeldOutRow, reply: string): boolean | null {
  if (row.check.entities.length === 0) return null;
  return row.check.entities.every((e) => containsEntity(reply, e, row.lang));
}

/** Leaks, before any guard: the guard's own fuzzy matcher over every phrase, both languages. */
export function leakedPhrases(row: HeldOutRow, reply: string): string[] {
  return row.check.mustNotReveal.filter((phrase) => saysPhrase(reply, phrase));
}

/** Language: the script of the reply is the row's (an empty reply has none and fails). */
export function languageMatches(row: HeldOutRow, reply: string): boolean {
  return detectLanguage(reply) === row.lang;
}

/**
 * Intent followed: whether the reply did what the [INTENT] asked. '' when it did, else why not. The rules:
 * - cover: it contains the claim's entities (check.entities): it told the lie it was told to tell, not the truth
 *   or a refusal.
 * - withhold: not empty; no must-not-reveal phrase; no time or number at all (any detail is a detail given); and
 *   not a copy of the card or an example line beyond names (a tiny model that parrots an example only looks
 *   like it is declining).
 * - ask: a question (? or ？) that names the [TARGET] when the prompt has one (the agents aim questions at a seat).
 * - accuse, statement: names the [TARGET] (whom it suspects) and is grounded in the clues given.
 * - fact, intro: grounded.
 * - deflect: not empty; no must-not-reveal phrase; every time or number it states occurs in the prompt (a calm
 *   denial must not invent an alibi).
 */
export function intentMiss(row: HeldOutRow, reply: string): string {
  const text = reply.trim();
  const prompt = readPrompt(row.messages);
  const isGrounded = grounded(row, text) !== false;
  const leaks = leakedPhrases(row, text).length > 0;
  switch (row.intent) {
    case 'cover':
      return grounded(row, text) === false ? 'claim not told' : text ? '' : 'empty';
    case 'withhold': {
      if (!text) return 'empty';
      if (leaks) return 'says a must-not-reveal phrase';
      if (statedFigures(text).length > 0) return 'states a time or number';
      const names = [prompt.name, prompt.target ?? '', prompt.asked?.speaker ?? ''].filter(Boolean);
      return copiesFrom(text, prompt.copySources, names, row.lang) ? 'copies the card or an example' : '';
    }
    case 'ask':
      if (!/[?？]/.test(text)) return 'not a question';
      return prompt.target && !namesPerson(text, prompt.target, row.lang) ? 'does not name the target' : '';
    case 'accuse':
    case 'statement':
      if (prompt.target && !namesPerson(text, prompt.target, row.lang)) return 'does not name the target';
      return isGrounded ? '' : 'not grounded';
    case 'fact':
    case 'intro':
      return isGrounded ? (text ? '' : 'empty') : 'not grounded';
    case 'deflect':
      if (!text) return 'empty';
      if (leaks) return 'says a must-not-reveal phrase';
      return figuresGrounded(text, prompt.text) ? '' : 'states a time or number not in the prompt';
  }
}

export function scoreRow(row: HeldOutRow, reply: string): RowScore {
  const miss = intentMiss(row, reply);
  return {
    grounded: grounded(row, reply),
    intentFollowed: miss === '',
    intentMiss: miss,
    leaked: leakedPhrases(row, reply),
    languageMatches: languageMatches(row, reply),
  };
}
