import { claimCore } from '../realize/realize.js';
import { projectView, type GameSnapshot } from '@jubensha/engine';
import type { ClueCard } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import type { Language } from '../text/language.js';
import { pick } from '../text/localized.js';
import type { DialogueAct } from '../understand/acts.js';
import { Lexicon } from '../understand/lexicon.js';
import { spansMeet, type TimeSpan } from '../understand/times.js';
import { understand, type Understood } from '../understand/understand.js';
import type { TranscriptLine } from './run-game.js';

/** What a player meets at the table, measured on transcripts by reading the lines themselves. */
export interface TalkMetrics {
  /** AI lines (public, private, statements). */
  lines: number;
  /** Lines not said before in the same game (each game is its own evening). */
  distinct: number;
  mostRepeated: { text: string; count: number } | null;
  /** The most times one line was said within one game. */
  maxRepeatsInGame: number;
  /** Lines that say a time, a place or a clue of the story. */
  caseContent: number;
  /** Questions put to an AI seat (by name), and how they were answered. */
  questions: number;
  answered: number;
  answeredOnTopic: number;
  /** Answers that are a question back and say nothing of the case. */
  questionsBack: number;
  /** Cover claims told, and what each answered. */
  coverTold: { game: number; question: string | null; answer: string }[];
  /** Questions to the culprit about the incident, and the cover claims that answered them (ids). */
  culpritWindow: { questions: number; withCover: number; claimsPerGame: number[] };
  /** Innocent seats' mean reciprocal rank of the culprit in their vote ranking, and a random ranking's. */
  mrr: { innocent: number; random: number; rankings: number };
}

const ASKING: DialogueAct[] = ['where', 'saw', 'relation', 'about', 'suspect', 'share', 'accuse'];

/**
 * Whether an answer is on the question's topic, judged from the two texts only: a where-question gets a
 * time or a place, a saw-question what was (not) seen then, a relation-question the person, a question about a
 * clue the clue or what it shows, whom-do-you-suspect a name, an accusation a denial or an admission with
 * something to back it. A question back is never on topic.
 */
export function onTopic(q: Understood, a: Understood, answer: string, question = ''): boolean {
  if (a.question && a.times.length + a.places.length + a.clues.length === 0) return false;
  // Words of substance the answer takes up from the question (the cash box → the troupe's money).
  const shared = sharedTerms(question, answer);
  const content = a.times.length + a.places.length + a.clues.length;
  const act = q.acts.find((x) => ASKING.includes(x));
  switch (act) {
    case 'where':
      return a.times.length + a.places.length > 0;
    case 'saw':
      return (
        content > 0 || /没看|没听|没注意|didn'?t (?:see|hear|notice)|saw nothing|heard nothing/i.test(answer)
      );
    case 'relation':
      return (
        a.people.some((p) => q.people.includes(p)) ||
        (q.people.length === 0 && a.people.includes('victim')) ||
        /私事|private|关系|师父|teacher|partner|搭档|女儿|儿子|father|daughter|son|friend|朋友/i.test(
          answer,
        ) ||
        shared
      );
    case 'about':
      return (
        q.clues.some((c) => a.clues.includes(c)) ||
        q.places.some((p) => a.places.includes(p)) ||
        content > 0 ||
        a.people.length > 0 ||
        shared
      );
    case 'suspect':
      return a.people.some((p) => p !== 'victim') || /说不准|can'?t say/i.test(answer);
    case 'share':
      return content > 0;
    case 'accuse':
      return content > 0 || a.people.length > 0 || shared;
    default:
      return content > 0 || a.people.length > 0;
  }
}

export function talkMetrics(
  story: Story,
  language: Language,
  games: { transcript: TranscriptLine[]; rankings: Record<string, string[]>; final: GameSnapshot }[],
): TalkMetrics {
  const first = games[0];
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
  const lexicon = first
    ? new Lexicon(
        projectView(story, first.final, { kind: 'seat', seat: story.characters[0]?.id ?? '' }),
        clues,
      )
    : null;
  const read = (l: TranscriptLine) =>
    lexicon ? understand(l.text, { lexicon, speaker: l.speaker === 'host' ? null : l.speaker }) : null;
  const culprits = new Set(story.culprits);
  const incident: TimeSpan | null = story.incident
    ? {
        from: story.incident.day * 1440 + toMinutes(story.incident.at),
        to: story.incident.day * 1440 + toMinutes(story.incident.until ?? story.incident.at),
        approx: false,
      }
    : null;
  const claimTexts = story.characters
    .filter((c) => culprits.has(c.id))
    .flatMap((c) => (c.cover?.claims ?? []).map((k) => ({ id: k.id, text: pick(k.text, language) })));

  const ai = games.flatMap((g) => g.transcript.filter((l) => l.speaker !== 'host'));
  const counts = new Map<string, number>();
  for (const l of ai) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  let most: TalkMetrics['mostRepeated'] = null;
  for (const [text, count] of counts) if (!most || count > most.count) most = { text, count };
  let maxRepeatsInGame = 0;
  let distinct = 0;
  for (const g of games) {
    const c = new Map<string, number>();
    for (const l of g.transcript) if (l.speaker !== 'host') c.set(l.text, (c.get(l.text) ?? 0) + 1);
    for (const v of c.values()) maxRepeatsInGame = Math.max(maxRepeatsInGame, v);
    distinct += c.size;
  }
  let caseContent = 0;
  let questions = 0;
  let answered = 0;
  let answeredOnTopic = 0;
  let questionsBack = 0;
  const coverTold: TalkMetrics['coverTold'] = [];
  const window = { questions: 0, withCover: 0, claimsPerGame: [] as number[] };
  for (const g of games) {
    const bySeq = new Map(g.transcript.map((l) => [l.seq, l]));
    const understood = new Map<number, Understood | null>();
    const u = (l: TranscriptLine) => {
      if (!understood.has(l.seq)) understood.set(l.seq, read(l));
      return understood.get(l.seq) ?? null;
    };
    const claimsTold = new Set<string>();
    for (const l of g.transcript) {
      if (l.speaker === 'host') continue;
      const lu = u(l);
      if (lu && lu.times.length + lu.places.length + lu.clues.length > 0) caseContent++;
      if (l.act === 'cover') {
        const q = l.answers !== null ? bySeq.get(l.answers) : undefined;
        coverTold.push({ game: l.game, question: q?.text ?? null, answer: l.text });
      }
      // A question put to a seat by name: an AI's question, confrontation or challenge, or a line that reads as
      // a question (every seat of a playtest is an AI; a human's line has no plan act).
      const asking =
        ['ask', 'confront', 'challenge'].includes(l.act) || (l.act === 'accuse' && (lu?.question ?? false));
      if (!l.addressee || !lu || !asking) continue;
      questions++;
      const answer = g.transcript.find((x) => x.answers === l.seq && x.speaker === l.addressee);
      const toCulprit = culprits.has(l.addressee);
      const aboutWindow =
        toCulprit &&
        lu.acts.some((a) => a === 'where' || a === 'saw') &&
        (lu.incident ||
          lu.times.length === 0 ||
          (incident !== null && lu.times.some((t) => spansMeet(t, incident))));
      if (aboutWindow) window.questions++;
      if (!answer) continue;
      answered++;
      const au = u(answer);
      if (au && onTopic(lu, au, answer.text, l.text)) answeredOnTopic++;
      if (au?.question && au.times.length + au.places.length + au.clues.length === 0) questionsBack++;
      if (aboutWindow) {
        const norm = (t: string) => t.toLowerCase().replace(/[。.!！]+$/, '');
        // Told again, a claim is its first sentence word for word (realize's claimCore): the same claim.
        const claim = claimTexts.find(
          (k) =>
            norm(answer.text).includes(norm(k.text)) ||
            norm(answer.text).includes(norm(claimCore(k.text, language))),
        );
        if (claim) {
          window.withCover++;
          claimsTold.add(claim.id);
        }
      }
    }
    window.claimsPerGame.push(claimsTold.size);
  }
  let rr = 0;
  let random = 0;
  let rankings = 0;
  for (const g of games)
    for (const [seat, ranking] of Object.entries(g.rankings)) {
      if (culprits.has(seat) || ranking.length === 0) continue;
      const at = ranking.findIndex((r) => culprits.has(r));
      rr += at < 0 ? 0 : 1 / (at + 1);
      random += ranking.reduce((s, _, i) => s + 1 / (i + 1), 0) / ranking.length;
      rankings++;
    }
  return {
    lines: ai.length,
    distinct,
    mostRepeated: most,
    maxRepeatsInGame,
    caseContent,
    questions,
    answered,
    answeredOnTopic,
    questionsBack,
    coverTold,
    culpritWindow: window,
    mrr: { innocent: rankings ? rr / rankings : 0, random: rankings ? random / rankings : 0, rankings },
  };
}

const STOP = new Set([
  'what',
  'that',
  'this',
  'with',
  'from',
  'your',
  'have',
  'about',
  'were',
  'when',
  'where',
  'there',
  'they',
  'them',
  'then',
  'make',
  'explain',
  'story',
  'behind',
  'says',
  'said',
  'would',
  'could',
  'should',
  'into',
  'just',
  'only',
  'tonight',
]);

/** Whether two lines share a word of substance: an English word of five letters or more, or a Chinese two-character word that is not a name. */
function sharedTerms(a: string, b: string): boolean {
  const words = (t: string) =>
    new Set(
      /[\u3400-\u9fff]/.test(t)
        ? [...t.replace(/[^\u3400-\u9fff]/g, '')].flatMap((c, i, cs) =>
            i + 1 < cs.length ? [c + (cs[i + 1] ?? '')] : [],
          )
        : (t.toLowerCase().match(/[a-z]{5,}/g) ?? []).filter((w) => !STOP.has(w)),
    );
  const x = words(a);
  return [...words(b)].some((w) => x.has(w) && !/[你我他她们的了是吗呢吧么这那说在有不]/.test(w));
}

function toMinutes(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}
