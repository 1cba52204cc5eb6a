/**
 * Indices of nonzero elements: {@linkcode nonzero}.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { newIndexArray } from "./_lanes.ts";
import { countTrue, truePositions, truthy, writeTruePositions } from "./_truthy.ts";

/**
 * The indices of the nonzero elements of `a`, one int64 array per dimension, listed in C order,
 * as `np.nonzero` (`a[nonzero(a)]` picks the nonzero values). NaN counts as nonzero; complex
 * values are nonzero when either part is. A 0-d input is refused, as in NumPy 2.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const [rows, cols] = nd.nonzero([[0, 3], [4, 0]]);
 * console.assert(rows.toArray().join() === "0,1" && cols.toArray().join() === "1,0");
 * ```
 */
export function nonzero(a: ArrayLike): NDArray<"int64">[] {
  const arr = toArray(a, "nonzero");
  if (arr.ndim === 0) {
    throw new TypeError(
      "nonzero: calling nonzero on a 0-d array is not allowed: use nonzero(atleast1d(x)), " +
        "or index with the condition itself",
    );
  }
  const t = truthy(arr);
  if (arr.ndim === 1) {
    const [o, w] = newIndexArray([countTrue(t)]);
    writeTruePositions(t, w);
    return [o];
  }
  const pos = truePositions(t);
  const count = pos.length, nd = arr.ndim, shape = arr.shape;
  const outs: NDArray<"int64">[] = [];
  const ws: Int32Array[] = [];
  for (let d = 0; d < nd; d++) {
    const [o, w] = newIndexArray([count]);
    outs.push(o);
    ws.push(w);
  }
  // Peel each flat position into its multi-index, last axis first.
  for (let d = nd - 1; d >= 0; d--) {
    let div = 1;
    for (let e = d + 1; e < nd; e++) div *= shape[e];
    const w = ws[d], s = shape[d];
    for (let i = 0; i < count; i++) w[2 * i] = Math.floor(pos[i] / div) % s;
  }
  return outs;
}
