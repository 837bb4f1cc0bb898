import type { LineIntent } from '@jubensha/story';
import {
  AUTHORED,
  CLUES,
  PROFILE,
  RELATIONSHIP,
  SCRIPT_FIRST,
  SCRIPT_THIRD,
  SECRETS,
  WEAPON_CLAIM,
} from './mystery-templates.js';
import type { SecretTemplate } from './mystery-templates.js';
import {
  GIVEN_NAMES,
  NICKNAMES,
  RELATIONS,
  SURNAMES,
  TRAITS,
  VOICES,
  ageWords,
  givenPinyin,
} from './pools/people.js';
import type { GivenName } from './pools/people.js';
import { RESERVED_NAMES } from './pools/reserved.js';
import { inventedGiven, inventedPlace } from './pools/invented.js';
import { SETTINGS, isHeldOut } from './pools/settings.js';
import type { Setting } from './pools/settings.js';
import { eveningTimes, sayTime } from './pools/times.js';
import { Rng, at } from './rng.js';
import type { Bi, Sentence } from './text.js';
import { capitalizeFirst, fill } from './text.js';

export interface Secret {
  kind: SecretTemplate['kind'];
  text: Bi;
  mustNotReveal: { zh: string[]; en: string[] };
  /** What a player asks that reaches this secret. */
  question: Bi;
}

/** A cover claim: first person, about the character itself, protecting one of its secrets. */
export interface Claim {
  sentence: Sentence;
  protects: number;
  question: Bi;
}

export interface AuthoredLine {
  intent: LineIntent;
  prompt: Bi | null;
  text: Bi;
}

export interface Character {
  id: string;
  name: Bi;
  occupation: Bi;
  profile: Bi;
  voice: Bi;
  culprit: boolean;
  /** The timeline sentences it may state (never a secret). */
  script: Sentence[];
  relationships: Sentence[];
  secrets: Secret[];
  claims: Claim[];
  lines: AuthoredLine[];
}

export interface Clue {
  title: Sentence;
  sentences: Sentence[];
  /** The character it points to, if any. */
  pointsTo: string | null;
}

export interface Mystery {
  setting: Setting;
  victim: Bi;
  characters: Character[];
  clues: Clue[];
}

/** The pools a split may draw from: held-out mysteries use only the held-out fifth of names and settings. */
function pools(heldOut: boolean) {
  return {
    settings: SETTINGS.filter((_, i) => isHeldOut(i) === heldOut),
    given: GIVEN_NAMES.filter((_, i) => isHeldOut(i) === heldOut),
  };
}

/** Inside an English sentence a title like "The stopped clock" reads "the stopped clock". */
export function inlineTitle(title: Bi): Bi {
  return { zh: title.zh, en: title.en.replace(/^(The|A) /, (m) => m.toLowerCase()) };
}

/** Share of training mysteries whose people have invented given names, and whose places are invented. */
export const INVENTED_NAMES_SHARE = 0.75;
export const INVENTED_PLACES_SHARE = 0.5;

const HELD_OUT_GIVEN = GIVEN_NAMES.filter((_, i) => isHeldOut(i));
const heldOutGiven = (g: GivenName) =>
  HELD_OUT_GIVEN.some((h) => h.zh === g.zh || givenPinyin(h) === givenPinyin(g));

function makeNames(rng: Rng, n: number, heldOut: boolean): Bi[] {
  const { given } = pools(heldOut);
  const surnames = rng.sample(SURNAMES, n);
  // Held-out mysteries draw exactly as before (their rows must not change); training ones often invent.
  const invented = !heldOut && rng.chance(INVENTED_NAMES_SHARE);
  const givens = invented
    ? Array.from({ length: n }, () => inventedGiven(rng, heldOutGiven))
    : rng.sample(given, n);
  return surnames.map((s, i) => {
    let g = at(givens, i);
    let full = { zh: `${s.zh}${g.zh}`, en: `${s.en} ${givenPinyin(g)}` };
    // A person of a story in the repo is never a made-up mystery's: another given name of the same kind.
    while (RESERVED_NAMES.has(full.zh) || RESERVED_NAMES.has(full.en)) {
      g = invented ? inventedGiven(rng, heldOutGiven) : rng.pick(given);
      full = { zh: `${s.zh}${g.zh}`, en: `${s.en} ${givenPinyin(g)}` };
    }
    // Some characters go by a nickname at the table, as in the bundled stories: 罗德昌（德叔）/ Luo Dechang (Uncle De).
    if (i > 0 && rng.chance(0.2)) {
      const nick = rng.pick(NICKNAMES)(s, g);
      return { zh: `${full.zh}（${nick.zh}）`, en: `${full.en} (${nick.en})` };
    }
    return full;
  });
}

function distinctPlaces(rng: Rng, n: number): Bi[] {
  // Distinct in both languages: 庭宇 and 听雨 are both Tingyu.
  const places: Bi[] = [];
  while (places.length < n) {
    const p = inventedPlace(rng);
    if (!places.some((q) => q.zh === p.zh || q.en === p.en)) places.push(p);
  }
  return places;
}

/**
 * A seeded made-up mystery in both languages: a setting, a victim, 4–6 characters (one culprit;
 * the culprit and 0–2 others with cover claims protecting secrets), scripts, clues and authored lines.
 */
export function makeMystery(seed: number, heldOut: boolean): Mystery {
  const rng = new Rng(seed);
  const drawn = rng.pick(pools(heldOut).settings);
  const setting =
    !heldOut && rng.chance(INVENTED_PLACES_SHARE)
      ? { ...drawn, locations: distinctPlaces(rng, drawn.locations.length) }
      : drawn;
  const n = rng.int(4, 6);
  const [victim = { zh: '', en: '' }, ...names] = makeNames(rng, n + 1, heldOut);
  const times = eveningTimes(rng, 16);
  const culpritIndex = rng.int(0, n - 1);
  const weapon = rng.pick(setting.objects);
  const crimeLoc = rng.pick(setting.locations);
  const crimeTime = at(times, rng.int(6, 11));
  const ids = names.map((_, i) => `c${i}`);
  const others = (i: number) => names.filter((_, j) => j !== i);
  const time = (t: number) => sayTime(rng, t);
  const laterTimes = (k: number) => {
    const a = rng.int(0, times.length - 2);
    const b = Math.min(times.length - 1, a + rng.int(1, k));
    return [at(times, a), at(times, b)] as const;
  };
  const liars = new Set([
    culpritIndex,
    ...rng.sample(
      ids.map((_, i) => i).filter((i) => i !== culpritIndex),
      rng.int(0, 2),
    ),
  ]);

  const characters: Character[] = names.map((name, i) => {
    const occ = rng.pick(setting.occupations);
    const age = ageWords(rng.int(19, 72));
    const trait = rng.pick(TRAITS);
    const relation = rng.pick(RELATIONS);
    const base = { name, victim: victim, setting: setting.name, occ, relation };
    const profile = fill(rng.pick(PROFILE), {
      ...base,
      age,
      trait: { zh: trait.zh, en: capitalizeFirst(trait.en) },
    }).text;
    const slots = () => {
      const [t1, t2] = laterTimes(4);
      return {
        name,
        victim: victim,
        other: rng.pick(others(i)),
        loc: rng.pick(setting.locations),
        obj: rng.pick(setting.objects),
        time: time(t1),
        time2: time(t2),
      };
    };
    const script = Array.from({ length: rng.int(3, 5) }, () =>
      fill(rng.pick(rng.chance(0.6) ? SCRIPT_FIRST : SCRIPT_THIRD), slots()),
    );
    const relationships = Array.from({ length: rng.int(1, 2) }, () => fill(rng.pick(RELATIONSHIP), slots()));

    const secrets: Secret[] = [];
    const claims: Claim[] = [];
    const addSecret = (tpl: SecretTemplate, withClaim: boolean) => {
      const s = {
        ...slots(),
        weapon,
        doc: rng.pick(setting.objects),
        loc: tpl.kind === 'killer' ? crimeLoc : rng.pick(setting.locations),
        time: time(tpl.kind === 'killer' ? crimeTime : rng.pick(times)),
        time2: time(at(times, rng.int(2, 5))),
        loc2: rng.pick(setting.locations.filter((l) => l !== crimeLoc)),
      };
      const phrases = tpl.mustNotReveal.map((p) => fill(p, s).text);
      secrets.push({
        kind: tpl.kind,
        text: fill(tpl.text, s).text,
        mustNotReveal: { zh: phrases.map((p) => p.zh), en: phrases.map((p) => p.en) },
        question: fill(tpl.question, s).text,
      });
      if (withClaim)
        claims.push({
          sentence: fill(tpl.claim, s),
          protects: secrets.length - 1,
          question: fill(tpl.question, s).text,
        });
      if (withClaim && tpl.kind === 'killer' && rng.chance(0.5))
        claims.push({
          sentence: fill(WEAPON_CLAIM.claim, s),
          protects: secrets.length - 1,
          question: fill(WEAPON_CLAIM.question, s).text,
        });
    };
    const minor = SECRETS.filter((s) => s.kind !== 'killer');
    if (i === culpritIndex) addSecret(at(SECRETS, 0), true);
    if (liars.has(i) && i !== culpritIndex) addSecret(rng.pick(minor), true);
    else if (rng.chance(0.5)) addSecret(rng.pick(minor), false);

    return {
      id: at(ids, i),
      name,
      occupation: occ,
      profile,
      voice: rng.pick(VOICES),
      culprit: i === culpritIndex,
      script,
      relationships,
      secrets,
      claims,
      lines: [],
    };
  });

  const clues = makeClues(rng, setting, characters, culpritIndex, times);
  for (const [i, c] of characters.entries())
    c.lines = authoredLines(rng, c, characters, i, victim, clues, times);
  return { setting, victim: victim, characters, clues };
}

function makeClues(
  rng: Rng,
  setting: Setting,
  characters: Character[],
  culprit: number,
  times: number[],
): Clue[] {
  // Each template once per mystery: two "stopped clock" clues would contradict each other.
  return rng.sample(CLUES, rng.int(6, 9)).map((tpl, k) => {
    // A third of the clues point at the culprit, the rest at anyone (red herrings) or nobody.
    const target = k < 3 ? at(characters, culprit) : rng.pick(characters);
    const loc = rng.pick(setting.locations);
    const slots = {
      name: target.name,
      loc,
      loc2: rng.pick(setting.locations.filter((l) => l !== loc)),
      obj: rng.pick(setting.objects),
      time: sayTime(rng, rng.pick(times)),
    };
    const n = rng.int(1, tpl.sentences.length);
    return {
      title: fill(tpl.title, slots),
      sentences: tpl.sentences.slice(0, n).map((s) => fill(s, slots)),
      pointsTo: tpl.names ? target.id : null,
    };
  });
}

function authoredLines(
  rng: Rng,
  me: Character,
  all: Character[],
  i: number,
  victim: Bi,
  clues: Clue[],
  times: number[],
): AuthoredLine[] {
  const other = () => rng.pick(all.filter((_, j) => j !== i)).name;
  const slots = () => ({
    name: me.name,
    occ: me.occupation,
    other: other(),
    victim,
    time: sayTime(rng, rng.pick(times)),
    title: inlineTitle(rng.pick(clues).title.text),
  });
  const lines: AuthoredLine[] = [];
  const add = (intent: LineIntent, pool: readonly Bi[], k: number) => {
    for (const tpl of rng.sample(pool, k))
      lines.push({ intent, prompt: null, text: fill(tpl, slots()).text });
  };
  add('intro', AUTHORED.intro, 1);
  const firstPerson = me.script.filter((s) => /我/.test(s.text.zh));
  for (const s of rng.sample(firstPerson, rng.int(1, 2)))
    lines.push({ intent: 'fact', prompt: null, text: s.text });
  for (const c of me.claims) lines.push({ intent: 'cover', prompt: c.question, text: c.sentence.text });
  if (me.secrets.length > 0) add('withhold', AUTHORED.withhold, rng.int(1, 2));
  add('ask', AUTHORED.ask, rng.int(1, 2));
  add('accuse', AUTHORED.accuse, 1);
  add('deflect', AUTHORED.deflect, rng.int(1, 2));
  add('statement', AUTHORED.statement, 1);
  return lines;
}
