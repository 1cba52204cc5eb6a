/**
 * `nonNegativeParafacHals`: non-negative CP decomposition by hierarchical alternating least
 * squares (TensorLy's `non_negative_parafac_hals`).
 *
 * @module
 */

import type { ArrayLike } from "../core/_array_like.ts";
import type { FloatBuffer } from "../backend/types.ts";
import type { CPResult } from "./cp_result.ts";
import type { CPCommonOpts } from "./cp_options.ts";
import { CPSweeps, finish, setupCp } from "./_cp_common.ts";
import { checkBool, checkModes, checkNonNegative } from "./_cp_opts.ts";
import { hadamardInto, scaleByWeights, solveRowsInto } from "./_cp_small.ts";

/** Options of {@link nonNegativeParafacHals} (and of the {@link NonNegativeCPHals} class). */
export interface NonNegativeParafacHalsOpts extends CPCommonOpts {
  /**
   * L1 penalty on the factors of the non-negative modes: one number for every mode, or one
   * per mode (null: none). Default none.
   */
  sparsityCoefficients?: number | readonly (number | null)[];
  /** The modes constrained to be non-negative: `"all"` (default) or a list; others are least squares. */
  nnModes?: "all" | readonly number[];
  /** Run each inner NNLS to convergence (up to 50,000 sweeps, tol 1e-15) instead of at most 100. */
  exact?: boolean;
  /**
   * The floor of the non-negative entries (default 0, as TensorLy's `hals_nnls`): a small
   * positive value keeps a component from dying when its column is clipped to zero.
   */
  epsilon?: number;
}

/**
 * Non-negative CP decomposition by HALS (Gillis & Glineur; TensorLy's
 * `non_negative_parafac_hals`): each non-negative factor is updated one column at a time by
 * exact block-coordinate descent on its normal equations (TensorLy's `hals_nnls`: at most 100
 * sweeps, until a sweep moves the factor by less than 1e-7 times the first sweep did); modes
 * outside `nnModes` get the unconstrained least-squares update. NNDSVDA or uniform random
 * start as {@link nonNegativeParafac}. Default `tol` 1e-7 (TensorLy's `10e-8`).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.randomCp([6, 3, 12], 3, { rng: 1, full: true }) as nd.NDArray;
 * const cp = nd.decomposition.nonNegativeParafacHals(t, 3, { nIterMax: 200, rng: 0 });
 * assert.ok(cp.factors.every((f) => (nd.min(f).item() as number) >= 0));
 * assert.ok(cp.errors.at(-1)! < 0.07);
 * ```
 */
export function nonNegativeParafacHals(
  t: ArrayLike,
  rank: number,
  opts: NonNegativeParafacHalsOpts = {},
): CPResult {
  const where = "nonNegativeParafacHals";
  const s = setupCp(t, rank, opts, { defaultTol: 1e-7, nonNegative: true }, where);
  const n = s.inp.shape.length;
  const exact = checkBool(opts.exact ?? false, "exact", where);
  const epsilon = checkNonNegative(opts.epsilon ?? 0, "epsilon", where);
  const nn = opts.nnModes ?? "all";
  const nnModes = nn === "all"
    ? new Set(s.inp.shape.map((_, k) => k))
    : checkModes(nn, n, "nnModes", where);
  const sparsity = sparsityPerMode(opts.sparsityCoefficients, n, where);
  const { work, modes, rank: r } = s;
  const sw = CPSweeps.start(s);
  if (sw === null) return finish(work, [], 0);
  const p = new Float64Array(r * r);
  const [inner, innerTol] = exact ? [50000, 1e-15] : [100, 1e-7];
  for (let it = 0; it < s.nIterMax; it++) {
    for (const k of modes) {
      hadamardInto(work.grams, k, p);
      scaleByWeights(p, work.weights);
      const mk = sw.mttkrp(k);
      if (nnModes.has(k)) {
        halsNnls(mk, p, work.factors[k], work.shape[k], r, inner, innerTol, sparsity[k], epsilon);
      } else solveRowsInto(p, r, mk, work.shape[k], work.factors[k]);
      sw.factorUpdated(k);
    }
    if (sw.endSweep(sw.sweepError())) break;
  }
  return sw.result();
}

/**
 * TensorLy's `hals_nnls` on the I×R factor `f` (its transpose V is the R×I unknown):
 * minimizes ½‖M − U Vᵀ‖² given `UtM = mᵀ` and `UtU = p`, one row of V at a time, clipped at 0.
 */
function halsNnls(
  m: Float64Array,
  p: Float64Array,
  f: FloatBuffer,
  rows: number,
  r: number,
  maxIter: number,
  tol: number,
  sparsity: number,
  epsilon: number,
): void {
  const v = Float64Array.from(f.subarray(0, rows * r));
  let first = 0;
  for (let iter = 0; iter < maxIter; iter++) {
    let moved = 0;
    for (let c = 0; c < r; c++) {
      const pcc = p[c * r + c];
      if (pcc === 0) continue;
      for (let i = 0, o = 0; i < rows; i++, o += r) {
        let dot = 0;
        for (let d = 0; d < r; d++) dot += p[c * r + d] * v[o + d];
        const num = m[o + c] - dot + pcc * v[o + c] - sparsity;
        const nv = Math.max(num / pcc, epsilon);
        const delta = v[o + c] - nv;
        moved += delta * delta;
        v[o + c] = nv;
      }
    }
    if (iter === 0) first = moved;
    if (moved === 0 || moved < tol * first) break;
  }
  for (let i = 0; i < rows * r; i++) f[i] = v[i];
}

function sparsityPerMode(
  v: NonNegativeParafacHalsOpts["sparsityCoefficients"],
  n: number,
  where: string,
): number[] {
  if (v === undefined || v === null) return new Array(n).fill(0);
  const list = typeof v === "number" ? new Array(n).fill(v) : v;
  if (!Array.isArray(list) || list.length !== n) {
    throw new TypeError(
      `${where}: sparsityCoefficients must be a number or one per mode (${n}), got ${String(v)}`,
    );
  }
  return list.map((x) => {
    if (x === null) return 0;
    if (typeof x !== "number" || !Number.isFinite(x)) {
      throw new RangeError(
        `${where}: sparsity coefficients must be finite numbers, got ${String(x)}`,
      );
    }
    return x;
  });
}
