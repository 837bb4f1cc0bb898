import type { LineIntent } from '@jubensha/story';
import type { Language } from '../text/language.js';

/** The one-line instruction per intent, in the room's language (stable: the default model is trained on it). */
export const GUIDES: Record<LineIntent, Record<Language, string>> = {
  intro: {
    zh: '向大家做自我介绍：你是谁、和死者什么关系。只说公开的身份。',
    en: 'Introduce yourself to the table: who you are and how you knew the victim. Public facts only.',
  },
  fact: {
    zh: '如实回答，只用【事实】里的内容。',
    en: 'Answer truthfully, using only the FACTS.',
  },
  cover: {
    zh: '按【说法】回答，语气自然，不要多说。',
    en: 'Answer with the CLAIM, naturally, and add nothing.',
  },
  withhold: {
    zh: '礼貌地不回答这件私事，不要透露任何细节。',
    en: 'Politely decline to talk about this private matter; give no detail.',
  },
  ask: {
    zh: '不回答，反问对方一个和案件有关的问题。',
    en: 'Do not answer; ask the speaker a question about the case instead.',
  },
  accuse: {
    zh: '根据【事实】里的线索，指出你怀疑的人。',
    en: 'Using the clues in FACTS, say whom you suspect and why.',
  },
  deflect: {
    zh: '平静地否认，把话题引回线索，不要编造事实。',
    en: 'Deny calmly and steer the talk back to the clues; invent no facts.',
  },
  statement: {
    zh: '做最后陈述：你的结论和理由，只用【事实】。',
    en: 'Give your final statement: your conclusion and reasons, from the FACTS only.',
  },
};

/** Section labels: fixed strings, the same in both languages, so the format parses the same way. */
export const LABELS = {
  rules: '[RULES]',
  card: '[CARD]',
  examples: '[EXAMPLES]',
  intent: '[INTENT]',
  guide: '[GUIDE]',
  facts: '[FACTS]',
  claim: '[CLAIM]',
  target: '[TARGET]',
  asked: '[ASKED]',
  reply: '[REPLY]',
} as const;
