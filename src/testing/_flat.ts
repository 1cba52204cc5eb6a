// Arrays read for comparison: the elements in C order as numbers, bigints or complex pairs,
// with the per-element predicates the assertions share.
import { type DType, DTYPES, type TypedArray } from "../core/dtype.ts";
import type { NDArray } from "../core/ndarray.ts";
import { ascontiguous } from "../core/copy.ts";
import type { Value } from "./_format.ts";

/** The elements of an array in C order, in the form the comparisons read. */
export interface Flat {
  readonly arr: NDArray;
  /** The elements in C order (two slots per complex element), possibly `arr`'s own memory. */
  readonly data: TypedArray;
  readonly dtype: DType;
  readonly kind: string;
  /** Real parts (or values) of non-64-bit-integer dtypes. */
  readonly re: Float64Array | null;
  /** Imaginary parts of complex dtypes. */
  readonly im: Float64Array | null;
  /** Values of int64/uint64. */
  readonly big: BigInt64Array | BigUint64Array | null;
}

/** Reads an array (any layout) into a {@linkcode Flat}. */
export function flatten(a: NDArray): Flat {
  const c = ascontiguous(a);
  const info = DTYPES[a.dtype];
  const lanes = info.lanes;
  // a C-contiguous view may start anywhere in its buffer and end before its end
  const data = c.data.subarray(c.offset * lanes, (c.offset + c.size) * lanes);
  const base = { arr: a, data, dtype: a.dtype, kind: info.kind };
  if (info.bigint) {
    return { ...base, re: null, im: null, big: data as BigInt64Array | BigUint64Array };
  }
  if (info.kind === "c") {
    const d = data as Float64Array | Float32Array;
    const n = c.size, re = new Float64Array(n), im = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      re[i] = d[2 * i];
      im[i] = d[2 * i + 1];
    }
    return { ...base, re, im, big: null };
  }
  const re = data instanceof Float64Array ? data : new Float64Array(data as Float32Array);
  return { ...base, re, im: null, big: null };
}

/** Element `i` as a number (real part for complex). */
export function num(f: Flat, i: number): number {
  return f.big ? Number(f.big[i]) : f.re![i];
}

/** Imaginary part of element `i` (0 for real dtypes). */
export function imag(f: Flat, i: number): number {
  return f.im ? f.im[i] : 0;
}

/** Element `i` of an integer or bool array as a bigint. */
export function bigOf(f: Flat, i: number): bigint {
  return f.big ? f.big[i] : BigInt(f.re![i]);
}

/** True when the dtype holds integers (bool included). */
export function integral(f: Flat): boolean {
  return f.kind === "b" || f.kind === "i" || f.kind === "u";
}

export function value(f: Flat, i: number): Value {
  if (f.big) return f.big[i];
  if (f.im) return { re: f.re![i], im: f.im[i] };
  return f.re![i];
}

export function isNan(f: Flat, i: number): boolean {
  return !f.big && (Number.isNaN(f.re![i]) || (f.im !== null && Number.isNaN(f.im[i])));
}

export function isInf(f: Flat, i: number): boolean {
  if (f.big || (f.kind !== "f" && f.kind !== "c")) return false;
  const r = f.re![i], m = f.im ? f.im[i] : 0;
  return r === Infinity || r === -Infinity || m === Infinity || m === -Infinity;
}

/** Exact equality of element `i` of x and `j` of y (integers compared as integers). */
export function elementEqual(x: Flat, i: number, y: Flat, j: number): boolean {
  if (integral(x) && integral(y)) return bigOf(x, i) === bigOf(y, j);
  return num(x, i) === num(y, j) && imag(x, i) === imag(y, j);
}

/** {@linkcode elementEqual} specialised once for two arrays (the fast path of big arrays). */
export function equalTest(x: Flat, y: Flat): (i: number, j: number) => boolean {
  const xr = x.re, yr = y.re, xb = x.big, yb = y.big;
  if (xb && yb) return (i, j) => xb[i] === yb[j];
  if (integral(x) && integral(y)) {
    if (xr && yr) return (i, j) => xr[i] === yr[j];
    return (i, j) => bigOf(x, i) === bigOf(y, j);
  }
  if (xr && yr && !x.im && !y.im) return (i, j) => xr[i] === yr[j];
  return (i, j) => elementEqual(x, i, y, j);
}
