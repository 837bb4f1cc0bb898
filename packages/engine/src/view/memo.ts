import type { PrivateCharacter } from '@jubensha/protocol';
import type { Character } from '@jubensha/story';

/**
 * How a projection may reuse what it built before: the same values, possibly the same objects. The
 * projection functions decide what a viewer gets; a memo only decides object identity, so a view built
 * with any memo equals the one built with `FRESH`.
 */
export interface ProjectionMemo {
  /** A part every viewer of this game state gets alike (`key` names it), built once per state. */
  common<T>(key: string, make: () => T): T;
  /** A character's private file up to an act: it depends on nothing else. */
  character(c: Character, act: number, make: () => PrivateCharacter): PrivateCharacter;
  /** A list of lines said (written once, never changed: the engine keeps their objects), mapped item by item. */
  lines<S extends object, T>(key: string, source: readonly S[], project: (s: S) => T): T[];
}

/** Everything built anew: what `projectView` does. */
export const FRESH: ProjectionMemo = {
  common: (_key, make) => make(),
  character: (_c, _act, make) => make(),
  lines: (_key, source, project) => source.map(project),
};
