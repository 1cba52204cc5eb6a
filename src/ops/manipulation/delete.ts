/**
 * Removing entries along an axis: {@linkcode deleteEntries}, exported as `delete`
 * (NumPy's `np.delete`; `nd.delete(...)` works as a property even though `delete` is a
 * JS keyword).
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { normalizeAxis } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { reshape } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { axisIndices } from "./_axis_runs.ts";
import { copyBlock } from "./_kernels.ts";
import { empty, sliceAxis } from "./_util.ts";

/** Options of `delete`. */
export interface DeleteOpts {
  /** The axis to delete along; the flattened array when omitted or null. */
  axis?: number | null;
}

/**
 * A new array without the entries `obj` names along an axis (`np.delete`): one index, a list
 * of indices (negative ones count from the end, repeats are fine), a bool mask of the axis
 * length, or a slice string such as `"::2"`. Without `axis` the array is flattened first.
 * Exported as `nd.delete`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.arange(6).reshape([2, 3]);
 * console.assert(nd.delete(a, 1, { axis: 1 }).toArray().flat().join() === "0,2,3,5");
 * console.assert(nd.delete(a, [0, -1]).toArray().join() === "1,2,3,4");
 * console.assert(nd.delete(a, "::2", { axis: 1 }).toArray().flat().join() === "1,4");
 * ```
 */
export function deleteEntries<D extends DType>(
  a: NDArray<D> | ArrayLike,
  obj: ArrayLike | string,
  opts: DeleteOpts = {},
): NDArray<D> {
  let arr = toArray(a as ArrayLike, "delete") as NDArray<D>;
  if (opts.axis === undefined || opts.axis === null) arr = reshape(arr, [-1]);
  const axis = normalizeAxis(opts.axis ?? 0, arr.ndim, "delete");
  const n = arr.shape[axis];
  const { values } = axisIndices(obj, n, "delete", false);
  const drop = new Uint8Array(n);
  for (const v of values) {
    if (v < -n || v >= n) {
      throw new RangeError(`delete: index ${v} is out of bounds for axis ${axis} with size ${n}`);
    }
    drop[v < 0 ? v + n : v] = 1;
  }
  let kept = 0;
  for (let i = 0; i < n; i++) kept += drop[i] ^ 1;
  const shape = arr.shape.slice();
  shape[axis] = kept;
  const out = empty(arr.dtype, shape);
  if (out.size === 0) return out;
  // Copy the runs of kept entries as slabs.
  let pos = 0;
  for (let i = 0; i < n;) {
    if (drop[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !drop[j]) j++;
    copyBlock(sliceAxis(out, axis, pos, pos + j - i), sliceAxis(arr, axis, i, j));
    pos += j - i;
    i = j;
  }
  return out;
}
