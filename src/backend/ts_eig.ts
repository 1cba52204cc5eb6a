/**
 * General (non-symmetric) eigenvalue problems in TypeScript (LAPACK `geev` semantics).
 *
 * Pipeline, as in LAPACK's `dgeev`/`zgeev` (Golub & Van Loan ch. 7): scale by a power of two,
 * balance (isolate eigenvalues by permutations, then equilibrate row/column norms by powers of
 * two), reduce to upper Hessenberg form by Householder reflectors, iterate to Schur form —
 * Francis double-shift QR for real input (2×2 blocks standardised so that a complex pair
 * a ± i·b has equal diagonal entries), single-shift complex QR with Givens rotations for
 * complex input — then back-substitute in the (quasi-)triangular factor for the eigenvectors,
 * transform them back by the Schur vectors and the balancing, and normalise them like LAPACK
 * (Euclidean norm 1, component of largest magnitude real).
 *
 * All work happens in float64 column-major scratch (interleaved re/im for complex); float32
 * and complex64 results are rounded on output.
 *
 * @module
 */

import type { FloatBuffer, LinalgDType } from "./types.ts";
import { balance, clearBelowSubdiagonal, undoBalance } from "./_eig_balance.ts";
import {
  eigenvectorsComplex,
  hessenbergComplex,
  hessenbergQComplex,
  normalizeComplex,
  schurComplex,
} from "./_eig_complex.ts";
import { SMLNUM } from "./_machine.ts";
import { hessenbergQReal, hessenbergReal, schurReal } from "./_eig_schur_real.ts";
import { eigenvectorsReal, normalizeReal } from "./_eig_vectors_real.ts";

/**
 * Eigenvalues (interleaved complex into `w`) and with `jobvr = "V"` right eigenvectors (into
 * the column-major `vr`, LAPACK's packed real form for real types) of the general column-major
 * n×n `a` (destroyed). Returns 0 on success, i > 0 when the QR iteration failed for the i-th
 * eigenvalue (1-based; eigenvalues i+1…n have converged).
 */
export function tsGeev(
  dt: LinalgDType,
  jobvr: "V" | "N",
  n: number,
  a: FloatBuffer,
  lda: number,
  w: FloatBuffer,
  vr: FloatBuffer | null,
  ldvr: number,
): number {
  if (n === 0) return 0;
  const cplx = dt === "complex64" || dt === "complex128";
  const st = cplx ? 2 : 1;
  const wantV = jobvr === "V" && vr !== null;
  const h = new Float64Array(st * n * n);
  let anorm = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const p = st * (j * n + i), q = st * (j * lda + i);
      h[p] = a[q];
      if (cplx) h[p + 1] = a[q + 1];
      const v = cplx ? Math.hypot(h[p], h[p + 1]) : Math.abs(h[p]);
      if (v > anorm || v !== v) anorm = v; // NaN sticks
    }
  }
  if (!(anorm <= Number.MAX_VALUE)) {
    w.fill(NaN, 0, 2 * n);
    if (wantV) vr!.fill(NaN);
    return n;
  }
  // Like dgeev, rescale only a matrix whose largest entry is outside [SMLNUM, 1/SMLNUM], and
  // by a power of two (exact).
  let ex = 0;
  if (anorm > 0 && anorm < SMLNUM) ex = Math.floor(Math.log2(anorm / SMLNUM));
  else if (anorm > 1 / SMLNUM) ex = Math.ceil(Math.log2(anorm * SMLNUM));
  const down1 = 2 ** -(ex >> 1), down2 = 2 ** -(ex - (ex >> 1));
  if (ex !== 0) { for (let i = 0; i < h.length; i++) h[i] = h[i] * down1 * down2; }

  const scale = new Float64Array(n);
  const swaps: number[] = [];
  const [ilo, ihi] = balance(n, h, cplx, scale, swaps);
  const wr = new Float64Array(n), wi = new Float64Array(n);
  let info: number;
  let v: Float64Array | null = null;
  if (cplx) {
    const tau = hessenbergComplex(n, h, ilo, ihi);
    const z = wantV ? hessenbergQComplex(n, h, ilo, ihi, tau) : null;
    clearBelowSubdiagonal(n, h, 2);
    info = schurComplex(n, h, ilo, ihi, wr, wi, wantV, z);
    if (info === 0 && z !== null) v = eigenvectorsComplex(n, h, z);
  } else {
    const tau = hessenbergReal(n, h, ilo, ihi);
    const z = wantV ? hessenbergQReal(n, h, ilo, ihi, tau) : null;
    clearBelowSubdiagonal(n, h, 1);
    info = schurReal(n, h, ilo, ihi, wr, wi, wantV, z);
    if (info === 0 && z !== null) v = eigenvectorsReal(n, h, z);
  }
  const up1 = 1 / down1, up2 = 1 / down2;
  for (let i = 0; i < n; i++) {
    w[2 * i] = wr[i] * up1 * up2;
    w[2 * i + 1] = wi[i] * up1 * up2;
  }
  if (v !== null) {
    undoBalance(n, v, st, ilo, ihi, scale, swaps);
    if (cplx) normalizeComplex(n, v);
    else normalizeReal(n, v, wi);
    const out = vr!;
    for (let j = 0; j < n; j++) {
      const src = st * j * n, dst = st * j * ldvr;
      for (let i = 0; i < st * n; i++) out[dst + i] = v[src + i];
    }
  }
  return info;
}
