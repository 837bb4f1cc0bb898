import { playtestCommand, PLAYTEST_USAGE } from '@jubensha/agents';
import { main as storyMain } from '@jubensha/story/cli';
import { guardRule } from './guard-rule.js';

/**
 * `jubensha <group> …`: `story …` goes to the story package's CLI, `playtest …` to the agents'
 * playtest. Here and not in story, because story may not depend on agents: for the same reason `story
 * validate` gets the AI seats' output guard here, as a rule of its own.
 */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'playtest') return playtestCommand(argv.slice(1));
  // The whole command's help: the story tools' usage, then the playtest's (which story cannot know of).
  const help = argv.length === 0 || ['--help', '-h', 'help'].includes(argv[0] ?? '');
  const code = await storyMain(argv, undefined, { rules: [guardRule] });
  if (help) console.log(PLAYTEST_USAGE.replace(/^usage:\n/, ''));
  return code;
}
