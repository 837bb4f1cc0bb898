import ort from 'onnxruntime-node';

/**
 * The past keys and values of one sequence: `length` positions, one [1, heads, length, headDim] tensor per
 * layer and kind. Tensors are immutable once made: the model returns new ones each step and we pass them
 * straight back, so a cached prefix can be shared by many generations without copying.
 */
export interface KvState {
  length: number;
  tensors: ort.Tensor[];
}

export function emptyKv(layers: number, kvHeads: number, headDim: number): KvState {
  const tensors: ort.Tensor[] = [];
  for (let i = 0; i < 2 * layers; i++)
    tensors.push(new ort.Tensor('float32', new Float32Array(0), [1, kvHeads, 0, headDim]));
  return { length: 0, tensors };
}

/** The first `length` positions of `kv` (a copy: positions are strided per head). */
export function truncateKv(kv: KvState, length: number): KvState {
  if (length >= kv.length) return kv;
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

export function kvBytes(kv: KvState): number {
  return kv.tensors.reduce((sum, tensor) => sum + (tensor.data as Float32Array).byteLength, 0);
}
