import type { PlanStep, View } from '@jubensha/protocol';
import type { AgentMemory } from '../character/memory.js';
import type { Language } from '../text/language.js';
import { pick } from '../text/localized.js';
import { debriefParagraph } from './debrief.js';

/** One thing the host says to the whole table. */
export interface Narration {
  kind: 'phase' | 'reminder' | 'hint' | 'debrief';
  text: string;
}

export interface AiHostOptions {
  language: Language;
  /** 0: no hints; 1: nudges; 2: names a place where a key clue still lies. */
  hintLevel?: 0 | 1 | 2;
  /** Time without any progress in a search or discussion before a hint. */
  stuckMs?: number;
  /** Locations (ids) that still hide an unfound key clue; the game supplies it, the host never reads clues. */
  unfoundKeyLocations?: () => string[];
}

const PHASE: Record<PlanStep['kind'], Record<Language, string>> = {
  read: {
    zh: '第{act}幕：请各位阅读自己的剧本，读完后点“读完了”。',
    en: 'Act {act}: read your script, then mark it finished.',
  },
  intro: { zh: '请各位依次做自我介绍。', en: 'Please introduce yourselves, one by one.' },
  search: {
    zh: '搜证第{round}轮开始，每人{ap}点行动点。',
    en: 'Search round {round} begins: {ap} action points each.',
  },
  discuss: { zh: '{mode}讨论开始。', en: '{mode} discussion begins.' },
  statement: {
    zh: '最后陈述：轮到谁，谁发言，其他人请勿打断。',
    en: 'Final statements: one speaker at a time, no interruptions.',
  },
  vote: { zh: '请投票，指认你心中的凶手。', en: 'Vote now for the one you believe is the culprit.' },
  reveal: { zh: '真相揭晓。', en: 'The truth is revealed.' },
  debrief: {
    zh: '复盘开始：每位AI角色会讲出自己的目标和说过的谎。',
    en: 'Debrief: each AI character explains its goals and every lie it told.',
  },
};

/**
 * The AI host: narrates phase changes, reminds of time, offers graded hints when the table is stuck,
 * and runs the debrief from the AI characters' ledgers. It reads the host's view (progress and the
 * public story) and says only public things.
 */
export class AiHost {
  private phase: number | null = null;
  private reminded = false;
  private lastProgress = '';
  private lastProgressAt = 0;
  private hints = 0;

  constructor(readonly options: AiHostOptions) {}

  onView(view: View, now: number): Narration[] {
    const out: Narration[] = [];
    const lang = this.options.language;
    const p = view.progress;
    if (p.phase !== this.phase) {
      this.phase = p.phase;
      this.reminded = false;
      this.hints = 0;
      this.lastProgressAt = now;
      const step = p.phase === null ? undefined : view.story.plan[p.phase];
      if (step && p.phase !== null) {
        // The search of the evening, as the table's screen counts it: a story restarts its rounds in each act.
        const round = view.story.plan.slice(0, p.phase + 1).filter((s) => s.kind === 'search').length;
        out.push({ kind: 'phase', text: phaseLine({ ...step, round }, lang) });
      }
    }
    if (
      p.deadline !== null &&
      p.pausedAt === null &&
      !this.reminded &&
      p.deadline - now <= 60_000 &&
      p.deadline > now
    ) {
      this.reminded = true;
      out.push({ kind: 'reminder', text: lang === 'zh' ? '还剩最后一分钟。' : 'One minute left.' });
    }
    const progress = JSON.stringify(p.counts);
    // A paused table is not a stuck one: the stuck clock stands still while the game is paused.
    if (progress !== this.lastProgress || p.pausedAt !== null) {
      this.lastProgress = progress;
      this.lastProgressAt = now;
    }
    const step = p.phase === null ? undefined : view.story.plan[p.phase];
    const level = this.options.hintLevel ?? 0;
    if (
      step &&
      (step.kind === 'search' || step.kind === 'discuss') &&
      this.hints < level &&
      now - this.lastProgressAt >= (this.options.stuckMs ?? 180_000)
    ) {
      this.hints++;
      this.lastProgressAt = now;
      out.push({ kind: 'hint', text: this.hint(view, this.hints) });
    }
    return out;
  }

  private hint(view: View, grade: number): string {
    const zh = this.options.language === 'zh';
    const where = (this.options.unfoundKeyLocations?.() ?? [])
      .map((id) => view.story.locations.find((l) => l.id === id))
      .filter((l) => l !== undefined)[0];
    if (grade >= 2 && where) {
      const name = pick(where.name, this.options.language);
      return zh ? `提示：${name}也许还值得再搜一搜。` : `Hint: ${name} may be worth another look.`;
    }
    return zh
      ? '提示：把每个人说的时间和已公开的线索对一对。'
      : 'Hint: check everyone’s times against the published clues.';
  }

  /**
   * The debrief, after the reveal: one paragraph per seat an AI played, in that character's first person,
   * each to be said as its own host line: its goals, then each cover claim it told (once, to whom, and the
   * truth the lie hid), from its ledger. A seat an AI played only in part speaks for the AI's part alone; a
   * seat the AI never spoke for before a human took it, and every human seat, is not mentioned.
   */
  debrief(view: View, memories: AgentMemory[]): Narration[] {
    if (!view.reveal) return [];
    const seen = new Set<string>();
    const out: Narration[] = [];
    for (const m of memories) {
      if (seen.has(m.seat)) continue;
      seen.add(m.seat);
      const text = debriefParagraph(view, m, this.options.language);
      if (text) out.push({ kind: 'debrief', text });
    }
    return out;
  }
}

function phaseLine(step: PlanStep, lang: Language): string {
  const mode =
    step.mode === 'private' ? (lang === 'zh' ? '私聊' : 'Private') : lang === 'zh' ? '公开' : 'Public';
  return PHASE[step.kind][lang]
    .replace('{act}', String(step.act ?? 1))
    .replace('{round}', String(step.round ?? 1))
    .replace('{ap}', String(step.actionPoints ?? 0))
    .replace('{mode}', mode);
}
