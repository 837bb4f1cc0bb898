import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { LlmError } from '../errors.js';
import type { ChatMessage } from '../language-model.js';

/** The model folder's own tokenizer and chat template, loaded strictly offline. */
export class ModelTokenizer {
  private constructor(
    private readonly tokenizer: PreTrainedTokenizer,
    private readonly specialTokens: string[],
  ) {}

  static async load(modelDir: string): Promise<ModelTokenizer> {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    const absolute = path.resolve(modelDir);
    env.localModelPath = path.dirname(absolute) + path.sep;
    try {
      const tokenizer = await AutoTokenizer.from_pretrained(path.basename(absolute));
      const file = JSON.parse(await readFile(path.join(absolute, 'tokenizer.json'), 'utf8')) as {
        added_tokens?: { content: string; special: boolean }[];
      };
      const special = (file.added_tokens ?? []).filter((t) => t.special && t.content).map((t) => t.content);
      return new ModelTokenizer(tokenizer, special);
    } catch (error) {
      throw new LlmError('MODEL_INVALID', `cannot load the tokenizer of ${modelDir}`, { cause: error });
    }
  }

  /**
   * Token ids of the prompt: chat messages through the model's template, or a raw prompt as is (a raw
   * prompt is trusted text: special-token strings in it become special tokens).
   */
  encode(input: { messages: ChatMessage[] } | { prompt: string }): number[] {
    let text: string;
    if ('messages' in input) {
      try {
        // Player-written text must not forge role markers: special-token strings are removed from contents.
        const messages = input.messages.map((m) => ({ role: m.role, content: this.stripSpecial(m.content) }));
        text = this.tokenizer.apply_chat_template(messages, {
          add_generation_prompt: true,
          tokenize: false,
        }) as string;
      } catch (error) {
        throw new LlmError('MODEL_INVALID', 'the chat template failed', { cause: error });
      }
    } else text = input.prompt;
    // The template already wrote any BOS/role markers; special-token text in it maps to the special ids.
    return this.tokenizer.encode(text, { add_special_tokens: false });
  }

  /** Token ids of reply text as the model would write it (special-token strings in it are dropped). */
  encodeReply(text: string): number[] {
    return this.tokenizer.encode(this.stripSpecial(text), { add_special_tokens: false });
  }

  private stripSpecial(content: string): string {
    let out = content;
    for (const token of this.specialTokens) out = out.split(token).join('');
    return out;
  }

  /** Text of `ids` without special tokens ('' for none: transformers.js rejects an empty list). */
  decode = (ids: readonly number[]): string =>
    ids.length === 0 ? '' : this.tokenizer.decode([...ids], { skip_special_tokens: true });
}
