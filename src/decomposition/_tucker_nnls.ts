/**
 * Internal: the non-negative least-squares solvers of `nonNegativeTuckerHals`, after TensorLy's
 * `hals_nnls` (exact block-coordinate descent on the rows of V) and `fista` (accelerated
 * projected gradient on the core, with the Gram matrices of every mode).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { flat, type FloatDType, fromData } from "./_tucker_ops.ts";

/** Options of {@link halsNnls}. */
export interface HalsOpts {
  nIterMax: number;
  tol: number;
  /** Subtracted from every numerator (an l1 penalty), or null. */
  sparsity: number | null;
  /** Solve to high precision (50000 sweeps, tol 1e-16) instead of `nIterMax`. */
  exact: boolean;
}

/**
 * Approximately solves min_{V ≥ 0} ‖M − UV‖² from `utm` = UᵀM (r × n) and `utu` = UᵀU (r × r),
 * starting from `v0` (r × n): rows of V are updated in turn,
 * `V[k] ← max(0, (UᵀM[k] − UᵀU[k]·V + UᵀU[kk]·V[k]) / UᵀU[kk])`, until the squared update of a
 * sweep falls below `tol` times that of the first. Returns a fresh r × n array.
 */
export function halsNnls(utm: NDArray, utu: NDArray, v0: NDArray, o: HalsOpts): NDArray {
  const [r, n] = utm.shape;
  const m = flat(utm), g = flat(utu);
  const src = flat(v0);
  const v = new (src.constructor as Float64ArrayConstructor)(src.length);
  v.set(src);
  const nIter = o.exact ? 50000 : o.nIterMax, tol = o.exact ? 1e-16 : o.tol;
  const row = new Float64Array(n);
  let first = 0;
  for (let it = 0; it < nIter; it++) {
    let delta = 0;
    for (let k = 0; k < r; k++) {
      const d = g[k * r + k];
      if (d === 0) continue;
      for (let j = 0; j < n; j++) row[j] = m[k * n + j];
      for (let l = 0; l < r; l++) {
        const c = g[k * r + l];
        if (l === k || c === 0) continue;
        const off = l * n;
        for (let j = 0; j < n; j++) row[j] -= c * v[off + j];
      }
      const sp = o.sparsity ?? 0, off = k * n;
      for (let j = 0; j < n; j++) {
        const nv = Math.max((row[j] - sp) / d, 0);
        const diff = v[off + j] - nv;
        delta += diff * diff;
        v[off + j] = nv;
      }
    }
    if (it === 0) first = delta;
    if (delta < tol * first || delta === 0) break;
  }
  return fromData(utm.dtype as FloatDType, v, [r, n]);
}

/** Options of {@link fista}. */
export interface FistaOpts {
  nIterMax: number;
  /** The step size. */
  lr: number;
  /** Added to the gradient (an l1 penalty), default 0. */
  sparsity: number;
  tol: number;
  /** The lower bound of every entry (TensorLy's 1e-8). */
  epsilon: number;
}

/**
 * Non-negative FISTA for min_{x ≥ ε} ½‖M − x ×ₖ Uₖ‖² given `utm` = M ×ₖ Uₖᵀ and the Grams
 * `utu[k]` = UₖᵀUₖ: the gradient is `x ×ₖ UᵀUₖ − utm`. Starts from `x0`; stops when
 * |Σ(x − x_new)| falls below `tol` times its first value. Returns a fresh array.
 */
export function fista(
  utm: NDArray,
  utu: readonly NDArray[],
  x0: NDArray,
  o: FistaOpts,
): NDArray {
  const dtype = utm.dtype as FloatDType;
  const m = flat(utm);
  const len = m.length;
  const shape = x0.shape.slice();
  const grams = utu.map((g) => Float64Array.from(flat(g)));
  let x = Float64Array.from(flat(x0));
  const xu = Float64Array.from(x);
  const bufs = [new Float64Array(len), new Float64Array(len)];
  let mOld = 1, first = 0;
  for (let it = 0; it < o.nIterMax; it++) {
    const xg = applyGrams(xu, shape, grams, bufs);
    const xNew = new Float64Array(len);
    let moved = 0;
    for (let i = 0; i < len; i++) {
      const grad = xg[i] - m[i] + o.sparsity;
      const v = xu[i] - o.lr * grad;
      xNew[i] = v < o.epsilon ? o.epsilon : v;
      moved += x[i] - xNew[i];
    }
    const mom = (1 + Math.sqrt(1 + 4 * mOld * mOld)) / 2;
    const beta = (mOld - 1) / mom;
    for (let i = 0; i < len; i++) xu[i] = xNew[i] + beta * (xNew[i] - x[i]);
    mOld = mom;
    x = xNew;
    const norm = Math.abs(moved);
    if (it === 0) first = norm;
    if (norm < o.tol * first) break;
  }
  const out = dtype === "float32" ? Float32Array.from(x) : x;
  return fromData(dtype, out, shape);
}

/**
 * `x ×ₖ Gₖ` for square Gₖ (nₖ × nₖ, row-major) over every mode of the C-ordered `x`, in plain
 * loops (the cores FISTA works on are small: a loop beats a gemm call per mode).
 */
function applyGrams(
  x: Float64Array,
  shape: readonly number[],
  grams: readonly Float64Array[],
  bufs: Float64Array[],
): Float64Array {
  let src = x;
  for (let k = 0; k < shape.length; k++) {
    const n = shape[k], g = grams[k];
    let q = 1;
    for (let d = k + 1; d < shape.length; d++) q *= shape[d];
    const p = x.length / (n * q);
    const dst = bufs[k % 2];
    dst.fill(0);
    for (let a = 0; a < p; a++) {
      const base = a * n * q;
      for (let i = 0; i < n; i++) {
        const out = base + i * q;
        for (let j = 0; j < n; j++) {
          const c = g[i * n + j];
          if (c === 0) continue;
          const inp = base + j * q;
          for (let b = 0; b < q; b++) dst[out + b] += c * src[inp + b];
        }
      }
    }
    src = dst;
  }
  return src;
}
