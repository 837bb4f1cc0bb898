/**
 * @jubensha/agents: AI characters and the AI host. An agent's only inputs are its seat's projected
 * view and its own memory; it answers with ordinary seat commands. See README.md.
 */
export { CharacterAgent, type AgentAction, type CharacterAgentOptions } from './character/agent.js';
export {
  newMemory,
  type AgentMemory,
  type LedgerEntry,
  type Channel,
  type SpeechSource,
} from './character/memory.js';
export { speak, type SpeakOptions, type Spoken } from './character/speak.js';
export { GENERIC } from './character/lines.js';
export { readClues, type ClueReading, type ClueReadings } from './decide/clue-reading.js';
export { believe, type Belief, type BeliefOptions, type Reason } from './decide/belief.js';
export {
  Board,
  type Movement,
  type OwnClaim,
  type Said,
  type HeardClaim,
  type Contradiction,
} from './board/board.js';
export { type ClueNote } from './board/clue-notes.js';
export { understand, type Understood } from './understand/understand.js';
export { DIALOGUE_ACTS, type DialogueAct } from './understand/acts.js';
export { Lexicon } from './understand/lexicon.js';
export { parseTimes, type TimeSpan } from './understand/times.js';
export { planReply, type PolicyContext } from './policy/reply.js';
export { planInitiative } from './policy/initiative.js';
export { type Plan, type PlanAct } from './policy/plan.js';
export { realize } from './realize/realize.js';
export { malformation, type Malformation } from './guard/well-formed.js';
export { firstPerson } from './text/person.js';
export { talkMetrics, onTopic, type TalkMetrics } from './playtest/talk-metrics.js';
export { type TranscriptLine } from './playtest/run-game.js';
export { Knowledge, type Fact, type FactKind } from './knowledge/knowledge.js';
export {
  type IntentChoice,
  buildPrompt,
  renderPrompt,
  asSpeech,
  COPY_MARKS,
  stripCopyMarks,
  type PromptFact,
  type PromptInput,
  type PromptParts,
  type PromptLine,
} from './prompt/prompt.js';
export { GUIDES, LABELS } from './prompt/guides.js';
export { estimateTokens } from './prompt/tokens.js';
export { checkReply, type GuardContext, type GuardFailure, type GuardVerdict } from './guard/guard.js';
export { saysPhrase } from './guard/phrase-match.js';
export { AiHost, type AiHostOptions, type Narration } from './host/host.js';
export { runGame, type GameOptions, type GameResult } from './playtest/run-game.js';
export { detectLanguage, type Language } from './text/language.js';
export { runPlaytest, type PlaytestOptions, type PlaytestReport } from './playtest/playtest.js';
export { markdownReport, htmlReport, summaryLines } from './playtest/report.js';
export { playtestCommand, PLAYTEST_USAGE, progressBar, type PlaytestIo } from './playtest/cli.js';
export { SeatDriver, type AiSeatPort, type SeatDriverOptions } from './table/seat-driver.js';
export { agentSeatsFromEnv, type AgentSeats } from './table/from-env.js';
export { HostDriver, type AiHostPort, type HostDriverOptions } from './table/host-driver.js';
export type { AiFailure, AiLineRecord, AiObserver } from './table/telemetry.js';
