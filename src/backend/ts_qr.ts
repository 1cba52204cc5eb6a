/**
 * Householder QR (LAPACK `geqrf`) and the formation of Q from its reflectors (`orgqr`/`ungqr`)
 * in TypeScript, column-major and in place, for the four LAPACK dtypes.
 *
 * Reflectors follow LAPACK exactly: H = I − tau·v·vᴴ with v[0] = 1 not stored and v[1:] below
 * the diagonal, built by the rules of `dlarfg`/`zlarfg` (beta = −sign(Re alpha)·‖(alpha, x)‖,
 * so R's diagonal may be negative; for real data tau is 0 or in [1, 2]; for complex data a
 * 1-element reflector still makes the diagonal real). `geqrf` applies Hᴴ to the trailing
 * columns, `orgqr` accumulates Q = H(1)·H(2)···H(k) backwards from the identity, as
 * `dgeqr2`/`dorg2r` (`zgeqr2`/`zung2r`) do. Real data larger than one panel is processed in
 * panels of {@link NB} reflectors applied at once as a block reflector I − V·T·Vᵀ (LAPACK's
 * `dlarft`/`dlarfb`, in `_qr_block.ts`) through the product kernel `tsSubMul`; the results
 * equal the unblocked ones up to rounding. float32 data is computed in float64 scratch and
 * rounded back; complex data is interleaved (re, im) and processed unblocked. The reflectors
 * are generated in `_qr_reflector.ts`.
 *
 * @module
 */

import type { FloatBuffer, LinalgDType } from "./types.ts";
import { BlockWork, NB } from "./_qr_block.ts";
import { larfgComplex, larfgReal } from "./_qr_reflector.ts";

/**
 * Householder QR of the column-major m×n `a`: R on and above the diagonal, the reflectors'
 * v[1:] below it, and their scalars in `tau` (min(m, n) entries, complex for complex dtypes).
 * Returns 0.
 */
export function tsGeqrf(
  dt: LinalgDType,
  m: number,
  n: number,
  a: FloatBuffer,
  lda: number,
  tau: FloatBuffer,
): number {
  if (m === 0 || n === 0) return 0;
  const k = Math.min(m, n), len = lda * (n - 1) + m;
  if (dt === "float64") geqrfReal(m, n, a as Float64Array, lda, tau as Float64Array);
  else if (dt === "complex128") geqrfComplex(m, n, a as Float64Array, lda, tau as Float64Array);
  else {
    const s = dt === "float32" ? 1 : 2;
    const w = new Float64Array(a.subarray(0, s * len)), t = new Float64Array(s * k);
    if (s === 1) geqrfReal(m, n, w, lda, t);
    else geqrfComplex(m, n, w, lda, t);
    a.set(w);
    tau.set(t);
  }
  return 0;
}

/**
 * Overwrites the column-major m×n `a` (m ≥ n ≥ k), which holds the first k reflectors left by
 * {@link tsGeqrf} in its first k columns, with the m×n Q = H(1)···H(k) whose columns are
 * orthonormal. Returns 0.
 */
export function tsOrgqr(
  dt: LinalgDType,
  m: number,
  n: number,
  k: number,
  a: FloatBuffer,
  lda: number,
  tau: FloatBuffer,
): number {
  if (n === 0) return 0;
  const len = lda * (n - 1) + m;
  if (dt === "float64") orgqrReal(m, n, k, a as Float64Array, lda, tau as Float64Array);
  else if (dt === "complex128") orgqrComplex(m, n, k, a as Float64Array, lda, tau as Float64Array);
  else {
    const s = dt === "float32" ? 1 : 2;
    const w = new Float64Array(a.subarray(0, s * len)),
      t = new Float64Array(tau.subarray(0, s * k));
    if (s === 1) orgqrReal(m, n, k, w, lda, t);
    else orgqrComplex(m, n, k, w, lda, t);
    a.set(w);
  }
  return 0;
}

/**
 * Applies H = I − tau·v·vᵀ from the left to columns [j0, j1) of rows [i, m) of the block at
 * `a[off]`, where v is the block's column `vc` from row i (v[0] = 1 implicit, v[1:] below).
 * Four columns share each pass over v.
 */
function applyReal(
  m: number,
  i: number,
  vc: number,
  tau: number,
  a: Float64Array,
  off: number,
  lda: number,
  j0: number,
  j1: number,
): void {
  if (tau === 0) return;
  const v = off + vc * lda;
  let j = j0;
  for (; j + 4 <= j1; j += 4) {
    const c0 = off + j * lda, c1 = c0 + lda, c2 = c1 + lda, c3 = c2 + lda;
    let s0 = a[c0 + i], s1 = a[c1 + i], s2 = a[c2 + i], s3 = a[c3 + i];
    for (let r = i + 1; r < m; r++) {
      const x = a[v + r];
      s0 += x * a[c0 + r], s1 += x * a[c1 + r], s2 += x * a[c2 + r], s3 += x * a[c3 + r];
    }
    s0 *= tau, s1 *= tau, s2 *= tau, s3 *= tau;
    a[c0 + i] -= s0, a[c1 + i] -= s1, a[c2 + i] -= s2, a[c3 + i] -= s3;
    for (let r = i + 1; r < m; r++) {
      const x = a[v + r];
      a[c0 + r] -= s0 * x, a[c1 + r] -= s1 * x, a[c2 + r] -= s2 * x, a[c3 + r] -= s3 * x;
    }
  }
  for (; j < j1; j++) {
    const c = off + j * lda;
    let s = a[c + i];
    for (let r = i + 1; r < m; r++) s += a[v + r] * a[c + r];
    s *= tau;
    a[c + i] -= s;
    for (let r = i + 1; r < m; r++) a[c + r] -= s * a[v + r];
  }
}

/**
 * Real QR: panels of {@link NB} columns are factored column by column (`dgeqr2`) and applied to
 * the trailing columns at once as the block reflector I − V·Tᵀ·Vᵀ (`dlarft` + `dlarfb`).
 */
function geqrfReal(m: number, n: number, a: Float64Array, lda: number, tau: Float64Array): void {
  const k = Math.min(m, n);
  const ws = k > NB && n > NB ? new BlockWork(m, n) : null;
  for (let j0 = 0; j0 < k; j0 += NB) {
    const jb = Math.min(NB, k - j0), off = j0 + j0 * lda, mv = m - j0;
    for (let i = 0; i < jb; i++) {
      tau[j0 + i] = larfgReal(mv - i, a, off + i + i * lda);
      applyReal(mv, i, i, tau[j0 + i], a, off, lda, i + 1, ws === null ? n - j0 : jb);
    }
    if (ws !== null && j0 + jb < n) {
      ws.form(mv, jb, a, off, lda, tau, j0);
      ws.apply(mv, n - j0 - jb, jb, a, off + jb * lda, lda, true);
    }
  }
}

/**
 * Real Q formation: the last block of reflectors (and the columns beyond k) by `dorg2r`, then
 * each earlier block applied as I − V·T·Vᵀ to the columns right of it before its own columns
 * are formed by `dorg2r`, as LAPACK's `dorgqr` does.
 */
function orgqrReal(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  lda: number,
  tau: Float64Array,
): void {
  if (k <= NB || n <= NB) return org2rReal(m, n, k, a, 0, lda, tau, 0);
  const ws = new BlockWork(m, n);
  const last = Math.floor((k - 1) / NB) * NB;
  org2rReal(m - last, n - last, k - last, a, last + last * lda, lda, tau, last);
  for (let j = last; j < n; j++) a.fill(0, j * lda, j * lda + last);
  for (let j0 = last - NB; j0 >= 0; j0 -= NB) {
    const off = j0 + j0 * lda, mv = m - j0;
    ws.form(mv, NB, a, off, lda, tau, j0);
    ws.apply(mv, n - j0 - NB, NB, a, off + NB * lda, lda, false);
    org2rReal(mv, NB, NB, a, off, lda, tau, j0);
    for (let j = j0; j < j0 + NB; j++) a.fill(0, j * lda, j * lda + j0);
  }
}

/** Unblocked real Q formation (`dorg2r`) of the m×n block at `a[off]` with `tau[t0..t0+k)`. */
function org2rReal(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  off: number,
  lda: number,
  tau: Float64Array,
  t0: number,
): void {
  for (let j = k; j < n; j++) {
    const c = off + j * lda;
    a.fill(0, c, c + m);
    a[c + j] = 1;
  }
  for (let i = k - 1; i >= 0; i--) {
    const c = off + i * lda, t = tau[t0 + i];
    applyReal(m, i, i, t, a, off, lda, i + 1, n);
    for (let r = c + i + 1; r < c + m; r++) a[r] *= -t;
    a[c + i] = 1 - t;
    a.fill(0, c, c + i);
  }
}

/**
 * Applies H = I − (tr + i·ti)·v·vᴴ from the left to columns [j0, j1) of rows [i, m) of the
 * interleaved `a`, with v in column `vc` from row i (v[0] = 1 implicit).
 */
function applyComplex(
  m: number,
  i: number,
  vc: number,
  tr: number,
  ti: number,
  a: Float64Array,
  lda: number,
  j0: number,
  j1: number,
): void {
  if (tr === 0 && ti === 0) return;
  const ld = 2 * lda, v = vc * ld;
  for (let j = j0; j < j1; j++) {
    const c = j * ld;
    let sr = a[c + 2 * i], si = a[c + 2 * i + 1]; // s = vᴴ·c
    for (let r = 2 * i + 2; r < 2 * m; r += 2) {
      const vr = a[v + r], vi = a[v + r + 1], xr = a[c + r], xi = a[c + r + 1];
      sr += vr * xr + vi * xi, si += vr * xi - vi * xr;
    }
    const wr = tr * sr - ti * si, wi = tr * si + ti * sr; // w = tau·s
    a[c + 2 * i] -= wr, a[c + 2 * i + 1] -= wi;
    for (let r = 2 * i + 2; r < 2 * m; r += 2) {
      const vr = a[v + r], vi = a[v + r + 1];
      a[c + r] -= wr * vr - wi * vi, a[c + r + 1] -= wr * vi + wi * vr;
    }
  }
}

/** Unblocked complex QR (`zgeqr2`): Hᴴ, i.e. conj(tau), is applied to the trailing columns. */
function geqrfComplex(m: number, n: number, a: Float64Array, lda: number, tau: Float64Array): void {
  const k = Math.min(m, n);
  for (let i = 0; i < k; i++) {
    larfgComplex(m - i, a, i + i * lda, tau, i);
    applyComplex(m, i, i, tau[2 * i], -tau[2 * i + 1], a, lda, i + 1, n);
  }
}

/** Unblocked complex Q formation (`zung2r`). */
function orgqrComplex(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  lda: number,
  tau: Float64Array,
): void {
  const ld = 2 * lda;
  for (let j = k; j < n; j++) {
    a.fill(0, j * ld, j * ld + 2 * m);
    a[j * ld + 2 * j] = 1;
  }
  for (let i = k - 1; i >= 0; i--) {
    const c = i * ld, tr = tau[2 * i], ti = tau[2 * i + 1];
    applyComplex(m, i, i, tr, ti, a, lda, i + 1, n);
    for (let r = c + 2 * i + 2; r < c + 2 * m; r += 2) {
      const xr = a[r], xi = a[r + 1];
      a[r] = -(tr * xr - ti * xi), a[r + 1] = -(tr * xi + ti * xr);
    }
    a[c + 2 * i] = 1 - tr, a[c + 2 * i + 1] = -ti;
    a.fill(0, c, c + 2 * i);
  }
}
