/**
 * Taking elements by index along an axis: {@linkcode take}.
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
import { checkMode, type IndexMode, intValues, normalizeIndices } from "./_indices.ts";
import { copyBlock, gatherKernel } from "./_kernels.ts";
import { empty, sliceAxis } from "./_util.ts";

/** Options of {@linkcode take}. */
export interface TakeOpts {
  /** The axis to take along; the flattened array when omitted or null. */
  axis?: number | null;
  /**
   * Out-of-range indices: "raise" (default; negative indices count from the end), "wrap"
   * (remainder) or "clip" (clamped to the first/last element, negative ones to the first).
   */
  mode?: IndexMode;
}

/**
 * Elements of `a` at `indices` along an axis (`np.take`). Without `axis` the array is
 * flattened. The result's shape is `a.shape[:axis] + indices.shape + a.shape[axis+1:]`
 * (a JS number as `indices` removes the axis). Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([[1, 2, 3], [4, 5, 6]]);
 * console.assert(nd.take(a, [0, 5]).toArray().join() === "1,6");
 * console.assert(nd.take(a, [2, -3], { axis: 1 }).toArray().flat().join() === "3,1,6,4");
 * console.assert(nd.take(a, 1, { axis: 0 }).toArray().join() === "4,5,6");
 * console.assert(nd.take([1, 2, 3], [5, -1], { mode: "clip" }).toArray().join() === "3,1");
 * ```
 */
export function take<D extends DType>(
  a: NDArray<D> | ArrayLike,
  indices: ArrayLike,
  opts: TakeOpts = {},
): NDArray<D> {
  let arr = toArray(a as ArrayLike, "take") as NDArray<D>;
  const mode = checkMode(opts.mode ?? "raise", "take");
  let axis = 0;
  if (opts.axis === undefined || opts.axis === null || arr.ndim === 0) arr = reshape(arr, [-1]);
  if (opts.axis !== undefined && opts.axis !== null) {
    axis = normalizeAxis(opts.axis, arr.ndim, "take");
  }
  const { values: idx, shape: ishape } = intValues(indices, "indices", "take", "same_kind");
  const n = arr.shape[axis];
  if (n === 0 && idx.length > 0) {
    throw new RangeError(`take: cannot do a non-empty take from an empty axis ${axis}`);
  }
  normalizeIndices(idx, n, mode, axis, "take");
  const pre = arr.shape.slice(0, axis), post = arr.shape.slice(axis + 1);
  const out = empty(arr.dtype, [...pre, ...ishape, ...post]);
  if (out.size === 0) return out;
  if (!arr.flags.cContiguous && idx.length <= 64 && idx.length * 4 < n) {
    // A few slabs of a strided array: copy them rather than the whole array.
    const flat = reshape(out, [...pre, idx.length, ...post]);
    for (let j = 0; j < idx.length; j++) {
      copyBlock(sliceAxis(flat, axis, j, j + 1), sliceAxis(arr, axis, idx[j], idx[j] + 1));
    }
    return out;
  }
  const src = ascontiguous(arr);
  gatherKernel(arr.dtype)(
    src.data,
    out.data,
    idx,
    shapeSize(pre),
    n,
    idx.length,
    shapeSize(post),
    src.offset,
  );
  return out;
}
