/**
 * Initial factors of the CP solvers (TensorLy's `initialize_cp` and `initialize_nn_cp`):
 * leading singular vectors of each unfolding (optionally with masked entries imputed by a
 * few rank-R SVD reconstructions, or made non-negative by NNDSVDA), uniform random factors,
 * or a given CP tensor.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { ascontiguous } from "../core/copy.ts";
import { fmtShape } from "../core/shape.ts";
import { finfo } from "../core/finfo.ts";
import { svd } from "../linalg/svd.ts";
import { eigh } from "../linalg/eigh.ts";
import { matmul } from "../linalg/matmul.ts";
import { unfold } from "../tenalg/unfold.ts";
import type { Generator } from "../random/generator.ts";
import type { FloatBuffer } from "../backend/types.ts";
import { type CPLikeInput, CPTensor } from "./cp_tensor.ts";
import type { CPInput } from "./_cp_opts.ts";
import { alloc } from "./_cp_work.ts";

/** Initial factors (tensor dtype) and weights. */
export interface CPStart {
  factors: FloatBuffer[];
  weights: Float64Array;
}

/** How to initialize. */
export interface CPInitSpec {
  init: "svd" | "random" | CPLikeInput;
  svd: "truncated_svd" | "symeig_svd";
  rng: Generator;
  /** NNDSVDA on the singular vectors and absolute values (non-negative solvers). */
  nonNegative: boolean;
  /** Observed entries (1) of the tensor, for the SVD imputation. */
  mask?: Uint8Array;
  svdMaskRepeats: number;
}

/** U (I × q), S (q) and Vh (q' × J) as row-major float64. */
interface Triplet {
  u: Float64Array;
  ucols: number;
  s: Float64Array;
  vh: Float64Array;
  vrows: number;
}

function f64(a: NDArray): Float64Array {
  return ascontiguous(a.astype("float64")).data as Float64Array;
}

/** The leading `rank` singular triplets of the I×J `a` (TensorLy's svd_interface). */
function leading(a: Float64Array, i: number, j: number, rank: number, method: string): Triplet {
  const k = Math.min(i, j);
  if (method === "symeig_svd") {
    const mat = new NDArray("float64", a, [i, j]);
    const wide = i <= j;
    const g = wide ? matmul(mat, mat.T) : matmul(mat.T, mat);
    const { eigenvalues, eigenvectors } = eigh(g);
    const n = wide ? i : j, q = Math.min(rank, n);
    const lam = f64(eigenvalues), vec = f64(eigenvectors);
    const s = new Float64Array(q), x = new Float64Array(n * q);
    for (let c = 0; c < q; c++) {
      const src = n - 1 - c;
      s[c] = Math.sqrt(Math.max(lam[src], 0));
      for (let r = 0; r < n; r++) x[r * q + c] = vec[r * n + src];
    }
    const xa = new NDArray("float64", x, [n, q]);
    // The other side: Aᵀ U / S (wide) or A V / S (tall); zero where S is 0.
    const y = f64(wide ? matmul(mat.T, xa) : matmul(mat, xa)); // (J or I) × q
    const m = wide ? j : i;
    for (let r = 0; r < m; r++) for (let c = 0; c < q; c++) y[r * q + c] /= s[c] || Infinity;
    const [u, v] = wide ? [x, y] : [y, x]; // U: I × q, V: J × q
    const vh = new Float64Array(q * j);
    for (let c = 0; c < q; c++) for (let r = 0; r < j; r++) vh[c * j + r] = v[r * q + c];
    return { u, ucols: q, s, vh, vrows: q };
  }
  const full = rank > k;
  const r = svd(new NDArray("float64", a, [i, j]), { fullMatrices: full });
  const ucols = Math.min(rank, r.U.shape[1]), vrows = Math.min(rank, r.Vh.shape[0]);
  const U = f64(r.U), Vh = f64(r.Vh), S = f64(r.S);
  const u = new Float64Array(i * ucols);
  for (let x = 0; x < i; x++) {
    for (let c = 0; c < ucols; c++) u[x * ucols + c] = U[x * r.U.shape[1] + c];
  }
  return { u, ucols, s: S.slice(0, Math.min(rank, k)), vh: Vh.slice(0, vrows * j), vrows };
}

/** Signs so that the largest-magnitude entry of each U column is positive (svd_flip). */
function flip(t: Triplet, i: number, j: number): void {
  for (let c = 0; c < t.ucols; c++) {
    let best = 0, bv = -1;
    for (let x = 0; x < i; x++) {
      const v = Math.abs(t.u[x * t.ucols + c]);
      if (v > bv) [best, bv] = [x, v];
    }
    if (t.u[best * t.ucols + c] >= 0) continue;
    for (let x = 0; x < i; x++) t.u[x * t.ucols + c] = -t.u[x * t.ucols + c];
    if (c < t.vrows) { for (let y = 0; y < j; y++) t.vh[c * j + y] = -t.vh[c * j + y]; }
  }
}

/** Missing entries of the I×J `a` replaced `repeats` times by the rank-q SVD reconstruction. */
function imputedSvd(
  a: Float64Array,
  m: Uint8Array,
  i: number,
  j: number,
  rank: number,
  spec: CPInitSpec,
): Triplet {
  let t = leading(a, i, j, rank, spec.svd);
  for (let rep = 0; rep < spec.svdMaskRepeats; rep++) {
    const q = Math.min(t.ucols, t.s.length, t.vrows);
    for (let x = 0; x < i; x++) {
      for (let y = 0; y < j; y++) {
        const p = x * j + y;
        if (m[p]) continue;
        let v = 0;
        for (let c = 0; c < q; c++) v += t.u[x * t.ucols + c] * t.s[c] * t.vh[c * j + y];
        a[p] = v;
      }
    }
    t = leading(a, i, j, rank, spec.svd);
  }
  return t;
}

/** NNDSVDA (Boutsidis & Gallopoulos, TensorLy's make_svd_non_negative) of the left side. */
function nndsvda(t: Triplet, i: number, j: number, mean: number, eps: number): Float64Array {
  const q = t.ucols, w = new Float64Array(i * q);
  const n = Math.min(q, t.s.length, t.vrows);
  for (let c = 0; c < n; c++) {
    if (c === 0) {
      const s0 = Math.sqrt(t.s[0]);
      for (let x = 0; x < i; x++) w[x * q] = s0 * Math.abs(t.u[x * q]);
      continue;
    }
    let xp = 0, xn = 0, yp = 0, yn = 0;
    for (let x = 0; x < i; x++) {
      const v = t.u[x * q + c];
      if (v > 0) xp += v * v;
      else xn += v * v;
    }
    for (let y = 0; y < j; y++) {
      const v = t.vh[c * j + y];
      if (v > 0) yp += v * v;
      else yn += v * v;
    }
    [xp, xn, yp, yn] = [Math.sqrt(xp), Math.sqrt(xn), Math.sqrt(yp), Math.sqrt(yn)];
    const mp = xp * yp, mn = xn * yn, pos = mp > mn;
    const lbd = Math.sqrt(t.s[c] * (pos ? mp : mn)), nrm = pos ? xp : xn;
    for (let x = 0; x < i; x++) {
      const v = t.u[x * q + c];
      const part = pos ? Math.max(v, 0) : Math.max(-v, 0);
      w[x * q + c] = (lbd * part) / nrm;
    }
  }
  for (let p = 0; p < w.length; p++) if (!(w[p] >= eps)) w[p] = mean;
  return w;
}

/** Starts from a given CP tensor: shapes checked, factors copied (weights kept). */
function fromCp(init: CPLikeInput, inp: CPInput, rank: number, where: string): CPStart {
  let cp: CPTensor;
  try {
    cp = init instanceof CPTensor ? init : new CPTensor(init.weights ?? null, init.factors);
  } catch (e) {
    throw new TypeError(`${where}: init is not a valid CP tensor: ${(e as Error).message}`);
  }
  if (cp.factors.length !== inp.shape.length) {
    throw new TypeError(
      `${where}: init has ${cp.factors.length} factors, the tensor has ${inp.shape.length} modes`,
    );
  }
  const factors = cp.factors.map((f, k) => {
    if (f.shape[0] !== inp.shape[k] || f.shape[1] !== rank) {
      throw new TypeError(
        `${where}: init factor ${k} has shape ${fmtShape(f.shape)}, expected [${
          inp.shape[k]
        },${rank}]`,
      );
    }
    const c = ascontiguous(f.astype(inp.dt));
    return (c.data as FloatBuffer).slice(c.offset, c.offset + c.size);
  });
  return { factors, weights: Float64Array.from(f64(cp.weights)) };
}

/** The initial factors and weights. */
export function initializeCp(inp: CPInput, rank: number, spec: CPInitSpec, where: string): CPStart {
  const n = inp.shape.length;
  if (typeof spec.init === "object" && spec.init !== null) {
    return fromCp(spec.init, inp, rank, where);
  }
  const rng = spec.rng;
  const factors: FloatBuffer[] = [];
  if (spec.init === "random") {
    for (let k = 0; k < n; k++) {
      const r = f64(rng.random([inp.shape[k], rank]) as NDArray);
      factors.push(cast(r, inp.dt));
    }
    return { factors, weights: new Float64Array(rank).fill(1) };
  }
  // A float64 copy only when needed (float32 input, or missing entries to zero).
  const t64 = inp.dt === "float64" && !spec.mask ? inp.array : inp.array.astype("float64");
  const maskArr = spec.mask ? new NDArray("uint8", spec.mask, inp.shape) : null;
  if (spec.mask) {
    // Missing entries never enter the computation: zeros until the SVD imputation.
    const d = t64.data as Float64Array, m = spec.mask;
    for (let p = 0; p < d.length; p++) if (!m[p]) d[p] = 0;
  }
  let mean = 0;
  if (spec.nonNegative) {
    const d = t64.data as Float64Array, o = t64.offset, size = t64.size;
    for (let p = o; p < o + size; p++) mean += d[p];
    mean /= size;
  }
  for (let k = 0; k < n; k++) {
    const i = inp.shape[k], j = inp.array.size / i;
    const a = f64(unfold(t64, k)); // a fresh copy (astype), free to modify
    const t = maskArr
      ? imputedSvd(a, Uint8Array.from(f64(unfold(maskArr, k))), i, j, rank, spec)
      : leading(a, i, j, rank, spec.svd);
    flip(t, i, j);
    const cols = t.ucols;
    let u = t.u;
    if (spec.nonNegative) u = nndsvda(t, i, j, mean, finfo(inp.dt).eps);
    else if (k === 0) {
      const idx = Math.min(rank, t.s.length, cols);
      for (let x = 0; x < i; x++) for (let c = 0; c < idx; c++) u[x * cols + c] *= t.s[c];
    }
    const f = new Float64Array(i * rank);
    const pad = rank > cols ? f64(rng.random([i, rank - cols]) as NDArray) : null;
    for (let x = 0; x < i; x++) {
      for (let c = 0; c < rank; c++) {
        const v = c < cols ? u[x * cols + c] : pad![x * (rank - cols) + c - cols];
        f[x * rank + c] = spec.nonNegative ? Math.abs(v) : v;
      }
    }
    factors.push(cast(f, inp.dt));
  }
  return { factors, weights: new Float64Array(rank).fill(1) };
}

function cast(a: Float64Array, dt: "float32" | "float64"): FloatBuffer {
  if (dt === "float64") return a;
  const out = alloc(dt, a.length);
  out.set(a);
  return out;
}
