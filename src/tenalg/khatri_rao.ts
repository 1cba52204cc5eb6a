/**
 * `khatriRao`: the column-wise Kronecker product of matrices.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { multiply } from "../ops/elementwise.ts";
import type { ArrayLike } from "../core/_array_like.ts";

/** Options of {@link khatriRao}. */
export interface KhatriRaoOpts {
  /** Scales column r of the result by `weights[r]`. */
  weights?: ArrayLike;
  /** A position in the list of matrices to leave out. */
  skip?: number;
}

/**
 * The Khatri–Rao product of matrices that share their number of columns R: column r is the
 * Kronecker product of the matrices' columns r, the first matrix varying slowest (TensorLy's
 * convention), so the result has `prod(rows)` rows and R columns.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.array([[1, 2], [3, 4]]), b = nd.array([[1, 0], [0, 1], [2, 2]]);
 * const kr = nd.tenalg.khatriRao([a, b]);
 * assert.deepEqual(kr.shape, [6, 2]);
 * assert.deepEqual(kr.toArray()[5], [6n, 8n]); // row (1, 2): a[1] * b[2]
 * ```
 */
export function khatriRao(ms: readonly ArrayLike[], opts: KhatriRaoOpts = {}): NDArray {
  if (!Array.isArray(ms)) throw new TypeError("khatriRao: expected an array of matrices");
  const mats = ms.map((m) => toArray(m, "khatriRao")).filter((_, i) => i !== opts.skip);
  if (mats.length === 0) throw new TypeError("khatriRao: needs at least one matrix");
  const r = mats[0].ndim === 2 ? mats[0].shape[1] : -1;
  for (const m of mats) {
    if (m.ndim !== 2 || m.shape[1] !== r) {
      throw new TypeError(
        `khatriRao: all matrices need the same number of columns: got shapes ${
          mats.map((x) => fmtShape(x.shape)).join(", ")
        }`,
      );
    }
  }
  let kr = mats[0];
  for (let k = 1; k < mats.length; k++) {
    const b = mats[k];
    kr = multiply(kr.reshape([kr.shape[0], 1, r]), b.reshape([1, b.shape[0], r]))
      .reshape([kr.shape[0] * b.shape[0], r]);
  }
  if (opts.weights !== undefined) {
    const w = toArray(opts.weights, "khatriRao");
    if (w.ndim !== 1 || w.shape[0] !== r) {
      throw new TypeError(
        `khatriRao: weights of shape ${fmtShape(w.shape)} do not match ${r} columns`,
      );
    }
    kr = multiply(kr, w);
  } else if (mats.length === 1) kr = kr.copy();
  return kr;
}
