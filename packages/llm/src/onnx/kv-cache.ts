import ort from 'onnxruntime-node';

/**
 * A growable, JS-owned buffer of one layer's keys or values in the append layout (sequence-major, so any
 * prefix is one contiguous view). `filled` is how far the newest holder has written: a state that is
 * shorter than `filled` must copy before appending, so cached states are never overwritten.
 */
interface GrowableBuffer {
  data: Float32Array;
  filled: number;
}

/**
 * The past keys and values of one sequence, `length` positions, as the tensors to feed the model.
 * Standard layout: one [1, heads, length, headDim] tensor per layer and kind, made by the model and passed
 * straight back. Append layout: [1, length, heads, headDim] views of growable buffers (`buffers`).
 * Either way a state is immutable once made, so a cached prefix can be shared without copying.
 */
export interface KvState {
  length: number;
  tensors: ort.Tensor[];
  buffers?: GrowableBuffer[];
  /**
   * Append layout: leading rows the attention mask hides. onnxruntime 1.30's FusedMatMul (transBatchB) divides
   * by zero on an empty past, so an append-layout state starts with one zeroed, masked-out row.
   */
  masked?: number;
}

export function emptyKv(layers: number, kvHeads: number, headDim: number, append: boolean): KvState {
  const tensors: ort.Tensor[] = [];
  if (!append) {
    for (let i = 0; i < 2 * layers; i++) {
      tensors.push(new ort.Tensor('float32', new Float32Array(0), [1, kvHeads, 0, headDim]));
    }
    return { length: 0, tensors };
  }
  const buffers: GrowableBuffer[] = [];
  for (let i = 0; i < 2 * layers; i++) {
    const data = new Float32Array(kvHeads * headDim);
    buffers.push({ data, filled: 1 });
    tensors.push(new ort.Tensor('float32', data, [1, 1, kvHeads, headDim]));
  }
  return { length: 0, tensors, buffers, masked: 1 };
}

/** Append layout: the state after `past` plus the model's new positions ([1, n, heads, headDim] each). */
export function appendKv(past: KvState, added: ort.Tensor[]): KvState {
  const buffers = past.buffers ?? [];
  const masked = past.masked ?? 0;
  const offset = past.length + masked;
  let rows = offset;
  const next: GrowableBuffer[] = [];
  const tensors = added.map((tensor, i) => {
    const [, n = 0, heads = 0, headDim = 0] = tensor.dims;
    const row = heads * headDim;
    rows = offset + n;
    let buffer = buffers[i] ?? { data: new Float32Array(0), filled: 0 };
    if (buffer.filled !== offset || buffer.data.length < rows * row) {
      // Grow geometrically (few copies over a generation) or copy-on-write when another state wrote further.
      const doubled = buffer.filled === offset ? 2 * (buffer.data.length / row) : 0;
      const capacity = Math.max(rows + 64, doubled);
      const data = new Float32Array(capacity * row);
      data.set(buffer.data.subarray(0, offset * row));
      buffer = { data, filled: offset };
    }
    buffer.data.set(tensor.data as Float32Array, offset * row);
    buffer.filled = rows;
    next.push(buffer);
    return new ort.Tensor('float32', buffer.data.subarray(0, rows * row), [1, rows, heads, headDim]);
  });
  return { length: rows - masked, tensors, buffers: next, masked };
}

/** The first `length` positions of `kv`. */
export function truncateKv(kv: KvState, length: number): KvState {
  if (length >= kv.length) return kv;
  if (kv.buffers) {
    // A shorter view of the same buffers; copy-on-write in appendKv keeps the longer state intact.
    const rows = length + (kv.masked ?? 0);
    const tensors = kv.tensors.map((tensor) => {
      const [, , heads = 0, headDim = 0] = tensor.dims;
      const view = (tensor.data as Float32Array).subarray(0, rows * heads * headDim);
      return new ort.Tensor('float32', view, [1, rows, heads, headDim]);
    });
    return { length, tensors, buffers: kv.buffers, ...(kv.masked ? { masked: kv.masked } : {}) };
  }
  const tensors = kv.tensors.map((tensor) => {
    const [, heads = 0, total = 0, headDim = 0] = tensor.dims;
    const source = tensor.data as Float32Array;
    const out = new Float32Array(heads * length * headDim);
    for (let h = 0; h < heads; h++) {
      out.set(source.subarray(h * total * headDim, (h * total + length) * headDim), h * length * headDim);
    }
    return new ort.Tensor('float32', out, [1, heads, length, headDim]);
  });
  return { length, tensors };
}

/** A copy that holds no spare capacity and shares no buffer: what the prefix cache keeps. */
export function compactKv(kv: KvState): KvState {
  if (!kv.buffers) return kv;
  const tensors = kv.tensors.map(
    (tensor) => new ort.Tensor('float32', (tensor.data as Float32Array).slice(), tensor.dims),
  );
  const rows = kv.length + (kv.masked ?? 0);
  return {
    length: kv.length,
    tensors,
    buffers: tensors.map((tensor) => ({ data: tensor.data as Float32Array, filled: rows })),
    ...(kv.masked ? { masked: kv.masked } : {}),
  };
}

export function kvBytes(kv: KvState): number {
  return kv.tensors.reduce((sum, tensor) => sum + (tensor.data as Float32Array).byteLength, 0);
}
