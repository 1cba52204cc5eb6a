/**
 * Output handling of the one-to-one scalers: a fresh buffer of the input's float dtype (on huge
 * pages when large), or X's own buffer with `copy: false` (scikit-learn's in-place transform),
 * the column kernel written there, and the per-feature sample counts reported as scikit-learn
 * reports `n_samples_seen_`.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { mulAdd, subDiv } from "./_column_stats.ts";
import { allocOut, floatArray, type FloatDTypeOf, type OutDType } from "./_float_dtype.ts";
import type { Mat } from "./_validation.ts";

/**
 * Where a transform of `m` (read from `X`) writes: X's buffer when `copy` is false and X is a
 * writeable, C-contiguous float64 or float32 NDArray (the result is then X itself), else a new
 * array of `m`'s dtype (float32 for float32 input, float64 otherwise).
 */
export function outputFor(
  X: ArrayLike,
  m: Mat,
  copy: boolean,
): { out: Float64Array | Float32Array; result: () => NDArray<OutDType> } {
  if (
    !copy && X instanceof NDArray && (X.dtype === "float64" || X.dtype === "float32") &&
    X.flags.cContiguous && X.flags.writeable
  ) {
    const n = m.rows * m.cols;
    const out = X.dtype === "float64"
      ? m.data
      : (X.data as Float32Array).subarray(X.offset, X.offset + n);
    return { out, result: () => X as NDArray<OutDType> };
  }
  const out = allocOut(m.dtype, m.rows * m.cols);
  return { out, result: () => floatArray(m.dtype, out, [m.rows, m.cols]) };
}

/**
 * A scaler's `transform` or `inverseTransform` of `m` (read from `X`): the column kernel `op`
 * ({@linkcode subDiv} or {@linkcode mulAdd}) with the per-feature arrays `a` and `b`, written
 * where {@linkcode outputFor} says.
 */
export function scaleColumns<T extends ArrayLike>(
  X: T,
  m: Mat,
  copy: boolean,
  op: typeof subDiv | typeof mulAdd,
  a: Float64Array | null,
  b: Float64Array | null,
  name: string,
): NDArray<FloatDTypeOf<T>> {
  const { out, result } = outputFor(X, m, copy);
  op(m.data, m.rows, m.cols, a, b, out, name);
  return result() as NDArray<FloatDTypeOf<T>>;
}

/**
 * scikit-learn's `n_samples_seen_`: one number when every feature saw as many samples, else
 * the int64 count per feature.
 */
export function samplesSeen(counts: Float64Array): number | NDArray<"int64"> {
  let same = true;
  for (let j = 1; j < counts.length; j++) if (counts[j] !== counts[0]) same = false;
  if (same) return counts[0];
  return new NDArray("int64", BigInt64Array.from(counts, (c) => BigInt(c)), [counts.length]);
}
