/**
 * Partial sorting: {@linkcode partition}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { copy } from "../../core/copy.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import {
  fitsFloat64,
  fromLanes,
  lanesAsFloat64,
  parseKth,
  type PartitionOpts,
  prepare,
} from "./_partition.ts";
import { nansLast, selectAll } from "./_select.ts";
import { sort } from "./sort.ts";

export type { PartitionOpts };

/**
 * A copy of `a` rearranged along `axis` (default -1; null flattens) so that the element at each
 * position in `kth` is the one a sort would put there, every element before it is no larger and
 * every element after it no smaller (NumPy's order: NaNs last), as `np.partition`. `kth` may be
 * negative (counted from the end) or a list of positions. The order within the two sides is
 * unspecified (it may differ from NumPy's).
 *
 * Speed: introselect on float64 copies of the lanes (exact for every real dtype; int64 values
 * beyond ±2^53 and complex values fall back to a full stable sort, which is also a partition).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const p = nd.partition([7, 1, 9, 3, 5], 2);
 * console.assert(p.get(2) === 5n);
 * const v = p.toArray() as bigint[];
 * console.assert(v.slice(0, 2).every((x) => x <= 5n) && v.slice(3).every((x) => x >= 5n));
 * ```
 */
export function partition<D extends DType>(
  a: NDArray<D> | ArrayLike,
  kth: number | readonly number[] | NDArray,
  opts: PartitionOpts = {},
): NDArray<D> {
  const { arr, axis } = prepare(a as ArrayLike, opts, "partition");
  if (arr.size === 0) return copy(arr) as NDArray<D>;
  const n = arr.shape[axis];
  const ks = parseKth(kth, n, "partition");
  if (!fitsFloat64(arr)) return sort(arr, { axis }) as NDArray<D>;
  const x = lanesAsFloat64(arr, axis);
  for (let s = 0; s < x.length; s += n) {
    const lane = x.subarray(s, s + n);
    selectAll(lane, null, nansLast(lane, null, n), ks);
  }
  return fromLanes(x, arr.dtype, arr.shape, axis) as NDArray<D>;
}
