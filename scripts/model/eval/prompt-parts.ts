import { stripCopyMarks } from '@jubensha/agents';
import type { ChatMessage } from '@jubensha/llm';

/** What the intent rules read back from a rendered prompt (format: packages/agents/README.md, "Prompt format"). */
export interface PromptReading {
  /** The speaking character's name (the card's `name:`). */
  name: string;
  /** `[TARGET]`: whom the reply is aimed at; null when the prompt names nobody. */
  target: string | null;
  /** `[ASKED] <speaker>: <<speech>>`, as written; null for a line nobody asked for. */
  asked: { line: string; speaker: string } | null;
  /** The card's values (name, profile, voice) and each example line's prompt and text: what a reply must not parrot. */
  copySources: string[];
  /** Both messages, joined: a time or number a reply states is grounded when it occurs here. */
  text: string;
}

const EXAMPLE = /^- [a-z]+ \| (?:<<(.*?)>>|-) \| (.*)$/;

/** Reads the labelled sections of the two prompt messages; missing sections read as empty. */
export function readPrompt(messages: readonly ChatMessage[]): PromptReading {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const user = messages.find((m) => m.role === 'user')?.content ?? '';
  let name = '';
  let target: string | null = null;
  let asked: PromptReading['asked'] = null;
  const copySources: string[] = [];
  let section = '';
  for (const line of system.split('\n')) {
    const label = /^\[([A-Z]+)\]$/.exec(line);
    if (label) {
      section = label[1] ?? '';
      continue;
    }
    if (section === 'CARD') {
      const field = /^(name|profile|voice): (.*)$/.exec(line);
      if (field?.[1] === 'name') name = field[2] ?? '';
      if (field?.[2]) copySources.push(field[2]);
    } else if (section === 'EXAMPLES') {
      const example = EXAMPLE.exec(line);
      if (example?.[1]) copySources.push(example[1]);
      if (example?.[2]) copySources.push(example[2]);
    }
  }
  for (const line of user.split('\n')) {
    if (line.startsWith('[TARGET] ')) target = stripCopyMarks(line.slice('[TARGET] '.length)).trim() || null;
    const speech = /^\[ASKED\] (.*?): <</.exec(line);
    if (speech) asked = { line, speaker: speech[1] ?? '' };
  }
  return { name, target, asked, copySources, text: `${system}\n${user}` };
}
