import { createHash } from 'node:crypto';

/** What the crash test's writer appends: a command whose text can be checked against its digest. */
export interface CrashCommand {
  type: 'PUBLIC_MESSAGE';
  n: number;
  text: string;
  digest: string;
}

export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function crashCommand(n: number, text: string): CrashCommand {
  return { type: 'PUBLIC_MESSAGE', n, text, digest: digestOf(text) };
}
