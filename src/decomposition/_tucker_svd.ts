/**
 * Internal: leading singular vectors of matrices and tensor unfoldings for the Tucker family,
 * the tensor train/ring and PARAFAC2 — by LAPACK's SVD ("truncated_svd", TensorLy's default)
 * or by the eigendecomposition of the smaller Gram matrix ("symeig_svd"), with TensorLy's sign
 * convention (`svd_flip`: the largest entry of each left vector in absolute value is positive)
 * and its NNDSVDA non-negative variant.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { copy } from "../core/copy.ts";
import { matmul } from "../linalg/matmul.ts";
import { svd } from "../linalg/svd.ts";
import { eigh } from "../linalg/eigh.ts";
import { qr } from "../linalg/qr.ts";
import { flat, type FloatDType, fromData, unfoldCopy, unfoldingGram } from "./_tucker_ops.ts";

/**
 * How leading singular vectors are computed: `"truncated_svd"` (the SVD of the matrix with
 * thin factors) or `"symeig_svd"` (the eigenvectors of the smaller of `MMᵀ` and `MᵀM`: much
 * faster on the wide unfoldings of tensors, at the cost of squaring the matrix's condition
 * number, which only the smallest kept singular values feel).
 */
export type SvdMethod = "truncated_svd" | "symeig_svd";

/** Checks an `svd` option. */
export function checkSvd(v: unknown, where: string, dflt: SvdMethod): SvdMethod {
  if (v === undefined) return dflt;
  if (v !== "truncated_svd" && v !== "symeig_svd") {
    throw new RangeError(
      `${where}: svd must be "truncated_svd" or "symeig_svd", got ${JSON.stringify(v)}`,
    );
  }
  return v;
}

/** The r leading left singular vectors (m × r, sign-fixed) and singular values. */
export interface Leading {
  U: NDArray;
  S: Float64Array;
}

/** Flips each column of the m × r C-contiguous `u` so that its largest |entry| is positive. */
function flipColumns(u: Float64Array | Float32Array, m: number, r: number): Int8Array {
  const signs = new Int8Array(r);
  for (let j = 0; j < r; j++) {
    let best = -1, at = 0;
    for (let i = 0; i < m; i++) {
      const a = Math.abs(u[i * r + j]);
      if (a > best) best = a, at = i;
    }
    signs[j] = u[at * r + j] < 0 ? -1 : 1;
    if (signs[j] < 0) { for (let i = 0; i < m; i++) u[i * r + j] = -u[i * r + j]; }
  }
  return signs;
}

/** The first r columns of the m × c matrix `a`, in reverse order when `reverse`, as a copy. */
function takeColumns(
  a: NDArray,
  r: number,
  dtype: FloatDType,
  reverse: boolean,
): Float64Array | Float32Array {
  const [m, c] = a.shape;
  const src = a.data as Float64Array, so = a.offset, rs = a.strides[0], cs = a.strides[1];
  const out = dtype === "float32" ? new Float32Array(m * r) : new Float64Array(m * r);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < r; j++) {
      const col = reverse ? c - 1 - j : j;
      out[i * r + j] = src[so + i * rs + col * cs];
    }
  }
  return out;
}

/** Leading vectors from a symmetric Gram matrix (eigh in float64, largest first). */
function fromGram(g: NDArray, r: number, dtype: FloatDType): Leading {
  const { eigenvalues, eigenvectors } = eigh(g.dtype === "float64" ? g : copy(g, "float64"));
  const n = g.shape[0];
  const w = eigenvalues.data as Float64Array;
  const S = new Float64Array(r);
  for (let j = 0; j < r; j++) S[j] = Math.sqrt(Math.max(w[n - 1 - j], 0));
  const u = takeColumns(eigenvectors, r, dtype, true);
  flipColumns(u, n, r);
  return { U: fromData(dtype, u, [n, r]), S };
}

/**
 * The r leading left singular vectors and values of the matrix `m` (r ≤ rows), by `method`.
 * With "symeig_svd" and a tall matrix, the right vectors come from `MᵀM` and the left ones
 * from a QR of `M V` (orthonormal even where singular values vanish).
 */
export function leadingSvd(m: NDArray, r: number, method: SvdMethod): Leading {
  const [rows, cols] = m.shape;
  const dtype = m.dtype as FloatDType;
  if (method === "symeig_svd" && rows <= cols) return fromGram(matmul(m, m.T), r, dtype);
  if (method === "symeig_svd" && r <= cols) {
    const right = fromGram(matmul(m.T, m), r, dtype);
    const q = qr(matmul(m, right.U)).Q;
    const u = takeColumns(q, r, dtype, false);
    flipColumns(u, rows, r);
    return { U: fromData(dtype, u, [rows, r]), S: right.S };
  }
  const res = svd(m, { fullMatrices: r > Math.min(rows, cols) });
  const u = takeColumns(res.U, r, dtype, false);
  flipColumns(u, rows, r);
  const s = res.S.data as Float64Array | Float32Array;
  const S = new Float64Array(r);
  for (let j = 0; j < r && j < s.length; j++) S[j] = s[j];
  return { U: fromData(dtype, u, [rows, r]), S };
}

/**
 * The r leading left singular vectors of the mode-`mode` unfolding of the C-contiguous tensor
 * `x`. With "symeig_svd" and a wide unfolding, the Gram matrix is accumulated from the tensor
 * itself (no unfolding is formed).
 */
export function leadingOfUnfolding(
  x: NDArray,
  mode: number,
  r: number,
  method: SvdMethod,
): Leading {
  const n = x.shape[mode], rest = x.size / n;
  if (method === "symeig_svd" && n <= rest) {
    return fromGram(unfoldingGram(x, mode), r, x.dtype as FloatDType);
  }
  return leadingSvd(unfoldCopy(x, mode), r, method);
}

/**
 * TensorLy's NNDSVDA (`make_svd_non_negative` with nntype "nndsvda"): non-negative left factors
 * from a sign-fixed truncated SVD `U, S` of `m`, entries below the dtype's epsilon replaced by
 * `fill` (the mean of the tensor).
 */
export function nndsvda(m: NDArray, lead: Leading, fill: number): NDArray {
  const { U, S } = lead;
  const [rows, r] = U.shape;
  const cols = m.shape[1];
  const dtype = U.dtype as FloatDType;
  // Right vectors Vh = diag(1/S) Uᵀ M (r × cols).
  const vh = flat(matmul(U.T, m).reshape([r, cols]).copy());
  const u = flat(U);
  const w = new Float64Array(rows * r);
  for (let j = 0; j < r; j++) {
    const inv = S[j] > 0 ? 1 / S[j] : 0;
    if (j === 0) {
      const s = Math.sqrt(S[0]);
      for (let i = 0; i < rows; i++) w[i * r] = s * Math.abs(u[i * r]);
      continue;
    }
    let xp = 0, xn = 0, yp = 0, yn = 0;
    for (let i = 0; i < rows; i++) {
      const v = u[i * r + j];
      if (v > 0) xp += v * v;
      else xn += v * v;
    }
    for (let k = 0; k < cols; k++) {
      const v = vh[j * cols + k] * inv;
      if (v > 0) yp += v * v;
      else yn += v * v;
    }
    xp = Math.sqrt(xp), xn = Math.sqrt(xn), yp = Math.sqrt(yp), yn = Math.sqrt(yn);
    const pos = xp * yp > xn * yn;
    const nrm = pos ? xp : xn, sigma = pos ? xp * yp : xn * yn;
    const lbd = Math.sqrt(S[j] * sigma);
    for (let i = 0; i < rows; i++) {
      const v = u[i * r + j];
      const part = pos ? Math.max(v, 0) : Math.max(-v, 0);
      w[i * r + j] = nrm > 0 ? lbd * part / nrm : 0;
    }
  }
  const eps = dtype === "float32" ? 2 ** -23 : 2 ** -52;
  const out = dtype === "float32" ? new Float32Array(rows * r) : new Float64Array(rows * r);
  for (let i = 0; i < w.length; i++) out[i] = w[i] < eps ? fill : w[i];
  return fromData(dtype, out, [rows, r]);
}
