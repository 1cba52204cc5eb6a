/**
 * Singular value decomposition in pure TypeScript: the `gesdd` routine of the TS backend.
 *
 * Method (Golub–Kahan–Reinsch with the Demmel–Kahan refinements):
 * 1. Tall matrices (m ≥ 1.6·n) are first reduced by a Householder QR; the SVD of R follows.
 *    Wide matrices are conjugate-transposed, so the core always sees m ≥ n.
 * 2. Householder bidiagonalization A = Q·B·Pᴴ to an upper bidiagonal B. For complex input the
 *    reflectors are chosen so that B is real (every β of a reflector is real).
 * 3. Implicit-shift QR on B (shift from the trailing 2×2, zero-shift sweeps of Demmel and Kahan
 *    when the shift would spoil relative accuracy, chasing top-down or bottom-up according to
 *    the grading, relative convergence tests).
 *
 * Everything runs in `Float64Array` scratch (float32 inputs are widened and rounded back) in
 * column-major order, through column views (indexing a view is markedly faster in V8 than
 * offset arithmetic on one large array). Householder reflectors are applied four at a time
 * (compact WY form) when U and V are formed. U and V are kept as columns, so every Givens
 * rotation of step 3 combines two contiguous columns; the rotations of a sweep are stored, then
 * applied in scaled ("fast Givens") form, four per pass over the rows. A real rotation acts
 * identically on the interleaved (re, im) pairs of a complex column, so one bidiagonal QR serves
 * both kinds.
 *
 * Files: `_svd_core.ts` (the float64 driver, shared with `gelsd`), `_svd_householder_real.ts`
 * and `_svd_householder_complex.ts` (steps 1–2 and the formation of U and V),
 * `_svd_bidiag_qr.ts` (step 3) and `_svd_columns.ts` (column views and the scaled rotations).
 *
 * @module
 */

import type { FloatBuffer, LinalgDType } from "./types.ts";
import { svdCore, toScratch } from "./_svd_core.ts";

/**
 * SVD A = U·diag(s)·Vᴴ of the column-major m×n `a` (LAPACK `gesdd` semantics; `a` is left
 * unchanged here, which `gesdd` permits). Returns 0, or > 0 when the bidiagonal QR did not
 * converge or `a` holds a non-finite value.
 */
export function tsGesdd(
  dt: LinalgDType,
  jobz: "A" | "S" | "N",
  m: number,
  n: number,
  a: FloatBuffer,
  lda: number,
  s: FloatBuffer,
  u: FloatBuffer | null,
  ldu: number,
  vt: FloatBuffer | null,
  ldvt: number,
): number {
  const cx = dt === "complex64" || dt === "complex128", w = cx ? 2 : 1;
  const k = Math.min(m, n);
  const want = jobz !== "N" && u !== null && vt !== null;
  if (k === 0) {
    // Nothing to decompose; the full factors are identities.
    if (want && jobz === "A") {
      for (let i = 0; i < m; i++) u[(i * ldu + i) * w] = 1;
      for (let i = 0; i < n; i++) vt[(i * ldvt + i) * w] = 1;
    }
    return 0;
  }
  const res = svdCore(cx, want ? jobz : "N", m, n, toScratch(cx, m, n, a, lda));
  for (let i = 0; i < k; i++) s[i] = res.s[i];
  if (!want || res.u === null || res.v === null) return res.info;
  const uc = res.u, vc = res.v;
  for (let j = 0; j < res.uCols; j++) {
    const src = j * m * w, dst = j * ldu * w;
    for (let i = 0; i < m * w; i++) u[dst + i] = uc[src + i];
  }
  // Vᴴ[i, j] = conj(V[j, i]).
  for (let i = 0; i < res.vCols; i++) {
    const src = i * n * w;
    if (cx) {
      for (let j = 0; j < n; j++) {
        vt[2 * (j * ldvt + i)] = vc[src + 2 * j];
        vt[2 * (j * ldvt + i) + 1] = -vc[src + 2 * j + 1];
      }
    } else {
      for (let j = 0; j < n; j++) vt[j * ldvt + i] = vc[src + j];
    }
  }
  return res.info;
}
