/**
 * Pearson correlation coefficients: {@linkcode corrcoef}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { divide } from "../elementwise.ts";
import { cov } from "./cov.ts";
import { checkOpts, rounder } from "./_opts.ts";

/** Options of {@linkcode corrcoef}. */
export interface CorrcoefOpts {
  /** More variables, stacked after those of `x` (as in {@linkcode cov}). */
  y?: ArrayLike | null;
  /** Each row is a variable (default true); false makes each column one. */
  rowvar?: boolean;
  /** The computation and result dtype (default float64, or complex128 for complex input). */
  dtype?: DType;
}

/**
 * Correlation coefficient matrix `R[i, j] = C[i, j] / sqrt(C[i, i] * C[j, j])` of the
 * covariance `C` of {@linkcode cov}. Real parts (and imaginary parts for complex input) are
 * clipped to [-1, 1]; a variable with zero variance gives NaN. One variable gives a 0-d array
 * (1, or NaN). Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const r = nd.corrcoef([[1, 2, 3, 4], [2, 4, 6, 8], [4, 3, 2, 1]]);
 * console.assert(JSON.stringify(r.toArray()) === "[[1,1,-1],[1,1,-1],[-1,-1,1]]");
 * ```
 */
export function corrcoef(x: ArrayLike, opts?: CorrcoefOpts): NDArray {
  const o = checkOpts(opts, "corrcoef");
  const c = cov(x, { y: o.y, rowvar: o.rowvar, dtype: o.dtype });
  if (c.ndim === 0) return divide(c, c);
  const p = c.shape[0];
  const d = c.data as Float64Array;
  const cplx = c.dtype === "complex128" || c.dtype === "complex64";
  const lanes = cplx ? 2 : 1;
  const r = rounder(c.dtype);
  const sd = new Float64Array(p);
  for (let i = 0; i < p; i++) sd[i] = r(Math.sqrt(d[lanes * (i * p + i)]));
  const clip = (v: number) => (v < -1 ? -1 : v > 1 ? 1 : v);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const k = lanes * (i * p + j);
      d[k] = clip(r(r(d[k] / sd[i]) / sd[j]));
      if (cplx) d[k + 1] = clip(r(r(d[k + 1] / sd[i]) / sd[j]));
    }
  }
  return c;
}
