import ort from 'onnxruntime-node';
import { LlmError } from '../errors.js';
import { appendKv, emptyKv } from './kv-cache.js';
import type { KvState } from './kv-cache.js';
import type { ModelSpec } from './model-folder.js';

export interface ForwardResult {
  /** Logits of the kept positions, row-major [positions, vocab]. */
  logits: Float32Array;
  positions: number;
  kv: KvState;
}

/** One onnxruntime session of a decoder with past key/values, in the transformers.js input layout. */
export class CausalLm {
  private constructor(
    readonly spec: ModelSpec,
    private readonly session: ort.InferenceSession,
    private readonly hasLogitsToKeep: boolean,
    private readonly hasPositionIds: boolean,
    /** Our own export's layout: sequence-major past, only new positions returned (see kv-cache.ts). */
    readonly appendLayout: boolean,
  ) {}

  static async load(spec: ModelSpec, threads: number): Promise<CausalLm> {
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(spec.onnxPath, {
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
      });
    } catch (error) {
      throw new LlmError('MODEL_INVALID', `onnxruntime cannot load ${spec.onnxPath}`, { cause: error });
    }
    const inputs = session.inputNames;
    const required = ['input_ids', 'attention_mask', 'past_key_values.0.key', 'past_key_values.0.value'];
    const missing = required.filter((name) => !inputs.includes(name));
    const appendLayout = session.outputNames.includes('present_new.0.key');
    if (missing.length > 0 || !session.outputNames.includes('logits')) {
      await session.release();
      throw new LlmError(
        'MODEL_INVALID',
        `${spec.onnxPath} lacks ${[...missing, 'logits'].join(', ')}: export it with past key/values`,
      );
    }
    return new CausalLm(
      spec,
      session,
      inputs.includes('num_logits_to_keep'),
      inputs.includes('position_ids'),
      appendLayout,
    );
  }

  emptyKv(): KvState {
    return emptyKv(this.spec.layers, this.spec.kvHeads, this.spec.headDim, this.appendLayout);
  }

  /**
   * Runs `tokens` after the positions in `past`. `keepLogits` = how many trailing positions need logits
   * (0 = all); models without `num_logits_to_keep` return all and we slice.
   */
  async forward(tokens: readonly number[], past: KvState, keepLogits = 1): Promise<ForwardResult> {
    const n = tokens.length;
    const total = past.length + n;
    const masked = past.masked ?? 0;
    const mask = new BigInt64Array(masked + total).fill(1n, masked);
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(tokens, BigInt), [1, n]),
      attention_mask: new ort.Tensor('int64', mask, [1, masked + total]),
    };
    if (this.hasPositionIds) {
      const positions = new BigInt64Array(n);
      for (let i = 0; i < n; i++) positions[i] = BigInt(past.length + i);
      feeds['position_ids'] = new ort.Tensor('int64', positions, [1, n]);
    }
    if (this.hasLogitsToKeep) feeds['num_logits_to_keep'] = new ort.Tensor('int64', [BigInt(keepLogits)], []);
    for (let layer = 0; layer < this.spec.layers; layer++) {
      feeds[`past_key_values.${layer}.key`] = past.tensors[2 * layer] as ort.Tensor;
      feeds[`past_key_values.${layer}.value`] = past.tensors[2 * layer + 1] as ort.Tensor;
    }
    const out = await this.session.run(feeds);
    const logitsTensor = out['logits'] as ort.Tensor;
    const [, rows = 0, vocab = 0] = logitsTensor.dims;
    let logits = logitsTensor.data as Float32Array;
    let positions = rows;
    if (keepLogits > 0 && rows > keepLogits) {
      logits = logits.subarray((rows - keepLogits) * vocab);
      positions = keepLogits;
    }
    const prefix = this.appendLayout ? 'present_new' : 'present';
    const tensors: ort.Tensor[] = [];
    for (let layer = 0; layer < this.spec.layers; layer++) {
      tensors.push(
        out[`${prefix}.${layer}.key`] as ort.Tensor,
        out[`${prefix}.${layer}.value`] as ort.Tensor,
      );
    }
    const kv = this.appendLayout ? appendKv(past, tensors) : { length: total, tensors };
    return { logits, positions, kv };
  }

  /** Logits width (the model's vocabulary, which may exceed the tokenizer's). */
  get vocabSize(): number {
    return this.spec.vocabSize;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
