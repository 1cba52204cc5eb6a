/**
 * `gmres`: restarted GMRES with left preconditioning (SciPy's `scipy.sparse.linalg.gmres`:
 * same Arnoldi process, Givens rotations, inner tolerance control, `callback_type` and
 * `info`).
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { anyNonzero, nrm2 } from "./_blas1.ts";
import {
  checkCallback,
  checkPositiveInt,
  iterate,
  type IterativeOpts,
  makeSystem,
  result,
  type SolveResult,
} from "./_system.ts";
import type { OperatorLike } from "./linear_operator.ts";

/** A gmres callback: gets the iterate (`"x"`) or the relative residual norm (otherwise). */
export type GmresCallback = ((xk: NDArray) => void) | ((prNorm: number) => void);

/** Options of {@link gmres}. */
export interface GmresOpts extends IterativeOpts {
  /** Inner iterations between restarts; default 20 (at most N). */
  restart?: number;
  /** Called as selected by `callbackType`. */
  callback?: GmresCallback;
  /**
   * What `callback` gets: `"x"` the iterate after each restart cycle; `"pr_norm"` the
   * relative preconditioned residual norm after each inner iteration; `"legacy"` (default)
   * as `"pr_norm"`, and `maxiter` then counts inner iterations instead of restart cycles.
   */
  callbackType?: "x" | "pr_norm" | "legacy";
}

const EPS = 2.220446049250313e-16;

/** LAPACK's `dlartg` (3.10+): `[c, s, r]` with `c·f + s·g = r`, `−s·f + c·g = 0`, `c ≥ 0`. */
function lartg(f: number, g: number): [number, number, number] {
  if (g === 0) return [1, 0, f];
  if (f === 0) return [0, Math.sign(g), Math.abs(g)];
  const d = Math.hypot(f, g);
  const r = f < 0 ? -d : d;
  return [Math.abs(f) / d, g / r, r];
}

/**
 * Solves `A·x = b` for a real square `A` by restarted GMRES(`restart`), as SciPy's `gmres`:
 * the left-preconditioned residual `‖M·(b − A·x)‖` is minimised in each cycle and the true
 * residual `‖b − A·x‖ ≤ max(rtol·‖b‖, atol)` decides convergence after each cycle. `maxiter`
 * counts restart cycles (default `10·N`). `info` is 0 on convergence, else `maxiter`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { gmres } from "./mod.ts";
 * import assert from "node:assert/strict";
 * const A = nd.array([[3, 2, 0], [1, -1, 0], [0, 5, 1]]);
 * const residuals: number[] = [];
 * const { x, info } = gmres(A, [2, 4, -1], {
 *   rtol: 1e-12,
 *   callback: (r: number) => residuals.push(r),
 *   callbackType: "pr_norm",
 * });
 * assert.equal(info, 0);
 * assert.equal(residuals.length, 3);
 * nd.testing.assertAllClose(x, [2, -2, 9]);
 * ```
 */
export function gmres(A: OperatorLike, b: ArrayLike, opts: GmresOpts = {}): SolveResult {
  const where = "gmres";
  const sys = makeSystem(where, A, b, opts);
  const cb0 = checkCallback(opts.callback, where) as ((a: unknown) => void) | undefined;
  const ct = opts.callbackType ?? "legacy";
  if (ct !== "x" && ct !== "pr_norm" && ct !== "legacy") {
    throw new RangeError(
      `${where}: callbackType must be "x", "pr_norm" or "legacy", got ${JSON.stringify(ct)}`,
    );
  }
  const callback = cb0, callbackType = cb0 ? ct : null;
  const { n, x, atol, maxiter, bnrm2 } = sys;
  const restart = Math.min(
    opts.restart === undefined ? 20 : checkPositiveInt(opts.restart, "restart", where),
    n,
  );
  if (bnrm2 === 0) return result(sys, new Float64Array(n), 0);
  const op = sys.A, M = sys.M;
  const psolve = (src: Float64Array, dst: Float64Array) => M ? M.mv(src, dst) : dst.set(src);
  const tmpN = new Float64Array(n);
  psolve(sys.b, tmpN);
  const MbNrm2 = nrm2(n, tmpN);
  let ptolMaxFactor = 1;
  let ptol = MbNrm2 * Math.min(ptolMaxFactor, atol / bnrm2);
  let presid = 0;
  const ld = restart + 1;
  const vBuf = new Float64Array(ld * n);
  const V = Array.from({ length: ld }, (_, k) => vBuf.subarray(k * n, (k + 1) * n));
  const h = new Float64Array(restart * ld); // h[col·ld + row]
  const gc = new Float64Array(restart), gs = new Float64Array(restart);
  const S = new Float64Array(ld), y = new Float64Array(restart);
  const r = new Float64Array(n), av = new Float64Array(n);
  const w = M ? new Float64Array(n) : av;
  let innerIter = 0, rnorm = 0;
  for (let iteration = 0; iteration < maxiter; iteration++) {
    if (iteration === 0) {
      if (anyNonzero(n, x)) {
        op.mv(x, tmpN);
        for (let i = 0; i < n; i++) r[i] = sys.b[i] - tmpN[i];
      } else r.set(sys.b);
      if (nrm2(n, r) < atol) return result(sys, x, 0);
    }
    psolve(r, V[0]);
    let tmp = nrm2(n, V[0]);
    const inv0 = 1 / tmp;
    for (let i = 0; i < n; i++) V[0][i] *= inv0;
    S.fill(0);
    S[0] = tmp;
    let breakdown = false, col = 0;
    for (col = 0; col < restart; col++) {
      op.mv(V[col], av);
      if (M) M.mv(av, w);
      const h0 = nrm2(n, w);
      const hc = col * ld;
      // Modified Gram-Schmidt; the update by v_k and the product with v_(k+1) share a pass.
      let t = 0;
      for (let i = 0; i < n; i++) t += V[0][i] * w[i];
      for (let k = 0; k <= col; k++) {
        h[hc + k] = t;
        const vk = V[k];
        if (k < col) {
          const vn = V[k + 1];
          let tn = 0;
          for (let i = 0; i < n; i++) {
            const wi = w[i] - t * vk[i];
            w[i] = wi;
            tn += vn[i] * wi;
          }
          t = tn;
        } else for (let i = 0; i < n; i++) w[i] -= t * vk[i];
      }
      const h1 = nrm2(n, w);
      h[hc + col + 1] = h1;
      V[col + 1].set(w);
      if (h1 <= EPS * h0) {
        h[hc + col + 1] = 0;
        breakdown = true;
      } else {
        const inv = 1 / h1, v1 = V[col + 1];
        for (let i = 0; i < n; i++) v1[i] *= inv;
      }
      for (let k = 0; k < col; k++) {
        const c = gc[k], s = gs[k];
        const n0 = h[hc + k], n1 = h[hc + k + 1];
        h[hc + k] = c * n0 + s * n1;
        h[hc + k + 1] = -s * n0 + c * n1;
      }
      const [c, s, mag] = lartg(h[hc + col], h[hc + col + 1]);
      gc[col] = c;
      gs[col] = s;
      h[hc + col] = mag;
      h[hc + col + 1] = 0;
      tmp = -s * S[col];
      S[col] = c * S[col];
      S[col + 1] = tmp;
      presid = Math.abs(tmp);
      innerIter++;
      if (callbackType === "legacy" || callbackType === "pr_norm") callback!(presid / bnrm2);
      if (callbackType === "legacy" && innerIter === maxiter) break;
      if (presid <= ptol || breakdown) break;
    }
    if (col === restart) col--; // the loop ran to completion
    // Back substitution with the triangular h (pseudo-solve of singular cases, as SciPy).
    if (h[col * ld + col] === 0) S[col] = 0;
    for (let k = 0; k <= col; k++) y[k] = S[k];
    for (let k = col; k > 0; k--) {
      if (y[k] !== 0) {
        y[k] /= h[k * ld + k];
        const t = y[k];
        for (let i = 0; i < k; i++) y[i] -= t * h[k * ld + i];
      }
    }
    if (y[0] !== 0) y[0] /= h[0];
    tmpN.fill(0); // x += y·V, summed first as NumPy's y @ v
    for (let k = 0; k <= col; k++) {
      const yk = y[k], vk = V[k];
      for (let i = 0; i < n; i++) tmpN[i] += yk * vk[i];
    }
    for (let i = 0; i < n; i++) x[i] += tmpN[i];
    op.mv(x, tmpN);
    for (let i = 0; i < n; i++) r[i] = sys.b[i] - tmpN[i];
    rnorm = nrm2(n, r);
    if (callbackType === "legacy" && innerIter === maxiter) {
      return result(sys, x, rnorm <= atol ? 0 : maxiter);
    }
    if (callbackType === "x") callback!(iterate(x, n));
    if (rnorm <= atol) break;
    else if (breakdown) break;
    else if (presid <= ptol) ptolMaxFactor = Math.max(EPS, 0.25 * ptolMaxFactor);
    else ptolMaxFactor = Math.min(1, 1.5 * ptolMaxFactor);
    ptol = presid * Math.min(ptolMaxFactor, atol / rnorm);
  }
  return result(sys, x, rnorm <= atol ? 0 : maxiter);
}
