/**
 * LU factorization with partial pivoting (LAPACK `getrf`) and the solve with its factors
 * (`getrs`) in TypeScript, column-major and in place, for the four LAPACK dtypes.
 *
 * Real data is factored recursively, as LAPACK's `dgetrf2` does: the left half of the columns
 * is factored, its row interchanges are applied to the right half, whose top block is solved
 * with the left half's unit lower triangle; the trailing block gets one matrix-product update
 * ({@link tsSubMul}) and is factored in turn. Blocks of at most {@link LEAF} columns are factored
 * column by column. The row interchanges and pivots are those of partial pivoting, so the
 * factors match LAPACK's up to rounding. float32 data is computed in a float64 copy and rounded
 * back. Complex data (interleaved re/im) uses the unblocked algorithm of LAPACK's `zgetf2`,
 * pivoting on |re| + |im| as `izamax` does (`_lu_complex.ts`). The `C -= A·B` product kernel
 * is {@link tsSubMul} of `_ts_submul.ts`.
 *
 * @module
 */

import type { FloatBuffer, LinalgDType, Trans } from "./types.ts";
import { getrfComplex, getrsComplex } from "./_lu_complex.ts";
import { tsSubMul } from "./_ts_submul.ts";

/** The smallest x with 1/x finite (LAPACK `dlamch("S")`): below it, divide instead of scaling. */
const SFMIN = 2.2250738585072014e-308;
/** Block size of the blocked triangular solves. */
const NB = 48;
/** Widest block the recursive LU factors column by column. */
const LEAF = 16;

/** Copies the used part of a float32 buffer (`len` slots) to float64 scratch. */
function widen(x: FloatBuffer, len: number): Float64Array {
  return new Float64Array(x.subarray(0, len));
}

/**
 * LU factorization A = P·L·U with partial pivoting of the column-major m×n `a` (LAPACK
 * `getrf`): L (unit diagonal, not stored) below the diagonal, U on and above it, and `ipiv`
 * (min(m, n) entries) the 1-based row swapped with each row in turn. Returns 0, or k > 0 when
 * U[k-1, k-1] is exactly zero (the factorization is still completed, as LAPACK does).
 */
export function tsGetrf(
  dt: LinalgDType,
  m: number,
  n: number,
  a: FloatBuffer,
  lda: number,
  ipiv: Int32Array,
): number {
  if (m === 0 || n === 0) return 0;
  const len = lda * (n - 1) + m;
  if (dt === "float64") return getrfReal(m, n, a as Float64Array, lda, ipiv);
  if (dt === "complex128") return getrfComplex(m, n, a as Float64Array, lda, ipiv);
  const w = widen(a, dt === "float32" ? len : 2 * len);
  const info = dt === "float32" ? getrfReal(m, n, w, lda, ipiv) : getrfComplex(m, n, w, lda, ipiv);
  a.set(w);
  return info;
}

/**
 * Solves op(A)·X = B for the n×n `a` factored by {@link tsGetrf} (LAPACK `getrs`); `b`
 * (column-major n×nrhs) is overwritten by X. `trans` is `"N"`, `"T"` or `"C"`. Returns 0.
 */
export function tsGetrs(
  dt: LinalgDType,
  trans: Trans,
  n: number,
  nrhs: number,
  a: FloatBuffer,
  lda: number,
  ipiv: Int32Array,
  b: FloatBuffer,
  ldb: number,
): number {
  if (n === 0 || nrhs === 0) return 0;
  if (dt === "float64") {
    getrsReal(trans, n, nrhs, a as Float64Array, lda, ipiv, b as Float64Array, ldb);
  } else if (dt === "complex128") {
    getrsComplex(trans, n, nrhs, a as Float64Array, lda, ipiv, b as Float64Array, ldb);
  } else {
    const s = dt === "float32" ? 1 : 2;
    const wa = widen(a, s * (lda * (n - 1) + n)), wb = widen(b, s * (ldb * (nrhs - 1) + n));
    if (s === 1) getrsReal(trans, n, nrhs, wa, lda, ipiv, wb, ldb);
    else getrsComplex(trans, n, nrhs, wa, lda, ipiv, wb, ldb);
    b.set(wb);
  }
  return 0;
}

/** Real LU (`getrf`); returns LAPACK's info. */
function getrfReal(m: number, n: number, a: Float64Array, lda: number, ipiv: Int32Array): number {
  return luRecursive(m, n, a, 0, lda, ipiv, 0);
}

/**
 * Recursive LU (the scheme of LAPACK's `dgetrf2`) of the m×n block at `a[off]` whose first row
 * is row `ip0` of the whole matrix: factor the left half, swap and solve the right half, update
 * the trailing block with one product, factor it, and swap the left half. Narrow blocks use
 * the unblocked column-by-column algorithm. Returns the block's info.
 */
function luRecursive(
  m: number,
  n: number,
  a: Float64Array,
  off: number,
  lda: number,
  ipiv: Int32Array,
  ip0: number,
): number {
  const mn = Math.min(m, n);
  if (mn <= LEAF) return luUnblocked(m, n, a, off, lda, ipiv, ip0);
  const n1 = mn >> 1, n2 = n - n1;
  const info1 = luRecursive(m, n1, a, off, lda, ipiv, ip0);
  const right = off + n1 * lda;
  swapRows(ip0, ip0 + n1, n2, ipiv, ip0, a, right, lda, true);
  trsmLowerUnit(n1, n2, a, off, lda, a, right, lda, true);
  tsSubMul(m - n1, n2, n1, a, off + n1, 1, lda, a, right, 1, lda, a, right + n1, lda, false);
  const info2 = luRecursive(m - n1, n2, a, right + n1, lda, ipiv, ip0 + n1);
  swapRows(ip0 + n1, ip0 + mn, n1, ipiv, ip0, a, off, lda, true);
  return info1 !== 0 ? info1 : info2 !== 0 ? info2 + n1 : 0;
}

/** Unblocked right-looking LU (`dgetf2`) of the m×n block at `a[off]`; see {@link luRecursive}. */
function luUnblocked(
  m: number,
  n: number,
  a: Float64Array,
  off: number,
  lda: number,
  ipiv: Int32Array,
  ip0: number,
): number {
  const mn = Math.min(m, n), end = off + n * lda;
  let info = 0;
  for (let k = 0; k < mn; k++) {
    const ck = off + k * lda;
    let p = k, big = Math.abs(a[ck + k]);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(a[ck + i]);
      if (v > big) big = v, p = i;
    }
    ipiv[ip0 + k] = ip0 + p + 1;
    const piv = a[ck + p];
    if (piv !== 0) {
      if (p !== k) {
        for (let c = off; c < end; c += lda) {
          const x = a[c + k];
          a[c + k] = a[c + p], a[c + p] = x;
        }
      }
      if (Math.abs(piv) >= SFMIN) {
        const r = 1 / piv;
        for (let i = ck + k + 1; i < ck + m; i++) a[i] *= r;
      } else {
        for (let i = ck + k + 1; i < ck + m; i++) a[i] /= piv;
      }
    } else if (info === 0) {
      info = k + 1;
    }
    for (let cj = ck + lda; cj < end; cj += lda) {
      const x = a[cj + k];
      if (x === 0) continue;
      for (let i = k + 1, u = ck + k + 1; i < m; i++, u++) a[cj + i] -= x * a[u];
    }
  }
  return info;
}

/**
 * Applies the interchanges `ipiv[k0..k1)` (1-based global rows; the block's first row is global
 * row `row0`) to the `cols` columns of the block at `b[off]`, forward or in reverse.
 */
function swapRows(
  k0: number,
  k1: number,
  cols: number,
  ipiv: Int32Array,
  row0: number,
  b: Float64Array,
  off: number,
  ldb: number,
  forward: boolean,
): void {
  for (let c = off; c < off + cols * ldb; c += ldb) {
    for (let s = k0; s < k1; s++) {
      const k = forward ? s : k0 + k1 - 1 - s, p = ipiv[k] - 1;
      if (p === k) continue;
      const x = b[c + k - row0];
      b[c + k - row0] = b[c + p - row0], b[c + p - row0] = x;
    }
  }
}

/**
 * B := L⁻¹·B for the unit lower triangular n×n L at `a[offL]` and the n×nrhs B at `b[offB]`:
 * recursively in halves joined by a {@link tsSubMul} product (when `recurse`), with the
 * column-oriented solve, four right-hand sides at a time, on blocks of at most {@link LEAF} rows.
 */
function trsmLowerUnit(
  n: number,
  nrhs: number,
  a: Float64Array,
  offL: number,
  lda: number,
  b: Float64Array,
  offB: number,
  ldb: number,
  recurse: boolean,
): void {
  if (recurse && n > LEAF) {
    const n1 = n >> 1;
    trsmLowerUnit(n1, nrhs, a, offL, lda, b, offB, ldb, true);
    tsSubMul(n - n1, nrhs, n1, a, offL + n1, 1, lda, b, offB, 1, ldb, b, offB + n1, ldb, false);
    trsmLowerUnit(n - n1, nrhs, a, offL + n1 + n1 * lda, lda, b, offB + n1, ldb, true);
    return;
  }
  const end = offB + nrhs * ldb;
  let c = offB;
  for (; c + 3 * ldb < end; c += 4 * ldb) {
    const c1 = c + ldb, c2 = c1 + ldb, c3 = c2 + ldb;
    for (let k = 0; k < n; k++) {
      const x0 = b[c + k], x1 = b[c1 + k], x2 = b[c2 + k], x3 = b[c3 + k];
      for (let i = k + 1, l = offL + k * lda + k + 1; i < n; i++, l++) {
        const v = a[l];
        b[c + i] -= x0 * v, b[c1 + i] -= x1 * v, b[c2 + i] -= x2 * v, b[c3 + i] -= x3 * v;
      }
    }
  }
  for (; c < end; c += ldb) {
    for (let k = 0; k < n; k++) {
      const x = b[c + k];
      if (x === 0) continue;
      for (let i = k + 1, l = offL + k * lda + k + 1; i < n; i++, l++) b[c + i] -= x * a[l];
    }
  }
}

/**
 * Real getrs: blocked triangular solves whose off-diagonal updates are {@link tsSubMul}
 * products; with fewer than 4 right-hand sides the whole triangle is one block.
 */
function getrsReal(
  trans: Trans,
  n: number,
  nrhs: number,
  a: Float64Array,
  lda: number,
  ipiv: Int32Array,
  b: Float64Array,
  ldb: number,
): void {
  const nb = nrhs < 4 ? n : NB, end = nrhs * ldb;
  if (trans === "N") {
    swapRows(0, n, nrhs, ipiv, 0, b, 0, ldb, true);
    trsmLowerUnit(n, nrhs, a, 0, lda, b, 0, ldb, nrhs >= 4);
    for (let j1 = n; j1 > 0; j1 -= nb) { // U·X = Y, backward
      const j0 = Math.max(0, j1 - nb);
      for (let c = 0; c < end; c += ldb) {
        for (let k = j1 - 1; k >= j0; k--) {
          const ck = k * lda, x = (b[c + k] /= a[ck + k]);
          if (x !== 0) { for (let i = j0; i < k; i++) b[c + i] -= x * a[ck + i]; }
        }
      }
      tsSubMul(j0, nrhs, j1 - j0, a, j0 * lda, 1, lda, b, j0, 1, ldb, b, 0, ldb, false);
    }
    return;
  }
  for (let j0 = 0; j0 < n; j0 += nb) { // Uᵀ·Y = B, forward
    const j1 = Math.min(n, j0 + nb);
    for (let c = 0; c < end; c += ldb) {
      for (let k = j0; k < j1; k++) {
        const ck = k * lda;
        let s = b[c + k];
        for (let i = j0; i < k; i++) s -= a[ck + i] * b[c + i];
        b[c + k] = s / a[ck + k];
      }
    }
    tsSubMul(n - j1, nrhs, j1 - j0, a, j0 + j1 * lda, lda, 1, b, j0, 1, ldb, b, j1, ldb, false);
  }
  for (let j1 = n; j1 > 0; j1 -= nb) { // Lᵀ·X = Y, backward, unit diagonal
    const j0 = Math.max(0, j1 - nb);
    for (let c = 0; c < end; c += ldb) {
      for (let k = j1 - 1; k >= j0; k--) {
        const ck = k * lda;
        let s = b[c + k];
        for (let i = k + 1; i < j1; i++) s -= a[ck + i] * b[c + i];
        b[c + k] = s;
      }
    }
    tsSubMul(j0, nrhs, j1 - j0, a, j0, lda, 1, b, j0, 1, ldb, b, 0, ldb, false);
  }
  swapRows(0, n, nrhs, ipiv, 0, b, 0, ldb, false);
}
