/**
 * The closed list of diagnostic codes. Tools (the CLI's JSON output, editors, CI) key on these, so a code is
 * never renamed; each names exactly one rule.
 */
export const DIAGNOSTIC_CODES = {
  // Reading the files.
  FILE_MISSING: 'A file the story needs does not exist.',
  FILE_OUTSIDE_STORY:
    "A file the story reads is outside the story's folder (a link or a path that leaves it).",
  YAML_SYNTAX: 'The YAML could not be parsed.',
  YAML_WARNING: 'The YAML parser warns about this node.',
  FRONT_MATTER_MISSING: 'A character file does not start with YAML front-matter between --- lines.',
  SCHEMA: 'A value does not match the story format (see the JSON Schema).',
  SECTION_UNKNOWN: 'A level-2 heading names no act (character file) or no language (debrief).',
  SECTION_DUPLICATE: 'The same act or language has two sections.',
  CHARACTER_FILE_EXTRA: 'A file in characters/ belongs to no character of story.yaml.',
  // Identity and references.
  STORY_ID_MISMATCH: 'The story id differs from its folder name.',
  DUPLICATE_ID: 'Two things of the same kind share an id.',
  REF_LOCATION: 'A location id refers to no location.',
  REF_CLUE: 'A clue id refers to no clue.',
  REF_CHARACTER: 'A character id refers to no character.',
  REF_ACT: 'An act number is beyond the acts of the phase plan.',
  REF_SECRET: 'A secret id refers to no secret of that character.',
  REF_CLAIM: 'A claim id refers to no claim of that character’s cover story.',
  CULPRIT_NOT_CHARACTER: 'A culprit is not a character of the story.',
  CULPRIT_NO_COVER: 'A culprit has no cover story, so it could not lie.',
  // Languages.
  LANG_MISSING: 'A text lacks one of the story’s languages.',
  SCRIPT_ACT_MISSING: 'A character has no script text for an act in a language.',
  // Phase plan.
  PHASE_START: 'The phase plan does not start with read act 1.',
  PHASE_ACT_ORDER: 'Read phases do not read acts 1, 2, … in order.',
  PHASE_ROUND_ORDER: 'Search rounds within an act are not numbered 1, 2, … in order.',
  PHASE_VOTE_COUNT: 'The plan does not have exactly one vote.',
  PHASE_STATEMENT_AFTER_VOTE: 'A statement phase comes after the vote.',
  PHASE_REVEAL_AFTER_VOTE: 'The vote is not followed directly by the one reveal.',
  PHASE_DEBRIEF_LAST: 'The plan does not end with the one debrief, right after the reveal.',
  CLUE_ROUND_MISSING: 'No search round exists for a clue’s act and round.',
  // Clue findability.
  KEY_CLUE_UNFINDABLE: 'A key clue can never be found.',
  CLUE_UNFINDABLE: 'A clue that is not key can never be found.',
  HIDDEN_UNTIL_CYCLE: 'Clues wait on each other in hiddenUntil, so none of them can appear.',
  // Timeline.
  TIMELINE_INTERVAL: 'An event ends before it starts.',
  TIMELINE_CONFLICT: 'One person is in two places at once.',
  // Secrets.
  SECRET_LEAK: 'A must-not-reveal phrase appears in text another seat can see before the reveal.',
  // The AI seats' output guard (run by `jubensha story validate`, which has @jubensha/agents).
  LINE_BLOCKED:
    'An authored line, cover claim or introduction reads to the AI seats’ guard as a must-not-reveal phrase of its character, so it is never spoken.',
  PHRASE_TOO_COMMON:
    'A must-not-reveal phrase so short or common that the guard finds it in ordinary speech (or too short to check at all).',
  // Solvability.
  ROUTE_WEAK: 'An evidence route does not point to every culprit more strongly than to anyone else.',
  ROUTE_UNFINDABLE: 'An evidence route uses a clue that can never be found.',
  ROUTES_NOT_INDEPENDENT: 'There are not two sound evidence routes that share no key clue.',
  // Endings.
  ENDING_FALLBACK: 'The last ending has conditions, so some votes would choose no ending.',
  ENDING_UNREACHABLE: 'No distribution of votes chooses this ending.',
  // Reading load.
  READING_LOAD_HIGH: 'A seat has more than twice the median reading load.',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
