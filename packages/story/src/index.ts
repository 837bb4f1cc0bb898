export * from './schema/common.js';
export * from './schema/clock.js';
export * from './schema/phases.js';
export * from './schema/story-file.js';
export * from './schema/character-file.js';
export * from './schema/story.js';
export { DIAGNOSTIC_CODES } from './diagnostics/codes.js';
export type { DiagnosticCode } from './diagnostics/codes.js';
export { formatDiagnostic, hasErrors } from './diagnostics/diagnostic.js';
export type { Diagnostic, Locate, Severity, SourcePosition } from './diagnostics/diagnostic.js';
export { loadStory } from './load/load-story.js';
export type { LoadOptions, LoadResult } from './load/load-story.js';
export { validateStory } from './validate/validate-story.js';
export type { ValidateOptions } from './validate/validate-story.js';
export type { Rule, RuleContext } from './validate/context.js';
export { selectEnding, endingApplies } from './endings/select-ending.js';
export type { VoteTally } from './endings/select-ending.js';
export { readingLoad, countReading, READING_SPEED } from './stats/reading-load.js';
export type { ReadingLoad } from './stats/reading-load.js';
export { actHeading, parseActHeading } from './load/act-heading.js';
export { storyStats } from './stats/story-stats.js';
export type { StoryStats, RouteStats } from './stats/story-stats.js';
export { searchRounds } from './validate/search-rounds.js';
export type { SearchRound } from './validate/search-rounds.js';
export { analyseFindability } from './validate/findability.js';
export type { Findability } from './validate/findability.js';
export {
  CharacterCardV2Schema,
  JubenshaCardExtensionSchema,
  exportCharacterCard,
  parseMessageExamples,
} from './card/character-card.js';
export type { CharacterCardV2, JubenshaCardExtension } from './card/character-card.js';
export { importCharacterCard } from './card/card-import.js';
export type { ImportResult } from './card/card-import.js';
export { characterFileText } from './card/character-file-writer.js';
export { storyJsonSchemas } from './json-schema/json-schema.js';
export { main as runCli } from './cli/main.js';
export type { CliOptions } from './cli/main.js';
