/**
 * Cholesky factorization (LAPACK `potrf`) in TypeScript, column-major and in place, for the four
 * LAPACK dtypes.
 *
 * The lower factor is computed by a recursive algorithm: factor the leading half, solve the
 * block below it, update the trailing half with one product ({@link tsSubMul}, lower triangle
 * only) and factor it. The upper factor U = Lᴴ is computed the same way on a transposed
 * (conjugated) copy of the upper triangle. float32 data is computed in float64 scratch and
 * rounded back; complex data (interleaved re/im) uses the unblocked column-by-column algorithm.
 * The triangle not selected by `uplo` is never written.
 *
 * @module
 */

import type { FloatBuffer, LinalgDType, Uplo } from "./types.ts";
import { tsSubMul } from "./_ts_submul.ts";

/** Widest block the recursive algorithms handle column by column. */
const LEAF = 16;

/**
 * Cholesky factor of the Hermitian positive-definite n×n `a` read from (and written to) the
 * triangle `uplo`: `"L"` gives A = L·Lᴴ, `"U"` gives A = Uᴴ·U. Returns 0, or k > 0 when the
 * leading minor of order k is not positive definite (its pivot is ≤ 0 or NaN); then the pivot
 * value is left at A[k-1, k-1] and the factorization stops, as LAPACK does.
 */
export function tsPotrf(
  dt: LinalgDType,
  uplo: Uplo,
  n: number,
  a: FloatBuffer,
  lda: number,
): number {
  if (n === 0) return 0;
  const complex = dt === "complex64" || dt === "complex128";
  if (uplo === "L" && dt === "float64") return potrfReal(n, a as Float64Array, 0, lda);
  if (uplo === "L" && dt === "complex128") return potrfComplex(n, a as Float64Array, lda);
  // Work on a float64 lower triangle (ld = n): a copy of L, or of Uᴴ for "U".
  const s = complex ? 2 : 1, w = new Float64Array(s * n * n);
  copyTriangle(n, s, uplo === "U", a, lda, w, n);
  const info = complex ? potrfComplex(n, w, n) : potrfReal(n, w, 0, n);
  copyTriangle(n, s, uplo === "U", w, n, a, lda, true);
  return info;
}

/**
 * Copies the lower triangle of n×n `src` (or, with `upper`, the conjugate transpose of its
 * upper triangle) to `dst`; with `back` the roles are swapped: `src` is the lower scratch and
 * the triangle selected by `upper` of `dst` is written. `s` is 2 for interleaved complex data.
 */
function copyTriangle(
  n: number,
  s: number,
  upper: boolean,
  src: FloatBuffer,
  lds: number,
  dst: FloatBuffer,
  ldd: number,
  back = false,
): void {
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      // Lower-scratch entry (i, j) pairs with entry (i, j) of L or (j, i) of U.
      const lo = s * (i + j * (back ? lds : ldd));
      const other = upper ? s * (j + i * (back ? ldd : lds)) : s * (i + j * (back ? ldd : lds));
      const from = back ? lo : other, to = back ? other : lo;
      dst[to] = src[from];
      if (s === 2) dst[to + 1] = upper ? -src[from + 1] : src[from + 1];
    }
  }
}

/** Recursive real lower Cholesky of the n×n block at `a[off]`; returns the block's info. */
function potrfReal(n: number, a: Float64Array, off: number, lda: number): number {
  if (n <= LEAF) return potrfLeaf(n, a, off, lda);
  const n1 = n >> 1, n2 = n - n1;
  const info = potrfReal(n1, a, off, lda);
  if (info !== 0) return info;
  const below = off + n1; // A21, n2×n1
  trsmRightLowerT(n2, n1, a, off, lda, a, below, lda);
  tsSubMul(n2, n2, n1, a, below, 1, lda, a, below, lda, 1, a, below + n1 * lda, lda, true);
  const info2 = potrfReal(n2, a, below + n1 * lda, lda);
  return info2 !== 0 ? info2 + n1 : 0;
}

/** Unblocked real lower Cholesky (`dpotf2`, left-looking) of the n×n block at `a[off]`. */
function potrfLeaf(n: number, a: Float64Array, off: number, lda: number): number {
  for (let j = 0; j < n; j++) {
    const cj = off + j * lda;
    let ajj = a[cj + j];
    for (let k = 0; k < j; k++) {
      const x = a[off + k * lda + j];
      ajj -= x * x;
    }
    if (!(ajj > 0)) {
      a[cj + j] = ajj;
      return j + 1;
    }
    ajj = Math.sqrt(ajj);
    a[cj + j] = ajj;
    for (let k = 0; k < j; k++) {
      const ck = off + k * lda, x = a[ck + j];
      if (x !== 0) { for (let i = j + 1; i < n; i++) a[cj + i] -= x * a[ck + i]; }
    }
    const r = 1 / ajj;
    for (let i = cj + j + 1; i < cj + n; i++) a[i] *= r;
  }
  return 0;
}

/**
 * B := B·L⁻ᵀ for the non-unit lower triangular n×n L at `a[offL]` and the m×n B at `b[offB]`,
 * recursively in halves joined by a {@link tsSubMul} product.
 */
function trsmRightLowerT(
  m: number,
  n: number,
  a: Float64Array,
  offL: number,
  lda: number,
  b: Float64Array,
  offB: number,
  ldb: number,
): void {
  if (n > LEAF) {
    const n1 = n >> 1, n2 = n - n1;
    trsmRightLowerT(m, n1, a, offL, lda, b, offB, ldb);
    // B2 -= B1·L21ᵀ where L21 = L[n1:n, 0:n1].
    tsSubMul(m, n2, n1, b, offB, 1, ldb, a, offL + n1, lda, 1, b, offB + n1 * ldb, ldb, false);
    trsmRightLowerT(m, n2, a, offL + n1 + n1 * lda, lda, b, offB + n1 * ldb, ldb);
    return;
  }
  for (let k = 0; k < n; k++) {
    const ck = offB + k * ldb, r = 1 / a[offL + k + k * lda];
    for (let i = ck; i < ck + m; i++) b[i] *= r;
    for (let j = k + 1; j < n; j++) {
      const x = a[offL + j + k * lda], cj = offB + j * ldb;
      if (x !== 0) { for (let i = 0; i < m; i++) b[cj + i] -= x * b[ck + i]; }
    }
  }
}

/** Unblocked right-looking complex lower Cholesky on interleaved data; returns LAPACK's info. */
function potrfComplex(n: number, a: Float64Array, lda: number): number {
  const ld = 2 * lda;
  for (let j = 0; j < n; j++) {
    const cj = j * ld;
    let ajj = a[cj + 2 * j];
    if (!(ajj > 0)) {
      a[cj + 2 * j + 1] = 0;
      return j + 1;
    }
    ajj = Math.sqrt(ajj);
    a[cj + 2 * j] = ajj, a[cj + 2 * j + 1] = 0;
    const r = 1 / ajj;
    for (let i = cj + 2 * j + 2; i < cj + 2 * n; i++) a[i] *= r;
    // A[k:n, k] -= L[k:n, j]·conj(L[k, j]) for the trailing columns k.
    for (let k = j + 1; k < n; k++) {
      const ck = k * ld, xr = a[cj + 2 * k], xi = -a[cj + 2 * k + 1];
      if (xr === 0 && xi === 0) continue;
      for (let i = 2 * k; i < 2 * n; i += 2) {
        const lr = a[cj + i], li = a[cj + i + 1];
        a[ck + i] -= lr * xr - li * xi, a[ck + i + 1] -= lr * xi + li * xr;
      }
    }
  }
  return 0;
}
