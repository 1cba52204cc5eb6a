/**
 * The SVDs behind PCA, on row-major float64 matrices through nd's linear-algebra backend
 * (LAPACK `gesdd`, `getrf`, `geqrf`/`orgqr` and BLAS `gemm` when the system library loads,
 * nd's TypeScript routines otherwise):
 *
 * - {@linkcode thinSvd}: `scipy.linalg.svd(a, full_matrices=False)`;
 * - {@linkcode randomizedSvd}: scikit-learn 1.2's `randomized_svd` (Halko, Martinsson and
 *   Tropp's range finder with LU-normalized power iterations), same random matrix (a legacy
 *   RandomState's `normal`), same steps;
 * - {@linkcode svdFlip}: scikit-learn's `svd_flip` sign convention.
 *
 * A row-major r×c matrix is a column-major c×r one: LAPACK sees the transposes, so the factors
 * come back already in row-major order with no copies.
 *
 * @module
 */

import { getBackend } from "../backend/mod.ts";
import { LinAlgError } from "../linalg/errors.ts";
import type { RandomState } from "../random/random_state.ts";

/** Row-major thin SVD factors: u (r×k), s (k), vt (k×c), k = min(r, c). */
export interface Svd {
  u: Float64Array;
  s: Float64Array;
  vt: Float64Array;
  k: number;
}

/** The thin SVD of the row-major r×c `a` (destroyed). */
export function thinSvd(a: Float64Array, r: number, c: number, where: string): Svd {
  const k = Math.min(r, c);
  const s = new Float64Array(k), uT = new Float64Array(c * k), vtT = new Float64Array(k * r);
  // LAPACK factors aᵀ (c×r, column-major = a row-major): aᵀ = U' S V'ᵀ, so a = V' S U'ᵀ
  const info = getBackend().gesdd("float64", "S", c, r, a, c, s, uT, c, vtT, k);
  if (info > 0) throw new LinAlgError(`${where}: SVD did not converge`, 0, info);
  // V' (r×k) column-major k×r = row-major r×k; U'ᵀ (k×c) row-major = U' column-major
  return { u: vtT, s, vt: uT, k };
}

/**
 * scikit-learn's `svd_flip`: each singular pair's sign makes the largest-magnitude entry of
 * its column of u positive (`uBased`), or of its row of vt.
 */
export function svdFlip(
  u: Float64Array,
  vt: Float64Array,
  rows: number,
  cols: number,
  k: number,
  uBased: boolean,
): void {
  for (let i = 0; i < k; i++) {
    let best = 0, val = 0;
    if (uBased) {
      for (let r = 0; r < rows; r++) {
        const v = Math.abs(u[r * k + i]);
        if (v > best || r === 0) [best, val] = [v, u[r * k + i]];
      }
    } else {
      for (let c = 0; c < cols; c++) {
        const v = Math.abs(vt[i * cols + c]);
        if (v > best || c === 0) [best, val] = [v, vt[i * cols + c]];
      }
    }
    const sign = Math.sign(val);
    if (sign === 1) continue;
    for (let r = 0; r < rows; r++) u[r * k + i] *= sign;
    for (let c = 0; c < cols; c++) vt[i * cols + c] *= sign;
  }
}

/**
 * `scipy.linalg.lu(y, permute_l=True)[0]` of the column-major r×l `y`, in place: the unit lower
 * trapezoidal L with the row interchanges of `getrf` undone (P·L). It has min(r, l) columns:
 * the first ones of the buffer. Returns that width.
 */
function luPermuteL(y: Float64Array, r: number, l: number, where: string): number {
  const w = Math.min(r, l);
  const ipiv = new Int32Array(w);
  const info = getBackend().getrf("float64", r, l, y, r, ipiv);
  if (info < 0) throw new LinAlgError(`${where}: LU failed`, 0, info);
  for (let j = 0; j < w; j++) {
    const col = j * r;
    for (let i = 0; i < j; i++) y[col + i] = 0;
    y[col + j] = 1;
  }
  for (let i = w - 1; i >= 0; i--) {
    const p = ipiv[i] - 1;
    if (p === i) continue;
    for (let j = 0; j < w; j++) {
      const a = j * r + i, b = j * r + p;
      const t = y[a];
      y[a] = y[b];
      y[b] = t;
    }
  }
  return w;
}

/**
 * The Q of the economic QR of the column-major r×l `y`, in place: min(r, l) orthonormal
 * columns, the first ones of the buffer. Returns that width.
 */
function qrQ(y: Float64Array, r: number, l: number): number {
  const be = getBackend();
  const w = Math.min(r, l);
  const tau = new Float64Array(w);
  be.geqrf("float64", r, l, y, r, tau);
  be.orgqr("float64", r, w, w, y, r, tau);
  return w;
}

/** Normalizes the column-major r×w `y` in place; returns its new width. */
function normalize(
  y: Float64Array,
  r: number,
  w: number,
  how: "LU" | "QR" | "none",
  where: string,
): number {
  if (how === "LU") return luPermuteL(y, r, w, where);
  if (how === "QR") return qrQ(y, r, w);
  return w;
}

/** Options of {@linkcode randomizedSvd} (scikit-learn's, resolved). */
export interface RandomizedOpts {
  nComponents: number;
  nOversamples: number;
  nIter: number;
  normalizer: "LU" | "QR" | "none";
  random: RandomState;
}

/**
 * scikit-learn's `randomized_svd(m, n_components, flip_sign=True, transpose="auto")` of the
 * row-major r×c `m` (not modified): u (r×nComponents), s, vt (nComponents×c).
 */
export function randomizedSvd(
  m: Float64Array,
  r: number,
  c: number,
  o: RandomizedOpts,
  where: string,
): Svd {
  const transpose = r < c;
  let M = m, R = r, C = c;
  if (transpose) {
    M = new Float64Array(r * c);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) M[j * r + i] = m[i * c + j];
    R = c;
    C = r;
  }
  const l = o.nComponents + o.nOversamples;
  const be = getBackend();
  // Q = random_state.normal(size=(C, l)), kept as Qᵀ (row-major w×C = column-major C×w); LU
  // and QR of a matrix with fewer rows than columns keep min(rows, columns) of them
  const g = o.random.normal(0, 1, { size: [C, l] }).data as Float64Array;
  let w = l;
  let qt = new Float64Array(w * C);
  for (let i = 0; i < C; i++) for (let j = 0; j < l; j++) qt[j * C + i] = g[i * l + j];
  // (M·Q)ᵀ: row-major w×R = column-major R×w
  const mq = (): Float64Array => {
    const y = new Float64Array(w * R);
    be.gemm("float64", "N", "T", w, R, C, 1, qt, 0, C, M, 0, C, 0, y, 0, R);
    return y;
  };
  for (let it = 0; it < o.nIter; it++) {
    const y = mq();
    w = normalize(y, R, w, o.normalizer, where);
    // (Mᵀ·Y)ᵀ = Yᵀ·M: row-major w×C = column-major C×w
    const z = new Float64Array(w * C);
    be.gemm("float64", "N", "N", w, C, R, 1, y, 0, R, M, 0, C, 0, z, 0, C);
    w = normalize(z, C, w, o.normalizer, where);
    qt = z;
  }
  const y = mq();
  w = qrQ(y, R, w); // Q: column-major R×w = row-major w×R (Qᵀ)
  const b = new Float64Array(w * C); // B = Qᵀ·M, row-major w×C
  be.gemm("float64", "N", "N", w, C, R, 1, y, 0, R, M, 0, C, 0, b, 0, C);
  const svd = thinSvd(b, w, C, where); // uhat (w×k), s, vt (k×C)
  const k = svd.k;
  const u = new Float64Array(R * k); // U = Q·Uhat
  be.gemm("float64", "T", "N", R, k, w, 1, y, 0, R, svd.u, 0, k, 0, u, 0, k);
  svdFlip(u, svd.vt, R, C, k, !transpose);
  const n = o.nComponents;
  const s = svd.s.slice(0, n);
  if (!transpose) {
    return { u: takeCols(u, R, k, n), s, vt: svd.vt.slice(0, n * C), k: n };
  }
  // m = Mᵀ: its u is vtᵀ and its vt is uᵀ
  const uOut = new Float64Array(r * n), vtOut = new Float64Array(n * c);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < C; j++) uOut[j * n + i] = svd.vt[i * C + j];
    for (let j = 0; j < R; j++) vtOut[i * c + j] = u[j * k + i];
  }
  return { u: uOut, s, vt: vtOut, k: n };
}

/** The first `n` columns of the row-major rows×k `a`. */
export function takeCols(a: Float64Array, rows: number, k: number, n: number): Float64Array {
  if (n === k) return a;
  const out = new Float64Array(rows * n);
  for (let i = 0; i < rows; i++) out.set(a.subarray(i * k, i * k + n), i * n);
  return out;
}
