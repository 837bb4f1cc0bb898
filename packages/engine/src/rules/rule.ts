import type { Actor, Command, CommandType, ErrorCode } from '@jubensha/protocol';
import type { Story } from '@jubensha/story';
import type { GameContext } from '../context.js';

export interface RuleArgs<C extends Command> {
  story: Story;
  /** A private copy: a rule mutates it freely; it is thrown away when the rule refuses. */
  ctx: GameContext;
  cmd: C;
  actor: Actor;
  /** The acting seat for seat commands ('' for the host and the system). */
  seat: string;
  now: number;
}

/** Checks one command against the rules and applies it; returns why not, or nothing when accepted. */
export type Rule<C extends Command> = (args: RuleArgs<C>) => ErrorCode | undefined;
export type RuleBook = { [T in CommandType]: Rule<Extract<Command, { type: T }>> };
