import type { GameError, Language, LocalizedText, PublicStory } from '@jubensha/protocol';

/** Story text in the room's language; a story missing that language falls back to the other one. */
export function pick(text: LocalizedText | null | undefined, lang: Language): string {
  if (!text) return '';
  return text[lang] ?? text.zh ?? text.en ?? '';
}

/** UI languages are i18next codes (`zh-CN`, `en`); protocol messages are keyed `zh` / `en`. */
export function uiLanguage(i18nLanguage: string | undefined): Language {
  return i18nLanguage?.startsWith('en') ? 'en' : 'zh';
}

export function errorText(error: GameError, i18nLanguage: string | undefined): string {
  return error.message[uiLanguage(i18nLanguage)];
}

export function characterName(story: PublicStory, id: string, lang: Language): string {
  const c = story.characters.find((x) => x.id === id);
  return c ? pick(c.name, lang) : id;
}

export function locationName(story: PublicStory, id: string, lang: Language): string {
  const l = story.locations.find((x) => x.id === id);
  return l ? pick(l.name, lang) : id;
}
