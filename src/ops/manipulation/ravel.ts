/**
 * Flattening: {@linkcode ravel}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import { reshape, transpose } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";

/** Options of {@linkcode ravel}. */
export interface RavelOpts {
  /** Read the elements in row-major ("C", default) or column-major ("F") order. */
  order?: "C" | "F";
}

/**
 * The elements of `a` as a 1-D array (`np.ravel`): a view when the layout allows (e.g. any
 * C-contiguous array, or an F-contiguous one with `order: "F"`), otherwise a copy.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.arange(6).reshape([2, 3]);
 * const r = nd.ravel(a);
 * console.assert(r.shape.join() === "6" && r.base === a.base);
 * console.assert(nd.ravel(a, { order: "F" }).toArray().join() === "0,3,1,4,2,5");
 * console.assert(nd.ravel(a.T).base === null); // a copy
 * ```
 */
export function ravel<D extends DType>(
  a: NDArray<D> | ArrayLike,
  opts: RavelOpts = {},
): NDArray<D> {
  const arr = toArray(a as ArrayLike, "ravel") as NDArray<D>;
  const order = opts.order ?? "C";
  if (order !== "C" && order !== "F") {
    throw new RangeError(`ravel: order must be "C" or "F", got ${JSON.stringify(order)}`);
  }
  return reshape(order === "F" ? transpose(arr) : arr, [-1]);
}
