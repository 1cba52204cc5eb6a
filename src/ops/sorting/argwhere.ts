/**
 * Indices of nonzero elements, grouped by element: {@linkcode argwhere}.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { newIndexArray } from "./_lanes.ts";
import { truePositions, truthy } from "./_truthy.ts";

/**
 * The indices of the nonzero elements of `a` as an int64 array of shape `[N, a.ndim]` (one row
 * per element, C order), as `np.argwhere`. A 0-d input gives shape `[1, 0]` when its value is
 * nonzero and `[0, 0]` otherwise, as NumPy.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const w = nd.argwhere([[0, 3], [4, 0]]);
 * console.assert(w.shape.join() === "2,2" && w.toArray().flat().join() === "0,1,1,0");
 * ```
 */
export function argwhere(a: ArrayLike): NDArray<"int64"> {
  const arr = toArray(a, "argwhere");
  const pos = truePositions(truthy(arr));
  const count = pos.length, nd = arr.ndim, shape = arr.shape;
  const [out, w] = newIndexArray([count, nd]);
  for (let d = 0; d < nd; d++) {
    let div = 1;
    for (let e = d + 1; e < nd; e++) div *= shape[e];
    const s = shape[d];
    for (let i = 0; i < count; i++) w[2 * (i * nd + d)] = Math.floor(pos[i] / div) % s;
  }
  return out;
}
