import type { AiVoices, Language, LocalizedText } from '@jubensha/protocol';
import { createContext, useCallback, useContext } from 'react';
import { pick } from '../text.js';

/** The room's facts every table component needs: the story's language and the room's ids. */
export interface RoomFacts {
  roomId: string;
  code: string | null;
  /** The language the room was opened in: story text is shown in it, whatever the UI language. */
  lang: Language;
  /** How the server's AI seats speak (from the welcome); null until it came. */
  aiVoices?: AiVoices | null;
  /** The host ended the game: nothing more can be sent, everything played stays readable. */
  finished?: boolean;
}

export const RoomContext = createContext<RoomFacts>({ roomId: '', code: null, lang: 'zh' });

export function useRoom(): RoomFacts {
  return useContext(RoomContext);
}

export function useStoryText(): (text: LocalizedText | null | undefined) => string {
  const { lang } = useRoom();
  return useCallback((text: LocalizedText | null | undefined) => pick(text, lang), [lang]);
}
