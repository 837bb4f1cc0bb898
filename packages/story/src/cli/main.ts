import { parseArgs } from 'node:util';
import { cardExportCommand, cardImportCommand } from './card-command.js';
import { processIo, UsageError } from './io.js';
import type { CliIo } from './io.js';
import { newCommand } from './new-command.js';
import { statsCommand } from './stats-command.js';
import { validateCommand } from './validate-command.js';
import type { Rule } from '../validate/context.js';

export const USAGE = `usage:
  jubensha story validate <dir>... [--format human|json]   check stories (exit code 1 on errors)
  jubensha story stats <dir> [--format human|json]         reading load, clues per round and location, routes
  jubensha story new <dir>                                 start a story that validates clean
  jubensha story card export <dir> <characterId> [-o file] a character as a Character Card V2
  jubensha story card import <card.json> <dir> [--id id]   add a character from a Character Card V2`;

/** What the caller adds to the story commands: `rules` run in `validate` after the validator's own. */
export interface CliOptions {
  rules?: readonly Rule[];
}

/** Runs the CLI on arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo, options: CliOptions = {}): Promise<number> {
  try {
    return await dispatch(argv, io, options);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError && 'code' in error)) throw error;
    io.err(`${error.message}\n${USAGE}`);
    return 2;
  }
}

async function dispatch(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'human' },
      output: { type: 'string', short: 'o' },
      id: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const format = values.format;
  if (format !== 'human' && format !== 'json')
    throw new UsageError(`--format is human or json, not ${format}`);
  const [group, command, ...rest] = positionals;
  if (group !== 'story')
    throw new UsageError(group === undefined ? 'no command given' : `unknown command ${group}`);
  const need = (count: number, what: string) => {
    if (rest.length < count) throw new UsageError(`story ${command ?? ''} needs ${what}`);
  };
  switch (command) {
    case 'validate':
      need(1, 'at least one story folder');
      return validateCommand(rest, format, io, options);
    case 'stats':
      need(1, 'a story folder');
      return statsCommand(rest[0] as string, format, io);
    case 'new':
      need(1, 'a folder for the new story');
      return newCommand(rest[0] as string, io);
    case 'card': {
      const [action, a, b] = rest;
      if (action === 'export' && a !== undefined && b !== undefined)
        return cardExportCommand(a, b, values.output, io);
      if (action === 'import' && a !== undefined && b !== undefined)
        return cardImportCommand(a, b, values.id, io);
      throw new UsageError('story card export <dir> <characterId> | story card import <card.json> <dir>');
    }
    default:
      throw new UsageError(
        command === undefined ? 'story needs a command' : `unknown command story ${command}`,
      );
  }
}
