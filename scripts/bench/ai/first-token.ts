/**
 * How long a player waits for an AI character's answer (not a test):
 *   npx tsx scripts/bench/ai/first-token.ts [--rooms 1,4,16] [--rounds 3] [--language zh]
 *
 * One SeatDriver, as the game server runs it, with the model the environment configures (the bundled model by
 * default). In each of N rooms of the evaluation story at the last public discussion, a person asks an AI seat
 * where it was at the time of the incident while two other AI seats are asked the same by AI seats (the talk
 * among AI characters that fills a table), all rooms at once. Measured for the person's question, in one run:
 * the first piece of the answer on screen (streamed as written) and the whole line done (when the line used
 * to appear, before streaming); and, in rounds interleaved with those, the same with the asker taken for an
 * AI seat, so its answer waits its turn with the chatter (before answers to people went first).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SeatDriver } from '../../../packages/agents/src/table/seat-driver.js';
import { lastDiscussion, withMessage } from '../../../packages/agents/src/testing/game-at.js';
import { createLanguageModel, resolveLlmConfig } from '../../../packages/llm/src/index.js';
import { loadStory, type Story } from '../../../packages/story/src/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const { values } = parseArgs({
  options: {
    rooms: { type: 'string', default: '1,4,16' },
    rounds: { type: 'string', default: '3' },
    language: { type: 'string', default: 'zh' },
  },
});
const language = values.language === 'en' ? 'en' : 'zh';

const loaded = await loadStory(path.join(root, 'tests/eval-stories/on-air'));
if (!loaded.story) throw new Error('cannot load the evaluation story');
const story: Story = loaded.story;
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

/**
 * Every room asks at once; resolves when each person's question has its answer (or after a minute). With
 * `person` false the asker is taken for an AI seat: its answer is served like the chatter's.
 */
async function round(rooms: number, tag: string, person: boolean): Promise<Asked[]> {
  const driver = new SeatDriver({ model, humanGraceMs: 0, cooldownMs: 0, recheckMs: 60_000 });
  const asked: Asked[] = [];
  const waits: Promise<void>[] = [];
  const background: Promise<void>[] = [];
  const chars = story.characters;
  const ask = (r: number, k: number, measured: Asked | null) => {
    const seat = chars[(r + k) % chars.length];
    const asker = chars[(r + k + 1) % chars.length];
    if (!seat || !asker) throw new Error('the story has no characters');
    const name = (language === 'zh' ? seat.name.zh : seat.name.en) ?? seat.id;
    const question =
      language === 'zh' ? `${name}，案发那段时间你在哪里？` : `${name}, where were you when it happened?`;
    const snap = lastDiscussion(story, r + 1);
    const asking = withMessage(story, snap, seat.id, asker.id, question, 1);
    const view =
      measured && person
        ? asking
        : {
            ...asking,
            progress: {
              ...asking.progress,
              seats: asking.progress.seats.map((s) => ({ ...s, controller: 'ai' as const })),
            },
          };
    const start = performance.now();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 60_000);
      driver.onView({
        roomId: `${tag}-${r}`,
        story,
        language,
        seat: seat.id,
        view,
        stream: (e) => {
          if (measured && e.type === 'chat_chunk' && measured.first === null)
            measured.first = performance.now() - start;
        },
        submit: (command) => {
          if (command.type === 'PUBLIC_MESSAGE') {
            if (measured && measured.done === null) measured.done = performance.now() - start;
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve({ ok: true, version: view.version + 1 });
        },
      });
    });
  };
  for (let r = 0; r < rooms; r++) {
    // The chatter first: it is queued before the person's question, as talk already under way is.
    for (const k of [1, 2]) background.push(ask(r, k, null));
    const entry: Asked = { first: null, done: null };
    asked.push(entry);
    waits.push(ask(r, 0, entry));
  }
  // The chatter ends too before the next round starts, so no round queues behind another's.
  await Promise.all([...waits, ...background]);
  driver.close();
  return asked;
}

const stats = (all: Asked[]) => {
  const first = all.flatMap((a) => (a.first === null ? [] : [a.first]));
  const done = all.flatMap((a) => (a.done === null ? [] : [a.done]));
  return {
    answered: `${done.length}/${all.length}`,
    first: [quantile(first, 0.5), quantile(first, 0.9)] as const,
    done: [quantile(done, 0.5), quantile(done, 0.9)] as const,
  };
};
const ms = ([p50, p90]: readonly [number, number]) =>
  `${p50.toFixed(0).padStart(6)} / ${p90.toFixed(0).padEnd(6)}`;

const counts = values.rooms.split(',').map(Number);
const rounds = Number(values.rounds);
// One quiet question first: sessions and prefix caches warm, as in a server that has been running.
await round(1, 'warm', true);
console.log(
  'rooms  answered  first piece p50/p90 ms  whole line p50/p90 ms  first/whole  | as AI chatter: first piece  ratio',
);
for (const rooms of counts) {
  const people: Asked[] = [];
  const chatter: Asked[] = [];
  for (let i = 0; i < rounds; i++) {
    people.push(...(await round(rooms, `p${rooms}-${i}`, true)));
    chatter.push(...(await round(rooms, `c${rooms}-${i}`, false)));
  }
  const p = stats(people);
  const c = stats(chatter);
  console.log(
    `${String(rooms).padStart(5)}  ${p.answered.padStart(8)}  ${ms(p.first)}        ${ms(p.done)}       ` +
      `${(p.first[0] / p.done[0]).toFixed(2)}        | ${ms(c.first)}  ${(c.first[0] / p.first[0]).toFixed(2)}×`,
  );
}
await model.close();
