/**
 * The dtype rule of the `nd.ml` transformers, scikit-learn's (`check_array(X,
 * dtype=FLOAT_DTYPES)` followed by in-place arithmetic on X): a float32 input is transformed
 * into a float32 output, any other input (float64, float16, integers, bools, JS arrays) into
 * float64. Inside, values are read as float64; a float32 output rounds where NumPy's float32
 * arrays round, so results match scikit-learn's to float32 precision. Fitted attributes that
 * scikit-learn keeps in the input's dtype are rounded to float32 and returned as float32 arrays.
 * Large fresh outputs go on transparent huge pages (`src/core/huge_pages.ts`): filling a fresh
 * 160 MB result (1,000,000 × 20) on 4 KiB pages cost ≈ 80 ms here, ≈ 10 ms on huge pages.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { allocateLarge } from "../core/huge_pages.ts";

/** The dtypes the transformers compute in and return. */
export type OutDType = "float32" | "float64";

/**
 * The dtype an `nd.ml` transformer returns for input `X`: `"float32"` for a float32 NDArray,
 * `"float64"` for any other input, both when the input's dtype is not known statically.
 */
export type FloatDTypeOf<X> = X extends NDArray<infer D>
  ? (D extends "float32" ? "float32" : "float64")
  : "float64";

/** `np.finfo(np.float32).eps`. */
const EPS32 = 1.1920928955078125e-7;
/** `np.finfo(np.float64).eps`. */
export const EPS64 = 2.220446049250313e-16;

/** The machine epsilon of `dtype` (scikit-learn's `np.finfo(scale.dtype).eps`). */
export function epsOf(dtype: OutDType): number {
  return dtype === "float32" ? EPS32 : EPS64;
}

/** NumPy's promotion of two of these dtypes (what `np.minimum(float32, float64)` gives). */
export function promote(a: OutDType, b: OutDType): OutDType {
  return a === "float32" && b === "float32" ? "float32" : "float64";
}

/** Rounds every value of `a` to float32, in place (nothing for float64); returns `a`. */
export function roundTo(a: Float64Array, dtype: OutDType): Float64Array {
  if (dtype === "float32") { for (let i = 0; i < a.length; i++) a[i] = Math.fround(a[i]); }
  return a;
}

/** A zeroed `Float64Array` of `n` elements, backed by huge pages when it is large and allowed. */
export function allocF64(n: number): Float64Array {
  return allocateLarge("float64", n);
}

/** A fresh zeroed output buffer of `n` elements (float64 on huge pages when large). */
export function allocOut(dtype: OutDType, n: number): Float64Array | Float32Array {
  return dtype === "float32" ? new Float32Array(n) : allocF64(n);
}

/** An NDArray of `dtype` and `shape` over `data` (a float32 copy of float64 data if needed). */
export function floatArray<D extends OutDType>(
  dtype: D,
  data: Float64Array | Float32Array,
  shape: readonly number[],
): NDArray<D> {
  const d = dtype === "float32" && !(data instanceof Float32Array)
    ? Float32Array.from(data)
    : dtype === "float64" && !(data instanceof Float64Array)
    ? Float64Array.from(data)
    : data;
  return new NDArray(dtype, d as NDArray<D>["data"], [...shape]);
}

/** A fresh 1-D NDArray of `dtype` holding a copy of `data` (a fitted attribute's getter). */
export function floatVector(dtype: OutDType, data: Float64Array): NDArray<OutDType> {
  return floatArray(dtype, dtype === "float32" ? data : data.slice(), [data.length]);
}
