/**
 * Thick-restart Lanczos (Wu & Simon) with full reorthogonalisation, the engine of `eigsh`
 * and `svds`. Mathematically it is ARPACK's implicitly restarted Lanczos with exact shifts:
 * after each cycle of `ncv` steps the wanted Ritz vectors are kept (`k`, plus ARPACK's
 * adjustment `min(nconv, (ncv − k)/2)`) together with the residual direction, and the
 * projected matrix restarts as an arrowhead `diag(θ) + β·s` border. Every new Lanczos vector
 * is orthogonalised twice against the whole basis (classical Gram–Schmidt), so no spurious
 * copies of converged Ritz values appear.
 *
 * Convergence is ARPACK's test: the Ritz pair `(θ, y)` is converged when its residual
 * `β·|s_last|` is at most `tol·max(eps^(2/3), |θ|)`.
 *
 * @module
 */

import { getBackend } from "../../backend/mod.ts";
import { LinAlgError } from "../../linalg/errors.ts";
import { nrm2 } from "./_blas1.ts";

/** The wanted part of the spectrum. */
export type Which = "LM" | "SM" | "LA" | "SA";

/** What {@link lanczos} needs. */
export interface LanczosParams {
  n: number;
  k: number;
  ncv: number;
  which: Which;
  /** Tolerance (> 0). */
  tol: number;
  /** Maximum number of restart cycles. */
  maxiter: number;
  /** Starting vector (not modified). */
  v0: Float64Array;
  /** `y ← OP·x` for a symmetric OP. */
  op(x: Float64Array, y: Float64Array): void;
  /** Random numbers in [−1, 1) for new directions after an invariant subspace. */
  random(): number;
  /** Whether the Ritz vectors are needed. */
  vectors: boolean;
  /** The calling function, for error messages. */
  where: string;
}

/** The k wanted Ritz pairs, most wanted first. */
export interface LanczosResult {
  theta: Float64Array;
  /** k × n, row-major (null when not requested). */
  x: Float64Array | null;
  /** How many of the k wanted pairs converged. */
  nconv: number;
  /** Which of the k wanted pairs converged. */
  converged: boolean[];
  /** Restart cycles run. */
  iterations: number;
}

const EPS = 2.220446049250313e-16;
const EPS23 = Math.pow(EPS, 2 / 3);

/** Indices of `theta` sorted from most to least wanted. */
export function wantedOrder(theta: ArrayLike<number>, which: Which): number[] {
  const idx = Array.from({ length: theta.length }, (_, i) => i);
  const key = which === "LM" || which === "SM"
    ? (i: number) => Math.abs(theta[i])
    : (i: number) => theta[i];
  const sign = which === "LM" || which === "LA" ? -1 : 1;
  return idx.sort((a, b) => sign * (key(a) - key(b)) || theta[a] - theta[b]);
}

/** Eigen-decomposition of the symmetric m×m `t` (column-major = row-major): θ ascending. */
function eigSym(
  t: Float64Array,
  m: number,
  where: string,
): { theta: Float64Array; s: Float64Array } {
  const s = t.slice(0, m * m);
  if (!s.every(Number.isFinite)) {
    throw new RangeError(`${where}: the operator produced non-finite values`);
  }
  const theta = new Float64Array(m);
  const info = getBackend().syevd("float64", "V", "L", m, s, m, theta);
  if (info !== 0) {
    throw new LinAlgError(`${where}: the projected eigenproblem did not converge`, 0, info);
  }
  return { theta, s };
}

/** Runs thick-restart Lanczos; see the module docs. */
export function lanczos(p: LanczosParams): LanczosResult {
  const { n, k, ncv, which, tol, maxiter } = p;
  const be = getBackend();
  const V = new Float64Array((ncv + 1) * n);
  const T = new Float64Array(ncv * ncv);
  const w = new Float64Array(n), c = new Float64Array(ncv + 1), c2 = new Float64Array(ncv + 1);
  const tmp = new Float64Array(ncv * n);
  const row = (j: number) => V.subarray(j * n, (j + 1) * n);
  let anorm = 0;

  /**
   * Orthogonalises w against rows 0..j of V: two classical Gram–Schmidt passes, always (a
   * DGKS test that skips the second pass, as ARPACK's, loses too much orthogonality on
   * interior eigenvalues such as `which: "SM"`). Returns ‖w‖; the coefficients are in c.
   */
  const orthogonalize = (j: number): number => {
    be.gemv("float64", "N", j + 1, n, 1, V, 0, n, w, 0, 1, 0, c, 0, 1);
    be.gemv("float64", "T", j + 1, n, -1, V, 0, n, c, 0, 1, 1, w, 0, 1);
    be.gemv("float64", "N", j + 1, n, 1, V, 0, n, w, 0, 1, 0, c2, 0, 1);
    be.gemv("float64", "T", j + 1, n, -1, V, 0, n, c2, 0, 1, 1, w, 0, 1);
    for (let i = 0; i <= j; i++) c[i] += c2[i];
    return nrm2(n, w);
  };

  /** A random unit vector orthogonal to rows 0..j, into row j + 1. */
  const randomDirection = (j: number) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      for (let i = 0; i < n; i++) w[i] = p.random();
      const before = nrm2(n, w);
      const after = orthogonalize(j);
      if (after > 0.5 * before || (attempt > 1 && after > 0)) {
        const r = row(j + 1);
        for (let i = 0; i < n; i++) r[i] = w[i] / after;
        return;
      }
    }
    throw new LinAlgError(`${p.where}: cannot extend the Krylov basis`);
  };

  // v_0 = v0 / ‖v0‖.
  const v0n = nrm2(n, p.v0);
  for (let i = 0; i < n; i++) V[i] = p.v0[i] / v0n;
  let kept = 0, beta = 0, iterations = 0;
  let theta: Float64Array = new Float64Array(0), S: Float64Array = new Float64Array(0);
  let order: number[] = [];
  let nconv = 0, converged: boolean[] = [];
  for (;;) {
    // Expand the basis from `kept` to ncv vectors.
    for (let j = kept; j < ncv; j++) {
      p.op(row(j), w);
      const wn = nrm2(n, w);
      if (wn > anorm) anorm = wn;
      const bj = orthogonalize(j);
      // α_j; the other coefficients only correct w (the couplings are β's and, after a
      // restart, the arrowhead border).
      T[j * ncv + j] = c[j];
      if (bj <= EPS * Math.max(wn, anorm) || bj === 0) {
        beta = 0;
        if (j + 1 < ncv) randomDirection(j);
        else V.fill(0, (j + 1) * n, (j + 2) * n);
      } else {
        beta = bj;
        const r = row(j + 1);
        const inv = 1 / bj;
        for (let i = 0; i < n; i++) r[i] = w[i] * inv;
      }
      if (j + 1 < ncv) T[(j + 1) * ncv + j] = T[j * ncv + j + 1] = beta;
    }
    iterations++;
    ({ theta, s: S } = eigSym(T, ncv, p.where));
    order = wantedOrder(theta, which);
    converged = order.slice(0, k).map((i) =>
      beta * Math.abs(S[i * ncv + ncv - 1]) <= tol * Math.max(EPS23, Math.abs(theta[i]))
    );
    nconv = converged.filter((b) => b).length;
    if (nconv >= k || iterations >= maxiter) break;
    // Thick restart: keep the most wanted Ritz vectors and the residual direction.
    let keep = k + Math.min(nconv, Math.floor((ncv - k) / 2));
    if (keep === 1 && ncv >= 6) keep = Math.floor(ncv / 2);
    else if (keep === 1 && ncv > 2) keep = 2;
    keep = Math.min(keep, ncv - 1);
    ritzVectors(order.slice(0, keep), S, ncv, V, n, tmp);
    V.copyWithin(keep * n, ncv * n, (ncv + 1) * n);
    T.fill(0);
    for (let t = 0; t < keep; t++) {
      const i = order[t];
      T[t * ncv + t] = theta[i];
      T[t * ncv + keep] = T[keep * ncv + t] = beta * S[i * ncv + ncv - 1];
    }
    if (beta === 0) randomDirection(keep - 1);
    kept = keep;
  }
  const sel = order.slice(0, k);
  const out = Float64Array.from(sel, (i) => theta[i]);
  let x: Float64Array | null = null;
  if (p.vectors) {
    ritzVectors(sel, S, ncv, V, n, tmp);
    x = V.slice(0, k * n);
    for (let t = 0; t < k; t++) {
      const r = x.subarray(t * n, (t + 1) * n);
      const nr = nrm2(n, r);
      for (let i = 0; i < n; i++) r[i] /= nr;
    }
  }
  return { theta: out, x, nconv, converged, iterations };
}

/** Overwrites rows 0..sel.length of V with the Ritz vectors V·S[:, sel]. */
function ritzVectors(
  sel: number[],
  S: Float64Array,
  m: number,
  V: Float64Array,
  n: number,
  tmp: Float64Array,
): void {
  const kk = sel.length;
  const Ssel = new Float64Array(kk * m); // row t = eigenvector sel[t] of T
  for (let t = 0; t < kk; t++) Ssel.set(S.subarray(sel[t] * m, (sel[t] + 1) * m), t * m);
  getBackend().gemm("float64", "N", "N", kk, n, m, 1, Ssel, 0, m, V, 0, n, 0, tmp, 0, n);
  V.set(tmp.subarray(0, kk * n));
}
