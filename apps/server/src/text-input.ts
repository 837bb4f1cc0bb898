import {
  CommandSchema,
  gameError,
  isReservedName,
  normalizeText,
  type Command,
  type GameError,
} from '@jubensha/protocol';
import type { Story } from '@jubensha/story';

type Cleaned<T> = { ok: true; value: T } | { ok: false; error: GameError };

/**
 * The names of the story's characters other than `seat`'s own, in both languages, in full and each
 * bracketed alias ("Bai Jingting (Uncle Jing)" → also "Bai Jingting", "Uncle Jing"): a player named
 * after another character could not be told from that character by the table or by spectators.
 */
export function otherCharacterNames(story: Story, seat: string): string[] {
  return story.characters
    .filter((c) => c.id !== seat)
    .flatMap((c) => [c.name.zh ?? '', c.name.en ?? ''])
    .flatMap((n) => [n, ...n.split(/[（）()]/)])
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
}

/** A display name for `seat` as the table will see it, or why it cannot be one. */
export function cleanName(raw: string, story: Story, seat: string): Cleaned<string> {
  const n = normalizeText(raw, 'name');
  if (!n.ok) return { ok: false, error: gameError(n.code) };
  if (isReservedName(n.text, otherCharacterNames(story, seat)))
    return { ok: false, error: gameError('NAME_RESERVED') };
  return { ok: true, value: n.text };
}

/**
 * A command with its player-written text normalized (chat lines and names). Normalizing can lengthen a
 * string (NFC of some scripts), so the result is checked against the schema's limits again.
 */
export function cleanCommand(command: Command): Cleaned<Command> {
  let next: Command;
  switch (command.type) {
    case 'PUBLIC_MESSAGE':
    case 'PRIVATE_MESSAGE':
    case 'STATEMENT': {
      const n = normalizeText(command.text, 'chat');
      if (!n.ok) return { ok: false, error: gameError(n.code) };
      next = { ...command, text: n.text };
      break;
    }
    case 'TAKE_SEAT': {
      const n = normalizeText(command.name, 'name');
      if (!n.ok) return { ok: false, error: gameError(n.code) };
      next = { ...command, name: n.text };
      break;
    }
    default:
      return { ok: true, value: command };
  }
  const parsed = CommandSchema.safeParse(next);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: gameError('BAD_PAYLOAD') };
}
