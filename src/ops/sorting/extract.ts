/**
 * Elements where a condition holds: {@linkcode extract}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { truePositions, truthy } from "./_truthy.ts";
import { gatherFlat } from "./_gather.ts";

/**
 * The elements of the flattened `a` at the positions where the flattened `condition` is
 * nonzero, as a new 1-D array (`np.extract`). The two need not have the same shape: positions
 * are flat C-order indices, and every true position must exist in `a`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.arange(6).reshape([2, 3]);
 * const even = nd.equal(nd.remainder(a, 2), 0);
 * console.assert(nd.extract(even, a).toArray().join() === "0,2,4");
 * ```
 */
export function extract<D extends DType>(
  condition: ArrayLike,
  a: NDArray<D> | ArrayLike,
): NDArray<D> {
  const cond = toArray(condition, "extract");
  const arr = toArray(a as ArrayLike, "extract") as NDArray<D>;
  const pos = truePositions(truthy(cond));
  const n = arr.size;
  if (pos.length > 0 && pos[pos.length - 1] >= n) {
    let bad = 0;
    while (pos[bad] < n) bad++;
    throw new RangeError(
      `extract: condition is true at flat index ${
        pos[bad]
      }, out of bounds for an array of size ${n}`,
    );
  }
  return gatherFlat(arr, pos);
}
