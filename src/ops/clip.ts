/**
 * `clip`: limit values to an interval.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { maximum, minimum, positive } from "./elementwise.ts";

/**
 * Limits values to `[min, max]` (either bound may be null). NaN propagates, and the result
 * dtype follows NumPy's promotion of `a`, `min` and `max`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(nd.clip([1, 5, 9], 2, 6).toArray(), [2n, 5n, 6n]);
 * assert.deepEqual(nd.clip([1.5, NaN], null, 1).toArray(), [1, NaN]);
 * ```
 */
export function clip(a: ArrayLike, min: ArrayLike | null, max: ArrayLike | null): NDArray {
  let r = toArray(a, "clip");
  if (min === null && max === null) {
    throw new TypeError("clip: one of min or max must be given");
  }
  if (min !== null && min !== undefined) r = maximum(r, min);
  if (max !== null && max !== undefined) r = minimum(r, max);
  return r === a ? positiveCopy(r) : r;
}

function positiveCopy(a: NDArray): NDArray {
  return a.dtype === "bool" ? a.copy() : positive(a);
}
