/** Where a command writes; the real CLI passes process streams, tests collect the text. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** A usage mistake: printed with the usage text, exit code 2. */
export class UsageError extends Error {}
