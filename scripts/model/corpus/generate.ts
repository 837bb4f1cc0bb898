/**
 * The training corpus of the embedded default model (issue 8):
 *   npx tsx scripts/model/corpus/generate.ts --split train|heldout --mysteries N --turns-per-mystery M --seed S --out file.jsonl
 * See README.md in this folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusRows } from './corpus.js';

const { values } = parseArgs({
  options: {
    split: { type: 'string' },
    mysteries: { type: 'string' },
    'turns-per-mystery': { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});
const split = values.split;
const mysteries = Number(values.mysteries);
const turnsPerMystery = Number(values['turns-per-mystery']);
const seed = Number(values.seed);
if (
  (split !== 'train' && split !== 'heldout') ||
  !values.out ||
  !(mysteries > 0) ||
  !(turnsPerMystery > 0) ||
  !Number.isInteger(seed)
) {
  console.error(
    'usage: generate.ts --split train|heldout --mysteries N --turns-per-mystery M --seed S --out <file.jsonl>',
  );
  process.exit(2);
}

const started = performance.now();
const lines: string[] = [];
const counts = new Map<string, number>();
for (const row of corpusRows({ split, mysteries, turnsPerMystery, seed })) {
  lines.push(JSON.stringify(row));
  const key = `${row.lang} ${row.intent}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, lines.length > 0 ? `${lines.join('\n')}\n` : '');
const seconds = (performance.now() - started) / 1000;
console.log(
  `${lines.length} rows → ${values.out} in ${seconds.toFixed(1)} s (${Math.round(lines.length / seconds)} rows/s)`,
);
console.log(
  [...counts]
    .sort()
    .map(([k, n]) => `${k}: ${n}`)
    .join(', '),
);
