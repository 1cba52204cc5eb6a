// The values side of sparse matrices: which dtypes a matrix may hold, turning inputs into a
// 1-D data NDArray and Int32Array indices, and the small dtype-generic loops (gather, summing
// runs) that the structural kernels leave to the values.
import { NDArray } from "../core/ndarray.ts";
import {
  allocate,
  type DType,
  DTYPE_NAMES,
  DTYPES,
  isDType,
  type TypedArray,
} from "../core/dtype.ts";
import { toArray } from "../core/asarray.ts";
import { astype, copy } from "../core/copy.ts";
import type { ArrayLike } from "../core/_array_like.ts";

/** The dtypes a sparse matrix may hold: every nd dtype but float16, as in SciPy. */
export type SparseDType = Exclude<DType, "float16">;

/** The dtypes of sparse data, in NumPy's order. */
export const SPARSE_DTYPES: readonly SparseDType[] = DTYPE_NAMES.filter(
  (d): d is SparseDType => d !== "float16",
);

/** Throws unless `dtype` is one sparse matrices hold. */
export function checkSparseDType(dtype: unknown, where: string): SparseDType {
  if (!isDType(dtype) || dtype === "float16") {
    throw new TypeError(
      `${where}: sparse matrices do not support dtype ${
        typeof dtype === "string" ? dtype : String(dtype)
      }: use one of ${SPARSE_DTYPES.join(", ")}`,
    );
  }
  return dtype;
}

/** The largest index a matrix dimension may reach: indices are Int32Array. */
export const MAX_INDEX = 0x7fffffff;

/**
 * The data of a new matrix: a 1-D C-contiguous NDArray that owns its buffer from offset 0 (a
 * contiguous NDArray or typed array is used as is unless `copyData`), cast to `dtype` when given.
 */
export function toData(
  x: ArrayLike,
  dtype: DType | undefined,
  copyData: boolean,
  where: string,
): NDArray {
  if (dtype !== undefined) checkSparseDType(dtype, where);
  let a = toArray(x, `${where}: data`);
  if (a.ndim !== 1) {
    if (a.ndim === 0) a = new NDArray(a.dtype, copy(a).data, [1]);
    else {
      throw new TypeError(
        `${where}: data must be 1-D, got shape [${a.shape.join(",")}]`,
      );
    }
  }
  checkSparseDType(a.dtype, where);
  if (dtype !== undefined && dtype !== a.dtype) return astype(a, dtype);
  const lanes = DTYPES[a.dtype].lanes;
  if (
    copyData || a.offset !== 0 || a.strides[0] !== 1 && a.shape[0] > 1 ||
    a.data.length !== a.shape[0] * lanes
  ) {
    return copy(a);
  }
  return a;
}

/** An empty (length-0) data array. */
export function emptyData(dtype: DType, n = 0): NDArray {
  return new NDArray(dtype, allocate(dtype, n), [n]);
}

/** Wraps a typed array as 1-D data of `dtype`. */
export function wrapData(dtype: DType, data: TypedArray, n: number): NDArray {
  return new NDArray(dtype, data as never, [n]);
}

/** Whether `a` is C-contiguous and owns its whole buffer from offset 0. */
function ownsBuffer(a: NDArray): boolean {
  return a.offset === 0 && a.flags.cContiguous && a.data.length === a.size * lanesOf(a.dtype);
}

/** Checks the `data` a matrix constructor is given: a 1-D NDArray owning its whole buffer. */
export function checkDataPart(data: unknown, where: string): void {
  if (!(data instanceof NDArray)) throw new TypeError(`${where}: data must be an NDArray`);
  checkSparseDType(data.dtype, where);
  if (data.ndim !== 1 || !ownsBuffer(data)) {
    throw new TypeError(
      `${where}: data must be a 1-D NDArray that owns its whole buffer: use ${where}() to convert`,
    );
  }
}

/** The new values of `withData`: 1-D with `nnz` values, copied unless they own their buffer. */
export function withDataValues<T extends DType>(data: NDArray<T>, nnz: number): NDArray<T> {
  if (data.ndim !== 1 || data.size !== nnz) {
    throw new TypeError(
      `withData: data must be 1-D with ${nnz} values, got shape [${data.shape.join(",")}]`,
    );
  }
  checkSparseDType(data.dtype, "withData");
  return ownsBuffer(data) ? data : copy(data);
}

/** The values of `parts` one after the other, cast to `dtype`. */
export function concatData(parts: readonly NDArray[], dtype: DType): NDArray {
  const total = parts.reduce((s, p) => s + p.size, 0);
  const out = allocate(dtype, total);
  let o = 0;
  for (const p of parts) {
    const d = castData(p, dtype);
    // deno-lint-ignore no-explicit-any
    (out as any).set(d.data as any, o);
    o += d.data.length;
  }
  return wrapData(dtype, out, total);
}

/**
 * An index array (`row`, `col`, `indices`, `indptr`) as an Int32Array: an Int32Array is used
 * as is unless `copyIndex`; other integer inputs are converted after a range check.
 */
export function toIndex(x: unknown, name: string, copyIndex: boolean, where: string): Int32Array {
  if (x instanceof Int32Array) return copyIndex ? x.slice() : x;
  if (x === undefined || x === null) {
    throw new TypeError(`${where}: ${name} is required`);
  }
  let a: NDArray;
  try {
    a = toArray(x as ArrayLike, `${where}: ${name}`);
  } catch (e) {
    if (e instanceof TypeError) throw new TypeError(`${where}: ${name} must be an integer array`);
    throw e;
  }
  if (a.ndim !== 1) {
    throw new TypeError(`${where}: ${name} must be 1-D, got shape [${a.shape.join(",")}]`);
  }
  const k = DTYPES[a.dtype].kind;
  if (k !== "i" && k !== "u" && k !== "f") {
    throw new TypeError(`${where}: ${name} must be an integer array, got dtype ${a.dtype}`);
  }
  const n = a.shape[0], out = new Int32Array(n);
  const src = a.data, s = a.strides[0], o = a.offset;
  for (let i = 0; i < n; i++) {
    const v = Number(src[o + i * s]);
    if (k === "f" && !Number.isInteger(v)) {
      throw new TypeError(`${where}: ${name} must hold integers, got ${v} at ${i}`);
    }
    if (v > MAX_INDEX || v < -MAX_INDEX - 1) {
      throw new RangeError(
        `${where}: ${name}[${i}] = ${v} does not fit the int32 indices sparse matrices use`,
      );
    }
    out[i] = v;
  }
  return out;
}

/** Typed-array slots per element of `dtype` (2 for complex). */
export function lanesOf(dtype: DType): 1 | 2 {
  return DTYPES[dtype].lanes;
}

/** Whether element `k` of `data` (a `dtype` buffer) is zero (both parts for complex). */
export function isZeroAt(data: TypedArray, lanes: number, k: number): boolean {
  if (lanes === 2) return data[2 * k] === 0 && data[2 * k + 1] === 0;
  // deno-lint-ignore no-explicit-any
  return (data as any)[k] == 0;
}

/** `out[t] = src[perm[t]]` for `t < n` (any dtype; two slots per complex element). */
export function gather(
  dtype: DType,
  src: TypedArray,
  perm: Int32Array,
  n = perm.length,
): TypedArray {
  const out = allocate(dtype, n);
  if (DTYPES[dtype].lanes === 2) {
    const s = src as Float64Array, o = out as Float64Array;
    for (let t = 0; t < n; t++) {
      const k = perm[t];
      o[2 * t] = s[2 * k];
      o[2 * t + 1] = s[2 * k + 1];
    }
  } else {
    // deno-lint-ignore no-explicit-any
    const s = src as any, o = out as any;
    for (let t = 0; t < n; t++) o[t] = s[perm[t]];
  }
  return out;
}

/** `out[t] = perm[t] < 0 ? 0 : src[perm[t]]` for `t < n` (zero where an entry is absent). */
export function gatherOrZero(dtype: DType, src: TypedArray, perm: Int32Array): TypedArray {
  const n = perm.length, out = allocate(dtype, n);
  if (DTYPES[dtype].lanes === 2) {
    const s = src as Float64Array, o = out as Float64Array;
    for (let t = 0; t < n; t++) {
      const k = perm[t];
      if (k >= 0) {
        o[2 * t] = s[2 * k];
        o[2 * t + 1] = s[2 * k + 1];
      }
    }
  } else {
    // deno-lint-ignore no-explicit-any
    const s = src as any, o = out as any;
    for (let t = 0; t < n; t++) {
      const k = perm[t];
      if (k >= 0) o[t] = s[k];
    }
  }
  return out;
}

/**
 * Sums runs of gathered values: `out[t] = Σ src[perm[q]]` for `seg[t] <= q < seg[t+1]`
 * (logical or for bool, as SciPy sums bool duplicates), `t < nOut`.
 */
export function segmentSum(
  dtype: DType,
  src: TypedArray,
  perm: Int32Array,
  seg: Int32Array,
  nOut: number,
): TypedArray {
  const out = allocate(dtype, nOut);
  if (DTYPES[dtype].lanes === 2) {
    const s = src as Float64Array, o = out as Float64Array;
    for (let t = 0; t < nOut; t++) {
      let re = 0, im = 0;
      for (let q = seg[t], e = seg[t + 1]; q < e; q++) {
        const k = perm[q];
        re += s[2 * k];
        im += s[2 * k + 1];
      }
      o[2 * t] = re;
      o[2 * t + 1] = im;
    }
    return out;
  }
  // deno-lint-ignore no-explicit-any
  const s = src as any, o = out as any;
  if (dtype === "bool") {
    for (let t = 0; t < nOut; t++) {
      let v = 0;
      for (let q = seg[t], e = seg[t + 1]; q < e; q++) v |= s[perm[q]];
      o[t] = v;
    }
    return out;
  }
  const zero = zeroOf(dtype);
  for (let t = 0; t < nOut; t++) {
    let v = zero;
    for (let q = seg[t], e = seg[t + 1]; q < e; q++) v += s[perm[q]];
    o[t] = v;
  }
  return out;
}

/** The zero of a buffer's element type (0n for 64-bit integers). */
export function zeroOf(dtype: DType): number | bigint {
  return DTYPES[dtype].bigint ? 0n : 0;
}

/** `data` cast to `dtype` (the same array when it already has it). */
export function castData(data: NDArray, dtype: DType): NDArray {
  return data.dtype === dtype ? data : astype(data, dtype);
}
