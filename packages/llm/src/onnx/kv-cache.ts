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
}

export function emptyKv(layers: number, kvHeads: number, headDim: number, append: boolean): KvState {
  const dims = append ? [1, 0, kvHeads, headDim] : [1, kvHeads, 0, headDim];
  const tensors: ort.Tensor[] = [];
  for (let i = 0; i < 2 * layers; i++) tensors.push(new ort.Tensor('float32', new Float32Array(0), dims));
  return append
    ? { length: 0, tensors, buffers: tensors.map(() => ({ data: new Float32Array(0), filled: 0 })) }
    : { length: 0, tensors };
}

/** Append layout: the state after `past` plus the model's new positions ([1, n, heads, headDim] each). */
export function appendKv(past: KvState, added: ort.Tensor[]): KvState {
  const buffers = past.buffers ?? [];
  let length = past.length;
  const next: GrowableBuffer[] = [];
  const tensors = added.map((tensor, i) => {
    const [, n = 0, heads = 0, headDim = 0] = tensor.dims;
    const row = heads * headDim;
    length = past.length + n;
    let buffer = buffers[i] ?? { data: new Float32Array(0), filled: 0 };
    if (buffer.filled !== past.length || buffer.data.length < length * row) {
      // Grow geometrically (few copies over a generation) or copy-on-write when another state wrote further.
      const capacity = Math.max(
        length,
        buffer.filled === past.length ? 2 * (buffer.data.length / row || 64) : length + 64,
      );
      const data = new Float32Array(capacity * row);
      data.set(buffer.data.subarray(0, past.length * row));
      buffer = { data, filled: past.length };
    }
    buffer.data.set(tensor.data as Float32Array, past.length * row);
    buffer.filled = length;
    next.push(buffer);
    return new ort.Tensor('float32', buffer.data.subarray(0, length * row), [1, length, heads, headDim]);
  });
  return { length, tensors, buffers: next };
}

/** The first `length` positions of `kv`. */
export function truncateKv(kv: KvState, length: number): KvState {
  if (length >= kv.length) return kv;
  if (kv.buffers) {
    // A shorter view of the same buffers; copy-on-write in appendKv keeps the longer state intact.
    const tensors = kv.tensors.map((tensor) => {
      const [, , heads = 0, headDim = 0] = tensor.dims;
      return new ort.Tensor('float32', (tensor.data as Float32Array).subarray(0, length * heads * headDim), [
        1,
        length,
        heads,
        headDim,
      ]);
    });
    return { length, tensors, buffers: kv.buffers };
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
  return {
    length: kv.length,
    tensors,
    buffers: tensors.map((tensor) => ({ data: tensor.data as Float32Array, filled: kv.length })),
  };
}

export function kvBytes(kv: KvState): number {
  return kv.tensors.reduce((sum, tensor) => sum + (tensor.data as Float32Array).byteLength, 0);
}
