/**
 * Sorting values: {@linkcode sort}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import { moveaxis } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { checkKind, sortAxis } from "./_lanes.ts";
import { sortRows } from "./_sort_rows.ts";

/** NumPy's sort algorithm names. nd's sorts are all stable, so every kind gives one result. */
export type SortKind = "quicksort" | "mergesort" | "heapsort" | "stable";

/** Options of {@linkcode sort} and `argsort`. */
export interface SortOpts {
  /** The axis to sort along (default -1, the last); null sorts the flattened array. */
  axis?: number | null;
  /**
   * Accepted for NumPy compatibility and checked; the result is always that of a stable sort
   * (NumPy's `"stable"`), whichever kind is named.
   */
  kind?: SortKind;
  /** Accepted for NumPy compatibility (`stable=True`); sorts are always stable. */
  stable?: boolean;
}

/**
 * A sorted copy of `a` along `axis` (the last by default; null sorts the flattened array),
 * as `np.sort(a, kind="stable")`. The order is NumPy's: NaNs last; complex values
 * lexicographically by (re, im) with any value holding a NaN after the others; -0.0 and 0.0
 * compare equal and keep their input order. Always returns a new C-contiguous array.
 *
 * Speed: bool and integer lanes use the typed array's native numeric sort; floats are sorted
 * through an order-preserving map to integers of the same width; complex lanes use a merge sort.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([[3, NaN, 1], [2, -1, 0]]);
 * console.assert(JSON.stringify(nd.sort(a).toArray()) === "[[1,3,null],[-1,0,2]]");
 * console.assert(nd.sort(a, { axis: 0 }).toArray()[1].join() === "3,NaN,1");
 * console.assert(nd.sort(a, { axis: null }).toArray().join() === "-1,0,1,2,3,NaN");
 * ```
 */
export function sort<D extends DType>(a: NDArray<D> | ArrayLike, opts: SortOpts = {}): NDArray<D> {
  const arr = toArray(a as ArrayLike, "sort") as NDArray<D>;
  checkKind(opts.kind, "sort");
  const axis = sortAxis(opts.axis, arr.ndim, "sort");
  if (axis === null) {
    const flat = copy(arr);
    const out = new NDArray(arr.dtype, flat.data, [arr.size]);
    sortRows(arr.dtype, out.data, 1, arr.size);
    return out;
  }
  const n = arr.shape[axis];
  const last = axis === arr.ndim - 1;
  const work = copy(last ? arr : moveaxis(arr, axis, -1));
  sortRows(arr.dtype, work.data, n === 0 ? 0 : work.size / n, n);
  return last ? work : copy(moveaxis(work, -1, axis));
}
