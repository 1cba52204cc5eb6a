// Option checks shared by the statistics functions.
import { type DType, DTYPES } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { copy } from "../../core/copy.ts";

/** `opts` as an object (an empty one when omitted), or a TypeError naming `where`. */
export function checkOpts<T extends object>(opts: T | undefined, where: string): T {
  if (opts === undefined) return {} as T;
  if (typeof opts !== "object" || opts === null || Array.isArray(opts)) {
    throw new TypeError(`${where}: options must be an object, got ${String(opts)}`);
  }
  return opts;
}

/** The dtype NumPy's `mean` returns for inputs of `d`. */
export function meanDType(d: DType): DType {
  const k = DTYPES[d].kind;
  return k === "f" || k === "c" ? d : "float64";
}

/** A rounding function to the precision of float dtype `d` (identity for float64). */
export function rounder(d: DType): (x: number) => number {
  if (d === "float32" || d === "complex64") return Math.fround;
  if (d === "float16") return Math.f16round;
  return (x: number) => x;
}

/**
 * The values of `a` in C order as float64: a view of `a`'s buffer when it already is
 * C-contiguous float64 (callers must not write to it), else a copy.
 */
export function float64Values(a: NDArray): Float64Array {
  if (a.dtype === "float64" && a.flags.cContiguous) {
    return (a.data as Float64Array).subarray(a.offset, a.offset + a.size);
  }
  return copy(a, "float64").data as Float64Array;
}
