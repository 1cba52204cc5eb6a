/**
 * Repeating each element: {@linkcode repeat}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { normalizeAxis, shapeSize } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { ascontiguous } from "../../core/copy.ts";
import { reshape } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { intValues } from "./_indices.ts";
import { repeatKernel } from "./_kernels.ts";
import { empty } from "./_util.ts";

/** Options of {@linkcode repeat}. */
export interface RepeatOpts {
  /** The axis along which to repeat; the flattened array when omitted or null. */
  axis?: number | null;
}

/**
 * Repeats each element of `a` (`np.repeat`): `repeats` is one count for all, or one count per
 * element along the axis. Without `axis` the array is flattened first. Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.repeat([1, 2], 2).toArray().join() === "1,1,2,2");
 * const a = nd.array([[1, 2], [3, 4]]);
 * console.assert(nd.repeat(a, [1, 2], { axis: 0 }).toArray().flat().join() === "1,2,3,4,3,4");
 * console.assert(nd.repeat(a, 2, { axis: 1 }).shape.join() === "2,4");
 * ```
 */
export function repeat<D extends DType>(
  a: NDArray<D> | ArrayLike,
  repeats: number | ArrayLike,
  opts: RepeatOpts = {},
): NDArray<D> {
  let arr = toArray(a as ArrayLike, "repeat") as NDArray<D>;
  let axis = 0;
  if (opts.axis === undefined || opts.axis === null || arr.ndim === 0) {
    arr = reshape(arr, [-1]);
  }
  if (opts.axis !== undefined && opts.axis !== null) {
    axis = normalizeAxis(opts.axis, arr.ndim, "repeat");
  }
  const { values: reps, shape: rshape } = intValues(repeats, "repeats", "repeat");
  if (rshape.length > 1) {
    throw new TypeError(`repeat: repeats must be a number or a 1-D array, got shape [${rshape}]`);
  }
  const n = arr.shape[axis];
  if (reps.length !== 1 && reps.length !== n) {
    throw new TypeError(
      `repeat: ${reps.length} repeats do not match the ${n} elements along axis ${axis}`,
    );
  }
  for (const r of reps) {
    if (r < 0) throw new RangeError(`repeat: repeats may not contain negative values, got ${r}`);
  }
  const pre = arr.shape.slice(0, axis), post = arr.shape.slice(axis + 1);
  const total = reps.length === 1 ? n * reps[0] : reps.reduce((s, r) => s + r, 0);
  const out = empty(arr.dtype, [...pre, total, ...post]);
  if (out.size === 0) return out;
  const counts = reps.length === 1 && n !== 1 ? new Float64Array(n).fill(reps[0]) : reps;
  const src = ascontiguous(arr);
  repeatKernel(arr.dtype)(
    src.data,
    out.data,
    counts,
    shapeSize(pre),
    n,
    shapeSize(post),
    src.offset,
  );
  return out;
}
