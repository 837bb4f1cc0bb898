import type { ClueCard, View } from '@jubensha/protocol';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { callNames } from '../character/names.js';
import { parseTimes } from './times.js';

/** What a word of the story stands for: a character (or the victim), a location, a clue. */
export interface Entry {
  kind: 'person' | 'place' | 'clue';
  /** A character id, 'victim', a location id or a clue id. */
  id: string;
}

export interface Mention extends Entry {
  index: number;
  text: string;
}

/** The victim, as a person the table talks about (not a seat). */
export const VICTIM = 'victim';

let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Generic words for the dead person, zh and en. */
const VICTIM_WORDS = [
  '死者',
  '受害人',
  '受害者',
  '被害人',
  '死去的',
  '老人家',
  '老爷子',
  'the victim',
  'the deceased',
  'the dead man',
  'the dead woman',
  'the body',
  'the old man',
  'the old lady',
];

/** Forms of address people use with a given name: 阿燕, 燕儿, 小燕 (with 何小燕), Ah Yan, Xiaoyan. */
function givenNameForms(zh: string | undefined, en: string | undefined): string[] {
  const full = (zh ?? '').replace(/[（(].*$/, '').trim();
  if (full.length < 2 || full.length > 4) return [];
  const given = full.slice(1);
  const last = given.slice(-1);
  const out = [given];
  if (given.length === 2) out.push(`阿${last}`, `${last}儿`);
  if (given.length === 1) out.push(`阿${given}`);
  // The English given name's last syllable: Xiaoyan → Yan (Ah Yan, Ah-Yan).
  const enGiven =
    (en ?? '')
      .replace(/[（(].*$/, '')
      .trim()
      .split(/\s+/)[1] ?? '';
  const syllables =
    enGiven.toLowerCase().match(/(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouü]+(?:ng|n|r)?(?![aeiou])/g) ?? [];
  const tail = syllables[syllables.length - 1];
  if (tail && syllables.length >= 2) {
    const cap = tail.charAt(0).toUpperCase() + tail.slice(1);
    out.push(`Ah ${cap}`, `Ah-${cap}`, `${cap}'er`);
  }
  return out;
}

/** How the table speaks of a victim by family name: 梁女士, 林老先生, Madam Liang, Mr Lin. */
function victimTitles(zh: string | undefined, en: string | undefined): string[] {
  const family = (zh ?? '')
    .replace(/[（(].*$/, '')
    .trim()
    .charAt(0);
  const enFamily = (en ?? '').trim().split(/\s+/)[0] ?? '';
  const out: string[] = [];
  if (family)
    for (const t of ['女士', '老师', '先生', '老先生', '老爷子', '老太太', '师傅', '老板'])
      out.push(family + t);
  if (enFamily)
    for (const t of ['Madam', 'Mrs', 'Ms', 'Miss', 'Mr', 'Master', 'Old']) out.push(`${t} ${enFamily}`);
  return out;
}

/** The part a character plays tonight, which the table uses as a name: 今晚演丫鬟春桃 → 春桃, playing the maid Chuntao → Chuntao. */
function roleNames(zh: string | undefined, en: string | undefined): string[] {
  const out: string[] = [];
  const z = /(?:演|扮演|饰演)([\u4e00-\u9fff]{2,6}?)(?=[，。；、,]|$)/.exec(zh ?? '');
  if (z?.[1]) out.push(z[1].length > 3 ? z[1].slice(-2) : z[1]);
  const e = /\bplaying (?:the )?(?:[a-z]+ )*?([A-Z][a-z]+)\b/.exec(en ?? '');
  if (e?.[1]) out.push(e[1]);
  return out;
}

/** Aliases in quotes or brackets the seat's own texts give (voice: 管何淑芬叫“何姨”, Calls Lin Jiadong 'Mr Lin Junior'). */
function quotedAliases(text: string): { alias: string; before: string; sentence: string }[] {
  const out: { alias: string; before: string; sentence: string }[] = [];
  for (const m of text.matchAll(
    /[“"「]([^”"」]{2,16})[”"」]|(?<![\p{L}\p{N}])'([^'\n]{2,16})'(?![\p{L}\p{N}])/gu,
  )) {
    const alias = (m[1] ?? m[2] ?? '').trim();
    if (!alias || /[，。,.!?！？；;]/.test(alias)) continue;
    const index = m.index ?? 0;
    // The words since the last quote or clause break: "管林家栋叫", " Lin Jiadong ".
    const head = text.slice(0, index);
    const cut = Math.max(...[...'”"」\'，。；;,.\n'].map((c) => head.lastIndexOf(c)));
    const start = Math.max(head.lastIndexOf('。'), head.lastIndexOf('. '), head.lastIndexOf('\n'));
    out.push({ alias, before: head.slice(cut + 1), sentence: head.slice(start + 1) });
  }
  return out;
}

/** Which way a character's public profile speaks of them: she/her, he/his; null when it does not say. */
function genderOf(profile: { zh?: string | undefined; en?: string | undefined }): 'f' | 'm' | null {
  const en = profile.en ?? '';
  const f =
    (en.match(/\b(?:she|her|hers|herself)\b/gi) ?? []).length + (profile.zh ?? '').split('她').length - 1;
  const m =
    (en.match(/\b(?:he|his|him|himself)\b/gi) ?? []).length + (profile.zh ?? '').split('他').length - 1;
  return f > m ? 'f' : m > f ? 'm' : null;
}

/** Titles the table puts after a family name (林女士, 何阿姨) or before it (Ms Lin), and whom they fit. */
const ZH_TITLES: [string, 'f' | 'm' | null][] = [
  ['阿姨', 'f'],
  ['姨', 'f'],
  ['女士', 'f'],
  ['小姐', 'f'],
  ['太太', 'f'],
  ['姐', 'f'],
  ['大姐', 'f'],
  ['姐姐', 'f'],
  ['婶', 'f'],
  ['嫂', 'f'],
  ['大妈', 'f'],
  ['先生', 'm'],
  ['叔', 'm'],
  ['叔叔', 'm'],
  ['伯', 'm'],
  ['伯伯', 'm'],
  ['哥', 'm'],
  ['大哥', 'm'],
  ['大爷', 'm'],
  ['老师', null],
  ['总', null],
  ['师傅', null],
  ['经理', null],
  ['老板', null],
  ['干事', null],
  ['同志', null],
  ['医生', null],
  ['大夫', null],
];
const EN_TITLES: [string, 'f' | 'm' | null][] = [
  ['Ms', 'f'],
  ['Miss', 'f'],
  ['Mrs', 'f'],
  ['Madam', 'f'],
  ['Aunt', 'f'],
  ['Auntie', 'f'],
  ['Sister', 'f'],
  ['Mr', 'm'],
  ['Uncle', 'm'],
  ['Brother', 'm'],
  ['Teacher', null],
  ['Master', null],
  ['Manager', null],
  ['Boss', null],
  ['Director', null],
  ['Little', null],
  ['Young', null],
  ['Comrade', null],
  ['Doctor', null],
  ['Dr', null],
];

/**
 * A family name with a title, for the one character it can mean: 何阿姨, Dr Nie when only one character is a
 * 何 or a Nie; 林女士, Ms Lin when three are Lins and one of them is a woman.
 */
function titledForms(
  characters: readonly {
    id: string;
    name: { zh?: string | undefined; en?: string | undefined };
    gender: 'f' | 'm' | null;
  }[],
): { form: string; id: string }[] {
  const fam = (c: (typeof characters)[number]) => {
    const zh = (c.name.zh ?? '').replace(/[（(].*$/, '').trim();
    const en = (c.name.en ?? '')
      .replace(/[（(].*$/, '')
      .trim()
      .split(/\s+/);
    return {
      zh: zh.length >= 2 && zh.length <= 3 ? zh.charAt(0) : '',
      en: en.length >= 2 ? (en[0] ?? '') : '',
    };
  };
  const out: { form: string; id: string }[] = [];
  for (const c of characters) {
    const mine = fam(c);
    for (const [titles, key, make] of [
      [ZH_TITLES, 'zh', (f: string, t: string) => f + t],
      // 小杜, 小聂: the younger ones by family name.
      [[['小', null]] as [string, null][], 'zh', (f: string, t: string) => t + f],
      [EN_TITLES, 'en', (f: string, t: string) => `${t} ${f}`],
    ] as const) {
      const f = mine[key];
      if (!f) continue;
      const same = characters.filter((o) => fam(o)[key] === f);
      for (const [t, g] of titles) {
        const fits = same.filter((o) => g === null || o.gender === g || o.gender === null);
        if (fits.length === 1 && fits[0]?.id === c.id && (g === null || c.gender === g))
          out.push({ form: make(f, t), id: c.id });
      }
    }
  }
  return out;
}

/** Short forms of a location name: the parts of 侧台与棚面, 包厢 of 二楼包厢, 一号房 of 一号化妆间, box of The upper box. */
const placeFormsCache = new Map<string, string[]>();
const clueFormsCache = new Map<string, string[]>();

/** Memoised per text: the same names come back at every view of every seat. */
function memo(cache: Map<string, string[]>, f: (t: string) => string[]): (t: string) => string[] {
  return (t) => {
    let hit = cache.get(t);
    if (!hit) {
      if (cache.size > 5000) cache.clear();
      cache.set(t, (hit = f(t)));
    }
    return hit;
  };
}

const placeForms = memo(placeFormsCache, placeFormsOf);
const clueForms = memo(clueFormsCache, clueFormsOf);

function placeFormsOf(name: string): string[] {
  const out = new Set<string>();
  const trimmed = name.trim();
  if (!trimmed) return [];
  if (/[\u3400-\u9fff]/.test(trimmed)) {
    out.add(trimmed);
    const parts = trimmed.split(/[与和及、]/).filter((p) => p.length >= 2);
    for (const p of parts) out.add(p);
    for (const p of [trimmed, ...parts]) {
      const numbered = /^([一二三四五六七八九十\d]+)号(.+)$/.exec(p);
      if (numbered) {
        const n = numbered[1] ?? '';
        const digits = /\d/.test(n) ? n : String(zhDigits(n));
        for (const k of [n, digits]) {
          out.add(`${k}号房`);
          out.add(`${k}号间`);
          out.add(`${k}号${numbered[2] ?? ''}`);
        }
      }
      const words = segmenter().cut(p, true);
      const head = words[words.length - 1] ?? '';
      if (words.length > 1 && head.length >= 2) out.add(head);
      if (words.length > 2) out.add(words.slice(-2).join(''));
    }
  } else {
    const lower = trimmed.toLowerCase().replace(/^(the|a|an)\s+/, '');
    out.add(lower);
    const parts = lower.split(/\s+(?:and|&)\s+/).map((p) => p.replace(/^(the|a|an)\s+/, ''));
    for (const p of parts) {
      out.add(p);
      const words = p.split(/\s+/);
      const numbered = /^(.*?)\s*(\d+)$/.exec(p);
      if (numbered) {
        const base = numbered[1] ?? '';
        const n = Number(numbered[2]);
        const word =
          ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][n] ?? '';
        const baseHead = base.split(/\s+/).pop() ?? '';
        for (const b of [base, baseHead]) {
          out.add(`${b} ${n}`);
          if (word) out.add(`${b} ${word}`);
        }
        continue;
      }
      if (words.length > 1) {
        out.add(words[words.length - 1] ?? '');
        out.add(words.slice(-2).join(' '));
        // "The east wing room" is the east wing: a name of two words or more before "room".
        if (words.length > 2 && words[words.length - 1] === 'room') out.add(words.slice(0, -1).join(' '));
      }
    }
  }
  // Typed short: "dressing rm 1".
  for (const f of [...out]) if (/\broom\b/.test(f)) out.add(f.replace(/\broom\b/g, 'rm'));
  return [...out].filter((f) => f.length >= 2 && f !== 'rm');
}

function zhDigits(text: string): number {
  const digits: Record<string, number> = {
    一: 1,
    二: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
    十: 10,
  };
  return digits[text] ?? NaN;
}

/** A count before a clue's noun: 一张订婚照, 一瓶地高辛, 一沓汇款单. */
const ZH_COUNT = /^[一两二三四五六七八九十几半整]+[张颗瓶沓个份把根只件条封本块片袋包盒串双株枚支盏台]/;
/** A one-character modifier a longer noun can lose: 金戒指, 小黑板, 铁火钎, 白衬衫. */
const ZH_MODIFIER = /^[金银铁铜木竹小大旧新白黑红粉破老长短]/;
/** Words too common to name a clue alone: 谁能证明 is no diagnosis. */
const COMMON_WORDS = new Set([
  '证明',
  '说明',
  '工作',
  '安排',
  '计划',
  '决定',
  '介绍',
  '解释',
  '回答',
  '检查',
  '调查',
]);
/** A spot with a name of its own ends in a word for a place (亭, 坑, a ravine, the stairs), not a thing's. */
const PLACE_ZH = /[亭坑房间室院园廊梯坡沟场屋棚阁楼井坪坝]$/;
const PLACE_EN =
  /\b(?:pavilion|ravine|stairs?|staircase|stairwell|corridor|yard|garden|shed|hall|room|porch|terrace|terraces|field|well|gate|path|alley|bridge|landing|attic|cellar|basement|kitchen|lobby|balcony|roof|pond|slope|hill|ridge|grove|orchard|courtyard|wings|pit|stage)$/;

/** What holds a thing: a clue is named by it too (the cream tin, 雪花膏盒, your satchel, the washtub). */
const HOLDER_ZH = /(?:[盒箱袋罐包柜屉篓兜盆]|枕头|口袋|抽屉|中山装|大衣)$/;
const HOLDER_EN =
  /\b(?:tin|box|case|bag|satchel|suitcase|drawer|pocket|overcoat|coat|tunic|jacket|libretto|tub|washtub|pillow|cupboard|cabinet|wardrobe|purse|wallet|jar)$/;

/**
 * Where a clue's title says it lies, when that is a spot of its location with a name of its own: 观景亭 of
 * 观景亭里的电池, back ravine of "New rows in the back ravine". The table names the spot for the place.
 */
function clueSpots(title: string): { spots: string[]; holders: string[] } {
  const t = title.trim();
  const spots: string[] = [];
  const holders: string[] = [];
  if (/[\u3400-\u9fff]/.test(t)) {
    const parts = t.split('的');
    if (parts.length < 2) return { spots, holders };
    const before = parts.slice(0, -1).join('的');
    const spot = /^(.{2,6}?)[里上下边旁中内前后]$/.exec(before)?.[1];
    if (spot && PLACE_ZH.test(spot)) spots.push(spot);
    if (spot && HOLDER_ZH.test(spot)) {
      holders.push(spot);
      // 雪花膏盒 → 雪花膏: the tin by what it holds.
      if (spot.length >= 4) holders.push(spot.slice(0, -1));
    }
  } else {
    const m =
      /\s(?:in|on|by|under|beside|near|behind|inside|at)\s+(?:the\s+|a\s+|an\s+)?([a-z][a-z0-9 -]{2,30})$/i.exec(
        t,
      );
    const spot = m?.[1]?.toLowerCase().trim();
    const last = spot?.split(/\s+/).pop() ?? '';
    if (spot && PLACE_EN.test(spot)) {
      spots.push(spot);
      // The last word alone when it can be nothing else: pavilion, ravine (not "leaves").
      if (last !== spot && last.length >= 6 && !last.endsWith('s')) spots.push(last);
    }
    if (spot && HOLDER_EN.test(spot)) {
      holders.push(spot);
      if (last !== spot && last.length >= 5) holders.push(last);
    }
  }
  return { spots, holders };
}

/** Words too general to name a clue on their own (a poison, a note): they name one only inside a longer form. */
const GENERIC_EN = new Set([
  'bundle',
  'pair',
  'piece',
  'small',
  'old',
  'opened',
  'little',
  'big',
  'two',
  'one',
  'poison',
  'note',
  'paper',
  'report',
  'stain',
  'mark',
  'marks',
  'water',
  'stripped',
  'empty',
  'fresh',
  'first',
  'end',
  'ends',
  'bed',
  'row',
  'rows',
  'order',
  'plan',
  'floor',
  'door',
  'second',
  'third',
  'last',
  'initial',
]);

/** Other words for a clue's head noun: a photograph is a photo, a flashlight a torch. */
const EN_SYNONYMS: Record<string, string[]> = {
  photograph: ['photo'],
  photo: ['photograph'],
  flashlight: ['torch'],
  torch: ['flashlight'],
  handkerchief: ['hanky', 'hankie'],
  teacup: ['cup'],
  telephone: ['phone'],
  spectacles: ['glasses'],
};
const EN_STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'by',
  'to',
  'at',
  'with',
  'from',
  'and',
  'for',
  'its',
  "'s",
]);

/** The words a clue is called by: its title and the nouns in it (茶杯 of 搪瓷参茶杯; mug and tea mug of The enamel tea mug). */
function clueFormsOf(title: string): string[] {
  const out = new Set<string>();
  const t = title.trim();
  if (!t) return [];
  if (/[\u3400-\u9fff]/.test(t)) {
    out.add(t);
    // What the title names is the part after its last 的, less a count (一张, 一瓶): 包厢的茶位单 → 茶位单,
    // 夹竹桃下的烟头 → 烟头 (the oleander is where it lies, not what it is).
    const head = (t.split('的').pop() ?? t).replace(ZH_COUNT, '');
    if (head.length >= 2) out.add(head);
    const words = segmenter().tag(head, true);
    // The head's last words, as people shorten it: 后台提纲 → 提纲, 搪瓷参茶杯 → 参茶杯, 茶杯; one word alone
    // only when it is a known noun (诊断证明 → not 证明).
    for (let k = 1; k < words.length; k++) {
      const tail = words.slice(k);
      const form = tail.map((w) => w.word).join('');
      const last = tail[tail.length - 1];
      if (!last || last.tag === 'x' || form.length < 2) continue;
      if (tail.length === 1 && (COMMON_WORDS.has(form) || !/^(?:n|vn|v)/.test(last.tag))) continue;
      out.add(form);
    }
    for (const f of [...out]) {
      if (f.includes('的')) continue;
      // 金戒指 → 戒指, 小黑板 → 黑板, 铁火钎 → 火钎: a one-character modifier dropped.
      if (f.length >= 3 && ZH_MODIFIER.test(f)) out.add(f.slice(1));
      // What a cup or a book holds: 参茶杯 → 参茶, 记录本 → 记录; 杯子, 瓶子 for the vessel.
      if (f.length >= 3 && /[杯壶碗罐本]$/.test(f) && !ZH_MODIFIER.test(f)) out.add(f.slice(0, -1));
      if (/[杯瓶盒箱袋锅壶碗盘罐桶]$/.test(f)) out.add(`${f.slice(-1)}子`);
    }
  } else {
    const lower = t.toLowerCase().replace(/[’']s\b/g, '');
    out.add(lower.replace(/^(?:the|a|an)\s+/, ''));
    // The noun phrase before a preposition, a participle or a comma: "An IOU torn in two" → IOU, "The
    // bridal cape, taken in" → bridal cape; "A bottle of digoxin" → bottle and digoxin.
    const [head = '', ...rest] = lower.split(
      /,|\s+(?:in|on|by|from|with|behind|under|beside|near|inside|at|taken|torn|left|found|for)\s+/,
    );
    const ofParts = head.split(/\s+of\s+/);
    for (const part of ofParts) {
      // The head noun keeps its place even when too general alone: "hospital report", not "hospital".
      const all = part.split(/[^a-z0-9-]+/).filter((w) => w && !EN_STOP.has(w));
      const head = all[all.length - 1];
      if (!head) continue;
      const words = [...all.slice(0, -1).filter((w) => !GENERIC_EN.has(w)), head];
      out.add(words.join(' '));
      out.add(head);
      if (words.length > 1) out.add(words.slice(-2).join(' '));
    }
    void rest;
    for (const f of [...out]) {
      const words = f.split(' ');
      const last = words[words.length - 1] ?? '';
      for (const other of EN_SYNONYMS[last] ?? []) out.add([...words.slice(0, -1), other].join(' '));
      // What a mug or a cup holds: "tea mug" → the tea.
      if (words.length === 2 && /^(?:mug|cup|flask|kettle|glass)$/.test(last)) out.add(words[0] ?? '');
    }
    for (const f of [...out]) if (f.endsWith('s') && !f.endsWith('ss')) out.add(f.slice(0, -1));
    for (const f of [...out]) if (EN_STOP.has(f) || GENERIC_EN.has(f)) out.delete(f);
  }
  return [...out].filter((f) => f.length >= 2);
}

/** Whether two words are one letter apart: one left out or put in, one changed, or two neighbours swapped. */
function oneEdit(a: string, b: string): boolean {
  if (a.length === b.length) {
    const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    if (diff.length === 1) return true;
    const [i = 0, j = 0] = diff;
    return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}

/**
 * The words of one story a seat can recognise: every character by every name and form of address, the
 * victim, every location by its short forms, the clues it has seen by their titles and nouns. A form that
 * would stand for two things of one kind is dropped (一号 for two rooms), except a clue noun shared by two
 * clues, which names both (a bottle).
 */
export class Lexicon {
  private readonly forms: { form: string; entries: Entry[]; latin: boolean }[] = [];
  /** Times the seat knows of, for placing a bare hour on the clock. */
  readonly frame: number[];
  /** Whom "she" and "he" can mean: each character's (and the victim's) pronoun in the public texts, or null. */
  readonly genders: ReadonlyMap<string, 'f' | 'm' | null>;

  constructor(
    readonly view: View,
    /** Clues to know besides the view's own finds and the published ones (the understanding test's whole story). */
    extraClues: readonly ClueCard[] = [],
  ) {
    const byForm = new Map<string, Entry[]>();
    /** How sure a person form is: 0 a name, 1 a title that fits one character, 2 a title of the victim's. */
    const rank = new Map<string, number>();
    const addKey = (key: string, entry: Entry, level: number) => {
      if (entry.kind === 'person') {
        // A surer form of a person keeps the word: 林女士 the one woman named Lin, not the victim's title.
        const was = rank.get(key);
        if (was !== undefined && was < level) return;
        if (was !== undefined && was > level)
          byForm.set(
            key,
            (byForm.get(key) ?? []).filter((e) => e.kind !== 'person'),
          );
        rank.set(key, level);
      }
      const list = byForm.get(key) ?? [];
      if (!list.some((e) => e.kind === entry.kind && e.id === entry.id)) list.push(entry);
      byForm.set(key, list);
    };
    const add = (form: string, entry: Entry, level = 0) => {
      const f = form.trim();
      if (f.length < 2) return;
      if (/[\u3400-\u9fff]/.test(f)) return addKey(f, entry, level);
      const key = f.toLowerCase();
      addKey(key, entry, level);
      // Typed with a hyphen or a space alike: "tea-room" is the tea room, "west 1" is West-1.
      const spaced = key.replace(/(?<=[a-z0-9])-(?=[a-z0-9])/g, ' ');
      const hyphened = key.replace(/(?<=[a-z0-9]) (?=[a-z0-9])/g, '-');
      if (key.split(/[\s-]+/).length <= 3)
        for (const k of new Set([spaced, hyphened])) if (k !== key) addKey(k, entry, level);
    };
    const me = view.me;
    const ownTexts = [
      me?.character.voice?.zh,
      me?.character.voice?.en,
      ...(me?.character.relationships ?? []).flatMap((r) => [r.text.zh, r.text.en]),
    ]
      .filter((t): t is string => !!t)
      .join('\n');
    for (const c of view.story.characters) {
      for (const n of callNames(view, c.id)) add(n, { kind: 'person', id: c.id });
      for (const n of givenNameForms(c.name.zh, c.name.en)) add(n, { kind: 'person', id: c.id });
      for (const n of roleNames(c.profile.zh, c.profile.en)) add(n, { kind: 'person', id: c.id });
    }
    const people = view.story.characters.map((c) => ({
      id: c.id,
      name: c.name,
      gender: genderOf(c.profile),
    }));
    this.genders = new Map([
      ...people.map((c): [string, 'f' | 'm' | null] => [c.id, c.gender]),
      [VICTIM, genderOf(view.story.premise)],
    ]);
    // Names a public profile says the table uses for its character: 背后叫他“拆台佬”, behind his back, “the wrecker”.
    for (const c of view.story.characters)
      for (const text of [c.profile.zh, c.profile.en])
        for (const { alias, sentence } of quotedAliases(text ?? ''))
          if (
            /叫|称|喊|\bcall(?:s|ed)?\b|known as|nicknamed/i.test(sentence) &&
            !/他们|她们|他俩|\bthem\b/i.test(sentence)
          )
            add(alias, { kind: 'person', id: c.id }, 1);
    for (const t of titledForms(people)) add(t.form, { kind: 'person', id: t.id }, 1);
    const victim = view.story.victim;
    // Quoted forms in the seat's own voice and relationships: a name it uses for someone (管林家栋叫“林总”,
    // Calls Lin Jiadong 'Mr Lin Junior'): the one named just before, or the one character the words can mean.
    const fullNames: [string, string][] = [
      ...view.story.characters.flatMap((c) =>
        [c.name.zh, c.name.en].map((n): [string, string] => [(n ?? '').replace(/[（(].*$/, '').trim(), c.id]),
      ),
      ...(victim ? [victim.name.zh, victim.name.en].map((n): [string, string] => [n ?? '', VICTIM]) : []),
    ].filter(([n]) => n.length >= 2);
    for (const { alias, before } of quotedAliases(ownTexts)) {
      const named = fullNames
        .map(([n, id]) => ({ id, at: before.toLowerCase().lastIndexOf(n.toLowerCase()) }))
        .filter((x) => x.at >= 0)
        .sort((a, b) => b.at - a.at)[0];
      if (named && /叫|称|喊|call|name|^\s*(?:and\s+)?\S/i.test(before)) {
        add(alias, { kind: 'person', id: named.id });
        continue;
      }
      const female = /女士|小姐|太太|姨|姐|婶|嫂|\b(?:ms|miss|mrs|madam|aunt|auntie|sister)\b/i.test(alias);
      const male = /先生|叔|伯|哥|爷|\b(?:mr|uncle|brother)\b/i.test(alias);
      const who = people.filter(
        (c) =>
          ((c.name.zh ?? '').includes(alias.slice(0, 1)) ||
            (c.name.en ?? '').includes(alias.split(' ').pop() ?? '\u0000')) &&
          (!female || c.gender !== 'm') &&
          (!male || c.gender !== 'f'),
      );
      if (who.length === 1 && who[0]) add(alias, { kind: 'person', id: who[0].id });
    }
    if (victim) {
      for (const n of [
        victim.name.zh,
        victim.name.en,
        ...(victim.aliases ?? []).flatMap((a) => [a.zh, a.en]),
      ])
        if (n) add(n, { kind: 'person', id: VICTIM });
      for (const n of givenNameForms(victim.name.zh, victim.name.en)) add(n, { kind: 'person', id: VICTIM });
      for (const n of victimTitles(victim.name.zh, victim.name.en)) add(n, { kind: 'person', id: VICTIM }, 2);
      const en = (victim.name.en ?? '').split(/\s+/);
      if (en.length > 1 && en[1]) add(en[1], { kind: 'person', id: VICTIM });
    }
    for (const w of VICTIM_WORDS) add(w, { kind: 'person', id: VICTIM });
    for (const l of view.story.locations)
      for (const n of [l.name.zh, l.name.en])
        for (const f of placeForms(n ?? '')) add(f, { kind: 'place', id: l.id });
    const clues = new Map<string, ClueCard>();
    for (const c of [...(me?.clues ?? []), ...(view.table?.publishedClues ?? []), ...extraClues])
      clues.set(c.id, c);
    for (const c of clues.values())
      for (const n of [c.title.zh, c.title.en]) {
        for (const f of clueForms(n ?? '')) add(f, { kind: 'clue', id: c.id });
        for (const f of clueSpots(n ?? '').holders) add(f, { kind: 'clue', id: c.id });
      }
    // The named spot a clue lies at (观景亭, the back ravine) stands for its location, if it is no other word.
    for (const c of clues.values())
      if (c.location && view.story.locations.some((l) => l.id === c.location))
        for (const n of [c.title.zh, c.title.en])
          for (const f of clueSpots(n ?? '').spots)
            if (
              !byForm.has(/[\u3400-\u9fff]/.test(f) ? f : f.toLowerCase()) &&
              !byForm.has(f.replace(/s$/, ''))
            )
              add(f, { kind: 'place', id: c.location });
    for (const [form, entries] of byForm) {
      // One form, two people or two places: it names neither. Two clues: it names both (the bottle).
      const kinds = new Set(entries.map((e) => e.kind));
      let kept = entries;
      if (kinds.size > 1) {
        // A character's name beats a clue or place word that happens to contain it.
        const person = entries.filter((e) => e.kind === 'person');
        kept = person.length > 0 ? person : entries.filter((e) => e.kind === 'place');
      }
      const ids = new Set(kept.map((e) => e.id));
      if (kept[0]?.kind !== 'clue' && ids.size > 1) continue;
      if (kept[0]?.kind === 'clue' && ids.size > 2) continue;
      this.forms.push({ form, entries: kept, latin: !/[\u3400-\u9fff]/.test(form) });
    }
    // Longest first, so 一号化妆间 wins over 化妆间 and "tea mug" over "mug".
    this.forms.sort((a, b) => b.form.length - a.form.length);
    const frame: number[] = [];
    const times = (t: string | null | undefined) => {
      if (t) for (const m of parseTimes(t)) frame.push(m.span.from);
    };
    times(view.story.premise.zh);
    times(view.story.premise.en);
    for (const c of clues.values()) {
      times(c.text.zh);
      times(c.text.en);
    }
    for (const m of me?.character.movements ?? []) {
      const at = /^(\d+):(\d+)$/.exec(m.at);
      if (at) frame.push(m.day * 1440 + Number(at[1]) * 60 + Number(at[2]));
    }
    if (view.story.incident) {
      const at = /^(\d+):(\d+)$/.exec(view.story.incident.at);
      if (at) frame.push(view.story.incident.day * 1440 + Number(at[1]) * 60 + Number(at[2]));
    }
    this.frame = frame.length > 0 ? frame : [21 * 60];
  }

  /**
   * The story word a typed word of seven letters or more misspells by one letter (hankerchief, flashlite): a
   * letter left out, put in, changed or two swapped, the first two and last two letters kept.
   */
  misspelt(word: string): Entry[] {
    const w = word.toLowerCase();
    if (w.length < 7 || !/^[a-z]+$/.test(w)) return [];
    const out: Entry[] = [];
    for (const f of this.forms) {
      if (!f.latin || Math.abs(f.form.length - w.length) > 1 || f.form === w) continue;
      if (f.form.slice(0, 2) !== w.slice(0, 2) || f.form.slice(-2) !== w.slice(-2)) continue;
      if (oneEdit(f.form, w)) out.push(...f.entries);
    }
    return out;
  }

  /** Forms by their first character (lowercased), longest first: a text is scanned once, left to right. */
  private byFirst: Map<string, { form: string; entries: Entry[]; latin: boolean }[]> | null = null;
  private readonly found = new Map<string, Mention[]>();

  /** Every story word in a text, the longest at each place and never overlapping, in order of where it stands. */
  find(text: string): Mention[] {
    const hit = this.found.get(text);
    if (hit) return hit;
    if (!this.byFirst) {
      this.byFirst = new Map();
      for (const f of this.forms) {
        const k = f.form.charAt(0);
        const list = this.byFirst.get(k) ?? [];
        list.push(f);
        this.byFirst.set(k, list);
      }
    }
    const lower = text.toLowerCase();
    const out: Mention[] = [];
    for (let i = 0; i < text.length;) {
      const candidates = this.byFirst.get(lower.charAt(i)) ?? this.byFirst.get(text.charAt(i)) ?? [];
      let taken = 0;
      for (const f of candidates) {
        const hay = f.latin ? lower : text;
        if (!hay.startsWith(f.form, i)) continue;
        const end = i + f.form.length;
        // Latin forms as whole words ("Hall" is not in "shall"; "De" is not in "dead").
        if (f.latin && (/[a-z0-9]/.test(lower.charAt(i - 1)) || /[a-z0-9]/.test(lower.charAt(end)))) continue;
        for (const e of f.entries) out.push({ ...e, index: i, text: text.slice(i, end) });
        taken = f.form.length;
        break;
      }
      i += taken > 0 ? taken : 1;
    }
    if (this.found.size > 4000) this.found.clear();
    this.found.set(text, out);
    return out;
  }
}
