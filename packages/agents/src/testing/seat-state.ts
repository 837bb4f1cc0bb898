import type { View } from '@jubensha/protocol';
import { Board } from '../board/board.js';
import { newMemory, type AgentMemory } from '../character/memory.js';
import { believe } from '../decide/belief.js';
import type { ClueReadings } from '../decide/clue-reading.js';
import { Knowledge } from '../knowledge/knowledge.js';
import type { PolicyContext } from '../policy/reply.js';
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
