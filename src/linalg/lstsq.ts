/**
 * `nd.linalg.lstsq`: minimum-norm least squares through the SVD (LAPACK `gelsd`).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { getBackend } from "../backend/mod.ts";
import { LinAlgError } from "./errors.ts";
import { alloc, fromFortran, isComplexType, linalgType, realOf, toFortran } from "./_stack.ts";
import { EPS } from "./_eps.ts";
import { copy } from "../core/copy.ts";
import { conj, multiply, subtract } from "../ops/elementwise.ts";
import { sum } from "../ops/reduce/reductions.ts";
import { real } from "../ops/complex_parts.ts";
import { matmul } from "./matmul.ts";
import { optionsOf } from "./_options.ts";

/** The result of {@link lstsq}, NumPy's tuple as named fields. */
export interface LstsqResult {
  /** The least-squares solution: `[N]` for a vector `b`, `[N, K]` for a matrix. */
  x: NDArray;
  /**
   * Squared residual norms per column of `b` (`[K]`, or `[1]` for a vector `b`) when the
   * system is overdetermined (M > N) and A has full rank; an empty array otherwise.
   */
  residuals: NDArray;
  /** The effective rank of `a`. */
  rank: number;
  /** The singular values of `a`, descending. */
  s: NDArray;
}

/** Options of {@link lstsq}. */
export interface LstsqOpts {
  /**
   * Singular values at most `rcond · s[0]` count as zero. Default: machine epsilon times
   * max(M, N) (NumPy's default); a negative value means machine epsilon.
   */
  rcond?: number;
}

/**
 * The `x` minimising `‖b − a·x‖₂` for a 2-D `a` (`[M, N]`) and `b` (`[M]` or `[M, K]`),
 * of minimum norm when `a` is rank deficient.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * // Fit y = c0 + c1·t through (0, 1), (1, 3), (2, 5.2).
 * const a = nd.array([[1, 0], [1, 1], [1, 2]]);
 * const { x, rank, residuals } = nd.linalg.lstsq(a, [1, 3, 5.2]);
 * nd.testing.assertAllClose(x, [0.9666666666666667, 2.1]);
 * assert.equal(rank, 2);
 * assert.deepEqual(residuals.shape, [1]);
 * ```
 */
export function lstsq(
  a: ArrayLike,
  b: ArrayLike,
  options: LstsqOpts | number | null = {},
): LstsqResult {
  const opts = optionsOf<LstsqOpts>(
    "lstsq",
    options,
    "rcond",
    (v) => typeof v === "number" || v === null,
    "{ rcond: 1e-10 }",
  );
  const A = toArray(a, "lstsq"), B0 = toArray(b, "lstsq");
  if (A.ndim !== 2) {
    throw new TypeError(`lstsq: a must be two-dimensional, got shape ${fmtShape(A.shape)}`);
  }
  if (B0.ndim !== 1 && B0.ndim !== 2) {
    throw new TypeError(
      `lstsq: b must be one- or two-dimensional, got shape ${fmtShape(B0.shape)}`,
    );
  }
  const [m, n] = A.shape;
  if (B0.shape[0] !== m) {
    throw new TypeError(
      `lstsq: incompatible dimensions: a has shape ${fmtShape(A.shape)}, b has shape ${
        fmtShape(B0.shape)
      }: ${m} and ${B0.shape[0]} rows`,
    );
  }
  const vector = B0.ndim === 1;
  const B = vector ? B0.reshape([m, 1]) : B0;
  const k = B.shape[1];
  const dt = linalgType("lstsq", A, B);
  const rdt = realOf(dt);
  const rcond = opts.rcond ?? EPS[rdt] * Math.max(m, n);
  if (typeof rcond !== "number" || Number.isNaN(rcond)) {
    throw new TypeError(`lstsq: rcond must be a number, got ${String(rcond)}`);
  }
  const fa = toFortran(A, dt), fb = toFortran(B, dt);
  const ldb = Math.max(1, m, n);
  const step = isComplexType(dt) ? 2 : 1;
  const bb = alloc(dt, ldb * k);
  for (let j = 0; j < k; j++) {
    bb.set(fb.data.subarray(j * m * step, (j + 1) * m * step), j * ldb * step);
  }
  const s = alloc(rdt, Math.min(m, n));
  let rank = 0;
  if (m > 0 && n > 0 && k >= 0) {
    const r = getBackend().gelsd(dt, m, n, k, fa.data, Math.max(1, m), bb, ldb, s, rcond);
    if (r.info > 0) {
      throw new LinAlgError("lstsq: SVD did not converge in linear least squares", 0, r.info);
    }
    rank = r.rank;
  } else if (m === 0 || n === 0) bb.fill(0);
  const xs = alloc(dt, n * k);
  for (let j = 0; j < k; j++) {
    xs.set(bb.subarray(j * ldb * step, (j * ldb + n) * step), j * n * step);
  }
  const x = fromFortran(xs, dt, [], n, k);
  let residuals: NDArray = new NDArray(rdt, alloc(rdt, 0), [0]);
  if (m > n && rank === n) {
    // Computed from the original system (not from LAPACK's transformed right-hand side), so
    // both backends report the same quantity.
    const r = subtract(copy(B, dt), matmul(copy(A, dt), x));
    residuals = sum(real(multiply(conj(r), r)), { axis: 0 }).astype(rdt);
  }
  return {
    x: vector ? x.reshape([n]) : x,
    residuals,
    rank,
    s: new NDArray(rdt, s, [s.length]),
  };
}
