/**
 * `bicgstab`: the biconjugate gradient stabilised method for general square systems (SciPy's
 * `scipy.sparse.linalg.bicgstab`, same iteration, breakdown tests and `info`).
 *
 * @module
 */

import type { ArrayLike } from "../../core/_array_like.ts";
import { anyNonzero, dot, normFromSquares } from "./_blas1.ts";
import { checkCallback, iterate, makeSystem, result, type SolveResult } from "./_system.ts";
import type { CgOpts } from "./cg.ts";
import type { OperatorLike } from "./linear_operator.ts";

/** Options of {@link bicgstab} (those of {@link cg}). */
export type BicgstabOpts = CgOpts;

const EPS = 2.220446049250313e-16;

/**
 * Solves `A·x = b` for a real square `A` by BiCGSTAB with right preconditioner `M ≈ A⁻¹`, as
 * SciPy's `bicgstab`: stops when `‖r‖ < max(rtol·‖b‖, atol)`; `info` is 0 on convergence,
 * `maxiter` when the iterations run out, −10 on a ρ breakdown (`|r̃·r| < eps²`) and −11 on
 * an ω breakdown. `callback(xk)` runs after each full iteration.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { bicgstab } from "./mod.ts";
 * import assert from "node:assert/strict";
 * const A = nd.array([[4, 1, 0], [-2, 3, 1], [0, -1, 2]]);
 * const { x, info } = bicgstab(A, [1, 2, 3], { rtol: 1e-10 });
 * assert.equal(info, 0);
 * nd.testing.assertAllClose(nd.matmul(A, x), [1, 2, 3], { rtol: 1e-9 });
 * ```
 */
export function bicgstab(A: OperatorLike, b: ArrayLike, opts: BicgstabOpts = {}): SolveResult {
  const sys = makeSystem("bicgstab", A, b, opts);
  const callback = checkCallback(opts.callback, "bicgstab");
  const { n, x, atol, maxiter } = sys;
  if (sys.bnrm2 === 0) return result(sys, new Float64Array(n), 0);
  const op = sys.A, M = sys.M;
  const rhotol = EPS * EPS, omegatol = rhotol;
  const r = new Float64Array(n), p = new Float64Array(n), v = new Float64Array(n);
  const t = new Float64Array(n);
  const phat = M ? new Float64Array(n) : p;
  const shat = M ? new Float64Array(n) : r; // s is r itself after r -= alpha·v
  if (anyNonzero(n, x)) {
    op.mv(x, v);
    for (let i = 0; i < n; i++) r[i] = sys.b[i] - v[i];
  } else r.set(sys.b);
  const rtilde = r.slice();
  // ‖r‖², r̃·r, ‖s‖², t·s and t·t are summed in the passes that produce r, s and t (index
  // order, the same values as separate dot products).
  let rr = dot(n, r, r), rtr = dot(n, rtilde, r);
  let rhoPrev = 0, omega = 0, alpha = 0;
  for (let iteration = 0; iteration < maxiter; iteration++) {
    if (normFromSquares(rr, n, r) < atol) return result(sys, x, 0);
    const rho = rtr;
    if (Math.abs(rho) < rhotol) return result(sys, x, -10);
    if (iteration > 0) {
      if (Math.abs(omega) < omegatol) return result(sys, x, -11);
      const beta = (rho / rhoPrev) * (alpha / omega);
      for (let i = 0; i < n; i++) p[i] = (p[i] - omega * v[i]) * beta + r[i];
    } else p.set(r);
    if (M) M.mv(p, phat);
    op.mv(phat, v);
    const rv = dot(n, rtilde, v);
    if (rv === 0) return result(sys, x, -11);
    alpha = rho / rv;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const si = r[i] - alpha * v[i];
      r[i] = si;
      ss += si * si;
    }
    // r now holds s.
    if (normFromSquares(ss, n, r) < atol) {
      for (let i = 0; i < n; i++) x[i] += alpha * phat[i];
      return result(sys, x, 0);
    }
    if (M) M.mv(r, shat);
    op.mv(shat, t);
    let ts = 0, tt = 0;
    for (let i = 0; i < n; i++) {
      const ti = t[i];
      ts += ti * r[i];
      tt += ti * ti;
    }
    omega = ts / tt;
    rr = 0;
    rtr = 0;
    for (let i = 0; i < n; i++) {
      x[i] += alpha * phat[i];
      x[i] += omega * shat[i];
      const ri = r[i] - omega * t[i];
      r[i] = ri;
      rr += ri * ri;
      rtr += rtilde[i] * ri;
    }
    rhoPrev = rho;
    if (callback) callback(iterate(x, n));
  }
  return result(sys, x, maxiter);
}
