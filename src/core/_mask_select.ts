// Fast path of `a[mask]` when the mask has the array's shape: one pass to count, one to copy,
// in a loop generated per dtype (a loop shared across typed-array types goes megamorphic).
import { allocate, type DType, DTYPES, type TypedArray } from "./dtype.ts";
import { NDArray } from "./ndarray.ts";
import { ascontiguous } from "./copy.ts";
import { compile } from "./_kernel.ts";

type Select = (
  d: TypedArray,
  p: number,
  m: Uint8Array,
  q: number,
  n: number,
  o: TypedArray,
) => void;
const SELECTS = new Map<DType, Select>();

function selectFor(dtype: DType): Select {
  let f = SELECTS.get(dtype);
  if (!f) {
    const body = DTYPES[dtype].lanes === 2
      ? "if (m[q + i] !== 0) { o[k++] = d[2 * (p + i)]; o[k++] = d[2 * (p + i) + 1]; }"
      : "if (m[q + i] !== 0) o[k++] = d[p + i];";
    f = compile(`// mask select ${dtype}
return function select(d, p, m, q, n, o) {
  let k = 0;
  for (let i = 0; i < n; i++) { ${body} }
};`) as Select;
    SELECTS.set(dtype, f);
  }
  return f;
}

/** `a[mask]` for a bool mask of exactly `a`'s shape: the selected elements in C order. */
export function maskSelect<D extends DType>(a: NDArray<D>, mask: NDArray): NDArray<D> {
  const src = ascontiguous(a), m = ascontiguous(mask);
  const md = m.data as Uint8Array, n = src.size;
  let count = 0;
  for (let i = 0; i < n; i++) count += md[m.offset + i] !== 0 ? 1 : 0;
  const out = allocate(a.dtype, count);
  selectFor(a.dtype)(src.data, src.offset, md, m.offset, n, out);
  return new NDArray(a.dtype, out, [count]);
}

/**
 * Element offsets for `a[idx]` with `a` 1-D and `idx` an integer array, bounds-checked;
 * int64 indices are read through their 32-bit halves (no bigint per element).
 */
export function indexOffsets(a: NDArray, idx: NDArray, where: string): Float64Array {
  const ix = ascontiguous(idx);
  const n = ix.size, len = a.shape[0], st = a.strides[0];
  const out = new Float64Array(n);
  const fail = (k: number) => {
    const v = String(ix.data[ix.offset + k]);
    throw new RangeError(`${where}: index ${v} is out of bounds for axis 0 with size ${len}`);
  };
  if (DTYPES[ix.dtype].bigint) {
    const d = ix.data as BigInt64Array;
    const w = new Int32Array(d.buffer, d.byteOffset + 8 * ix.offset, 2 * n);
    const unsigned = ix.dtype === "uint64";
    for (let k = 0; k < n; k++) {
      const hi = w[2 * k + 1];
      let v = (unsigned ? hi >>> 0 : hi) * 4294967296 + (w[2 * k] >>> 0);
      if (v < -len || v >= len) fail(k);
      if (v < 0) v += len;
      out[k] = a.offset + v * st;
    }
  } else {
    const d = ix.data as Float64Array;
    for (let k = 0; k < n; k++) {
      let v = d[ix.offset + k];
      if (v < -len || v >= len) fail(k);
      if (v < 0) v += len;
      out[k] = a.offset + v * st;
    }
  }
  return out;
}
