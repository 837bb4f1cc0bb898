import type { Rng } from './rng.js';
import type { Lang } from './text.js';
import { MAX_CJK, MAX_LATIN, cjkCount, clip } from './text.js';

/**
 * Reply wrappers per intent and language. Every reply is a short varied wrapper around text copied
 * verbatim from the prompt ({t} the target's name, {s} a fact's sentence or the claim, {title} a clue
 * title, {name}/{profile} the card): a tiny model learns templates and copying, never paraphrase.
 * The wrappers carry no time, number, place or object of their own.
 */
type Pool = Readonly<Record<Lang, readonly string[]>>;

export const FACT_OPENERS: Pool = {
  zh: [
    '',
    '我记得，',
    '我可以告诉你，',
    '这个我知道。',
    '说实话，',
    '据我所知，',
    '是这样的，',
    '我想想……对，',
    '我只说我知道的：',
  ],
  en: [
    '',
    'I remember this clearly. ',
    'Here is what I know. ',
    'I can tell you that. ',
    'Let me be exact. ',
    'I will tell you what I know. ',
    'Yes, I know this. ',
    'Honestly? ',
  ],
};

export const CLUE_OPENERS: Pool = {
  zh: [
    '{title}那条线索说，',
    '关于{title}：',
    '你看{title}这条线索：',
    '{title}写得很清楚：',
    '线索“{title}”里说，',
  ],
  en: [
    'About {title}: ',
    'Look at {title}. ',
    'The clue says it plainly. ',
    'Take {title}. ',
    'Remember {title}. ',
  ],
};

export const MORE: Pool = {
  zh: ['还有，{s}。', '另外，{s}。', '而且{s}。'],
  en: ['Also: {s}.', 'And one more thing: {s}.', 'There is more: {s}.'],
};

export const COVER_OPENERS: Pool = {
  zh: ['', '', '我说过了，', '我再说一遍，', '这个简单：', '好，我回答你：', '你问这个？'],
  en: [
    '',
    '',
    'I already told you. ',
    'Let me say it again. ',
    'It is simple. ',
    'Fine, I will answer. ',
    'You want to know? ',
  ],
};

export const WITHHOLD: Readonly<Record<'to' | 'none', Pool>> = {
  to: {
    zh: [
      '{t}，这是我的私事，跟案子没关系。',
      '{t}，抱歉，这个我不想谈。',
      '这件事我不方便说，{t}，请别再问了。',
      '{t}，我们还是说说线索吧，这个我不回答。',
      '对不起，{t}，这是私事。',
      '{t}，我只回答和案子有关的问题。',
    ],
    en: [
      '{t}, that is my own business and has nothing to do with the case.',
      'Sorry, {t}, I would rather not talk about that.',
      'I will not go into that, {t}. Let us stick to the clues.',
      '{t}, that is private. Please do not ask again.',
      'With respect, {t}, that is not something I will discuss.',
      '{t}, I only answer questions about the case.',
    ],
  },
  none: {
    zh: [
      '这是我的私事，跟案子没关系。',
      '抱歉，这个我不想谈。',
      '这件事我不方便说，请别再问了。',
      '我们还是说说线索吧，这个我不回答。',
      '我只回答和案子有关的问题。',
    ],
    en: [
      'That is my own business and has nothing to do with the case.',
      'Sorry, I would rather not talk about that.',
      'I will not go into that. Let us stick to the clues.',
      'That is private. Please do not ask again.',
      'I only answer questions about the case.',
    ],
  },
};

/**
 * Questions back name only the target: the model copies names by their marks, and a third person (the victim,
 * named unmarked in the profile) was not copied but looped ("你和曹曹曹…": 108 of 1,200 held-out replies).
 */
export const ASK: Pool = {
  zh: [
    '{t}，那段时间你在哪儿？有人能作证吗？',
    '{t}，你先说说，你今晚都去过哪些地方？',
    '{t}，你为什么这么问？你自己又看见了什么？',
    '{t}，这话是谁告诉你的？',
    '{t}，你今晚一直待在哪儿？',
    '{t}，这件事你自己怎么看？',
  ],
  en: [
    '{t}, where were you at the time? Can anyone vouch for you?',
    '{t}, tell us first: where did you go tonight?',
    '{t}, why do you ask? What did you see yourself?',
    '{t}, who told you that?',
    '{t}, where were you all evening?',
    '{t}, what do you make of all this yourself?',
  ],
};

/** Ask back about a place the question named. */
export const ASK_PLACE: Pool = {
  zh: ['{t}，{loc}那边你自己去过吗？', '{t}，你先说说，你去{loc}做什么？'],
  en: ['{t}, were you in the {loc} yourself?', '{t}, first tell us: what were you doing near the {loc}?'],
};

export const ACCUSE: Pool = {
  zh: ['{t}，{s}这你怎么解释？', '我怀疑{t}。{s}', '{t}，你别装了。{s}', '我觉得是{t}。{s}'],
  en: [
    '{t}, explain this. {s}',
    'I suspect {t}. {s}',
    '{t}, stop pretending. {s}',
    'My money is on {t}. {s}',
  ],
};

export const ACCUSE_CLUE: Pool = {
  zh: ['我怀疑{t}。{title}：{s}', '{t}，你看{title}：{s}'],
  en: ['I suspect {t}. Look at {title}: {s}', '{t}, look at {title}. {s}'],
};

export const DEFLECT: Readonly<Record<'clue' | 'fact' | 'none', Pool>> = {
  clue: {
    zh: [
      '不是我。大家不如看看{title}这条线索。',
      '我问心无愧。先把{title}弄清楚吧。',
      '别急着下结论，先看{title}。',
      '怀疑我可以，可{title}说明了什么？我们看证据。',
    ],
    en: [
      'It was not me. Look at {title} instead.',
      'My conscience is clear. Let us work out {title} first.',
      'Do not jump to conclusions; look at {title}.',
      'Suspect me if you like, but what does {title} tell us? Look at the evidence.',
    ],
  },
  fact: {
    zh: ['不是我。{s}', '我没有做。{s}', '你弄错了。{s}'],
    en: ['It was not me. {s}', 'I did not do it. {s}', 'You have it wrong. {s}'],
  },
  none: {
    zh: [
      '不是我干的。我们还是回到线索上吧。',
      '我没有杀人，请拿出证据来。',
      '怀疑谁都要讲证据，我们把线索再对一遍。',
      '我问心无愧，大家看证据说话。',
    ],
    en: [
      'I did not do it. Let us get back to the clues.',
      'I killed nobody. Show me the evidence.',
      'Suspicion needs evidence; let us go over the clues again.',
      'My conscience is clear. Let the evidence speak.',
    ],
  },
};

export const STATEMENT: Pool = {
  zh: ['我的结论是{t}。{s}', '我投{t}。理由很简单：{s}', '我认为凶手是{t}。{s}', '我怀疑{t}，因为{s}'],
  en: [
    'My conclusion is {t}. {s}',
    'I vote for {t}. The reason is simple: {s}',
    'I believe the killer is {t}. {s}',
    'I suspect {t}. Here is why: {s}',
  ],
};

export const INTRO: Pool = {
  zh: [
    '我是{name}，{profile}',
    '大家好，我是{name}。{profile}',
    '我叫{name}。{profile}',
    '{name}，就是我。{profile}',
  ],
  en: [
    'I’m {name}. {profile}',
    'Hello, everyone. I’m {name}. {profile}',
    'My name is {name}. {profile}',
    'I am {name}. {profile}',
  ],
};

/** Addressing the target before a copied fact. */
export const TO_TARGET: Pool = { zh: ['{t}，'], en: ['{t}, '] };

/** Fills a wrapper; `copy` is the slot holding copied text, clipped so the whole reply stays within the limit. */
export function wrap(
  template: string,
  lang: Lang,
  values: Readonly<Record<string, string>>,
  copy = 's',
): string {
  const fixed = template.replace(/\{(\w+)\}/g, (m, k: string) => (k === copy ? '' : (values[k] ?? m)));
  const room = lang === 'zh' ? MAX_CJK - cjkCount(fixed) : MAX_LATIN - fixed.length;
  const copied = values[copy] === undefined ? '' : clip(values[copy], lang, room);
  if (values[copy] !== undefined && copied === '') return '';
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k === copy ? copied : (values[k] ?? m)));
}

export function pickWrap(rng: Rng, pool: Pool, lang: Lang): string {
  return rng.pick(pool[lang]);
}
