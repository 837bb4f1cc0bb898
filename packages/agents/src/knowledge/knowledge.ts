import type { View } from '@jubensha/protocol';
import { saysPhrase, shingles } from '../guard/phrase-match.js';
import type { Language } from '../text/language.js';
import { pick, sentences } from '../text/localized.js';
import { terms } from '../text/segment.js';

export type FactKind =
  | 'profile'
  | 'script'
  | 'secret'
  | 'cover'
  | 'relationship'
  | 'goal'
  | 'clue'
  | 'chat'
  | 'talk'
  | 'statement';

/** One thing the character knows, small enough to hand to the model as a fact. */
export interface Fact {
  id: string;
  kind: FactKind;
  text: string;
  /** The secret this fact gives away (a secret itself, or script text that tells it); null: safe to state. */
  secret: string | null;
  /** A clue's id, a claim's id, or the seat the fact is about (relationships, chat). */
  ref: string | null;
  /** A clue's title (the profile's: the name); `text` is then "title: …". */
  title?: string;
}

/** How much of a text's terms another text's terms cover. */
function coverage(of: string[], by: Set<string>): number {
  if (of.length === 0) return 0;
  return of.filter((t) => by.has(t)).length / of.length;
}

/**
 * What a seat knows, built from exactly its projected view: its own card and script up to the act,
 * its secrets and cover claims, the clues it has seen, the public chat, its own talks and the
 * statements given. Nothing else can enter, because nothing else is handed in.
 */
export class Knowledge {
  readonly facts: Fact[];

  constructor(
    readonly view: View,
    readonly language: Language,
  ) {
    this.facts = collect(view, language);
  }

  /** Every must-not-reveal phrase of the seat's secrets, both languages. */
  get phrases(): string[] {
    return (this.view.me?.character.secrets ?? []).flatMap((s) => [
      ...(s.mustNotReveal.zh ?? []),
      ...(s.mustNotReveal.en ?? []),
    ]);
  }

  /**
   * Shingles of the secrets (secret texts, script sentences that tell one, in both languages) that
   * occur in nothing the character may say: its statable facts, cover claims and authored lines.
   */
  get secretRuns(): Set<string> {
    if (this.runs) return this.runs;
    const me = this.view.me;
    const secretText = [
      ...this.facts.filter((f) => f.secret !== null && f.secret !== 'goals').map((f) => f.text),
      ...(me?.character.script ?? []).flatMap((a) =>
        this.facts.some((f) => f.secret === 'private') ? [a.zh ?? '', a.en ?? ''] : [],
      ),
      ...(me?.character.secrets ?? []).flatMap((s) => [s.text.zh ?? '', s.text.en ?? '']),
    ];
    const allowed = new Set<string>();
    const open = [
      ...this.facts.filter((f) => f.secret === null || f.secret === 'goals').map((f) => f.text),
      ...(me?.character.lines ?? []).flatMap((l) => [l.text.zh ?? '', l.text.en ?? '']),
      ...(me?.character.cover ?? []).flatMap((k) => [k.text.zh ?? '', k.text.en ?? '']),
      JSON.stringify(this.view.story),
    ];
    for (const t of open) for (const s of shingles(t)) allowed.add(s);
    const runs = new Set<string>();
    for (const t of secretText) for (const s of shingles(t)) if (!allowed.has(s)) runs.add(s);
    this.runs = runs;
    return runs;
  }

  private runs: Set<string> | null = null;

  /** All the text the character may state, for the guard's grounding check. */
  get corpus(): string {
    return this.facts.map((f) => f.text).join('\n');
  }
}

/** Appends a fact (blank text is none), numbered by its place in `out`. */
function pushFact(
  out: Fact[],
  kind: FactKind,
  text: string,
  ref: string | null,
  secret: string | null = null,
  title?: string,
): void {
  if (!text.trim()) return;
  out.push({
    id: `${kind}-${out.length}`,
    kind,
    text: text.trim(),
    secret,
    ref,
    ...(title !== undefined ? { title } : {}),
  });
}

/** A fact with a title (a clue, the profile): its text is "title: body", the title kept for the prompt's marks. */
function pushTitled(out: Fact[], kind: FactKind, title: string, body: string, ref: string | null): void {
  pushFact(out, kind, `${title}: ${body}`, ref, null, title);
}

/** The character's own file changes only with the act: its facts (secrets marked) are kept per act. */
const ownCache = new Map<string, Fact[]>();

function collect(view: View, language: Language): Fact[] {
  const me = view.me;
  if (!me) return [];
  const key = `${view.story.id}|${me.seat}|${view.progress.act}|${language}|${me.character.script.length}`;
  let own = ownCache.get(key);
  if (!own) {
    own = ownFacts(view, language);
    if (ownCache.size > 500) ownCache.clear();
    ownCache.set(key, own);
  }
  const out: Fact[] = own.map((f) => ({ ...f }));
  const add = (kind: FactKind, text: string, ref: string | null = null) => pushFact(out, kind, text, ref);
  const clues = new Map([...me.clues, ...(view.table?.publishedClues ?? [])].map((k) => [k.id, k]));
  for (const k of clues.values())
    pushTitled(out, 'clue', pick(k.title, language), pick(k.text, language), k.id);
  for (const m of view.table?.chat ?? []) if (m.seat !== me.seat) add('chat', m.text, m.seat);
  for (const t of me.talks) for (const m of t.messages) if (m.seat !== me.seat) add('talk', m.text, m.seat);
  for (const s of view.table?.statements ?? [])
    if (s.text && s.seat !== me.seat) add('statement', s.text, s.seat);
  return out;
}

function ownFacts(view: View, language: Language): Fact[] {
  const out: Fact[] = [];
  const me = view.me;
  if (!me) return out;
  const add = (kind: FactKind, text: string, ref: string | null = null, secret: string | null = null) =>
    pushFact(out, kind, text, ref, secret);
  const c = me.character;
  const card = view.story.characters.find((x) => x.id === me.seat);
  if (card) pushTitled(out, 'profile', pick(card.name, language), pick(card.profile, language), me.seat);
  for (const s of c.secrets) add('secret', pick(s.text, language), s.id, s.id);
  for (const k of c.cover ?? []) add('cover', pick(k.text, language), k.id);
  for (const r of c.relationships) add('relationship', pick(r.text, language), r.with);
  for (const g of c.goals) add('goal', pick(g.text, language), g.id, 'goals');
  c.script.forEach((act, a) => {
    pick(act, language)
      .split(/\n\s*\n/)
      .forEach((paragraph, p) => {
        for (const s of sentences(paragraph)) add('script', s, `para-${a}-${p}`);
      });
  });
  markSecrets(out, view, language);
  return out;
}

/**
 * Script sentences that tell a secret are secret too: they say a must-not-reveal phrase, or most of
 * their words are the secret's words. Marked here once, so no later step can state them as a fact.
 */
/** Script lines that coach the player (how to lie, what to hide) are never facts to state. */
export const COACHING =
  /凶手|谎|瞒|隐藏|藏好|别让|不要让|不能让|不能说|别说|千万|假装|嫁祸|如果有人|你能做的|由你决定|你可以|\blie\b|lying|cover story|\bhide\b|conceal|don't let|do not let|never tell|pretend|\bframe\b|if anyone|if someone|you can|you could|you may|up to you/i;

/**
 * Which secret a text tells, if any: it says a must-not-reveal phrase, half its words are the secret's, or it
 * has two of the secret's words the public story never uses.
 */
export function secretTeller(view: View, language: Language): (text: string) => string | null {
  const open = new Set(terms(JSON.stringify(view.story)));
  const secrets = (view.me?.character.secrets ?? []).map((s) => {
    const words = new Set(terms(pick(s.text, language)));
    return {
      id: s.id,
      words,
      rare: new Set([...words].filter((w) => !open.has(w) && w.length >= 2)),
      phrases: [...(s.mustNotReveal.zh ?? []), ...(s.mustNotReveal.en ?? [])],
    };
  });
  return (text) => {
    const words = terms(text);
    for (const s of secrets) {
      const rare = words.filter((w) => s.rare.has(w)).length;
      if (s.phrases.some((p) => saysPhrase(text, p)) || coverage(words, s.words) >= 0.5 || rare >= 2)
        return s.id;
    }
    return null;
  };
}

function markSecrets(facts: Fact[], view: View, language: Language): void {
  const tells = secretTeller(view, language);
  for (const f of facts) {
    if (
      f.secret !== null ||
      f.kind === 'clue' ||
      f.kind === 'chat' ||
      f.kind === 'talk' ||
      f.kind === 'statement'
    )
      continue;
    if (f.kind === 'script' && COACHING.test(f.text)) {
      f.secret = 'coaching';
      continue;
    }
    f.secret = tells(f.text);
  }
  // A paragraph that tells a secret in one sentence tells it in the others too: the whole paragraph is kept back.
  const told = new Map<string, string>();
  for (const f of facts)
    if (f.kind === 'script' && f.ref && f.secret && f.secret !== 'coaching') told.set(f.ref, f.secret);
  for (const f of facts)
    if (f.kind === 'script' && f.ref && f.secret === null && told.has(f.ref))
      f.secret = told.get(f.ref) ?? null;
  // Someone who has to lie (a cover story) tells the truth only from its authored lines and the clues: its
  // script and private notes are too close to what it hides to be quoted, and the guard keeps them back.
  if ((view.me?.character.cover?.length ?? 0) > 0)
    for (const f of facts)
      if ((f.kind === 'script' || f.kind === 'relationship') && f.secret === null) f.secret = 'private';
}
