/**
 * `kronecker`: the Kronecker product of a sequence of matrices.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { kron } from "../linalg/products.ts";
import type { ArrayLike } from "../core/_array_like.ts";

/** Options of {@link kronecker}. */
export interface KroneckerOpts {
  /** A position in the list to leave out. */
  skip?: number;
}

/**
 * `m₀ ⊗ m₁ ⊗ …`, the Kronecker product of the matrices in order.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const k = nd.tenalg.kronecker([nd.eye(2), nd.ones([2, 3])]);
 * assert.deepEqual(k.shape, [4, 6]);
 * assert.equal(k.get(3, 5), 1);
 * assert.equal(k.get(0, 5), 0);
 * ```
 */
export function kronecker(ms: readonly ArrayLike[], opts: KroneckerOpts = {}): NDArray {
  if (!Array.isArray(ms)) throw new TypeError("kronecker: expected an array of matrices");
  const mats = ms.filter((_, i) => i !== opts.skip).map((m) => toArray(m, "kronecker"));
  if (mats.length === 0) throw new TypeError("kronecker: needs at least one matrix");
  let r = mats[0];
  for (let k = 1; k < mats.length; k++) r = kron(r, mats[k]);
  return mats.length === 1 ? r.copy() : r;
}
