/**
 * Tokenizes corpus rows for training with the model folder's own tokenizer and chat template (the runtime's
 * `ModelTokenizer`, so training sees exactly the ids the game will feed the model). The prompt and the reply are
 * encoded separately, as at generation time: the prompt ends with the assistant header, the reply with <|im_end|>.
 *
 *   npx tsx scripts/model/tokenize_corpus.ts --tokenizer <dir> --in <rows.jsonl> --out <prefix>
 *
 * Writes <prefix>.tokens (uint16 ids, rows back to back) and <prefix>.index (uint32 triples per row: start,
 * prompt length, total length).
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ModelTokenizer, type ChatMessage } from '@jubensha/llm';

interface Row {
  messages: ChatMessage[];
  reply: string;
}

const { values } = parseArgs({
  options: { tokenizer: { type: 'string' }, in: { type: 'string' }, out: { type: 'string' } },
});
if (!values.tokenizer || !values.in || !values.out) {
  console.error('usage: tokenize_corpus.ts --tokenizer <dir> --in <rows.jsonl> --out <prefix>');
  process.exit(2);
}

const tokenizer = await ModelTokenizer.load(values.tokenizer);
const end = tokenizer.encode({ prompt: '<|im_end|>' });
// A character's system message repeats across its turns. Special tokens split the text before pre-tokenization,
// so the ids of the system part do not depend on what follows it and can be encoded once (checked below).
const systemIds = new Map<string, number[]>();
function encodePrompt(messages: ChatMessage[], check: boolean): number[] {
  const [system, ...rest] = messages;
  if (!system || system.role !== 'system') return tokenizer.encode({ messages });
  let head = systemIds.get(system.content);
  if (!head) {
    head = tokenizer.encode({ prompt: `<|im_start|>system\n${system.content}<|im_end|>\n` });
    systemIds.set(system.content, head);
  }
  const tail = tokenizer.encode({ messages: rest });
  const ids = [...head, ...tail];
  if (check && ids.join() !== tokenizer.encode({ messages }).join())
    throw new Error('cached system ids differ');
  return ids;
}
const tokens: number[] = [];
const index: number[] = [];
let longest = 0;
for await (const line of createInterface({ input: createReadStream(values.in, 'utf8') })) {
  if (!line.trim()) continue;
  const row = JSON.parse(line) as Row;
  const prompt = encodePrompt(row.messages, index.length % 300 === 0);
  const reply = [...tokenizer.encode({ prompt: row.reply }), ...end];
  index.push(tokens.length, prompt.length, prompt.length + reply.length);
  for (const id of prompt) tokens.push(id);
  for (const id of reply) tokens.push(id);
  longest = Math.max(longest, prompt.length + reply.length);
}
if (tokens.some((id) => id > 0xffff)) throw new Error('ids do not fit in uint16');
writeFileSync(`${values.out}.tokens`, Buffer.from(new Uint16Array(tokens).buffer));
writeFileSync(`${values.out}.index`, Buffer.from(new Uint32Array(index).buffer));
console.log(
  `${index.length / 3} rows, ${tokens.length} tokens (${(tokens.length / (index.length / 3)).toFixed(0)} per row, longest ${longest})`,
);
