import type { PromptFact, PromptLine, PromptParts } from '@jubensha/agents';
import type { LineIntent } from '@jubensha/story';
import type { Character, Clue, Mystery } from './mystery.js';
import { inlineTitle } from './mystery.js';
import { ACCUSATIONS, HOSTILE, addressed, anyQuestion, questionAbout, say } from './questions.js';
import * as R from './replies.js';
import type { Rng } from './rng.js';
import { at } from './rng.js';
import type { Lang, Sentence } from './text.js';
import { fill, firstSentence, lowerFirst } from './text.js';

/** The intent mix of real games (ask is the most common: most speech is questions back). */
export const INTENT_MIX: Readonly<Record<LineIntent, number>> = {
  ask: 25,
  fact: 22,
  cover: 12,
  withhold: 9,
  accuse: 9,
  deflect: 7,
  intro: 7,
  statement: 9,
};

/** Share of turns answering speech whose speech is hostile (injection, translation, encoding, role-play). */
export const HOSTILE_SHARE = 0.08;

export const BUDGET = 1200;

/** One sampled turn: the prompt's parts, the reply, and what an evaluation checks the reply for. */
export interface Turn {
  lang: Lang;
  intent: LineIntent;
  parts: PromptParts;
  reply: string;
  /** Words the reply must contain to be grounded. */
  entities: string[];
  /** Every must-not-reveal phrase of the speaking character, both languages. */
  mustNotReveal: string[];
  claim: string | null;
  hostile: boolean;
}

/** A fact the seat may state, as the prompt shows it, and the sentence a reply copies from it. */
interface StatedFact {
  fact: PromptFact;
  copy: Sentence;
  /** For a clue: its title, as written in the fact line. */
  title: string | null;
}

function clueFact(c: Clue, lang: Lang): StatedFact {
  const body = c.sentences.map((s) => s.text[lang]).join(lang === 'zh' ? '' : ' ');
  return {
    fact: { title: c.title.text[lang], text: body },
    copy: at(c.sentences, 0),
    title: c.title.text[lang],
  };
}

function ownFact(s: Sentence, lang: Lang): StatedFact {
  return { fact: { title: null, text: s.text[lang] }, copy: s, title: null };
}

/** Words that open wrappers and copied sentences: anything else (a name) keeps its capital. */
const COMMON_FIRST =
  /^(About|Also|And|At|A|Blood|Did|Do|Fine|Footprints|From|Hello|Here|Honestly|In|Its|It|Let|Look|My|Remember|Someone|Sorry|Suspect|Suspicion|Take|That|There|The|Tonight|Under|Was|Where|Who|Why|With|Yes|You)\b/;

/** English after "Name, " goes on in lower case ("Lin Xiaozhou, here is what I know"); names and "I" stay. */
function afterLead(lead: string, rest: string, lang: Lang): string {
  if (!lead || lang === 'zh') return lead + rest;
  return lead + (COMMON_FIRST.test(rest) ? lowerFirst(rest) : rest);
}

/** The first clause of a sentence, without its end mark (what "also …" copies from a second fact). */
function firstClause(s: string, lang: Lang): string {
  const sentence = firstSentence(s, lang);
  const m = lang === 'zh' ? sentence.match(/^[^，；。！？]+/u) : sentence.match(/^[^,;.!?]+/u);
  return (m ? m[0] : sentence).trim();
}

/**
 * Samples one turn of `mystery` in `lang`: a character, an intent (roughly the real mix), the prompt
 * parts renderPrompt turns into the exact messages, and a grounded reply. Null when the drawn intent
 * has nothing to work with in this mystery (the caller draws again).
 */
export function sampleTurn(rng: Rng, mystery: Mystery, lang: Lang): Turn | null {
  let intent = rng.weighted(INTENT_MIX);
  const liars = mystery.characters.filter((c) => c.claims.length > 0);
  const me = intent === 'cover' ? rng.pick(liars) : rng.pick(mystery.characters);
  const others = mystery.characters.filter((c) => c !== me);
  const other = () => rng.pick(others);
  const name = (c: Character) => c.name[lang];
  const mustNotReveal = me.secrets.flatMap((s) => [...s.mustNotReveal.zh, ...s.mustNotReveal.en]);

  let target: Character | null = null;
  let speech: { name: string; text: string } | null = null;
  let facts: StatedFact[] = [];
  let claim: Sentence | null = null;
  let hostile = false;

  const ownFacts = [...me.script, ...me.relationships].map((s) => ownFact(s, lang));
  const clueFacts = mystery.clues.map((c) => clueFact(c, lang));
  const asks = (from: Character, q: string) => {
    speech = { name: name(from), text: q };
  };
  const question = (q: { zh: string; en: string }) =>
    rng.chance(0.3) ? addressed(q, me.name, lang) : say(q, lang);

  // Speech being answered may be hostile: then the seat only withholds, or tells its cover claim.
  const answering = ['fact', 'cover', 'withhold', 'deflect'].includes(intent);
  if (answering && rng.chance(HOSTILE_SHARE)) {
    hostile = true;
    intent = me.claims.length > 0 ? 'cover' : 'withhold';
  }

  switch (intent) {
    case 'intro':
      facts = [
        {
          fact: { title: name(me), text: me.profile[lang] },
          copy: { text: me.profile, entities: { zh: [], en: [] }, slots: {} },
          title: null,
        },
      ];
      break;
    case 'fact': {
      const pool = rng.chance(0.6) ? ownFacts : clueFacts;
      facts = rng.sample(pool, rng.int(1, 3));
      if (rng.chance(0.3) && facts.length < 3) facts.push(rng.pick(pool === ownFacts ? clueFacts : ownFacts));
      target = rng.chance(0.9) ? other() : null;
      asks(target ?? other(), question(questionAbout(rng, at(facts, 0).copy)));
      break;
    }
    case 'cover': {
      const c = rng.pick(me.claims);
      claim = c.sentence;
      target = other();
      asks(target, question(c.question));
      break;
    }
    case 'withhold': {
      target = rng.chance(0.9) ? other() : null;
      const secret = me.secrets.length > 0 ? rng.pick(me.secrets).question : anyQuestion(rng);
      asks(target ?? other(), question(secret));
      break;
    }
    case 'ask':
      target = other();
      if (rng.chance(0.6))
        asks(
          target,
          question(rng.chance(0.5) ? anyQuestion(rng) : questionAbout(rng, rng.pick(ownFacts).copy)),
        );
      break;
    case 'accuse':
    case 'statement': {
      const suspects = others.filter((c) => !c.culprit);
      const culprit = others.find((c) => c.culprit);
      const suspect =
        culprit && rng.chance(0.7) ? culprit : rng.pick(suspects.length > 0 ? suspects : others);
      target = suspect;
      const against = mystery.clues.filter((c) => c.pointsTo === suspect.id).map((c) => clueFact(c, lang));
      facts = rng.sample(against.length > 0 && rng.chance(0.8) ? against : clueFacts, rng.int(1, 3));
      if (intent === 'accuse' && rng.chance(0.3)) {
        const from = rng.pick(others.filter((c) => c !== suspect));
        asks(from, say({ zh: '你怀疑谁？', en: 'whom do you suspect?' }, lang));
      }
      break;
    }
    case 'deflect': {
      target = other();
      const clue = rng.pick(mystery.clues);
      const q = fill(rng.pick(ACCUSATIONS), {
        victim: mystery.victim,
        title: inlineTitle(clue.title.text),
      }).text;
      asks(target, question(q));
      if (rng.chance(0.6))
        facts = [rng.chance(0.6) ? clueFact(rng.pick(mystery.clues), lang) : rng.pick(ownFacts)];
      break;
    }
  }
  if (hostile) {
    const from = target ?? other();
    const q = fill(rng.pick(HOSTILE), {}).text;
    speech = { name: name(from), text: rng.chance(0.3) ? addressed(q, me.name, lang) : say(q, lang) };
  }

  const t = target ? name(target) : null;
  const made = replyFor(rng, { intent, lang, me, t, facts, claim });
  if (!made) return null;

  const lines: PromptLine[] = rng
    .sample(me.lines, rng.int(0, 12))
    .map((l) => ({ intent: l.intent, prompt: l.prompt ? l.prompt[lang] : null, text: l.text[lang] }));
  const parts: PromptParts = {
    language: lang,
    name: name(me),
    profile: me.profile[lang],
    voice: rng.chance(0.5) ? me.voice[lang] : null,
    lines,
    intent,
    target: t,
    claim: claim ? claim.text[lang] : null,
    facts: facts.map((f) => f.fact),
    speech,
    budget: BUDGET,
  };
  return {
    lang,
    intent,
    parts,
    reply: made.reply,
    entities: made.entities,
    mustNotReveal,
    claim: parts.claim,
    hostile,
  };
}

interface ReplyInput {
  intent: LineIntent;
  lang: Lang;
  me: Character;
  t: string | null;
  facts: StatedFact[];
  claim: Sentence | null;
}

/** The reply for an intent: a wrapper and verbatim copies, and the words it must keep (check.entities). */
function replyFor(rng: Rng, x: ReplyInput): { reply: string; entities: string[] } | null {
  const { lang, t, facts } = x;
  const first = facts[0];
  const copied = (f: StatedFact) => firstSentence(f.copy.text[lang], lang);
  const kept = (reply: string, words: string[]) => words.filter((w) => reply.includes(w));
  switch (x.intent) {
    case 'intro': {
      const reply = R.wrap(
        R.pickWrap(rng, R.INTRO, lang),
        lang,
        { name: x.me.name[lang], profile: x.me.profile[lang] },
        'profile',
      );
      return reply ? { reply, entities: [x.me.name[lang]] } : null;
    }
    case 'fact': {
      if (!first) return null;
      const opener =
        first.title !== null ? R.pickWrap(rng, R.CLUE_OPENERS, lang) : R.pickWrap(rng, R.FACT_OPENERS, lang);
      const to = t && rng.chance(0.3) ? at(R.TO_TARGET[lang], 0) : '';
      const title =
        first.title === null ? '' : lang === 'en' ? inlineTitle({ zh: '', en: first.title }).en : first.title;
      const s = opener ? copied(first) : afterLead(to, copied(first), lang).slice(to.length);
      let reply = R.wrap(afterLead(to, `${opener}{s}`, lang), lang, { t: t ?? '', title, s });
      const second = facts[1];
      if (reply && second && rng.chance(0.3)) {
        const more = R.wrap(R.pickWrap(rng, R.MORE, lang), lang, {
          s: firstClause(second.copy.text[lang], lang),
        });
        const joined = `${reply}${lang === 'en' ? ' ' : ''}${more}`;
        if (more && R.wrap('{s}', lang, { s: joined }) === joined) reply = joined;
      }
      const entities = kept(reply, first.copy.entities[lang]);
      return reply && entities.length > 0 ? { reply, entities } : null;
    }
    case 'cover': {
      if (!x.claim) return null;
      const reply = R.wrap(`${R.pickWrap(rng, R.COVER_OPENERS, lang)}{s}`, lang, { s: x.claim.text[lang] });
      const entities = kept(reply, x.claim.entities[lang]).slice(0, 3);
      return reply && entities.length > 0 ? { reply, entities } : null;
    }
    case 'withhold': {
      const reply = R.wrap(R.pickWrap(rng, t ? R.WITHHOLD.to : R.WITHHOLD.none, lang), lang, { t: t ?? '' });
      return { reply, entities: t ? [t] : [] };
    }
    case 'ask': {
      if (!t) return null;
      const reply = R.wrap(R.pickWrap(rng, R.ASK, lang), lang, { t });
      return { reply, entities: [t] };
    }
    case 'accuse':
    case 'statement': {
      if (!first || !t) return null;
      const pool =
        x.intent === 'statement'
          ? R.STATEMENT
          : first.title !== null && rng.chance(0.4)
            ? R.ACCUSE_CLUE
            : R.ACCUSE;
      const title =
        first.title === null ? '' : lang === 'en' ? inlineTitle({ zh: '', en: first.title }).en : first.title;
      const reply = R.wrap(R.pickWrap(rng, pool, lang), lang, { t, title, s: copied(first) });
      const entities = kept(reply, first.copy.entities[lang]);
      return reply && entities.length > 0
        ? { reply, entities: [t, ...entities.filter((e) => e !== t)] }
        : null;
    }
    case 'deflect': {
      const lead = t && rng.chance(0.5) ? at(R.TO_TARGET[lang], 0) : '';
      const kind = !first ? 'none' : first.title !== null ? 'clue' : 'fact';
      const title = first?.title
        ? lang === 'en'
          ? inlineTitle({ zh: '', en: first.title }).en
          : first.title
        : '';
      const reply = R.wrap(afterLead(lead, R.pickWrap(rng, R.DEFLECT[kind], lang), lang), lang, {
        t: t ?? '',
        title,
        ...(first && kind === 'fact' ? { s: copied(first) } : {}),
      });
      if (!reply) return null;
      return { reply, entities: lead && t ? [t] : [] };
    }
  }
}
