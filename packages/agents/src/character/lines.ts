import type { View } from '@jubensha/protocol';
import type { LineIntent } from '@jubensha/story';
import type { Plan } from '../policy/plan.js';
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

/** Words every question has: they tie a deflection to no question in particular. */
const ASKING = new Set(
  '怎么 什么 为什么 怎么样 一个 这个 那个 这么 那么 今晚 解释 知道 觉得 是不是 有没有 时候 explain know think tonight what about mean'.split(
    ' ',
  ),
);

/**
 * An authored line of the character's that does what the plan does, not said before: its introduction; a
 * question to the same person; an accusation naming the same suspect; for a liar's denial, a deflection
 * written for a question like this one. Other plans carry the board's content, which authored lines do not.
 */
export function authoredFor(
  view: View,
  plan: Plan,
  speech: string | null,
  language: Language,
  said: ReadonlySet<string>,
): string | null {
  const lines = (view.me?.character.lines ?? []).map((l) => ({
    intent: l.intent,
    prompt: l.prompt ? pick(l.prompt, language) : null,
    text: pick(l.text, language),
  }));
  const fresh = (intent: string) => lines.filter((l) => l.intent === intent && l.text && !said.has(l.text));
  switch (plan.act) {
    case 'intro':
      return fresh('intro')[0]?.text ?? null;
    case 'ask': {
      if (!plan.to) return null;
      const names = callNames(view, plan.to);
      return fresh('ask').find((l) => addresses(l.text, names))?.text ?? null;
    }
    case 'accuse': {
      const who = plan.suspect?.character;
      if (!who) return null;
      const names = callNames(view, who);
      return fresh('accuse').find((l) => addresses(l.text, names))?.text ?? null;
    }
    case 'deny': {
      if (plan.intent !== 'deflect' || !speech) return null;
      // A deflection written for this: it shares a word of substance with the question (the headdress, 头饰).
      const words = new Set(
        terms(speech).filter((t) => (/[a-z]/.test(t) ? t.length >= 4 : t.length >= 2) && !ASKING.has(t)),
      );
      const names = new Set(
        view.story.characters.flatMap((c) => callNames(view, c.id).flatMap((n) => terms(n))),
      );
      const fit = fresh('deflect')
        .map((l) => ({
          l,
          n: terms(`${l.prompt ?? ''} ${l.text}`).filter((t) => words.has(t) && !names.has(t)).length,
        }))
        .filter((x) => x.n >= 1)
        .sort((a, b) => b.n - a.n)[0];
      return fit?.l.text ?? null;
    }
    default:
      return null;
  }
}
