import type { View } from '@jubensha/protocol';
import type { Lexicon } from './lexicon.js';

/** How one person stands to another, read from the public profiles: "林守正的长子", "Lin Jiadong's son". */
type Tie = 'child' | 'grandchild' | 'spouse' | 'apprentice';

const ZH_TIES: [RegExp, Tie][] = [
  [/^的(?:长子|次子|儿子|小儿子|大儿子|独子|女儿|大女儿|小女儿|独女|养女|养子)/, 'child'],
  [/^的(?:孙子|孙女|外孙|外孙女|长孙)/, 'grandchild'],
  [/^的(?:妻子|第二任妻子|第一任妻子|太太|夫人|丈夫|老伴|续弦)/, 'spouse'],
  [/^的(?:徒弟|弟子|学徒|关门弟子)/, 'apprentice'],
];
const EN_TIES: [RegExp, Tie][] = [
  [/^['’]s (?:elder |younger |eldest |youngest |second |only |adopted )?(?:son|daughter|child)\b/i, 'child'],
  [/^['’]s (?:eldest |only )?(?:grandson|granddaughter|grandchild)\b/i, 'grandchild'],
  [/^['’]s (?:second |first |late )?(?:wife|husband)\b/i, 'spouse'],
  [/^['’]s (?:apprentice|student|pupil|disciple)\b/i, 'apprentice'],
];

/** Words a speaker uses for a relative: the kin term of the speaker's side of the tie. */
const TERMS = {
  parent: [
    '爸',
    '爸爸',
    '老爸',
    '父亲',
    '爹',
    '阿爸',
    '妈',
    '妈妈',
    '母亲',
    'dad',
    'father',
    'pa',
    'papa',
    'mum',
    'mom',
    'mother',
  ],
  child: ['儿子', '女儿', '闺女', '孩子', 'son', 'daughter', 'my boy', 'my girl'],
  grandparent: [
    '爷爷',
    '奶奶',
    '外公',
    '外婆',
    '阿公',
    'grandpa',
    'grandad',
    'granddad',
    'grandfather',
    'grandma',
    'grandmother',
  ],
  grandchild: ['孙子', '孙女', '乖孙', 'grandson', 'granddaughter'],
  spouse: ['老伴', '老公', '老婆', '丈夫', '妻子', '太太', '老头子', 'husband', 'wife'],
  teacher: ['师父', '师傅', '老师', 'teacher', 'master', 'sifu'],
  apprentice: ['徒弟', '徒儿', 'apprentice'],
  sibling: [
    '哥',
    '哥哥',
    '大哥',
    '姐',
    '姐姐',
    '大姐',
    '弟',
    '弟弟',
    '妹',
    '妹妹',
    '小妹',
    'brother',
    'sister',
    'bro',
    'sis',
  ],
  aunt: ['姑', '姑姑', '姑妈', '阿姨', '叔', '叔叔', '舅', '舅舅', 'aunt', 'auntie', 'uncle'],
} as const;

interface Edge {
  /** The younger/lower side: the child, grandchild, apprentice (for spouse: the one whose profile says it). */
  from: string;
  to: string;
  tie: Tie;
}

/**
 * Ties said further along the sentence: 被梁秋棠…带回剧团，手把手教出来的徒弟 (the apprentice of the one named),
 * "by Liang Qiutang, who taught her everything" (the one named taught this character).
 */
const ZH_TIES_LATER: [RegExp, Tie][] = [
  [/^[^。；;！？]{0,30}?(?:教出来|带出来|带大|收下|收)的(?:徒弟|弟子|学徒)/, 'apprentice'],
];
const EN_TIES_LATER: [RegExp, Tie][] = [[/^,? who (?:taught|trained|raised) (?:her|him)\b/i, 'apprentice']];

const edgesOf = new WeakMap<Lexicon, Edge[]>();

function edges(view: View, lexicon: Lexicon): Edge[] {
  const known = edgesOf.get(lexicon);
  if (known) return known;
  const out: Edge[] = [];
  for (const c of view.story.characters) {
    for (const [text, ties, later] of [
      [c.profile.zh ?? '', ZH_TIES, ZH_TIES_LATER],
      [c.profile.en ?? '', EN_TIES, EN_TIES_LATER],
    ] as const) {
      const people = lexicon.find(text).filter((m) => m.kind === 'person');
      for (const [k, m] of people.entries()) {
        if (m.id === c.id) continue;
        const after = text.slice(m.index + m.text.length);
        for (const [re, tie] of ties) if (re.test(after)) out.push({ from: c.id, to: m.id, tie });
        // A later tie belongs to this name only when no other name stands between.
        const next = people[k + 1];
        const span = next ? text.slice(m.index + m.text.length, next.index) : after;
        for (const [re, tie] of later)
          if (re.test(span) && !out.some((e) => e.from === c.id && e.to === m.id && e.tie === tie))
            out.push({ from: c.id, to: m.id, tie });
      }
    }
  }
  edgesOf.set(lexicon, out);
  return out;
}

/** Kin words by lexicon and speaker: worked out once per seat's lexicon, read on every line. */
const termsOf = new WeakMap<Lexicon, Map<string, ReadonlyMap<string, string>>>();

/**
 * The kin words a speaker uses for others, each to the one person it can mean for that speaker: 爸 is
 * Lin Jiadong when his son says it and the victim when his daughter does. A word that could mean two people
 * for this speaker means neither.
 */
export function kinTerms(view: View, lexicon: Lexicon, speaker: string): ReadonlyMap<string, string> {
  let bySeat = termsOf.get(lexicon);
  if (!bySeat) termsOf.set(lexicon, (bySeat = new Map()));
  let terms = bySeat.get(speaker);
  if (!terms) bySeat.set(speaker, (terms = kinTermsOf(view, lexicon, speaker)));
  return terms;
}

function kinTermsOf(view: View, lexicon: Lexicon, speaker: string): Map<string, string> {
  const all = edges(view, lexicon);
  const found = new Map<string, Set<string>>();
  const add = (terms: readonly string[], id: string) => {
    for (const t of terms) {
      const set = found.get(t) ?? new Set<string>();
      set.add(id);
      found.set(t, set);
    }
  };
  const parents = (x: string) => all.filter((e) => e.from === x && e.tie === 'child').map((e) => e.to);
  for (const e of all) {
    if (e.tie === 'child') {
      if (e.from === speaker) add(TERMS.parent, e.to);
      if (e.to === speaker) add(TERMS.child, e.from);
    }
    if (e.tie === 'grandchild') {
      if (e.from === speaker) add(TERMS.grandparent, e.to);
      if (e.to === speaker) add(TERMS.grandchild, e.from);
    }
    if (e.tie === 'spouse' && (e.from === speaker || e.to === speaker))
      add(TERMS.spouse, e.from === speaker ? e.to : e.from);
    if (e.tie === 'apprentice') {
      if (e.from === speaker) add(TERMS.teacher, e.to);
      if (e.to === speaker) add(TERMS.apprentice, e.from);
    }
  }
  // Grandparents through parents, siblings through a shared parent, a parent's siblings.
  for (const p of parents(speaker)) {
    for (const g of parents(p)) add(TERMS.grandparent, g);
    for (const e of all)
      if (e.tie === 'child' && e.to === p && e.from !== speaker) add(TERMS.sibling, e.from);
    for (const g of parents(p))
      for (const e of all) if (e.tie === 'child' && e.to === g && e.from !== p) add(TERMS.aunt, e.from);
  }
  const out = new Map<string, string>();
  for (const [t, ids] of found) if (ids.size === 1) out.set(t, [...ids][0] as string);
  return out;
}
