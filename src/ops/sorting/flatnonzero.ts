/**
 * Flat indices of nonzero elements: {@linkcode flatnonzero}.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { newIndexArray } from "./_lanes.ts";
import { countTrue, truthy, writeTruePositions } from "./_truthy.ts";

/**
 * The indices of the nonzero elements of the flattened (C order) `a`, as a 1-D int64 array
 * (`np.flatnonzero`). Works on 0-d input too.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.flatnonzero([[0, 3], [4, 0]]).toArray().join() === "1,2");
 * ```
 */
export function flatnonzero(a: ArrayLike): NDArray<"int64"> {
  const t = truthy(toArray(a, "flatnonzero"));
  const [out, w] = newIndexArray([countTrue(t)]);
  writeTruePositions(t, w);
  return out;
}
