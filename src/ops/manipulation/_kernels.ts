// Private fast paths of the manipulation functions: contiguous block copies and generated
// gather/scatter/repeat kernels (one per storage class, so each stays monomorphic).
import { allocate, type DType, DTYPES, type TypedArray } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { copyInto } from "../../core/copy.ts";
import { compile } from "../../core/_kernel.ts";

/**
 * `copyInto(dst, src)`, but runs that are contiguous in both arrays (same dtype and shape,
 * no shared buffer unless the caller knows the two regions are `disjoint`) are moved with
 * `TypedArray.prototype.set` (a memcpy). `dst` must be writeable (not checked: callers pass
 * their own fresh outputs or arrays they checked).
 */
export function copyBlock(dst: NDArray, src: NDArray, disjoint = false): void {
  const shape = dst.shape, nd = shape.length;
  if (
    src.dtype !== dst.dtype || src.ndim !== nd || !src.shape.every((s, i) => s === shape[i]) ||
    (!disjoint && src.data.buffer === dst.data.buffer)
  ) {
    copyInto(dst, src);
    return;
  }
  let size = 1;
  for (const s of shape) size *= s;
  if (size === 0) return;
  // Trailing dimensions that form one contiguous run in both arrays.
  let run = 1, k = nd;
  for (; k > 0; k--) {
    const d = k - 1;
    if (shape[d] === 1) continue;
    if (src.strides[d] !== run || dst.strides[d] !== run) break;
    run *= shape[d];
  }
  if (run < 16 && k > 0) {
    copyInto(dst, src);
    return;
  }
  const L = DTYPES[dst.dtype].lanes, w = run * L;
  const S = src.data as Float64Array, D = dst.data as Float64Array;
  const cnt = new Array<number>(k).fill(0);
  let ps = src.offset, pd = dst.offset;
  for (let done = 0; done < size; done += run) {
    D.set(S.subarray(ps * L, ps * L + w), pd * L);
    for (let d = k - 1; d >= 0; d--) {
      ps += src.strides[d];
      pd += dst.strides[d];
      if (++cnt[d] < shape[d]) break;
      ps -= src.strides[d] * shape[d];
      pd -= dst.strides[d] * shape[d];
      cnt[d] = 0;
    }
  }
}

type GatherKernel = (
  S: TypedArray,
  D: TypedArray,
  I: Float64Array,
  outer: number,
  nIn: number,
  nIdx: number,
  inner: number,
  s0: number,
) => void;
type RepeatKernel = (
  S: TypedArray,
  D: TypedArray,
  R: Float64Array,
  outer: number,
  n: number,
  inner: number,
  s0: number,
) => void;

const GATHER = new Map<string, GatherKernel>();
const REPEAT = new Map<string, RepeatKernel>();

function storageKey(dtype: DType): string {
  return `${allocate(dtype, 0).constructor.name}x${DTYPES[dtype].lanes}`;
}

/**
 * `D[o, j, k] = S[s0 + (o * nIn + I[j]) * inner + k]` over a C-contiguous source (in
 * elements; complex elements move as pairs).
 */
export function gatherKernel(dtype: DType): GatherKernel {
  const key = storageKey(dtype);
  let k = GATHER.get(key);
  if (!k) {
    const L = DTYPES[dtype].lanes;
    k = compile(`// gather ${key}
return function gather(S, D, I, outer, nIn, nIdx, inner, s0) {
  const w = inner * ${L};
  let q = 0;
  for (let o = 0; o < outer; o++) {
    const base = (s0 + o * nIn * inner) * ${L};
    for (let j = 0; j < nIdx; j++) {
      const p = base + I[j] * w;
      for (let t = 0; t < w; t++) D[q++] = S[p + t];
    }
  }
};`) as GatherKernel;
    GATHER.set(key, k);
  }
  return k;
}

/** Each `[o, i, :]` block of a C-contiguous source written `R[i]` times in a row. */
export function repeatKernel(dtype: DType): RepeatKernel {
  const key = storageKey(dtype);
  let k = REPEAT.get(key);
  if (!k) {
    const L = DTYPES[dtype].lanes;
    k = compile(`// repeat ${key}
return function repeat(S, D, R, outer, n, inner, s0) {
  const w = inner * ${L};
  let q = 0, p = s0 * ${L};
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < n; i++) {
      const r = R[i];
      if (w === 1) {
        const v = S[p];
        for (let t = 0; t < r; t++) D[q++] = v;
      } else {
        for (let t = 0; t < r; t++) for (let u = 0; u < w; u++) D[q++] = S[p + u];
      }
      p += w;
    }
  }
};`) as RepeatKernel;
    REPEAT.set(key, k);
  }
  return k;
}

type IndexedKernel = (S: TypedArray, D: TypedArray, O: Float64Array, n: number) => void;
const GATHER_AT = new Map<string, IndexedKernel>();
const SCATTER = new Map<string, IndexedKernel>();

/** `D[k] = S[O[k]]` for k < O.length (element offsets; complex elements move as pairs). */
export function gatherAtKernel(dtype: DType): IndexedKernel {
  const key = storageKey(dtype);
  let k = GATHER_AT.get(key);
  if (!k) {
    k = compile(
      DTYPES[dtype].lanes === 2
        ? `// gatherAt ${key}
return function gatherAt(S, D, O, n) {
  for (let k = 0; k < O.length; k++) { const p = 2 * O[k]; D[2 * k] = S[p]; D[2 * k + 1] = S[p + 1]; }
};`
        : `// gatherAt ${key}
return function gatherAt(S, D, O, n) {
  for (let k = 0; k < O.length; k++) D[k] = S[O[k]];
};`,
    ) as IndexedKernel;
    GATHER_AT.set(key, k);
  }
  return k;
}

/** `D[O[k]] = S[k % n]` for k < O.length (values cycled; complex elements move as pairs). */
export function scatterKernel(dtype: DType): IndexedKernel {
  const key = storageKey(dtype);
  let k = SCATTER.get(key);
  if (!k) {
    k = compile(
      DTYPES[dtype].lanes === 2
        ? `// scatter ${key}
return function scatter(S, D, O, n) {
  for (let k = 0, j = 0; k < O.length; k++) {
    const p = 2 * O[k]; D[p] = S[2 * j]; D[p + 1] = S[2 * j + 1];
    if (++j === n) j = 0;
  }
};`
        : `// scatter ${key}
return function scatter(S, D, O, n) {
  for (let k = 0, j = 0; k < O.length; k++) {
    D[O[k]] = S[j];
    if (++j === n) j = 0;
  }
};`,
    ) as IndexedKernel;
    SCATTER.set(key, k);
  }
  return k;
}
