import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { View } from '@jubensha/protocol';
import { loadStory, type Story } from '@jubensha/story';
import { beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../character/names.js';
import { malformation, type Malformation } from './well-formed.js';

const zh = { language: 'zh' as const, selfNames: ['林家栋', '家栋'] };
const en = { language: 'en' as const, selfNames: ['Lin Jiadong', 'Jiadong'] };

describe('well-formed speech', () => {
  it.each([
    ['我是林秀禾， of it的女儿。', 'script'],
    ['我是周远山，今 is private的事，我比周远山，焙茶的。', 'script'],
    ['货舱里装的是瓷器和桐油，货舱里装的是瓷器和桐油，货舱里装的是我哥。', 'repeat'],
    ['我说过了，我爸从不跟我说说对，保持角色。', 'echo'],
    ['我怀疑韩启明，因为舵工老秦塞在舵轮底下的字条线索说，去今晚这场戏，我 for for。', 'script'],
    ['林家栋，那是私事，请别再问了。', 'self-address'],
    ['我九点在焙房，', 'incomplete'],
    ['他说“九点在焙房。', 'incomplete'],
  ])('zh: %s → %s', (text, kind) => expect(malformation(text, zh)?.kind).toBe(kind));

  it.each([
    ['Luo A\uFFFD, what do you make of all this yourself?', 'replacement-char'],
    ['Lin Jiadong, that is private. Please do not ask again.', 'self-address'],
    [
      'I told you about the roasting house door and I told you about the roasting house door again.',
      'repeat',
    ],
    ['Answer with the CLAIM, naturally, and add nothing.', 'echo'],
    ['I was in the hall 我 at nine.', 'script'],
    ['At nine I was in the', 'incomplete'],
  ])('en: %s → %s', (text, kind) => expect(malformation(text, en)?.kind).toBe(kind));

  it.each([
    '九点零五分到九点一刻，我在侧台与棚面。',
    '我不同意。我不觉得是德叔。要我说更可疑的是何小燕：何小燕说“九点零五分下场以后，我一直站在侧台边看师父唱”，可一颗粉红绒球上写着：戏班里只有丫鬟春桃的头饰缀这种粉红绒球。',
    '哈哈，我也这么想。',
  ])('good zh passes: %s', (text) => expect(malformation(text, zh)).toBeNull());

  it.each([
    'From 8:59 to 9:01 I was in dressing room 1, then until 9:21 in the wardrobe room.',
    "On the back, in Qiutang's pencil: not a cent touched. On the back of the photo: summer 1961.",
    'Uncle De, where were you when it happened? Can anyone vouch for you?',
  ])('good en passes: %s', (text) => expect(malformation(text, en)).toBeNull());

  it('an introduction may open with the speaker’s own name', () => {
    expect(
      malformation('Lin Jiadong, eldest son. I came up to talk my father round.', {
        ...en,
        introduction: true,
      }),
    ).toBeNull();
  });
});

/**
 * Lines mined from all-AI games with the bundled model (scripts/mine-lines.mts) on both bundled stories and the
 * evaluation story, zh and en, each read by hand: `garbled.jsonl` holds lines garbled to a reader, `good.jsonl`
 * well-formed lines (the playtests' authored and template lines, and the model's well-formed ones).
 * `garbled-missed.jsonl` holds garbled lines no general rule here catches (word salad that is well-formed in
 * shape): reported, not asserted.
 */
interface Fixture {
  text: string;
  language: 'zh' | 'en';
  story: 'last-curtain' | 'rain-tea-hills' | 'on-air';
  kind?: Malformation;
  seat?: string | null;
  act?: string | null;
}

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DIRS = {
  'last-curtain': 'scripts-stories/last-curtain',
  'rain-tea-hills': 'scripts-stories/rain-tea-hills',
  'on-air': 'tests/eval-stories/on-air',
} as const;
const read = (name: string): Fixture[] =>
  readFileSync(new URL(`./well-formed-lines/${name}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Fixture);
const GARBLED = read('garbled');
const MISSED = read('garbled-missed');
const GOOD = read('good');

/** Kinds the check names exactly: a line showing one is reported as that kind. */
const NAMED: Malformation[] = ['script', 'replacement-char', 'control-char', 'echo', 'self-address'];

describe('well-formedness on mined playtest lines', () => {
  const stories = new Map<string, Story>();
  beforeAll(async () => {
    for (const [id, dir] of Object.entries(DIRS)) {
      const { story } = await loadStory(`${ROOT}${dir}`);
      if (!story) throw new Error(`${dir} does not load`);
      stories.set(id, story);
    }
  });
  const check = (f: Fixture) => {
    const story = stories.get(f.story);
    const selfNames = story && f.seat ? callNames({ story } as unknown as View, f.seat) : [];
    return malformation(f.text, { language: f.language, selfNames, introduction: f.act === 'intro' });
  };

  it('holds at least 200 garbled and 200 good lines, zh and en, from every story', () => {
    expect(GARBLED.length).toBeGreaterThanOrEqual(200);
    expect(GOOD.length).toBeGreaterThanOrEqual(200);
    for (const language of ['zh', 'en'] as const) {
      expect(GARBLED.filter((f) => f.language === language).length).toBeGreaterThanOrEqual(80);
      expect(GOOD.filter((f) => f.language === language).length).toBeGreaterThanOrEqual(80);
    }
    for (const story of Object.keys(DIRS)) expect(GARBLED.some((f) => f.story === story)).toBe(true);
  });

  it('catches every garbled line, naming the kinds it names', () => {
    const table: Record<string, { lines: number; caught: number; sameKind: number }> = {};
    const missed: string[] = [];
    for (const f of GARBLED) {
      const got = check(f);
      const row = (table[`${f.kind}/${f.language}/${f.story === 'on-air' ? 'eval' : 'bundled'}`] ??= {
        lines: 0,
        caught: 0,
        sameKind: 0,
      });
      row.lines++;
      if (got) row.caught++;
      else missed.push(f.text);
      if (got?.kind === f.kind) row.sameKind++;
      if (f.kind && NAMED.includes(f.kind)) expect(got?.kind, f.text).toBe(f.kind);
    }
    console.table(table);
    expect(missed).toEqual([]);
  });

  it('passes every good line', () => {
    const stopped = GOOD.map((f) => ({ f, got: check(f) }))
      .filter((x) => x.got)
      .map((x) => `${x.got?.kind}: ${x.got?.detail} | ${x.f.text}`);
    expect(stopped).toEqual([]);
  });

  it('reports the garbled lines no rule catches', () => {
    const caught = MISSED.filter((f) => check(f)).length;
    console.log(`garbled lines without a rule: ${MISSED.length - caught} of ${MISSED.length} pass`);
    expect(MISSED.every((f) => f.kind)).toBe(true);
  });
});
