/**
 * Complex LU with partial pivoting and its solve on interleaved (re, im) float64 data, for the
 * TS backend's `getrf`/`getrs`: the unblocked algorithm of LAPACK's `zgetf2`, pivoting on
 * |re| + |im| as `izamax` does, and column-oriented triangular solves.
 *
 * @module
 */

import type { Trans } from "./types.ts";

/** The smallest x with 1/x finite (LAPACK `dlamch("S")`): below it, divide instead of scaling. */
const SFMIN = 2.2250738585072014e-308;

/** Unblocked complex LU (`zgetf2`) on interleaved data; returns LAPACK's info. */
export function getrfComplex(
  m: number,
  n: number,
  a: Float64Array,
  lda: number,
  ipiv: Int32Array,
): number {
  const mn = Math.min(m, n), ld = 2 * lda;
  let info = 0;
  for (let k = 0; k < mn; k++) {
    const ck = k * ld;
    let p = k, big = Math.abs(a[ck + 2 * k]) + Math.abs(a[ck + 2 * k + 1]);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(a[ck + 2 * i]) + Math.abs(a[ck + 2 * i + 1]);
      if (v > big) big = v, p = i;
    }
    ipiv[k] = p + 1;
    const pr = a[ck + 2 * p], pi = a[ck + 2 * p + 1];
    if (pr !== 0 || pi !== 0) {
      if (p !== k) {
        for (let c = 0; c < n * ld; c += ld) {
          const xr = a[c + 2 * k], xi = a[c + 2 * k + 1];
          a[c + 2 * k] = a[c + 2 * p], a[c + 2 * k + 1] = a[c + 2 * p + 1];
          a[c + 2 * p] = xr, a[c + 2 * p + 1] = xi;
        }
      }
      if (Math.hypot(pr, pi) >= SFMIN) {
        const [rr, ri] = cdiv(1, 0, pr, pi);
        for (let i = ck + 2 * k + 2; i < ck + 2 * m; i += 2) {
          const xr = a[i], xi = a[i + 1];
          a[i] = xr * rr - xi * ri, a[i + 1] = xr * ri + xi * rr;
        }
      } else {
        for (let i = ck + 2 * k + 2; i < ck + 2 * m; i += 2) {
          const [qr, qi] = cdiv(a[i], a[i + 1], pr, pi);
          a[i] = qr, a[i + 1] = qi;
        }
      }
    } else if (info === 0) {
      info = k + 1;
    }
    for (let cj = (k + 1) * ld; cj < n * ld; cj += ld) {
      const xr = a[cj + 2 * k], xi = a[cj + 2 * k + 1];
      if (xr === 0 && xi === 0) continue;
      for (let i = 2 * k + 2; i < 2 * m; i += 2) {
        const lr = a[ck + i], li = a[ck + i + 1];
        a[cj + i] -= xr * lr - xi * li, a[cj + i + 1] -= xr * li + xi * lr;
      }
    }
  }
  return info;
}

/** Complex division (ar + i·ai)/(br + i·bi) by Smith's method. */
function cdiv(ar: number, ai: number, br: number, bi: number): [number, number] {
  if (Math.abs(br) >= Math.abs(bi)) {
    const r = bi / br, d = br + bi * r;
    return [(ar + ai * r) / d, (ai - ar * r) / d];
  }
  const r = br / bi, d = bi + br * r;
  return [(ar * r + ai) / d, (ai * r - ar) / d];
}

/** Complex getrs on interleaved data (column-oriented triangular solves). */
export function getrsComplex(
  trans: Trans,
  n: number,
  nrhs: number,
  a: Float64Array,
  lda: number,
  ipiv: Int32Array,
  b: Float64Array,
  ldb: number,
): void {
  const ld = 2 * lda, end = 2 * nrhs * ldb;
  if (trans === "N") {
    swapRowsComplex(n, nrhs, ipiv, b, ldb, true);
    for (let c = 0; c < end; c += 2 * ldb) {
      for (let k = 0; k < n; k++) { // L·Y = B
        const xr = b[c + 2 * k], xi = b[c + 2 * k + 1], ck = k * ld;
        for (let i = 2 * k + 2; i < 2 * n; i += 2) {
          const lr = a[ck + i], li = a[ck + i + 1];
          b[c + i] -= xr * lr - xi * li, b[c + i + 1] -= xr * li + xi * lr;
        }
      }
      for (let k = n - 1; k >= 0; k--) { // U·X = Y
        const ck = k * ld;
        const [xr, xi] = cdiv(b[c + 2 * k], b[c + 2 * k + 1], a[ck + 2 * k], a[ck + 2 * k + 1]);
        b[c + 2 * k] = xr, b[c + 2 * k + 1] = xi;
        for (let i = 0; i < 2 * k; i += 2) {
          const ur = a[ck + i], ui = a[ck + i + 1];
          b[c + i] -= xr * ur - xi * ui, b[c + i + 1] -= xr * ui + xi * ur;
        }
      }
    }
    return;
  }
  const cs = trans === "C" ? -1 : 1; // sign of the imaginary part of op(A)'s entries
  for (let c = 0; c < end; c += 2 * ldb) {
    for (let k = 0; k < n; k++) { // op(U)·Y = B with op(U) lower
      const ck = k * ld;
      let sr = b[c + 2 * k], si = b[c + 2 * k + 1];
      for (let i = 0; i < 2 * k; i += 2) {
        const ur = a[ck + i], ui = cs * a[ck + i + 1], yr = b[c + i], yi = b[c + i + 1];
        sr -= ur * yr - ui * yi, si -= ur * yi + ui * yr;
      }
      const [xr, xi] = cdiv(sr, si, a[ck + 2 * k], cs * a[ck + 2 * k + 1]);
      b[c + 2 * k] = xr, b[c + 2 * k + 1] = xi;
    }
    for (let k = n - 1; k >= 0; k--) { // op(L)·X = Y with op(L) unit upper
      const ck = k * ld;
      let sr = b[c + 2 * k], si = b[c + 2 * k + 1];
      for (let i = 2 * k + 2; i < 2 * n; i += 2) {
        const lr = a[ck + i], li = cs * a[ck + i + 1], yr = b[c + i], yi = b[c + i + 1];
        sr -= lr * yr - li * yi, si -= lr * yi + li * yr;
      }
      b[c + 2 * k] = sr, b[c + 2 * k + 1] = si;
    }
  }
  swapRowsComplex(n, nrhs, ipiv, b, ldb, false);
}

/**
 * Applies the interchanges `ipiv[0..n)` to the rows of the interleaved n×nrhs `b`, forward or
 * in reverse (the complex counterpart of `swapRows` in `ts_lu.ts`).
 */
function swapRowsComplex(
  n: number,
  nrhs: number,
  ipiv: Int32Array,
  b: Float64Array,
  ldb: number,
  forward: boolean,
): void {
  for (let c = 0; c < 2 * nrhs * ldb; c += 2 * ldb) {
    for (let s = 0; s < n; s++) {
      const k = forward ? s : n - 1 - s, p = ipiv[k] - 1;
      if (p === k) continue;
      const xr = b[c + 2 * k], xi = b[c + 2 * k + 1];
      b[c + 2 * k] = b[c + 2 * p], b[c + 2 * k + 1] = b[c + 2 * p + 1];
      b[c + 2 * p] = xr, b[c + 2 * p + 1] = xi;
    }
  }
}
