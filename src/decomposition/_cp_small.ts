/**
 * Small dense helpers of the CP solvers, on raw row-major buffers: Gram matrices, the R×R
 * solves of the normal equations (LU with partial pivoting, the pseudo-inverse when the
 * system is singular), column normalization. Everything small is computed in float64.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { pinv } from "../linalg/pinv.ts";
import type { FloatBuffer } from "../backend/types.ts";

/** `G = FᵀF` (R×R, float64) of the I×R row-major `f`. */
export function gramInto(f: FloatBuffer, rows: number, r: number, g: Float64Array): void {
  g.fill(0);
  for (let i = 0, o = 0; i < rows; i++, o += r) {
    for (let a = 0; a < r; a++) {
      const fa = f[o + a];
      if (fa === 0) continue;
      const ga = a * r;
      for (let b = a; b < r; b++) g[ga + b] += fa * f[o + b];
    }
  }
  for (let a = 0; a < r; a++) for (let b = a + 1; b < r; b++) g[b * r + a] = g[a * r + b];
}

/** `out = ∘_{k ≠ skip} G_k` (skip = -1: all of them). */
export function hadamardInto(
  grams: readonly Float64Array[],
  skip: number,
  out: Float64Array,
): void {
  out.fill(1);
  for (let k = 0; k < grams.length; k++) {
    if (k === skip) continue;
    const g = grams[k];
    for (let i = 0; i < out.length; i++) out[i] *= g[i];
  }
}

/** `p ← diag(w) · p · diag(w)`. */
export function scaleByWeights(p: Float64Array, w: Float64Array): void {
  const r = w.length;
  for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) p[a * r + b] *= w[a] * w[b];
}

/** `wᵀ (∘ₖ Gₖ) w`: the squared Frobenius norm of a CP tensor from its Gram matrices. */
export function cpNormSq(
  grams: readonly Float64Array[],
  w: Float64Array,
  tmp: Float64Array,
): number {
  hadamardInto(grams, -1, tmp);
  const r = w.length;
  let s = 0;
  for (let a = 0; a < r; a++) {
    let row = 0;
    for (let b = 0; b < r; b++) row += tmp[a * r + b] * w[b];
    s += w[a] * row;
  }
  return s;
}

/**
 * Solves `Pᵀ xᵢ = mᵢ` for every row `mᵢ` of the rows×R `m` (TensorLy's
 * `solve(pseudo_inverseᵀ, mttkrpᵀ)ᵀ`) and writes the rows `xᵢ` into `out`. LU with partial
 * pivoting; an exactly singular system (a zero pivot, as LAPACK reports it) or a non-finite
 * result falls back to the pseudo-inverse (minimum-norm least squares).
 */
export function solveRowsInto(
  p: Float64Array,
  r: number,
  m: Float64Array,
  rows: number,
  out: FloatBuffer,
): void {
  const lu = new Float64Array(r * r);
  for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) lu[a * r + b] = p[b * r + a];
  const piv = new Int32Array(r);
  let singular = false;
  for (let c = 0; c < r && !singular; c++) {
    let best = c, bv = Math.abs(lu[c * r + c]);
    for (let i = c + 1; i < r; i++) {
      const v = Math.abs(lu[i * r + c]);
      if (v > bv) [best, bv] = [i, v];
    }
    piv[c] = best;
    if (!(bv > 0) || !Number.isFinite(bv)) {
      singular = true;
      break;
    }
    if (best !== c) {
      for (let j = 0; j < r; j++) {
        const t = lu[c * r + j];
        lu[c * r + j] = lu[best * r + j];
        lu[best * r + j] = t;
      }
    }
    const d = lu[c * r + c];
    for (let i = c + 1; i < r; i++) {
      const f = (lu[i * r + c] /= d);
      if (f !== 0) { for (let j = c + 1; j < r; j++) lu[i * r + j] -= f * lu[c * r + j]; }
    }
  }
  const x = new Float64Array(r);
  if (!singular) {
    let finite = true;
    for (let i = 0, o = 0; i < rows; i++, o += r) {
      for (let j = 0; j < r; j++) x[j] = m[o + j];
      for (let c = 0; c < r; c++) {
        const pc = piv[c];
        if (pc !== c) [x[c], x[pc]] = [x[pc], x[c]];
      }
      for (let a = 1; a < r; a++) {
        let s = x[a];
        for (let b = 0; b < a; b++) s -= lu[a * r + b] * x[b];
        x[a] = s;
      }
      for (let a = r - 1; a >= 0; a--) {
        let s = x[a];
        for (let b = a + 1; b < r; b++) s -= lu[a * r + b] * x[b];
        x[a] = s / lu[a * r + a];
        if (!Number.isFinite(x[a])) finite = false;
      }
      for (let j = 0; j < r; j++) out[o + j] = x[j];
    }
    if (finite) return;
  }
  // Singular: x = pinv(Pᵀ) · m.
  const pt = new Float64Array(r * r);
  for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) pt[a * r + b] = p[b * r + a];
  const pi = pinv(new NDArray("float64", pt, [r, r])).data as Float64Array;
  for (let i = 0, o = 0; i < rows; i++, o += r) {
    for (let a = 0; a < r; a++) {
      let s = 0;
      for (let b = 0; b < r; b++) s += pi[a * r + b] * m[o + b];
      x[a] = s;
    }
    for (let j = 0; j < r; j++) out[o + j] = x[j];
  }
}

/**
 * Divides the columns of the I×R `f` by their Euclidean norms (from the Gram diagonal `g`)
 * and multiplies `w` by them (TensorLy's `cp_normalize` for one factor: zero columns stay).
 */
export function normalizeColumns(
  f: FloatBuffer,
  rows: number,
  r: number,
  g: Float64Array,
  w: Float64Array,
): void {
  const scale = new Float64Array(r);
  for (let c = 0; c < r; c++) {
    const n = Math.sqrt(g[c * r + c]);
    w[c] *= n;
    scale[c] = n === 0 ? 1 : n;
  }
  for (let i = 0, o = 0; i < rows; i++, o += r) {
    for (let c = 0; c < r; c++) f[o + c] /= scale[c];
  }
}

/** `Σ a ∘ b` over two buffers of n entries (float64 accumulation). */
export function innerProduct(a: ArrayLike<number>, b: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}
