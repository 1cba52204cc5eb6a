/**
 * Partial sorting permutations: {@linkcode argpartition}.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import { cStrides } from "../../core/shape.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import {
  fitsFloat64,
  lanesAsFloat64,
  parseKth,
  type PartitionOpts,
  prepare,
} from "./_partition.ts";
import { laneStarts, newIndexArray, writeIndices } from "./_lanes.ts";
import { nansLast, selectAll } from "./_select.ts";
import { argsort } from "./argsort.ts";

/**
 * The indices that partition `a` along `axis` (default -1; null flattens) around the positions
 * in `kth`, as `np.argpartition`: an int64 array such that taking `a` along `axis` in that order
 * gives an array partitioned as {@linkcode partition} describes. Which of several valid answers
 * is returned is unspecified (it may differ from NumPy's). A 0-d input gives `[0]`, as NumPy.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([7, 1, 9, 3, 5]);
 * const i = nd.argpartition(a, 1);
 * console.assert(i.get(1) === 3n); // a[3] = 3 is the second smallest
 * ```
 */
export function argpartition(
  a: ArrayLike,
  kth: number | readonly number[] | NDArray,
  opts: PartitionOpts = {},
): NDArray<"int64"> {
  const a0 = toArray(a, "argpartition");
  // NumPy treats a 0-d input as one element along any axis.
  const { arr, axis } = prepare(a0, a0.ndim === 0 ? { ...opts, axis: null } : opts, "argpartition");
  if (arr.size === 0) return newIndexArray(arr.shape)[0];
  const n = arr.shape[axis];
  const ks = parseKth(kth, n, "argpartition");
  if (!fitsFloat64(arr)) return argsort(arr, { axis });
  const shape = arr.shape;
  const x = lanesAsFloat64(arr, axis);
  const [out, words] = newIndexArray(shape);
  const ostrides = cStrides(shape);
  const ostarts = laneStarts(shape, ostrides, 0, axis);
  const ix = new Int32Array(n);
  for (let r = 0; r < ostarts.length; r++) {
    const lane = x.subarray(r * n, r * n + n);
    for (let j = 0; j < n; j++) ix[j] = j;
    selectAll(lane, ix, nansLast(lane, ix, n), ks);
    writeIndices(words, ostarts[r], ostrides[axis], ix, n);
  }
  return out;
}
