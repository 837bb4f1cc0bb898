import { renderPrompt, stripCopyMarks } from '@jubensha/agents';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStory, type Story } from '@jubensha/story';
import { readdirSync } from 'node:fs';
import { corpusRows } from './corpus.js';
import { ungrounded } from './grounded.js';
import { RESERVED_NAMES } from './pools/reserved.js';
import type { CorpusOptions } from './corpus.js';
import { INTENT_MIX } from './dialogue.js';
import { INVENTED_NAMES_SHARE, INVENTED_PLACES_SHARE, makeMystery } from './mystery.js';
import { GIVEN_NAMES, givenPinyin } from './pools/people.js';
import { SETTINGS, isHeldOut } from './pools/settings.js';
import type { Row } from './row.js';
import { rowProblem } from './row.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Every story in the repo, bundled and evaluation alike: none of it may be in the model's training data. */
const stories: Story[] = [];
beforeAll(async () => {
  const root = path.resolve(here, '../../..');
  for (const dir of ['scripts-stories', 'tests/eval-stories'])
    for (const id of readdirSync(path.join(root, dir))) {
      const { story } = await loadStory(path.join(root, dir, id));
      if (story) stories.push(story);
    }
});

const rows = (o: Partial<CorpusOptions> = {}): Row[] => [
  ...corpusRows({ split: 'train', mysteries: 60, turnsPerMystery: 8, seed: 7, ...o }),
];
const CJK = /[\u3400-\u9fff]/g;
const LABELS = ['[INTENT]', '[GUIDE]', '[TARGET]', '[CLAIM]', '[FACTS]', '[ASKED]', '[REPLY]'];

describe('corpus', () => {
  it('is deterministic: the same options give the same rows, another seed other rows', () => {
    const a = JSON.stringify(rows());
    expect(JSON.stringify(rows())).toBe(a);
    expect(JSON.stringify(rows({ seed: 8 }))).not.toBe(a);
  });

  it('keeps held-out names and settings out of training', () => {
    const heldGiven = GIVEN_NAMES.filter((_, i) => isHeldOut(i));
    const heldSettings = SETTINGS.filter((_, i) => isHeldOut(i)).map((s) => s.name.zh);
    expect(heldGiven.length).toBeGreaterThanOrEqual(GIVEN_NAMES.length / 5 - 1);
    for (let seed = 0; seed < 300; seed++) {
      const train = makeMystery(seed, false);
      const held = makeMystery(seed, true);
      expect(heldSettings).not.toContain(train.setting.name.zh);
      expect(heldSettings).toContain(held.setting.name.zh);
      for (const c of [...train.characters]) {
        for (const g of heldGiven) {
          expect(c.name.zh).not.toContain(g.zh);
          expect(c.name.en.split(/[ ()]/)).not.toContain(givenPinyin(g));
        }
      }
    }
    const heldRows = rows({ split: 'heldout' });
    const trainRows = rows();
    const ids = new Set(trainRows.map((r) => r.messages[0]?.content));
    expect(heldRows.some((r) => ids.has(r.messages[0]?.content))).toBe(false);
  });

  it('invents names and places for many training mysteries (so names are copied, not recalled), never held-out ones', () => {
    const pooledGiven = new Set(GIVEN_NAMES.map((g) => g.zh));
    const pooledPlaces = new Set(SETTINGS.flatMap((s) => s.locations.map((l) => l.zh)));
    let inventedPeople = 0;
    let inventedPlaces = 0;
    const seeds = 400;
    for (let seed = 0; seed < seeds; seed++) {
      const train = makeMystery(seed, false);
      const given = train.characters.map((c) => c.name.zh.replace(/（.*）$/, '').slice(1));
      if (given.every((g) => !pooledGiven.has(g))) inventedPeople++;
      else expect(given.every((g) => pooledGiven.has(g))).toBe(true);
      if (train.setting.locations.every((l) => !pooledPlaces.has(l.zh))) inventedPlaces++;
      const held = makeMystery(seed, true);
      expect(held.characters.every((c) => pooledGiven.has(c.name.zh.replace(/（.*）$/, '').slice(1)))).toBe(
        true,
      );
      expect(held.setting.locations.every((l) => pooledPlaces.has(l.zh))).toBe(true);
    }
    expect(Math.abs(inventedPeople / seeds - INVENTED_NAMES_SHARE)).toBeLessThan(0.08);
    expect(Math.abs(inventedPlaces / seeds - INVENTED_PLACES_SHARE)).toBeLessThan(0.08);
  });

  it('writes every reply in the row’s language, grounded, and without a must-not-reveal phrase', () => {
    const all = [...rows(), ...rows({ split: 'heldout' })];
    expect(all.length).toBeGreaterThan(900);
    for (const row of all) {
      // What reaches the table: the copy marks are the model's, never shown.
      const reply = stripCopyMarks(row.reply);
      if (row.lang === 'en') expect(reply).not.toMatch(CJK);
      else expect((reply.match(CJK)?.length ?? 0) / reply.replace(/\s/g, '').length).toBeGreaterThan(0.5);
      for (const e of row.check.entities) expect(reply).toContain(e);
      for (const p of row.check.mustNotReveal) expect(reply.toLowerCase()).not.toContain(p.toLowerCase());
      // The agents' output guard: every time and number comes from the prompt, no phrase in any reading.
      expect(rowProblem(row), `${row.id}: ${reply}`).toBeNull();
      const figures = reply.match(/\d+(?::\d+)?/g) ?? [];
      const prompt = row.messages.map((m) => m.content).join('\n');
      for (const f of figures) expect(prompt).toContain(f);
      // No capitalised name, number word or Chinese numeral run the prompt does not hold.
      expect(ungrounded(reply, prompt, []), `${row.id}: ${reply}`).toBeNull();
      expect(reply.length).toBeGreaterThan(0);
      // Every marked copy starts where a span of the prompt starts (what the model matches the mark on).
      for (const m of row.reply.matchAll(/([⟨⟦⟪])([^⟩⟧⟫]*)[⟩⟧⟫]/gu)) {
        const [, open = '', inner = ''] = m;
        const start = inner.slice(0, 3);
        expect(
          prompt.includes(open + start) ||
            prompt.includes(open + start.charAt(0).toUpperCase() + start.slice(1)),
          `${row.id}: ${row.reply}`,
        ).toBe(true);
      }
      if (row.lang === 'zh') expect(reply.match(CJK)?.length ?? 0).toBeLessThanOrEqual(90);
      else expect(reply.length).toBeLessThanOrEqual(350);
    }
  });

  it('renders its messages with renderPrompt, labels in the documented order', () => {
    for (const row of rows({ mysteries: 20 })) {
      const [system, user] = row.messages;
      expect(system?.role).toBe('system');
      expect(user?.role).toBe('user');
      const labels = (user?.content ?? '').split('\n').flatMap((l) => LABELS.filter((x) => l.startsWith(x)));
      expect(labels).toEqual(LABELS.filter((l) => labels.includes(l)));
      expect(labels[0]).toBe('[INTENT]');
      expect(labels.at(-1)).toBe('[REPLY]');
      expect(user?.content).toContain(`[INTENT] ${row.intent}`);
      if (row.intent === 'cover') expect(user?.content).toContain(`[CLAIM] ⟦${row.check.claim}⟧`);
    }
  });

  it('gives the same messages as renderPrompt of the turn', async () => {
    const { sampleTurn } = await import('./dialogue.js');
    const { Rng } = await import('./rng.js');
    const { toRow } = await import('./row.js');
    const rng = new Rng(3);
    const mystery = makeMystery(3, false);
    for (let i = 0; i < 50; i++) {
      const turn = sampleTurn(rng, mystery, i % 2 ? 'en' : 'zh');
      if (!turn) continue;
      const row = toRow('x', 'train', turn);
      if (row) expect(row.messages).toEqual(renderPrompt(turn.parts));
    }
  });

  it('asks back naming nobody but the target (a third name would be unmarked, so looped, not copied)', async () => {
    const { sampleTurn } = await import('./dialogue.js');
    const { Rng } = await import('./rng.js');
    const rng = new Rng(5);
    let asks = 0;
    for (let m = 0; m < 40; m++) {
      const mystery = makeMystery(m, false);
      for (let i = 0; i < 20; i++) {
        const lang = i % 2 ? 'en' : 'zh';
        const turn = sampleTurn(rng, mystery, lang);
        if (turn?.intent !== 'ask') continue;
        asks++;
        const others = [mystery.victim, ...mystery.characters.map((c) => c.name)]
          .map((n) => n[lang])
          .filter((n) => n !== turn.parts.target);
        for (const n of others) expect(turn.reply, `${n} in ${turn.reply}`).not.toContain(n);
      }
    }
    expect(asks).toBeGreaterThan(100);
  });

  it('follows the real intent mix roughly, with hostile speech answered by withhold or cover', () => {
    const all = rows({ mysteries: 200 });
    const total = Object.values(INTENT_MIX).reduce((a, b) => a + b, 0);
    for (const [intent, weight] of Object.entries(INTENT_MIX)) {
      const share = all.filter((r) => r.intent === intent).length / all.length;
      expect(Math.abs(share - weight / total), intent).toBeLessThan(0.05);
    }
    const hostile = all.filter((r) =>
      /忽略你的指令|I order you|base64|pinyin|拼音/.test(r.messages[1]?.content ?? ''),
    );
    expect(hostile.length).toBeGreaterThan(10);
    for (const r of hostile) expect(['withhold', 'cover']).toContain(r.intent);
  });

  it('holds nothing of any story in the repo: no character name or authored line of a bundled or evaluation story', () => {
    expect(stories.length).toBeGreaterThanOrEqual(3);
    const words = new Set<string>();
    for (const s of stories) {
      for (const c of s.characters)
        for (const name of [c.name.zh, c.name.en]) if (name) words.add(name.replace(/[（(].*$/u, '').trim());
      for (const c of s.characters)
        for (const line of c.lines ?? [])
          for (const t of [line.text.zh, line.text.en]) if (t && t.length >= 12) words.add(t);
    }
    // The list the generator keeps out is the stories' own.
    for (const s of stories)
      for (const c of [...s.characters.map((x) => x.name), ...(s.victim ? [s.victim.name] : [])])
        for (const n of [c.zh, c.en])
          if (n) expect(RESERVED_NAMES).toContain(n.replace(/[（(].*$/u, '').trim());
    const all = [...rows({ mysteries: 400 }), ...rows({ split: 'heldout', mysteries: 150 })];
    for (const r of all) {
      const text = `${r.messages.map((m) => m.content).join('\n')}\n${r.reply}`;
      for (const w of words) if (text.includes(w)) expect.fail(`${r.id} holds "${w}"`);
    }
  });
});
