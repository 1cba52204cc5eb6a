/**
 * Symmetric and Hermitian eigenvalue problems in TypeScript (LAPACK `syevd`/`heevd` semantics).
 *
 * Method: the triangle `uplo` is copied into a float64 scratch matrix (column-major, lower
 * triangle), reduced to real symmetric tridiagonal form T = Qᴴ·A·Q by Householder reflectors
 * (for complex input the reflectors are chosen so that the off-diagonal of T is real), and T
 * is diagonalised: values only by implicit QR steps with Wilkinson shifts (Golub & Van Loan,
 * Algorithm 8.3.2; `_eigh_tridiagonal_qr.ts`), with eigenvectors by Cuppen's divide and
 * conquer (`_eigh_dc.ts`), whose vectors are then multiplied by the explicitly formed Q.
 *
 * @module
 */

import type { FloatBuffer, LinalgDType, Uplo } from "./types.ts";
import { gemmDot, tridiagonalDC } from "./_eigh_dc.ts";
import {
  formQComplex,
  formQReal,
  tridiagonalizeComplex,
  tridiagonalizeReal,
} from "./_eigh_tridiagonal.ts";
import { tridiagonalQR } from "./_eigh_tridiagonal_qr.ts";

/**
 * Eigenvalues (ascending, into `w`) and optionally orthonormal eigenvectors (columns of `a`)
 * of the symmetric (real) or Hermitian (complex) column-major n×n `a`, of which only the
 * triangle `uplo` is read. Returns 0 on success, > 0 when the QR iteration did not converge.
 */
export function tsSyevd(
  dt: LinalgDType,
  jobz: "V" | "N",
  uplo: Uplo,
  n: number,
  a: FloatBuffer,
  lda: number,
  w: FloatBuffer,
): number {
  if (n === 0) return 0;
  const cplx = dt === "complex64" || dt === "complex128";
  const wantV = jobz === "V";
  const s = cplx ? loadHermitian(n, a, lda, uplo) : loadSymmetric(n, a, lda, uplo);
  const anorm = cplx ? maxAbsComplex(n, s) : maxAbsReal(n, s);
  if (!(anorm <= Number.MAX_VALUE)) {
    // NaN or infinity: the iteration cannot converge (LAPACK would spin until its limit).
    for (let i = 0; i < n; i++) w[i] = NaN;
    return 1;
  }
  // Scale by a power of two (exact) so that the largest entry lies in [0.5, 1): every
  // threshold below (deflation, underflow guards) is then relative to the matrix.
  const ex = anorm > 0 ? Math.ceil(Math.log2(anorm) + 1e-12) : 0;
  const down1 = 2 ** -(ex >> 1), down2 = 2 ** -(ex - (ex >> 1));
  const up1 = 1 / down1, up2 = 1 / down2;
  if (ex !== 0) { for (let i = 0; i < s.length; i++) s[i] = s[i] * down1 * down2; }

  const d = new Float64Array(n), e = new Float64Array(n), tau = new Float64Array(cplx ? 2 * n : n);
  if (cplx) tridiagonalizeComplex(n, s, d, e, tau);
  else tridiagonalizeReal(n, s, d, e, tau);
  if (!wantV) {
    const info = tridiagonalQR(n, d, e, null, 0, 0, 0);
    const sorted = d.slice().sort();
    for (let j = 0; j < n; j++) w[j] = sorted[j] * up1 * up2;
    return info;
  }
  const qh = cplx ? formQComplex(n, s, tau) : formQReal(n, s, tau);
  const [info, zt] = tridiagonalDC(n, d, e);
  const perm = new Array<number>(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  perm.sort((p, q) => d[p] - d[q] || p - q);
  for (let j = 0; j < n; j++) w[j] = d[perm[j]] * up1 * up2;
  // Eigenvectors of A: Q·Z, Q taken by rows (real and imaginary parts separately).
  const boffs = new Int32Array(n), coffs = new Int32Array(n);
  for (let j = 0; j < n; j++) boffs[j] = perm[j] * n, coffs[j] = j * n;
  const rows = new Float64Array(n * n), out = new Float64Array(n * n);
  const parts = cplx ? 2 : 1;
  for (let part = 0; part < parts; part++) {
    for (let c = 0; c < n; c++) {
      for (let r = 0; r < n; r++) rows[r * n + c] = qh[parts * (c * n + r) + part];
    }
    gemmDot(n, n, n, rows, 0, n, zt, boffs, out, coffs);
    for (let j = 0; j < n; j++) {
      const dst = parts * j * lda + part, src = j * n;
      for (let i = 0; i < n; i++) a[dst + parts * i] = out[src + i];
    }
  }
  return info;
}

/** Lower triangle of the symmetric input in a dense column-major float64 n×n scratch. */
function loadSymmetric(n: number, a: FloatBuffer, lda: number, uplo: Uplo): Float64Array {
  const s = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    for (let r = c; r < n; r++) {
      s[c * n + r] = uplo === "L" ? a[c * lda + r] : a[r * lda + c];
    }
  }
  return s;
}

/** Lower triangle of the Hermitian input (interleaved, real diagonal) in a float64 scratch. */
function loadHermitian(n: number, a: FloatBuffer, lda: number, uplo: Uplo): Float64Array {
  const s = new Float64Array(2 * n * n);
  for (let c = 0; c < n; c++) {
    for (let r = c; r < n; r++) {
      const o = 2 * (c * n + r);
      if (uplo === "L") {
        const q = 2 * (c * lda + r);
        s[o] = a[q];
        s[o + 1] = r === c ? 0 : a[q + 1];
      } else {
        const q = 2 * (r * lda + c);
        s[o] = a[q];
        s[o + 1] = r === c ? 0 : -a[q + 1];
      }
    }
  }
  return s;
}

function maxAbsReal(n: number, s: Float64Array): number {
  let m = 0;
  for (let c = 0; c < n; c++) {
    for (let r = c; r < n; r++) {
      const v = Math.abs(s[c * n + r]);
      if (v > m || v !== v) m = v; // NaN sticks
    }
  }
  return m;
}

function maxAbsComplex(n: number, s: Float64Array): number {
  let m = 0;
  for (let c = 0; c < n; c++) {
    for (let r = c; r < n; r++) {
      const o = 2 * (c * n + r);
      const v = Math.hypot(s[o], s[o + 1]);
      if (v > m || v !== v) m = v; // NaN sticks
    }
  }
  return m;
}
