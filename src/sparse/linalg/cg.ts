/**
 * `cg`: the conjugate gradient method for symmetric positive definite systems (SciPy's
 * `scipy.sparse.linalg.cg`, same iteration, stopping rule and `info`).
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { anyNonzero, dot, normFromSquares } from "./_blas1.ts";
import {
  checkCallback,
  iterate,
  type IterativeOpts,
  makeSystem,
  result,
  type SolveResult,
} from "./_system.ts";
import type { OperatorLike } from "./linear_operator.ts";

/** Options of {@link cg}. */
export interface CgOpts extends IterativeOpts {
  /** Called after each iteration with the current iterate (a read-only view: copy to keep). */
  callback?: (xk: NDArray) => void;
}

/**
 * Solves `A·x = b` for a real symmetric positive definite `A` (sparse matrix, dense array or
 * {@link LinearOperator}) by preconditioned conjugate gradients, exactly as SciPy's `cg`:
 * stops when `‖b − A·x‖ < max(rtol·‖b‖, atol)`, checked before each iteration; `M`
 * approximates `A⁻¹`. Returns `{x, info}`: `info` 0 on convergence, else `maxiter`.
 * Computes in float64 (the result is float32 when `A` and `b` both are).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { cg } from "./mod.ts";
 * import assert from "node:assert/strict";
 * const A = nd.array([[4, 1, 0], [1, 3, 1], [0, 1, 2]]);
 * const { x, info } = cg(A, [1, 2, 3], { rtol: 1e-10 });
 * assert.equal(info, 0);
 * nd.testing.assertAllClose(nd.matmul(A, x), [1, 2, 3], { rtol: 1e-9 });
 * ```
 */
export function cg(A: OperatorLike, b: ArrayLike, opts: CgOpts = {}): SolveResult {
  const sys = makeSystem("cg", A, b, opts);
  const callback = checkCallback(opts.callback, "cg");
  const { n, x, atol, maxiter } = sys;
  if (sys.bnrm2 === 0) return result(sys, new Float64Array(n), 0);
  const op = sys.A, M = sys.M;
  const r = new Float64Array(n), p = new Float64Array(n), q = new Float64Array(n);
  const z = M ? new Float64Array(n) : r;
  if (anyNonzero(n, x)) {
    op.mv(x, q);
    for (let i = 0; i < n; i++) r[i] = sys.b[i] - q[i];
  } else r.set(sys.b);
  // ‖r‖², ρ = r·z and p·q are fused into the passes that produce r and q; every sum runs in
  // index order, so the values are those of the separate dot products SciPy computes.
  let rr = dot(n, r, r), rhoPrev = 0;
  for (let iteration = 0; iteration < maxiter; iteration++) {
    if (normFromSquares(rr, n, r) < atol) return result(sys, x, 0);
    let rho = rr;
    if (M) {
      M.mv(r, z);
      rho = dot(n, r, z);
    }
    if (iteration > 0) {
      const beta = rho / rhoPrev;
      for (let i = 0; i < n; i++) p[i] = z[i] + beta * p[i];
    } else p.set(z);
    const alpha = rho / op.mvDot(p, q);
    rr = 0;
    for (let i = 0; i < n; i++) {
      x[i] += alpha * p[i];
      const ri = r[i] - alpha * q[i];
      r[i] = ri;
      rr += ri * ri;
    }
    rhoPrev = rho;
    if (callback) callback(iterate(x, n));
  }
  return result(sys, x, maxiter);
}
