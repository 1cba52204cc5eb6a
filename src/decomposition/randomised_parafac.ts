/**
 * `randomisedParafac`: CP decomposition by sampled alternating least squares (TensorLy's
 * `randomised_parafac`, after Battaglino, Ballard & Kolda).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { CPLikeInput } from "./cp_tensor.ts";
import type { CPResult } from "./cp_result.ts";
import type { CPCallback } from "./cp_options.ts";
import type { RngLike } from "./random_tensors.ts";
import { finish, normError, setupCp, snapshot, tensorNormSq } from "./_cp_common.ts";
import { checkCallback, checkCount } from "./_cp_opts.ts";
import { solveRowsInto } from "./_cp_small.ts";

/** Options of {@link randomisedParafac} (and of the {@link RandomisedCP} class). */
export interface RandomisedParafacOpts {
  /** Rows of the Khatri–Rao product (and fibres of the tensor) sampled per factor update. */
  nSamples: number;
  /** Maximum number of iterations (default 100). */
  nIterMax?: number;
  /** `"random"` (default), `"svd"` or a CP tensor to start from (its weights are dropped). */
  init?: "svd" | "random" | CPLikeInput;
  /** The SVD used by `init: "svd"` (default `"truncated_svd"`). */
  svd?: "truncated_svd" | "symeig_svd";
  /** Stop when the relative error changes by less than `tol` (default 1e-8, TensorLy's `10e-9`). */
  tol?: number;
  /** Stop after this many iterations without a new lowest error (default 20; 0: never). */
  maxStagnation?: number;
  /** The source of randomness (start and samples): a Generator or a seed. */
  rng?: RngLike;
  /** Called after every iteration with the model and its relative error; `true` stops. */
  onIteration?: CPCallback;
}

/**
 * CP decomposition by randomised ALS: each factor update solves the least-squares problem on
 * `nSamples` rows of the Khatri–Rao product of the other factors, drawn uniformly (one index
 * per other mode), against the matching fibres of the tensor — each update reads only
 * `nSamples · I_k` entries. Weights are ones. The relative error (from norms, one pass over
 * the tensor) is computed after each iteration when `tol` or `maxStagnation` is set, as
 * TensorLy does; with both 0 the fit runs `nIterMax` iterations and `errors` stays empty.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.randomCp([10, 10, 10], 3, { rng: 1, full: true }) as nd.NDArray;
 * const cp = nd.decomposition.randomisedParafac(t, 3, { nSamples: 60, nIterMax: 200, rng: 0 });
 * assert.ok(cp.errors.at(-1)! < 0.05);
 * ```
 */
export function randomisedParafac(
  t: ArrayLike,
  rank: number,
  opts: RandomisedParafacOpts,
): CPResult {
  const where = "randomisedParafac";
  if (typeof opts !== "object" || opts === null) {
    throw new TypeError(`${where}: options with nSamples are required, got ${String(opts)}`);
  }
  const nSamples = checkCount(opts.nSamples, "nSamples", where);
  if (nSamples < 1) throw new RangeError(`${where}: nSamples must be at least 1, got 0`);
  const maxStag = checkCount(opts.maxStagnation ?? 20, "maxStagnation", where);
  const callback = checkCallback(opts.onIteration, where);
  const s = setupCp(
    t,
    rank,
    {
      nIterMax: opts.nIterMax,
      init: opts.init ?? "random",
      svd: opts.svd,
      tol: opts.tol,
      rng: opts.rng,
    },
    { defaultTol: 1e-8, nonNegative: false },
    where,
  );
  const { work, rank: r, inp } = s;
  work.weights.fill(1);
  const n = inp.shape.length, last = n - 1;
  const strides = inp.shape.map((_, k) => inp.shape.slice(k + 1).reduce((a, b) => a * b, 1));
  const normSq = s.tol || maxStag ? tensorNormSq(s) : 0;
  const kr = new Float64Array(nSamples * r), base = new Float64Array(nSamples);
  const gram = new Float64Array(r * r), m = new Float64Array(Math.max(...inp.shape) * r);
  const errors: number[] = [];
  let minError = 0, stagnation = 0;
  let it = 0;
  for (; it < s.nIterMax; it++) {
    for (let k = 0; k < n; k++) {
      kr.fill(1);
      base.fill(inp.offset);
      for (let j = 0; j < n; j++) {
        if (j === k) continue;
        const idx = s.rng.integers(0, inp.shape[j], { size: nSamples }) as NDArray;
        const id = idx.data as BigInt64Array, f = work.factors[j];
        for (let q = 0; q < nSamples; q++) {
          const row = Number(id[q]);
          base[q] += row * strides[j];
          for (let c = 0; c < r; c++) kr[q * r + c] *= f[row * r + c];
        }
      }
      // rhs (I_k × R) = sampled fibresᵀ · kr; gram = krᵀ kr.
      const ik = inp.shape[k], sk = strides[k], d = inp.data;
      m.fill(0, 0, ik * r);
      gram.fill(0);
      for (let q = 0; q < nSamples; q++) {
        const ko = q * r;
        for (let a = 0; a < r; a++) {
          const ka = kr[ko + a];
          for (let b = 0; b < r; b++) gram[a * r + b] += ka * kr[ko + b];
        }
        for (let i = 0; i < ik; i++) {
          const x = d[base[q] + i * sk];
          for (let c = 0; c < r; c++) m[i * r + c] += x * kr[ko + c];
        }
      }
      solveRowsInto(gram, r, m, ik, work.factors[k]);
      work.factorChanged(k);
    }
    if (!s.tol && !maxStag) {
      if (callback && callback(snapshot(work), NaN) === true) {
        it++;
        break;
      }
      continue;
    }
    work.mttkrp(last, m);
    const err = normError(s, normSq, m, last);
    if (!minError || err < minError) [minError, stagnation] = [err, -1];
    stagnation++;
    errors.push(err);
    if (callback && callback(snapshot(work), err) === true) {
      it++;
      break;
    }
    if (it > 1) {
      const change = Math.abs(errors[errors.length - 2] - err);
      if ((s.tol && change < s.tol) || (maxStag && stagnation > maxStag)) {
        it++;
        break;
      }
    }
  }
  return finish(work, errors, it);
}
