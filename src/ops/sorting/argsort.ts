/**
 * Sorting permutations: {@linkcode argsort}.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import { reshape } from "../../core/views.ts";
import { cStrides } from "../../core/shape.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { checkKind, laneStarts, newIndexArray, sortAxis, writeIndices } from "./_lanes.ts";
import { LaneSorter } from "./_keys.ts";
import type { SortOpts } from "./sort.ts";

/**
 * The indices that sort `a` along `axis` (the last by default; null argsorts the flattened
 * array), as `np.argsort(a, kind="stable")`: an int64 array of `a`'s shape (1-D when `axis` is
 * null). Always stable, whatever `kind` says: equal elements keep their input order. The order
 * is the one {@linkcode sort} uses (NaNs last, -0.0 equal to 0.0). A 0-d input gives `[0]`, as
 * NumPy does.
 *
 * Speed: LSD radix sort with 11-bit digits on order-preserving integer keys (no bigints, even
 * for int64), a merge sort on short lanes, a merge sort with NumPy's comparison for complex.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([3, 1, 2, 1]);
 * console.assert(nd.argsort(a).toArray().join() === "1,3,2,0");
 * const m = nd.array([[0, 3], [2, 2]]);
 * console.assert(nd.argsort(m, { axis: 0 }).toArray().flat().join() === "0,1,1,0");
 * ```
 */
export function argsort(a: ArrayLike, opts: SortOpts = {}): NDArray<"int64"> {
  let arr = toArray(a, "argsort");
  checkKind(opts.kind, "argsort");
  if (arr.ndim === 0) return newIndexArray([1])[0];
  let axis = sortAxis(opts.axis, arr.ndim, "argsort");
  if (axis === null) {
    arr = reshape(arr, [-1]);
    axis = 0;
  }
  const shape = arr.shape;
  const n = shape[axis];
  const [out, w] = newIndexArray(shape);
  if (out.size === 0 || n === 1) return out;
  const sorter = new LaneSorter(arr.dtype, arr.data, n);
  const starts = laneStarts(shape, arr.strides, arr.offset, axis);
  const ostrides = cStrides(shape);
  const ostarts = laneStarts(shape, ostrides, 0, axis);
  const stride = arr.strides[axis], ostride = ostrides[axis];
  for (let r = 0; r < starts.length; r++) {
    sorter.load(starts[r], stride);
    sorter.sort();
    writeIndices(w, ostarts[r], ostride, sorter.ix, n);
  }
  return out;
}
