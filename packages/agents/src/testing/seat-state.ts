import type { View } from '@jubensha/protocol';
import { Board } from '../board/board.js';
import { newMemory, type AgentMemory } from '../character/memory.js';
import { believe } from '../decide/belief.js';
import type { ClueReadings } from '../decide/clue-reading.js';
import { Knowledge } from '../knowledge/knowledge.js';
import type { PolicyContext } from '../policy/reply.js';
import type { Plan } from '../policy/plan.js';
import type { Language } from '../text/language.js';

/** Everything an agent derives from one view, for tests of the board, the belief and the policies. */
export function seatState(
  view: View,
  language: Language,
  readings: ClueReadings | null,
  memory: AgentMemory = newMemory(view.me?.seat ?? ''),
): PolicyContext & { knowledge: Knowledge } {
  const board = new Board(view, { language, readings });
  return {
    board,
    memory,
    belief: believe(board, { readings, talk: true }),
    knowledge: new Knowledge(view, language),
  };
}

/** The seat's own account of where it was during the incident, as a plan: what tests of wording start from. */
export function incidentAlibi(board: Board): Plan {
  const span = board.incident;
  return {
    act: 'alibi',
    to: null,
    answers: null,
    topic: 'where:incident',
    intent: 'fact',
    span,
    movements: span ? board.movementsAt(span).filter((m) => !m.secret) : [],
  };
}
