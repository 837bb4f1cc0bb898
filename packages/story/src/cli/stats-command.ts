import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { loadStory } from '../load/load-story.js';
import { LINE_INTENTS } from '../schema/character-file.js';
import { READING_SPEED } from '../stats/reading-load.js';
import { storyStats } from '../stats/story-stats.js';
import type { StoryStats } from '../stats/story-stats.js';
import type { CliIo } from './io.js';

/** `jubensha story stats <dir>`: reading load per seat and act, clues per round and location, routes. */
export async function statsCommand(dir: string, format: 'human' | 'json', io: CliIo): Promise<number> {
  const { story, diagnostics } = await loadStory(dir);
  if (!story) {
    for (const d of diagnostics) io.err(formatDiagnostic(d));
    io.err(`${dir}: cannot show stats of a story with errors`);
    return 1;
  }
  const stats = storyStats(story);
  io.out(format === 'json' ? JSON.stringify(stats, null, 2) : renderStats(stats, story.culprits));
  return 0;
}

export function renderStats(stats: StoryStats, culprits: readonly string[]): string {
  const lines: string[] = [`${stats.id}: ${stats.seats} seats, ${stats.acts} act(s)`, ''];
  for (const language of new Set(stats.reading.map((r) => r.language))) {
    const unit = language === 'zh' ? 'characters' : 'words';
    lines.push(`Reading load (${language}, ${unit}; minutes at ${READING_SPEED[language]}/min)`);
    const acts = Array.from({ length: stats.acts }, (_, a) => `act ${a + 1}`);
    lines.push(
      table([
        ['seat', ...acts, 'total', 'min'],
        ...stats.reading
          .filter((r) => r.language === language)
          .map((r) => [r.character, ...r.perAct.map(String), String(r.total), r.minutes.toFixed(1)]),
      ]),
    );
    lines.push('');
  }
  lines.push('Clues per search round');
  lines.push(
    table([
      ['act', 'round', 'AP', 'clues', 'key', 'red herrings'],
      ...stats.rounds.map((r) => [r.act, r.round, r.actionPoints, r.clues, r.key, r.redHerrings].map(String)),
    ]),
  );
  lines.push('', 'Clues per location');
  lines.push(
    table([
      ['location', 'cost', 'clues'],
      ...stats.locations.map((l) => [l.id, String(l.cost), String(l.clues)]),
    ]),
  );
  if (stats.unfindable.length > 0) lines.push('', `Never findable: ${stats.unfindable.join(', ')}`);
  lines.push(
    '',
    'Authored lines per seat and intent (0: the AI seat words it from templates, or says a generic line)',
  );
  lines.push(
    table([
      ['seat', ...LINE_INTENTS],
      ...stats.lines.map((l) => [l.character, ...LINE_INTENTS.map((intent) => String(l.intents[intent]))]),
    ]),
  );
  lines.push('', `Evidence routes (culprits: ${culprits.join(', ')})`);
  for (const route of stats.routes) {
    const ranked = Object.entries(route.weights)
      .sort((a, b) => b[1] - a[1])
      .map(([id, w]) => `${id} ${w}`);
    lines.push(
      `  ${route.id}: key ${route.keyClues.join(', ') || '-'}; all ${route.clues.join(', ')}; points to ${ranked.join(', ')}`,
    );
  }
  return lines.join('\n');
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length))) ?? [];
  return rows
    .map(
      (r) =>
        '  ' +
        r
          .map((cell, i) => cell.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}
