import { z } from 'zod';
import { CharacterSchema } from '../schema/story.js';
import type { Character, Story } from '../schema/story.js';
import type { Language } from '../schema/common.js';

/** Character Card V2 (SillyTavern and friends): https://github.com/malfoyslastname/character-card-spec-v2 */
export const CharacterCardV2Schema = z.object({
  spec: z.literal('chara_card_v2'),
  spec_version: z.literal('2.0'),
  data: z.object({
    name: z.string(),
    description: z.string().default(''),
    personality: z.string().default(''),
    scenario: z.string().default(''),
    first_mes: z.string().default(''),
    mes_example: z.string().default(''),
    creator_notes: z.string().default(''),
    system_prompt: z.string().default(''),
    post_history_instructions: z.string().default(''),
    alternate_greetings: z.array(z.string()).default([]),
    tags: z.array(z.string()).default([]),
    creator: z.string().default(''),
    character_version: z.string().default(''),
    extensions: z.record(z.string(), z.unknown()).default({}),
  }),
});
export type CharacterCardV2 = z.infer<typeof CharacterCardV2Schema>;

/** What we keep under `data.extensions.jubensha`: the whole character, so export → import loses nothing. */
export const JubenshaCardExtensionSchema = z.object({
  story: z.string(),
  languages: z.array(z.enum(['zh', 'en'])),
  character: CharacterSchema,
});
export type JubenshaCardExtension = z.infer<typeof JubenshaCardExtensionSchema>;

/**
 * A character as a Character Card V2. The card's plain fields are in the story's first language (what other
 * tools show); the full bilingual character travels in `data.extensions.jubensha`. Pure.
 */
export function exportCharacterCard(story: Story, characterId: string): CharacterCardV2 | undefined {
  const character = story.characters.find((c) => c.id === characterId);
  if (!character) return undefined;
  const language = story.languages[0] ?? 'en';
  const pick = (text: Partial<Record<Language, string>> | undefined) => text?.[language] ?? '';
  const greetings = character.lines.filter((l) => l.intent === 'intro').map((l) => pick(l.text));
  const extension: JubenshaCardExtension = { story: story.id, languages: story.languages, character };
  return {
    spec: 'chara_card_v2',
    spec_version: '2.0',
    data: {
      name: pick(character.name),
      description: pick(character.profile),
      personality: pick(character.voice),
      scenario: pick(story.premise),
      first_mes: greetings[0] ?? '',
      mes_example: character.lines
        .map((l) =>
          ['<START>', ...(l.prompt ? [`{{user}}: ${pick(l.prompt)}`] : []), `{{char}}: ${pick(l.text)}`].join(
            '\n',
          ),
        )
        .join('\n'),
      creator_notes: `A character of the jubensha story "${pick(story.title)}" (${story.id}).`,
      system_prompt: '',
      post_history_instructions: '',
      alternate_greetings: greetings.slice(1),
      tags: ['jubensha', story.genre],
      creator: '',
      character_version: String(story.version),
      extensions: { jubensha: extension },
    },
  };
}

/** Lines of a foreign card's `mes_example`: each `{{char}}:` line, with the `{{user}}:` line before it as prompt. */
export function parseMessageExamples(mesExample: string): { prompt?: string; text: string }[] {
  const examples: { prompt?: string; text: string }[] = [];
  let prompt: string | undefined;
  for (const raw of mesExample.split(/\r?\n/)) {
    const line = raw.trim();
    const user = /^\{\{user\}\}:\s*(.+)$/i.exec(line);
    const char = /^\{\{char\}\}:\s*(.+)$/i.exec(line);
    if (line === '<START>') prompt = undefined;
    else if (user?.[1]) prompt = user[1];
    else if (char?.[1]) {
      examples.push(prompt === undefined ? { text: char[1] } : { prompt, text: char[1] });
      prompt = undefined;
    }
  }
  return examples;
}

export type { Character };
