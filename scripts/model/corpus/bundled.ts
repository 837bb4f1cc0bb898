import type { PromptLine } from '@jubensha/agents';
import type { Character, LineIntent, Story } from '@jubensha/story';
import { loadStory } from '@jubensha/story';
import type { Turn } from './dialogue.js';
import { BUDGET } from './dialogue.js';
import type { Rng } from './rng.js';
import type { Lang } from './text.js';

/** Intents whose authored lines teach style without needing facts the prompt would have to carry. */
const INTENTS: readonly LineIntent[] = ['intro', 'withhold', 'ask', 'deflect', 'statement'];

export const BUNDLED_STORIES = ['rain-tea-hills', 'last-curtain'] as const;

export async function loadBundledStories(root: string): Promise<Story[]> {
  const out: Story[] = [];
  for (const id of BUNDLED_STORIES) {
    const { story, diagnostics } = await loadStory(`${root}/${id}`);
    if (!story) throw new Error(`cannot load ${id}: ${diagnostics.map((d) => d.message).join('; ')}`);
    out.push(story);
  }
  return out;
}

const pick = (t: { zh?: string; en?: string } | undefined | null, lang: Lang) => (t ? (t[lang] ?? '') : '');

/** Names, nicknames and places of a story, in both languages: 周远山, 远山, 周伯, Uncle Zhou, 焙房, … */
function lexicon(story: Story): string[] {
  const out = new Set<string>();
  for (const c of story.characters)
    for (const lang of ['zh', 'en'] as const) {
      const name = pick(c.name, lang);
      const bare = name.replace(/[（(].*$/u, '').trim();
      out.add(bare);
      out.add(lang === 'zh' ? bare.slice(1) : (bare.split(' ')[1] ?? bare));
      for (const m of name.matchAll(/[（(]([^）)]+)[）)]/gu)) out.add(m[1] ?? '');
      // Voices list what the character calls the others: 管何淑芬叫“何姨” / Calls He Shufen "Auntie He".
      for (const m of pick(c.voice, lang).matchAll(/[“"]([^”"]{1,12})[”"]/gu)) out.add(m[1] ?? '');
    }
  for (const l of story.locations) for (const lang of ['zh', 'en'] as const) out.add(pick(l.name, lang));
  return [...out].filter((w) => w.length >= 2);
}

const EN_NUMBER =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b/gi;

/**
 * What an authored line names that its prompt does not hold, or null: a person, nickname or place of the
 * story, a capitalised English word not at a sentence start, a number word or a run of Chinese numerals.
 * Such a line would teach the model to say things it was not given.
 */
export function ungrounded(line: string, prompt: string, words: readonly string[]): string | null {
  for (const w of words) if (line.includes(w) && !prompt.includes(w)) return w;
  for (const sentence of line.split(/(?<=[.!?:;…—])\s+/u))
    for (const m of sentence.slice(1).matchAll(/(?<=[\s“"‘'(])[A-Z][A-Za-z’']*/gu))
      if (!/^I(?:$|[’'])/u.test(m[0]) && !prompt.includes(m[0])) return m[0];
  for (const m of line.matchAll(EN_NUMBER))
    if (!prompt.toLowerCase().includes(m[0].toLowerCase())) return m[0];
  for (const m of line.matchAll(/[零一二两三四五六七八九十百千万]{2,}/gu))
    if (!prompt.includes(m[0])) return m[0];
  return null;
}

/**
 * A turn whose reply is an authored line of a bundled story, its prompt built from that character's
 * public card and its other authored lines. Secrets and must-not-reveal phrases of the bundled stories
 * never enter a row: the caller checks the line against them (`phrases`) and drops it if it says one.
 */
export function bundledTurn(
  rng: Rng,
  stories: Story[],
  lang: Lang,
): { turn: Turn; phrases: string[]; story: string } | null {
  const story = rng.pick(stories);
  const me: Character = rng.pick(story.characters);
  const candidates = me.lines.filter((l) => INTENTS.includes(l.intent));
  if (candidates.length === 0) return null;
  const line = rng.pick(candidates);
  const name = pick(me.name, lang);
  const profile = pick(me.profile, lang);
  const lines: PromptLine[] = rng
    .sample(
      me.lines.filter((l) => l !== line),
      rng.int(0, 12),
    )
    .map((l) => ({
      intent: l.intent,
      prompt: l.prompt ? pick(l.prompt, lang) : null,
      text: pick(l.text, lang),
    }));
  const asker = rng.pick(story.characters.filter((c) => c !== me));
  const speech =
    line.prompt && (line.intent === 'withhold' || line.intent === 'deflect')
      ? { name: pick(asker.name, lang), text: pick(line.prompt, lang) }
      : null;
  const words = lexicon(story);
  const phrases = me.secrets.flatMap((s) => [...(s.mustNotReveal.zh ?? []), ...(s.mustNotReveal.en ?? [])]);
  const turn: Turn = {
    lang,
    intent: line.intent,
    parts: {
      language: lang,
      name,
      profile,
      voice: rng.chance(0.5) ? pick(me.voice, lang) || null : null,
      lines,
      intent: line.intent,
      target: speech ? speech.name : null,
      claim: null,
      facts: line.intent === 'intro' ? [{ title: name, text: profile }] : [],
      speech,
      budget: BUDGET,
    },
    reply: pick(line.text, lang),
    entities: line.intent === 'intro' && pick(line.text, lang).includes(name) ? [name] : [],
    mustNotReveal: [],
    claim: null,
    hostile: false,
  };
  const prompt = [
    turn.parts.profile,
    turn.parts.voice ?? '',
    ...lines.flatMap((l) => [l.prompt ?? '', l.text]),
    speech?.text ?? '',
    name,
  ].join('\n');
  if (ungrounded(turn.reply, prompt, words) !== null) return null;
  return { turn, phrases, story: story.id };
}
