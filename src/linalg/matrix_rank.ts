/**
 * `nd.linalg.matrixRank`: the number of singular values above a tolerance.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { svd } from "./svd.ts";
import { notEqual } from "../ops/elementwise.ts";
import { any } from "../ops/reduce/reductions.ts";
import { EPS } from "./_eps.ts";
import { isNumber, optionsOf } from "./_options.ts";

/** Options of {@link matrixRank}. */
export interface MatrixRankOpts {
  /** Absolute threshold: singular values above it count (default: from `rtol`). */
  tol?: number | null;
  /** Relative threshold times the largest singular value; default `max(M, N) · eps`. */
  rtol?: number | null;
  /** Accepted for NumPy compatibility: the general SVD is used either way. */
  hermitian?: boolean;
}

/**
 * The rank of each matrix of a stack: how many singular values exceed `tol` (by default
 * `max(s) · max(M, N) · eps`, NumPy's choice). A 0-d or 1-D input has rank 1 unless all its
 * values are zero. Returns int64.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(nd.linalg.matrixRank(nd.eye(4)).item(), 4n);
 * assert.equal(nd.linalg.matrixRank([[1, 2], [2, 4]]).item(), 1n);
 * ```
 */
export function matrixRank(
  a: ArrayLike,
  options: MatrixRankOpts | number = {},
): NDArray<"int64"> {
  const opts = optionsOf<MatrixRankOpts>("matrixRank", options, "tol", isNumber, "{ tol: 1e-8 }");
  const A = toArray(a, "matrixRank");
  if (A.ndim < 2) {
    const nz = A.size > 0 && any(notEqual(A, 0)).item() ? 1n : 0n;
    return new NDArray("int64", BigInt64Array.of(nz), []);
  }
  for (const k of ["tol", "rtol"] as const) {
    const v = opts[k];
    if (v !== undefined && v !== null && (typeof v !== "number" || Number.isNaN(v))) {
      throw new TypeError(`matrixRank: ${k} must be a number, got ${String(v)}`);
    }
  }
  const s = svd(A, { computeUv: false });
  const k = s.shape[s.ndim - 1];
  const [m, n] = A.shape.slice(-2);
  const data = s.data as Float32Array | Float64Array;
  const count = s.size / Math.max(1, k) | 0;
  const eps = EPS[s.dtype as "float32" | "float64"];
  const out = new BigInt64Array(k === 0 ? s.size === 0 ? shapeCount(s.shape) : 0 : count);
  for (let t = 0; t < out.length; t++) {
    let top = 0;
    for (let i = 0; i < k; i++) top = Math.max(top, data[t * k + i]);
    const tol = opts.tol ?? top * (opts.rtol ?? Math.max(m, n) * eps);
    let r = 0n;
    for (let i = 0; i < k; i++) if (data[t * k + i] > tol) r++;
    out[t] = r;
  }
  return new NDArray("int64", out, s.shape.slice(0, -1));
}

function shapeCount(shape: readonly number[]): number {
  return shape.slice(0, -1).reduce((p, d) => p * d, 1);
}
