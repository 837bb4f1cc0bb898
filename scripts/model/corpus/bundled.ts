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
      facts: line.intent === 'intro' ? [`${name}: ${profile}`] : [],
      speech,
      budget: BUDGET,
    },
    reply: pick(line.text, lang),
    entities: line.intent === 'intro' && pick(line.text, lang).includes(name) ? [name] : [],
    mustNotReveal: [],
    claim: null,
    hostile: false,
  };
  return { turn, phrases, story: story.id };
}
