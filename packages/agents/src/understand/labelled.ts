import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectView } from '@jubensha/engine';
import type { ClueCard } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import { lastDiscussion } from '../testing/game-at.js';
import { Lexicon } from './lexicon.js';
import { understand, type Understood } from './understand.js';

/** One hand-labelled utterance of the understanding test set (`labelled/<story>.<lang>.jsonl`). */
export interface LabelledLine {
  text: string;
  style: 'clean' | 'typed';
  speaker: string;
  acts: string[];
  to: string | null;
  people: string[];
  places: string[];
  clues: string[];
  times: { at: string; until: string | null; approx: boolean }[];
}

export interface LabelledFile {
  story: string;
  lang: string;
  lines: LabelledLine[];
}

export function readLabelled(dir: string): LabelledFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => {
      const [story = '', lang = ''] = f.split('.');
      const lines = readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as LabelledLine);
      return { story, lang, lines };
    });
}

const minutes = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Whether the times read match the labels: one span per labelled time, in order. An exact label wants the very
 * minutes (its start, and its end or the start again), or for one time, the hour the reader gives a bound by
 * it ("after nine"); a vague one (around nine, 九点多) wants a start within a quarter hour of it and an end
 * within the hour.
 */
function sameTimes(got: Understood['times'], want: LabelledLine['times']): boolean {
  if (got.length !== want.length) return false;
  return want.every((w, i) => {
    const g = got[i];
    if (!g) return false;
    const at = minutes(w.at);
    const until = w.until ? minutes(w.until) : at;
    if (!w.approx) {
      if (g.from === at && g.to === until) return true;
      // "after nine", 九点以后, "till 9:20": the labels write the one time said; the reader gives the hour it
      // bounds (21:00–22:00, 20:20–21:20). The same time said, in the reader's shape.
      return !w.until && g.approx && g.to - g.from === 60 && (g.from === at || g.to === at);
    }
    return Math.abs(g.from - at) <= 15 && Math.abs(g.to - until) <= 60;
  });
}

export const SLOT_KINDS = ['to', 'people', 'places', 'clues', 'times'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export interface LineScore {
  line: LabelledLine;
  got: Understood;
  act: boolean;
  slots: Record<SlotKind, boolean>;
}

/**
 * Reads every line of a file as its speaker's seat would at the end of a game: its own script, voice and
 * relationships read, and every clue of the story known.
 */
export function scoreFile(story: Story, file: LabelledFile): LineScore[] {
  const game = lastDiscussion(story);
  const clues: ClueCard[] = story.clues.map((c) => ({
    id: c.id,
    location: c.location,
    title: c.title,
    text: c.text,
    foundBy: story.characters[0]?.id ?? 'x',
    foundAt: 0,
    published: true,
    kept: false,
  }));
  const lexicons = new Map<string, Lexicon>();
  return file.lines.map((line) => {
    let lexicon = lexicons.get(line.speaker);
    if (!lexicon) {
      lexicon = new Lexicon(projectView(story, game, { kind: 'seat', seat: line.speaker }), clues);
      lexicons.set(line.speaker, lexicon);
    }
    const got = understand(line.text, { lexicon, speaker: line.speaker });
    return {
      line,
      got,
      act: sameSet(got.acts, line.acts),
      slots: {
        to: got.to === line.to,
        people: sameSet(got.people, line.people),
        places: sameSet(got.places, line.places),
        clues: sameSet(got.clues, line.clues),
        times: sameTimes(got.times, line.times),
      },
    };
  });
}

export interface Accuracy {
  lines: number;
  /** Lines whose acts are exactly the labelled ones. */
  acts: number;
  /**
   * Slot accuracy: of every (line, slot kind) pair, the share read exactly right. A slot the label leaves empty
   * counts too: reading one there (a spurious name, a time that is not one) is an error.
   */
  slots: number;
  /** Lines whose every slot (addressee, people, places, clues, times) is exactly the labelled one. */
  allExact: number;
  /** Per slot kind: lines where that slot is exactly right. */
  bySlot: Record<SlotKind, number>;
}

export function accuracy(scores: LineScore[]): Accuracy {
  const n = scores.length || 1;
  const share = (f: (s: LineScore) => boolean) => scores.filter(f).length / n;
  const bySlot = Object.fromEntries(SLOT_KINDS.map((k) => [k, share((s) => s.slots[k])])) as Record<
    SlotKind,
    number
  >;
  return {
    lines: scores.length,
    acts: share((s) => s.act),
    slots: SLOT_KINDS.reduce((sum, k) => sum + bySlot[k], 0) / SLOT_KINDS.length,
    allExact: share((s) => SLOT_KINDS.every((k) => s.slots[k])),
    bySlot,
  };
}
