import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ModelTokenizer } from '@jubensha/llm';
import ort from 'onnxruntime-node';
import { replyNll } from './nll.js';
import type { HeldOutRow } from './row.js';

interface Shape {
  layers: number;
  kvHeads: number;
  headDim: number;
  maxContext: number;
}

/**
 * Scores corpus replies with the folder's standard `onnx/model.onnx` in one forward pass over prompt + reply
 * (`num_logits_to_keep = 0`: logits at every position), the ids tokenized exactly as
 * scripts/model/tokenize_corpus.ts feeds training: the prompt through the chat template, then the reply
 * text and <|im_end|>.
 */
export class ReplyScorer {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly tokenizer: ModelTokenizer,
    private readonly end: number[],
    private readonly shape: Shape,
  ) {}

  static async load(modelDir: string, threads = 2): Promise<ReplyScorer> {
    const config = JSON.parse(await readFile(path.join(modelDir, 'config.json'), 'utf8')) as Record<
      string,
      number
    >;
    const heads = config['num_attention_heads'] ?? 1;
    const shape: Shape = {
      layers: config['num_hidden_layers'] ?? 0,
      kvHeads: config['num_key_value_heads'] ?? heads,
      headDim: config['head_dim'] ?? (config['hidden_size'] ?? 0) / heads,
      maxContext: config['max_position_embeddings'] ?? 2048,
    };
    const session = await ort.InferenceSession.create(path.join(modelDir, 'onnx', 'model.onnx'), {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    const tokenizer = await ModelTokenizer.load(modelDir);
    return new ReplyScorer(session, tokenizer, tokenizer.encode({ prompt: '<|im_end|>' }), shape);
  }

  /** The reply's summed NLL and token count; null when prompt + reply exceed the model's context. */
  async score(row: HeldOutRow): Promise<{ nll: number; tokens: number } | null> {
    const prompt = this.tokenizer.encode({ messages: row.messages });
    const ids = [...prompt, ...this.tokenizer.encode({ prompt: row.reply }), ...this.end];
    if (ids.length > this.shape.maxContext) return null;
    const n = ids.length;
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, n]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]),
      position_ids: new ort.Tensor(
        'int64',
        BigInt64Array.from({ length: n }, (_, i) => BigInt(i)),
        [1, n],
      ),
      num_logits_to_keep: new ort.Tensor('int64', [0n], []),
    };
    const { layers, kvHeads, headDim } = this.shape;
    for (let layer = 0; layer < layers; layer++)
      for (const kind of ['key', 'value'])
        feeds[`past_key_values.${layer}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [
          1,
          kvHeads,
          0,
          headDim,
        ]);
    // Feed only what this export declares (GPT-2 style graphs have no position_ids).
    const inputs = Object.fromEntries(
      this.session.inputNames.flatMap((name) => (feeds[name] ? [[name, feeds[name]]] : [])),
    );
    const out = await this.session.run(inputs);
    const logits = out['logits'] as ort.Tensor;
    const vocab = logits.dims[2] ?? 0;
    return {
      nll: replyNll(logits.data as Float32Array, vocab, ids, prompt.length),
      tokens: n - prompt.length,
    };
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
