/**
 * `ufunc.outer`: a binary ufunc applied to every pair of elements of two arrays.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { reshape } from "../core/views.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { UfuncOpts } from "../ops/ufunc.ts";
import { checkBinary, checkOptions, type UfuncCore } from "./_common.ts";

/**
 * NumPy's `ufunc.outer(a, b, opts)`: `result[i..., j...] = ufunc(a[i...], b[j...])`, of shape
 * `a.shape + b.shape`. JS scalars are converted to arrays first (strong types, as NumPy's
 * outer does); the options are the ufunc's call options (`out`, `where`, `dtype`, `casting`).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.multiply.outer([1, 2, 3], [1, 10]);
 * assert.deepEqual(t.shape, [3, 2]);
 * assert.deepEqual(t.toArray(), [[1n, 10n], [2n, 20n], [3n, 30n]]);
 * ```
 */
export function ufuncOuter(
  core: UfuncCore,
  a: ArrayLike,
  b: ArrayLike,
  opts?: UfuncOpts,
): NDArray {
  const where = `${core.meta.name}.outer`;
  checkBinary(core.meta, "outer product", where);
  const o = checkOptions(opts, where);
  const x = toArray(a, where), y = toArray(b, where);
  const xe = reshape(x, [...x.shape, ...y.shape.map(() => 1)]);
  return Object.keys(o).length ? core.call(xe, y, o) : core.call(xe, y);
}
