/**
 * The float64 SVD driver of the TS backend (shared by `gesdd` and `gelsd`): scaling, the
 * transpose of wide matrices, the QR of tall ones, bidiagonalization, the bidiagonal QR and
 * the formation of U and V. See `ts_svd.ts` for the method.
 *
 * @module
 */

import type { FloatBuffer } from "./types.ts";
import { bidiagonalQr } from "./_svd_bidiag_qr.ts";
import {
  applyReflectorsReal,
  bidiagReal,
  formQReal,
  qrReal,
  qTailReal,
} from "./_svd_householder_real.ts";
import {
  applyReflectorsComplex,
  bidiagComplex,
  formQComplex,
  qrComplex,
  qTailComplex,
} from "./_svd_householder_complex.ts";

/** Tall matrices with m ≥ QR_RATIO·n get a QR factorization first. */
const QR_RATIO = 1.6;

/** The result of {@link svdCore}: column-major float64 (interleaved for complex) factors. */
export interface SvdCore {
  /** LAPACK-style info: 0 or the number of superdiagonals that did not converge. */
  info: number;
  /** min(m, n) singular values, descending. */
  s: Float64Array;
  /** U (m × uCols, leading dimension m) or null for values only. */
  u: Float64Array | null;
  /** Columns of `u`: m for job "A", min(m, n) for "S". */
  uCols: number;
  /** V — not Vᴴ — (n × vCols, leading dimension n) or null for values only. */
  v: Float64Array | null;
  /** Columns of `v`: n for job "A", min(m, n) for "S". */
  vCols: number;
}

/** SVD through bidiagonalization of the m×n (m ≥ n ≥ 1) `a`; U gets `uCols` columns. */
function svdBidiag(
  cx: boolean,
  wantVectors: boolean,
  m: number,
  n: number,
  uCols: number,
  a: Float64Array,
): SvdCore {
  const w = cx ? 2 : 1;
  const d = new Float64Array(n), e = new Float64Array(Math.max(n - 1, 0));
  const tauq = new Float64Array(w * n), taup = new Float64Array(w * n);
  const p = new Float64Array(w * n * n);
  if (cx) bidiagComplex(m, n, a, d, e, tauq, taup, p);
  else bidiagReal(m, n, a, d, e, tauq, taup, p);
  let u: Float64Array | null = null, v: Float64Array | null = null;
  if (wantVectors) {
    u = cx ? formQComplex(m, uCols, n, a, m, 0, tauq) : formQReal(m, uCols, n, a, m, 0, tauq);
    v = cx ? formQComplex(n, n, n - 1, p, n, 1, taup) : formQReal(n, n, n - 1, p, n, 1, taup);
  }
  const info = bidiagonalQr(n, d, e, u, w * m, w * m, v, w * n, w * n);
  return { info, s: d, u, uCols: wantVectors ? uCols : 0, v, vCols: wantVectors ? n : 0 };
}

/** SVD of the m×n (m ≥ n ≥ 1) `a`, with a QR first when the matrix is tall. */
function svdTall(
  cx: boolean,
  job: "A" | "S" | "N",
  m: number,
  n: number,
  a: Float64Array,
): SvdCore {
  const uCols = job === "A" ? m : n, want = job !== "N";
  if (m < QR_RATIO * n || n === 1) return svdBidiag(cx, want, m, n, uCols, a);
  const w = cx ? 2 : 1;
  const tau = new Float64Array(w * n), rd = new Float64Array(n);
  if (cx) qrComplex(m, n, a, tau, rd);
  else qrReal(m, n, a, tau, rd);
  // R (n×n upper triangular) in its own buffer.
  const r = new Float64Array(w * n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < j * w; i++) r[j * n * w + i] = a[j * m * w + i];
    r[(j * n + j) * w] = rd[j];
  }
  const core = svdBidiag(cx, want, n, n, n, r);
  if (!want) return core;
  // U = Q·[U_R 0; 0 I].
  const ur = core.u!, u = new Float64Array(w * m * uCols);
  for (let j = 0; j < n; j++) u.set(ur.subarray(j * n * w, (j + 1) * n * w), j * m * w);
  if (cx) applyReflectorsComplex(m, n, n, a, m, 0, tau, u, false);
  else applyReflectorsReal(m, n, n, a, m, 0, tau, u, false);
  if (uCols > n) {
    if (cx) qTailComplex(m, n, a, tau, u);
    else qTailReal(m, n, a, tau, u);
  }
  return { info: core.info, s: core.s, u, uCols, v: core.v, vCols: n };
}

/**
 * SVD of the column-major m×n float64 (interleaved complex when `cx`) `a` with leading
 * dimension m (destroyed; m, n ≥ 1). Returns U and V (not Vᴴ) as column-major float64 factors.
 */
export function svdCore(
  cx: boolean,
  job: "A" | "S" | "N",
  m: number,
  n: number,
  a: Float64Array,
): SvdCore {
  // Scale into a safe range by a power of two (exact), and reject non-finite input.
  let amax = 0;
  for (let i = 0; i < a.length; i++) {
    const t = Math.abs(a[i]);
    if (t > amax || t !== t) amax = t; // NaN sticks
  }
  const k = Math.min(m, n);
  if (!Number.isFinite(amax)) {
    return { info: k, s: new Float64Array(k).fill(NaN), u: null, uCols: 0, v: null, vCols: 0 };
  }
  // Exact power-of-two factors, in two halves so that subnormal inputs do not overflow them.
  let e1 = 0, e2 = 0;
  if (amax !== 0 && (amax > 2 ** 400 || amax < 2 ** -400)) {
    const ex = -Math.round(Math.log2(amax));
    e1 = Math.trunc(ex / 2), e2 = ex - e1;
    const f1 = 2 ** e1, f2 = 2 ** e2;
    for (let i = 0; i < a.length; i++) a[i] = (a[i] * f1) * f2;
  }
  let res: SvdCore;
  if (m >= n) res = svdTall(cx, job, m, n, a);
  else {
    // A = V'·S·U'ᴴ from the SVD U'·S·V'ᴴ of Aᴴ.
    const w = cx ? 2 : 1, t = new Float64Array(a.length);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) {
        t[(i * n + j) * w] = a[(j * m + i) * w];
        if (cx) t[(i * n + j) * 2 + 1] = -a[(j * m + i) * 2 + 1];
      }
    }
    const r = svdTall(cx, job, n, m, t);
    res = { info: r.info, s: r.s, u: r.v, uCols: r.vCols, v: r.u, vCols: r.uCols };
  }
  if (e1 !== 0 || e2 !== 0) {
    const f1 = 2 ** -e1, f2 = 2 ** -e2;
    for (let i = 0; i < k; i++) res.s[i] = (res.s[i] * f1) * f2;
  }
  return res;
}

/** Copies the m×n column-major `a` (leading dimension lda, any dtype) into float64 scratch. */
export function toScratch(
  cx: boolean,
  m: number,
  n: number,
  a: FloatBuffer,
  lda: number,
): Float64Array {
  const w = cx ? 2 : 1, out = new Float64Array(w * m * n);
  for (let j = 0; j < n; j++) {
    const src = j * lda * w;
    for (let i = 0; i < m * w; i++) out[j * m * w + i] = a[src + i];
  }
  return out;
}
