/**
 * `parafac`: the CANDECOMP/PARAFAC decomposition by alternating least squares (TensorLy's
 * `parafac`).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { qr } from "../linalg/qr.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { FloatBuffer } from "../backend/types.ts";
import type { CPResult } from "./cp_result.ts";
import type { CPCommonOpts } from "./cp_options.ts";
import { CPSweeps, finish, setupCp } from "./_cp_common.ts";
import { checkBool, checkNonNegative } from "./_cp_opts.ts";
import { hadamardInto, scaleByWeights, solveRowsInto } from "./_cp_small.ts";
import type { CPWork } from "./_cp_work.ts";

/** Options of {@link parafac} (and of the {@link CP} class). */
export interface ParafacOpts extends CPCommonOpts {
  /**
   * Replace the factors by the Q of their QR decomposition at the start of the first
   * iterations: `true` for iterations 0 and 1 (TensorLy's behaviour for `True`), a number n
   * for iterations 0 to n. Factors with fewer rows than the rank are left as they are.
   */
  orthogonalise?: boolean | number;
  /** Ridge (L2) regularization added to the diagonal of the normal equations (default 0). */
  l2Reg?: number;
  /**
   * Bro's line search (TensorLy's schedule): every other iteration after the sixth, jump to
   * `last + (current − last)·iteration^(1/p)` when that lowers the error (p starts at 2 and
   * grows by one after 4 failed jumps).
   */
  linesearch?: boolean;
  /**
   * Observed entries (nonzero/true) of the tensor, same shape: the others are missing, never
   * read, and replaced by the current reconstruction at every iteration.
   */
  mask?: ArrayLike;
  /** With a mask and `init: "svd"`: rank-R SVD imputations of each unfolding (default 5). */
  svdMaskRepeats?: number;
}

/**
 * CP decomposition of `t` with `rank` components by alternating least squares: each factor in
 * turn solves its normal equations, `Fₖ ← mttkrpₖ · (∘_{l≠k} FₗᵀFₗ + l2Reg·I)⁻¹` (weights
 * included), with the MTTKRPs computed by two gemms over the tensor per sweep and no unfolded
 * copy; the relative error comes from norms (‖t‖² + ‖cp‖² − 2⟨t, cp⟩) without forming the
 * full tensor unless a mask is given. Stops after `nIterMax` iterations, when the error
 * changes by less than `tol`, or when `onIteration` returns true.
 *
 * Returns a {@link CPResult}: the CP tensor (weights are ones unless `normalizeFactors`) with
 * `errors`, the relative error after each iteration, and `nIter`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.randomCp([6, 8, 7], 3, { rng: 0, full: true }) as nd.NDArray;
 * const cp = nd.decomposition.parafac(t, 3, { nIterMax: 200, tol: 1e-10, rng: 0 });
 * assert.deepEqual(cp.factors.map((f) => f.shape), [[6, 3], [8, 3], [7, 3]]);
 * const err = nd.linalg.norm(cp.toTensor().sub(t)).item() as number;
 * assert.ok(err / (nd.linalg.norm(t).item() as number) < 1e-6);
 * assert.ok(cp.errors.at(-1)! < 1e-6);
 * ```
 */
export function parafac(t: ArrayLike, rank: number, opts: ParafacOpts = {}): CPResult {
  const where = "parafac";
  const s = setupCp(t, rank, opts, {
    defaultTol: 1e-8,
    nonNegative: false,
    mask: opts?.mask,
    svdMaskRepeats: opts?.svdMaskRepeats,
  }, where);
  const l2 = checkNonNegative(opts.l2Reg ?? 0, "l2Reg", where);
  const linesearch = checkBool(opts.linesearch ?? false, "linesearch", where);
  const orth = opts.orthogonalise ?? false;
  let orthUntil = -1;
  if (typeof orth === "boolean") orthUntil = orth ? 1 : -1;
  else if (typeof orth === "number" && Number.isInteger(orth) && orth >= 0) orthUntil = orth;
  else {
    throw new RangeError(
      `${where}: orthogonalise must be a boolean or a non-negative integer, got ${String(orth)}`,
    );
  }
  const { work, modes, rank: r } = s;
  const sw = CPSweeps.start(s);
  if (sw === null) return finish(work, [], 0);
  const p = new Float64Array(r * r);
  let accPow = 2, accFail = 0;
  const maxFail = 4;
  let saved: Saved | null = null, current: Saved | null = null;
  for (let it = 0; it < s.nIterMax; it++) {
    if (it <= orthUntil) {
      for (const k of modes) {
        if (work.shape[k] < r) continue;
        const f = new NDArray(work.dt, work.factors[k], [work.shape[k], r]);
        work.factors[k].set(qr(f).Q.astype(work.dt).data as FloatBuffer);
        work.factorChanged(k);
      }
    }
    if (linesearch && it % 2 === 0) saved = save(work, modes, saved);
    for (const k of modes) {
      hadamardInto(work.grams, k, p);
      for (let d = 0; d < r; d++) p[d * r + d] += l2;
      scaleByWeights(p, work.weights);
      solveRowsInto(p, r, sw.mttkrp(k), work.shape[k], work.factors[k]);
      sw.factorUpdated(k);
    }
    let err: number;
    if (linesearch && it % 2 === 0 && it > 5) {
      current = save(work, modes, current);
      extrapolate(work, modes, saved!, current, it ** (1 / accPow));
      const cand = sw.modelError();
      if (cand < sw.errors[sw.errors.length - 1]) {
        if (s.masked) sw.normSq = s.masked.impute(work, true).normSq;
        err = cand;
        accFail = 0;
      } else {
        restore(work, modes, current);
        err = sw.sweepError();
        if (++accFail === maxFail) [accPow, accFail] = [accPow + 1, 0];
      }
    } else err = sw.sweepError();
    if (sw.endSweep(err)) break;
  }
  return sw.result();
}

/** Copies of the updated factors and of the weights (line search). */
interface Saved {
  factors: Map<number, FloatBuffer>;
  weights: Float64Array;
}

function save(work: CPWork, modes: readonly number[], into: Saved | null): Saved {
  const out: Saved = into ?? { factors: new Map(), weights: new Float64Array(work.rank) };
  for (const k of modes) {
    const f = out.factors.get(k);
    if (f) f.set(work.factors[k]);
    else out.factors.set(k, work.factors[k].slice());
  }
  out.weights.set(work.weights);
  return out;
}

function restore(work: CPWork, modes: readonly number[], from: Saved): void {
  for (const k of modes) {
    work.factors[k].set(from.factors.get(k)!);
    work.factorChanged(k);
  }
  work.weights.set(from.weights);
}

/** `last + (current − last)·jump` for the updated factors and the weights. */
function extrapolate(
  work: CPWork,
  modes: readonly number[],
  last: Saved,
  current: Saved,
  jump: number,
): void {
  for (const k of modes) {
    const f = work.factors[k], a = last.factors.get(k)!, b = current.factors.get(k)!;
    for (let i = 0; i < f.length; i++) f[i] = a[i] + (b[i] - a[i]) * jump;
    work.factorChanged(k);
  }
  const w = work.weights;
  for (let i = 0; i < w.length; i++) {
    w[i] = last.weights[i] + (current.weights[i] - last.weights[i]) * jump;
  }
}
