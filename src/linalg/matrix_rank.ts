/**
 * `nd.linalg.matrixRank`: the number of singular values above a tolerance.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { copy } from "../core/copy.ts";
import { DTYPES } from "../core/dtype.ts";
import { fmtShape, shapeSize } from "../core/shape.ts";
import { broadcastTo } from "../core/views.ts";
import { svd } from "./svd.ts";
import { notEqual } from "../ops/elementwise.ts";
import { any } from "../ops/reduce/reductions.ts";
import { EPS } from "./_eps.ts";
import { isNumber, optionsOf } from "./_options.ts";

/** Options of {@link matrixRank}. */
export interface MatrixRankOpts {
  /**
   * Absolute threshold: singular values above it count (default: from `rtol`). An array is
   * one threshold per matrix: it must broadcast to the stack's leading dimensions.
   */
  tol?: ArrayLike | null;
  /**
   * Relative threshold times the largest singular value; default `max(M, N) · eps`. Broadcast
   * against the stack like `tol`.
   */
  rtol?: ArrayLike | null;
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
  options: MatrixRankOpts | number | readonly number[] | NDArray = {},
): NDArray<"int64"> {
  const opts = optionsOf<MatrixRankOpts>(
    "matrixRank",
    options instanceof NDArray ? { tol: options } : options,
    "tol",
    (v) => isNumber(v) || Array.isArray(v),
    "{ tol: 1e-8 }",
  );
  const A = toArray(a, "matrixRank");
  if (A.ndim < 2) {
    const nz = A.size > 0 && any(notEqual(A, 0)).item() ? 1n : 0n;
    return new NDArray("int64", BigInt64Array.of(nz), []);
  }
  const s = svd(A, { computeUv: false });
  const k = s.shape[s.ndim - 1];
  const batch = s.shape.slice(0, -1);
  const tolOf = perMatrix(opts.tol, "tol", batch), rtolOf = perMatrix(opts.rtol, "rtol", batch);
  const [m, n] = A.shape.slice(-2);
  const data = s.data as Float32Array | Float64Array;
  const eps = EPS[s.dtype as "float32" | "float64"];
  const out = new BigInt64Array(shapeSize(batch));
  for (let t = 0; t < out.length; t++) {
    let top = 0;
    for (let i = 0; i < k; i++) top = Math.max(top, data[t * k + i]);
    const tol = tolOf?.[t] ?? top * (rtolOf?.[t] ?? Math.max(m, n) * eps);
    let r = 0n;
    for (let i = 0; i < k; i++) if (data[t * k + i] > tol) r++;
    out[t] = r;
  }
  return new NDArray("int64", out, batch);
}

/** A threshold option as one float64 value per matrix of the stack, or null when absent. */
function perMatrix(
  v: ArrayLike | null | undefined,
  name: string,
  batch: readonly number[],
): Float64Array | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" && Number.isNaN(v)) {
    throw new TypeError(`matrixRank: ${name} must be a number, got NaN`);
  }
  const x = toArray(v, `matrixRank: ${name}`);
  const kind = DTYPES[x.dtype].kind;
  if (kind !== "f" && kind !== "i" && kind !== "u") {
    throw new TypeError(`matrixRank: ${name} must be real numbers, got dtype ${x.dtype}`);
  }
  let b: NDArray;
  try {
    b = broadcastTo(x, batch);
  } catch {
    throw new RangeError(
      `matrixRank: ${name} of shape ${fmtShape(x.shape)} does not broadcast to the stack's ` +
        `shape ${fmtShape(batch)}`,
    );
  }
  return copy(b, "float64").data as Float64Array;
}
