import type { View } from '@jubensha/protocol';
import type { LineIntent } from '@jubensha/story';
import type { IntentChoice } from '../policy/intent.js';
import type { Language } from '../text/language.js';
import { pick } from '../text/localized.js';
import { terms } from '../text/segment.js';
import { addresses, callNames } from './names.js';

/** The last resort when no authored line fits: says nothing about the case, in either language. */
export const GENERIC: Record<LineIntent, Record<Language, string>> = {
  intro: {
    zh: '大家好，我先听听各位怎么说。',
    en: 'Hello, everyone. Let me hear what you all have to say first.',
  },
  fact: {
    zh: '我知道的就这些了，大家再看看线索吧。',
    en: "That's all I know. Let's look at the clues again.",
  },
  cover: { zh: '我刚才已经说过了，没有别的了。', en: "I've already told you. There's nothing more." },
  withhold: {
    zh: '这是我的私事，和案子没关系，我不想多说。',
    en: "That's a private matter and has nothing to do with the case.",
  },
  ask: {
    zh: '案发那段时间你在哪里？有人能证明吗？',
    en: 'Where were you when it happened? Can anyone vouch for you?',
  },
  accuse: {
    zh: '我觉得有人没说实话，大家再对一对时间。',
    en: "I think someone isn't telling the truth. Let's check the times again.",
  },
  deflect: {
    zh: '不是我。与其怀疑我，不如看看线索。',
    en: "It wasn't me. Look at the clues instead of at me.",
  },
  statement: {
    zh: '我该说的都说了，请大家根据线索投票。',
    en: "I've said what I had to say. Vote by the clues.",
  },
};

/**
 * Authored candidates for a fallback, best first: for cover, the claim itself (authored to be said);
 * else the character's lines of that intent, those whose prompt shares most words with the speech
 * first, lines not yet said before lines already said.
 */
export function authoredLines(
  view: View,
  choice: IntentChoice,
  speech: string | null,
  language: Language,
  said: Set<string>,
): string[] {
  let lines = (view.me?.character.lines ?? []).filter((l) => l.intent === choice.intent);
  // A question is put to its target: only lines that name it (else the generic one, which the agent names).
  if (choice.intent === 'ask' && choice.target) {
    const names = callNames(view, choice.target);
    lines = lines.filter((l) => addresses(pick(l.text, language), names));
  }
  const words = new Set(speech ? terms(speech) : []);
  const scored = lines.map((l) => {
    const text = pick(l.text, language);
    const overlap = l.prompt ? terms(pick(l.prompt, language)).filter((t) => words.has(t)).length : 0;
    return { text, score: overlap - (said.has(text) ? 100 : 0) };
  });
  scored.sort((a, b) => b.score - a.score);
  return [...(choice.claim ? [choice.claim.text] : []), ...scored.map((s) => s.text)];
}
