/**
 * `robustPca`: robust tensor PCA (low rank + sparse) by the inexact augmented Lagrange
 * multiplier method, after TensorLy's `robust_pca`.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { matmul } from "../linalg/matmul.ts";
import { svd } from "../linalg/svd.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import {
  asWork,
  checkCount,
  checkNonNeg,
  flat,
  type FloatDType,
  foldCopy,
  fromData,
  unfoldCopy,
  workTensor,
} from "./_tucker_ops.ts";

/** Options of {@link robustPca}. */
export interface RobustPcaOpts {
  /** 1 (or true) where X is known, 0 where missing: missing entries go to E freely. */
  mask?: ArrayLike;
  /** Stop when ‖X − D − E‖ and every ‖Jᵢ − D‖ are at most this (default 1e-6). */
  tol?: number;
  /** The weight of the l1 norm of the sparse part E (TensorLy's `reg_E`, default 1). */
  regE?: number;
  /** The weight of the nuclear norms of D's unfoldings (TensorLy's `reg_J`, default 1). */
  regJ?: number;
  /** The starting penalty μ (default 1e-4). */
  muInit?: number;
  /** The largest penalty μ (default 1e10). */
  muMax?: number;
  /** μ is multiplied by this after every iteration (default 1.1). */
  learningRate?: number;
  /** The most iterations (default 100). */
  nIterMax?: number;
}

/** What {@link robustPca} returns. */
export interface RobustPcaResult {
  /** The low-rank part. */
  D: NDArray;
  /** The sparse part (X = D + E up to `tol`). */
  E: NDArray;
  /** ‖X − D − E‖ after each iteration. */
  errors: number[];
}

function soft(v: number, t: number): number {
  return v > t ? v - t : v < -t ? v + t : 0;
}

/** U · diag(max(s − τ, 0)) · Vh: the proximal operator of τ‖·‖₊ (singular value shrinkage). */
function svdThreshold(m: NDArray, tau: number): NDArray {
  const { U, S, Vh } = svd(m, { fullMatrices: false });
  const s = flat(S), k = s.length;
  let keep = 0;
  while (keep < k && s[keep] > tau) keep++;
  const dtype = m.dtype as FloatDType;
  if (keep === 0) {
    return fromData(
      dtype,
      dtype === "float32" ? new Float32Array(m.size) : new Float64Array(m.size),
      m.shape.slice(),
    );
  }
  const sh = dtype === "float32" ? new Float32Array(keep) : new Float64Array(keep);
  for (let j = 0; j < keep; j++) sh[j] = s[j] - tau;
  const shrunk = fromData(dtype, sh, [1, keep]);
  return matmul(U.slice(null, `:${keep}`).mul(shrunk), Vh.slice(`:${keep}`, null));
}

/**
 * Robust tensor PCA (TensorLy's `robust_pca`): splits X into a low-rank part D (small nuclear
 * norms of its unfoldings, weighted by `regJ`) and a sparse part E (small l1 norm, weighted by
 * `regE`) with X = D + E, by the inexact augmented Lagrange multiplier method: each iteration
 * shrinks the singular values of every unfolding, averages, soft-thresholds E, and raises the
 * penalty μ by `learningRate`. Works on matrices and tensors; float32 stays float32.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const clean = nd.broadcastTo(nd.array([[1, 2, 3, 4], [2, 4, 6, 8]]), [20, 2, 4]).copy();
 * const x = clean.copy();
 * x.set([3, 1, 2], 50); // gross errors on two entries
 * x.set([7, 0, 0], -30);
 * const { D, E } = nd.decomposition.robustPca(x, { regE: 0.6, learningRate: 1.2, nIterMax: 200 });
 * nd.testing.assertAllClose(D.add(E), x, { atol: 1e-5 });
 * nd.testing.assertAllClose(D, clean, { atol: 1e-5 });
 * assert.ok(Math.abs((E.get(3, 1, 2) as number) - 44) < 1e-5);
 * assert.equal(nd.sum(nd.greater(nd.abs(E), 0.01)).item(), 2n);
 * ```
 */
export function robustPca(x: ArrayLike, opts: RobustPcaOpts = {}): RobustPcaResult {
  const where = "robustPca";
  const X = workTensor(x, where);
  const dtype = X.dtype as FloatDType;
  const tol = checkNonNeg(opts.tol ?? 1e-6, "tol", where);
  const regE = checkNonNeg(opts.regE ?? 1, "regE", where);
  const regJ = checkNonNeg(opts.regJ ?? 1, "regJ", where);
  let mu = checkNonNeg(opts.muInit ?? 1e-4, "muInit", where);
  const muMax = checkNonNeg(opts.muMax ?? 1e10, "muMax", where);
  const rate = checkNonNeg(opts.learningRate ?? 1.1, "learningRate", where);
  const nIterMax = checkCount(opts.nIterMax ?? 100, "nIterMax", where, 0);
  if (!(mu > 0)) throw new RangeError(`${where}: muInit must be positive, got ${mu}`);
  let mask: Float64Array | Float32Array | null = null;
  if (opts.mask !== undefined && opts.mask !== null) {
    const m = toArray(opts.mask, where);
    if (m.ndim !== X.ndim || m.shape.some((n, k) => n !== X.shape[k])) {
      throw new TypeError(
        `${where}: mask has shape ${fmtShape(m.shape)}, X has shape ${fmtShape(X.shape)}`,
      );
    }
    mask = flat(asWork(m, dtype));
  }
  const n = X.ndim, size = X.size, shape = X.shape.slice();
  const Ctor = dtype === "float32" ? Float32Array : Float64Array;
  const xd = flat(X);
  const d = new Ctor(size), e = new Ctor(size), lx = new Ctor(size);
  const L = Array.from({ length: n }, () => new Ctor(size));
  const J: (Float64Array | Float32Array)[] = new Array(n);
  const errors: number[] = [];
  for (let it = 0; it < nIterMax; it++) {
    for (let i = 0; i < n; i++) {
      const arg = new Ctor(size);
      for (let p = 0; p < size; p++) arg[p] = d[p] + L[i][p] / mu;
      const unf = unfoldCopy(fromData(dtype, arg, shape), i);
      J[i] = flat(foldCopy(svdThreshold(unf, regJ / mu), i, shape));
    }
    for (let p = 0; p < size; p++) {
      let s = lx[p] / mu + xd[p] - e[p];
      for (let i = 0; i < n; i++) s += J[i][p] - L[i][p] / mu;
      d[p] = s / (n + 1);
    }
    let recX = 0;
    for (let p = 0; p < size; p++) {
      const t = (mask ? mask[p] : 1) * regE / mu;
      e[p] = soft(xd[p] - d[p] + lx[p] / mu, t);
      const r = xd[p] - d[p] - e[p];
      lx[p] += mu * r;
      recX += r * r;
    }
    let recD = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let p = 0; p < size; p++) {
        const r = d[p] - J[i][p];
        L[i][p] += mu * r;
        s += r * r;
      }
      recD = Math.max(recD, Math.sqrt(s));
    }
    mu = Math.min(mu * rate, muMax);
    errors.push(Math.sqrt(recX));
    if (it > 1 && Math.max(Math.sqrt(recX), recD) <= tol) break;
  }
  return { D: fromData(dtype, d, shape), E: fromData(dtype, e, shape), errors };
}
