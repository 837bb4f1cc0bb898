/**
 * How long a player waits for an AI character's answer (not a test):
 *   npx tsx scripts/bench/ai/first-token.ts [--rooms 1,4,16] [--rounds 3] [--language zh]
 *
 * One SeatDriver, as the game server runs it, with the model the environment configures (the bundled model by
 * default). In each of N rooms of the evaluation story at the last public discussion, a person asks an AI seat
 * where it was at the time of the incident, all rooms at once. Measured per question, in one run: the first
 * piece of the answer on screen (streamed as written) and the whole line done (when the line used to appear,
 * before streaming). Prints medians, p90 and their ratio for each number of rooms.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SeatDriver } from '../../../packages/agents/src/table/seat-driver.js';
import { lastDiscussion, withMessage } from '../../../packages/agents/src/testing/game-at.js';
import { createLanguageModel, resolveLlmConfig } from '../../../packages/llm/src/index.js';
import { loadStory } from '../../../packages/story/src/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const { values } = parseArgs({
  options: {
    rooms: { type: 'string', default: '1,4,16' },
    rounds: { type: 'string', default: '3' },
    language: { type: 'string', default: 'zh' },
  },
});
const language = values.language === 'en' ? 'en' : 'zh';

const { story } = await loadStory(path.join(root, 'tests/eval-stories/on-air'));
if (!story) throw new Error('cannot load the evaluation story');
const model = await createLanguageModel(resolveLlmConfig(process.env, {}));
if (!model) throw new Error('JUBENSHA_LLM=none: there is no model to measure');
console.log(`model: ${model.description}`);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

interface Asked {
  first: number | null;
  done: number | null;
}

/** Every room asks at once; resolves when each question has its answer (or after a minute). */
async function round(rooms: number, tag: string): Promise<Asked[]> {
  const driver = new SeatDriver({ model, humanGraceMs: 0, cooldownMs: 0, recheckMs: 60_000 });
  const asked: Asked[] = [];
  const waits: Promise<void>[] = [];
  const chars = story.characters;
  for (let r = 0; r < rooms; r++) {
    const seat = chars[r % chars.length];
    const asker = chars[(r + 1) % chars.length];
    if (!seat || !asker) throw new Error('the story has no characters');
    const name = (language === 'zh' ? seat.name.zh : seat.name.en) ?? seat.id;
    const question =
      language === 'zh' ? `${name}，案发那段时间你在哪里？` : `${name}, where were you when it happened?`;
    const snap = lastDiscussion(story, r + 1);
    const view = withMessage(story, snap, seat.id, asker.id, question, 1);
    const entry: Asked = { first: null, done: null };
    asked.push(entry);
    const start = performance.now();
    waits.push(
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 60_000);
        driver.onView({
          roomId: `${tag}-${r}`,
          story,
          language,
          seat: seat.id,
          view,
          stream: (e) => {
            if (e.type === 'chat_chunk' && entry.first === null) entry.first = performance.now() - start;
          },
          submit: (command) => {
            if (command.type === 'PUBLIC_MESSAGE' && entry.done === null) {
              entry.done = performance.now() - start;
              clearTimeout(timer);
              resolve();
            }
            return Promise.resolve({ ok: true, version: view.version + 1 });
          },
        });
      }),
    );
  }
  await Promise.all(waits);
  driver.close();
  return asked;
}

const counts = values.rooms.split(',').map(Number);
const rounds = Number(values.rounds);
// One quiet question first: sessions and prefix caches warm, as in a server that has been running.
await round(1, 'warm');
console.log('rooms  questions  first piece p50/p90 ms  whole line p50/p90 ms  first/whole (p50)');
for (const rooms of counts) {
  const all: Asked[] = [];
  for (let i = 0; i < rounds; i++) all.push(...(await round(rooms, `r${rooms}-${i}`)));
  const first = all.flatMap((a) => (a.first === null ? [] : [a.first]));
  const done = all.flatMap((a) => (a.done === null ? [] : [a.done]));
  const f50 = quantile(first, 0.5);
  const d50 = quantile(done, 0.5);
  console.log(
    `${String(rooms).padStart(5)}  ${String(`${done.length}/${all.length}`).padStart(9)}  ` +
      `${f50.toFixed(0).padStart(9)} / ${quantile(first, 0.9).toFixed(0).padEnd(9)}  ` +
      `${d50.toFixed(0).padStart(9)} / ${quantile(done, 0.9).toFixed(0).padEnd(9)}  ${(f50 / d50).toFixed(2)}`,
  );
}
await model.close();
