import { checkReply, GENERIC, saysPhrase } from '@jubensha/agents';
import type { Character, Language, LocalizedText, Rule, RuleContext } from '@jubensha/story';
import { LANGUAGES } from '@jubensha/story';

/**
 * Ordinary table talk with nothing to hide, in both languages: a must-not-reveal phrase the guard finds in one
 * of these blocks every line like it (是我砸的 is read in 这杯茶是我泡的). The AI seats' generic lines are
 * added to them, since those must always pass.
 */
export const ORDINARY_SPEECH: Readonly<Record<Language, readonly string[]>> = {
  zh: [
    '大家好，我是这里的管家。',
    '这杯茶是我泡的。',
    '那是我的房间，我一直在里面看书。',
    '今晚九点到十点我在自己的房间。',
    '我没有见过他，也不认识这个人。',
    '你当时在哪里？有人能证明吗？',
    '我觉得他在说谎，大家再对一对时间。',
    '我和他不熟，只是见过几面。',
    '那天晚上下着雨，我听到了一声响。',
    '门是锁着的，钥匙在我身上。',
    '我去厨房拿了点水就回来了。',
    '他是我的朋友，我不相信是他干的。',
    '我什么都不知道，真的。',
    '这条线索说明不了什么。',
  ],
  en: [
    "Hello, everyone. I'm the housekeeper here.",
    'I made this tea myself.',
    'That was my room. I was reading in it all evening.',
    'From nine to ten tonight I was in my own room.',
    "I never saw him, and I don't know the man.",
    'Where were you at the time? Can anyone vouch for you?',
    "I think he's lying. Let's check the times again.",
    'I barely knew him. We met a few times.',
    'It was raining that night, and I heard a noise.',
    'The door was locked, and I had the key with me.',
    'I went to the kitchen for some water and came straight back.',
    "He's my friend. I don't believe he did it.",
    "I don't know anything, honestly.",
    "This clue doesn't prove anything.",
  ],
};

const ordinary = (language: Language): string[] => [
  ...ORDINARY_SPEECH[language],
  ...Object.values(GENERIC).map((line) => line[language]),
];

interface Phrase {
  phrase: string;
  language: Language;
  secret: string;
  path: (string | number)[];
}

/** Whether the guard blocks `text` for `phrase`: its very check, every reading of the text included. */
const blocks = (text: string, phrase: string, language: Language): boolean => {
  const verdict = checkReply(text, { phrases: [phrase], language, grounding: text });
  return !verdict.ok && verdict.failure === 'secret';
};

/** The validator's exact check (SECRET_LEAK) already reports these in lines and profiles. */
const exactly = (text: string, phrase: string, language: Language): boolean =>
  language === 'en' ? text.toLowerCase().includes(phrase.toLowerCase()) : text.includes(phrase);

/** What an AI seat of `character` may say word for word, with where it was written and what it is. */
function spoken(
  character: Character,
  i: number,
): { path: (string | number)[]; text: LocalizedText; what: string; leakChecked: boolean }[] {
  const out = [
    ...character.lines.map((line, k) => ({
      path: ['characters', i, 'lines', k, 'text'],
      text: line.text,
      what: `${line.intent} line`,
      leakChecked: true,
    })),
    ...(character.cover?.claims ?? []).map((claim, k) => ({
      path: ['characters', i, 'cover', 'claims', k, 'text'],
      text: claim.text,
      what: `cover claim ${claim.id}`,
      leakChecked: false,
    })),
  ];
  // Without an intro line the AI seat introduces itself with its public profile.
  if (!character.lines.some((line) => line.intent === 'intro'))
    out.push({
      path: ['characters', i, 'profile'],
      text: character.profile,
      what: 'profile (its introduction)',
      leakChecked: true,
    });
  return out;
}

function phrasesOf(character: Character, i: number): Phrase[] {
  return character.secrets.flatMap((secret, s) =>
    LANGUAGES.flatMap((language) =>
      (secret.mustNotReveal[language] ?? []).map((phrase, k) => ({
        phrase,
        language,
        secret: secret.id,
        path: ['characters', i, 'secrets', s, 'mustNotReveal', language, k],
      })),
    ),
  );
}

const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;

/**
 * The AI seats' output guard, run on what the author wrote for them: every authored line, cover claim and
 * introduction of a character against each of its own must-not-reveal phrases, with the guard's own fuzzy
 * match (every reading: reversed, decoded, pinyin, a character changed). A line it matches is blocked in every
 * game, although the validator's exact check lets it through. Phrases that block ordinary speech are warned of.
 */
export const checkGuard = ({ story, report, locate }: RuleContext): void => {
  story.characters.forEach((character, i) => {
    const phrases = phrasesOf(character, i);
    for (const { phrase, language, secret, path } of phrases) {
      if (phrase.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '').length < 2) {
        report(
          'PHRASE_TOO_COMMON',
          path,
          `"${phrase}" (${character.id}'s secret ${secret}) is too short for the guard to check: it never blocks anything; write the words that give the secret away`,
          { severity: 'warning' },
        );
        continue;
      }
      // An example read forwards is the clearer one; the guard also reads every text reversed.
      const texts = ordinary(language);
      const hit =
        texts.find((text) => saysPhrase(text, phrase)) ??
        texts.find((text) => blocks(text, phrase, language));
      if (hit !== undefined)
        report(
          'PHRASE_TOO_COMMON',
          path,
          `"${phrase}" (${character.id}'s secret ${secret}) is so short or common that the guard finds it in ordinary speech (${quote(hit)}), so it blocks any line like that: write a longer phrase only this secret says`,
          { severity: 'warning' },
        );
    }
    for (const { path, text, what, leakChecked } of spoken(character, i)) {
      for (const language of LANGUAGES) {
        const line = text[language];
        if (line === undefined) continue;
        for (const phrase of phrases) {
          // The guard holds every phrase against every line, whatever its language: a translation leaks too.
          if (!blocks(line, phrase.phrase, language)) continue;
          if (leakChecked && exactly(line, phrase.phrase, phrase.language)) continue;
          const at = locate(phrase.path);
          report(
            'LINE_BLOCKED',
            [...path, language],
            `${character.id}'s ${what} ${quote(line)} reads to the AI guard as the must-not-reveal phrase "${phrase.phrase}" (secret ${phrase.secret}, ${at.file}:${at.line}), so it is never spoken: reword the line or make the phrase more particular`,
          );
        }
      }
    }
  });
};

export const guardRule: Rule = checkGuard;
