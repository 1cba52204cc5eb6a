/**
 * The parts the CP-ALS, multiplicative-update and HALS solvers share: option resolution,
 * the starting model, the error from norms, normalization, snapshots, the bookkeeping of the
 * sweeps (callback, error history, convergence) and the result.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { CPResult } from "./cp_result.ts";
import type { CPCallback, CPCommonOpts } from "./cp_options.ts";
import { type CPLikeInput, CPTensor } from "./cp_tensor.ts";
import { toRng } from "./random_tensors.ts";
import type { Generator } from "../random/generator.ts";
import { CPWork } from "./_cp_work.ts";
import { initializeCp } from "./_cp_init.ts";
import { MaskedTensor, sumSquares } from "./_cp_mask.ts";
import { cpNormSq, innerProduct, normalizeColumns } from "./_cp_small.ts";
import {
  checkBool,
  checkCallback,
  checkChoice,
  checkCount,
  checkMask,
  checkModes,
  checkNonNegative,
  checkRank,
  converged,
  type CPInput,
  prepareTensor,
} from "./_cp_opts.ts";

/** Resolved common options, the starting model and the tensor being fitted. */
export interface CPSetup {
  inp: CPInput;
  rank: number;
  nIterMax: number;
  tol: number;
  normalize: boolean;
  cvg: "abs_rec_error" | "rec_error";
  callback: CPCallback | undefined;
  rng: Generator;
  /** The modes updated, in order. */
  modes: number[];
  work: CPWork;
  masked: MaskedTensor | null;
}

/** Extra knobs of {@link setupCp}. */
export interface SetupSpec {
  defaultTol: number;
  nonNegative: boolean;
  mask?: ArrayLike;
  svdMaskRepeats?: number;
}

/** Validates everything, then initializes (TensorLy's defaults unless `opts` says otherwise). */
export function setupCp(
  t: ArrayLike,
  rankIn: number,
  opts: CPCommonOpts,
  spec: SetupSpec,
  where: string,
): CPSetup {
  if (typeof opts !== "object" || opts === null) {
    throw new TypeError(`${where}: options must be an object, got ${String(opts)}`);
  }
  const inp = prepareTensor(t, where);
  const rank = checkRank(rankIn, where);
  const n = inp.shape.length;
  const nIterMax = checkCount(opts.nIterMax ?? 100, "nIterMax", where);
  const tol = checkNonNegative(opts.tol ?? spec.defaultTol, "tol", where);
  const normalize = checkBool(opts.normalizeFactors ?? false, "normalizeFactors", where);
  const cvg = checkChoice(
    opts.cvgCriterion ?? "abs_rec_error",
    ["abs_rec_error", "rec_error"] as const,
    "cvgCriterion",
    where,
  );
  const svd = checkChoice(
    opts.svd ?? "truncated_svd",
    ["truncated_svd", "symeig_svd"] as const,
    "svd",
    where,
  );
  const fixed = checkModes(opts.fixedModes ?? [], n, "fixedModes", where);
  const callback = checkCallback(opts.onIteration, where);
  const init = opts.init ?? "svd";
  if (typeof init === "string") {
    checkChoice(init, ["svd", "random"] as const, "init", where);
  } else if (typeof init !== "object" || init === null || !("factors" in init)) {
    throw new TypeError(
      `${where}: init must be "svd", "random" or a CP tensor, got ${typeof init}`,
    );
  }
  const mask = spec.mask === undefined ? undefined : checkMask(spec.mask, inp.shape, where);
  const repeats = checkCount(spec.svdMaskRepeats ?? 5, "svdMaskRepeats", where);
  const rng = toRng(opts.rng, where);
  const start = initializeCp(inp, rank, {
    init: init as "svd" | "random" | CPLikeInput,
    svd,
    rng,
    nonNegative: spec.nonNegative,
    mask,
    svdMaskRepeats: repeats,
  }, where);
  const masked = mask ? new MaskedTensor(inp, mask) : null;
  const work = new CPWork(
    inp.dt,
    inp.shape,
    rank,
    masked ? masked.data : inp.data,
    masked ? 0 : inp.offset,
    start.factors,
    start.weights,
  );
  const modes = inp.shape.map((_, k) => k).filter((k) => !fixed.has(k));
  if (normalize) { for (const k of modes) normalizeMode(work, k); }
  return {
    inp,
    rank,
    nIterMax,
    tol,
    normalize,
    cvg,
    callback,
    rng,
    modes,
    work,
    masked,
  };
}

/** Factor `k` normalized to unit columns, the norms moved into the weights. */
function normalizeMode(work: CPWork, k: number): void {
  normalizeColumns(work.factors[k], work.shape[k], work.rank, work.grams[k], work.weights);
  work.factorChanged(k);
}

/**
 * ‖t‖² of the tensor being fitted: of the input, or (masked) of the tensor imputed with the
 * current model, whose missing entries are written.
 */
export function tensorNormSq(s: CPSetup): number {
  if (s.masked) return s.masked.impute(s.work, true).normSq;
  return sumSquares(s.inp.data, s.inp.offset, s.inp.array.size);
}

/**
 * The relative error from norms (TensorLy's `error_calc` without a mask):
 * `√|‖t‖² + ‖cp‖² − 2⟨t, cp⟩| / ‖t‖`, where `⟨t, cp⟩ = Σ mttkrp_k ∘ F_k` for the mode `k`
 * whose MTTKRP `m` was computed with the current factors and weights.
 */
export function normError(s: CPSetup, normSq: number, m: Float64Array, k: number): number {
  const w = s.work, r = w.rank;
  const iprod = innerProduct(m, w.factors[k], w.shape[k] * r);
  const cpSq = cpNormSq(w.grams, w.weights, new Float64Array(r * r));
  return Math.sqrt(Math.abs(normSq + cpSq - 2 * iprod)) / Math.sqrt(normSq);
}

/**
 * The bookkeeping of a sweep-based CP solver (ALS, multiplicative updates, HALS) over the
 * updated modes of `s`: the MTTKRP buffers, ‖t‖², the error history, the `onIteration`
 * callback, the convergence test and the normalization.
 */
export class CPSweeps {
  /** The relative error after each sweep. */
  readonly errors: number[] = [];
  /** The last updated mode: a sweep leaves its MTTKRP in `mLast`, which gives the error. */
  readonly last: number;
  /** ‖t‖² of the tensor being fitted (masked: imputed with the current model). */
  normSq: number;
  private readonly m: Float64Array;
  private readonly mLast: Float64Array;

  /**
   * The sweeps of `s`, or null when no mode is updated or `onIteration`, called with the
   * starting model and its error, asks to stop (the result is then the starting model).
   */
  static start(s: CPSetup): CPSweeps | null {
    if (s.modes.length === 0) return null;
    const sw = new CPSweeps(s);
    if (!s.callback) return sw;
    const e0 = sw.modelError();
    return s.callback(snapshot(s.work), e0) === true ? null : sw;
  }

  private constructor(private readonly s: CPSetup) {
    const { work, modes } = s;
    this.last = modes[modes.length - 1];
    this.m = new Float64Array(Math.max(...work.shape) * work.rank);
    this.mLast = new Float64Array(work.shape[this.last] * work.rank);
    this.normSq = tensorNormSq(s);
  }

  /** The MTTKRP of mode `k` with the current model, in a buffer valid until the next call. */
  mttkrp(k: number): Float64Array {
    const mk = k === this.last ? this.mLast : this.m;
    this.s.work.mttkrp(k, mk);
    return mk;
  }

  /**
   * The relative error of the current model, the tensor left as it is (masked: over the
   * observed entries, relative to the norm of the tensor imputed with the model).
   */
  modelError(): number {
    const s = this.s;
    if (s.masked) {
      const st = s.masked.impute(s.work, false);
      return Math.sqrt(st.errSq / st.normSq);
    }
    s.work.mttkrp(this.last, this.m);
    return normError(s, this.normSq, this.m, this.last);
  }

  /**
   * The relative error after a sweep, from the MTTKRP of the last mode it left (masked: the
   * missing entries are imputed with the model first, and ‖t‖² follows).
   */
  sweepError(): number {
    const s = this.s;
    if (!s.masked) return normError(s, this.normSq, this.mLast, this.last);
    const st = s.masked.impute(s.work, true);
    this.normSq = st.normSq;
    return Math.sqrt(st.errSq / st.normSq);
  }

  /**
   * Records that factor `k` changed in place, and normalizes it when asked to (except the
   * last mode's, which {@link endSweep} normalizes).
   */
  factorUpdated(k: number): void {
    const s = this.s;
    s.work.factorChanged(k);
    if (s.normalize && k !== this.last) normalizeMode(s.work, k);
  }

  /**
   * Records the error of a sweep and tells whether to stop (`onIteration` returned true, or
   * the error converged); otherwise normalizes the last mode when asked to.
   */
  endSweep(err: number): boolean {
    const s = this.s;
    this.errors.push(err);
    if (s.callback && s.callback(snapshot(s.work), err) === true) return true;
    if (converged(this.errors, s.tol, s.cvg)) return true;
    if (s.normalize) normalizeMode(s.work, this.last);
    return false;
  }

  /** The result after the last sweep (the last mode normalized when asked to). */
  result(): CPResult {
    if (this.s.normalize) normalizeMode(this.s.work, this.last);
    return finish(this.s.work, this.errors, this.errors.length);
  }
}

/** A CP tensor of copies of the current factors and weights. */
export function snapshot(work: CPWork): CPTensor {
  const [w, fs] = arrays(work);
  return new CPTensor(w, fs);
}

/** The result: factors, weights, errors and the iteration count. */
export function finish(work: CPWork, errors: number[], nIter: number): CPResult {
  const [w, fs] = arrays(work);
  return new CPResult(w, fs, errors, nIter);
}

function arrays(work: CPWork): [NDArray, NDArray[]] {
  const dt = work.dt;
  const weights = dt === "float32" ? Float32Array.from(work.weights) : work.weights.slice();
  const w = new NDArray(dt, weights, [work.rank]);
  const fs = work.factors.map((f, k) => new NDArray(dt, f.slice(), [work.shape[k], work.rank]));
  return [w, fs];
}
