/**
 * `nd.linalg.pinv`: the Moore–Penrose pseudo-inverse through the SVD.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { copy } from "../core/copy.ts";
import { swapaxes } from "../core/views.ts";
import { conj, divide, greater, multiply } from "../ops/elementwise.ts";
import { max } from "../ops/reduce/reductions.ts";
import { where } from "../ops/manipulation/where.ts";
import { zeros } from "../ops/creation.ts";
import { matmul } from "./matmul.ts";
import { svd } from "./svd.ts";
import { checkMatrixStack, linalgType } from "./_stack.ts";
import { EPS } from "./_eps.ts";
import { isNumber, optionsOf } from "./_options.ts";

/** Options of {@link pinv}. */
export interface PinvOpts {
  /**
   * Relative cutoff: singular values at most `rcond · max(s)` are treated as zero. Default
   * 1e-15 (NumPy's `rcond` default); give `rtol` instead for NumPy 2's array-API cutoff.
   */
  rcond?: number;
  /**
   * Relative cutoff as in the array API; `null` means `max(M, N) · eps`. Cannot be combined
   * with `rcond`.
   */
  rtol?: number | null;
  /** Accepted for NumPy compatibility: the general SVD is used either way. */
  hermitian?: boolean;
}

/**
 * The pseudo-inverse of each matrix of a stack (`[..., M, N]` → `[..., N, M]`), computed from
 * its SVD with small singular values discarded.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const a = nd.array([[1, 2], [2, 4], [3, 6]]); // rank 1
 * const p = nd.linalg.pinv(a);
 * nd.testing.assertAllClose(nd.matmul(nd.matmul(a, p), a), a);
 * ```
 */
export function pinv(a: ArrayLike, options: PinvOpts | number = {}): NDArray {
  const opts = optionsOf<PinvOpts>("pinv", options, "rcond", isNumber, "{ rtol: 1e-10 }");
  const A = toArray(a, "pinv");
  checkMatrixStack(A, "pinv");
  if (opts.rcond !== undefined && opts.rtol !== undefined) {
    throw new TypeError("pinv: rtol and rcond cannot both be set");
  }
  const [m, n] = A.shape.slice(-2);
  const dt = linalgType("pinv", A);
  const eps = EPS[dt === "float32" || dt === "complex64" ? "float32" : "float64"];
  const rcond = opts.rcond ?? (opts.rtol === undefined ? 1e-15 : opts.rtol ?? Math.max(m, n) * eps);
  if (typeof rcond !== "number" || Number.isNaN(rcond)) {
    throw new TypeError(`pinv: rcond must be a number, got ${String(rcond)}`);
  }
  if (m === 0 || n === 0) return zeros([...A.shape.slice(0, -2), n, m], { dtype: dt });
  const { U, S, Vh } = svd(conj(copy(A, dt)), { fullMatrices: false });
  const cutoff = multiply(max(S, { axis: -1, keepdims: true }), rcond);
  const large = greater(S, cutoff);
  const sInv = where(large, divide(1, where(large, S, 1)), 0).astype(S.dtype);
  return matmul(
    swapaxes(Vh, -1, -2),
    multiply(sInv.reshape([...sInv.shape, 1]), swapaxes(U, -1, -2)),
  );
}
