/**
 * Internal pieces shared by the non-negative Tucker decompositions: their options, the sweeps
 * (the normal equations of every factor, the error history, the stopping test), the
 * contraction of two tensors over every mode but one, the Tucker fit error from small
 * products and TensorLy's `tucker_normalize`.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { matmul } from "../linalg/matmul.ts";
import { TuckerResult } from "./tucker_result.ts";
import type { NonNegativeTuckerOpts } from "./non_negative_tucker.ts";
import {
  checkCount,
  checkNonNeg,
  flat,
  type FloatDType,
  fromData,
  innerAll,
  modeProduct,
  multiModeProduct,
  sqNorm,
  sweepsConverged,
  unfoldCopy,
} from "./_tucker_ops.ts";
import { checkSvd } from "./_tucker_svd.ts";
import { checkInit, type InitOpts, type Start } from "./_tucker_init.ts";

/** The validated options of a non-negative Tucker solver, its start's included. */
export interface NnTuckerSetup extends InitOpts {
  nIterMax: number;
  tol: number;
  normalize: boolean;
  /** The modes whose factors are not updated. */
  fixed?: readonly number[];
}

/** Checks the options common to the non-negative Tucker solvers, with their defaults. */
export function checkNnTuckerOpts(
  opts: NonNegativeTuckerOpts,
  defaults: { nIterMax: number; tol: number },
  where: string,
): NnTuckerSetup {
  const nIterMax = checkCount(opts.nIterMax ?? defaults.nIterMax, "nIterMax", where, 0);
  const tol = checkNonNeg(opts.tol ?? defaults.tol, "tol", where);
  const init = checkInit(opts.init, where);
  const svd = checkSvd(opts.svd, where, "symeig_svd");
  const normalize = !!opts.normalizeFactors;
  return {
    nIterMax,
    tol,
    normalize,
    init,
    svd,
    rng: opts.rng,
    mask: null,
    svdMaskRepeats: 0,
    nonNegative: true,
  };
}

/** The updates of one non-negative Tucker solver, each given what it needs. */
export interface NnTuckerStep {
  /**
   * The new factor of `mode` (or `f` updated in place) from the normal equations of
   * min ‖unfold(X) − F·Bᵀ‖ with B = unfold(core ×ₖ Fₖ, k ≠ mode)ᵀ: `xb` = unfold(X)·B and
   * `btb` = BᵀB.
   */
  factor(f: NDArray, mode: number, xb: NDArray, btb: NDArray): NDArray;
  /** The new core (or `core` updated in place) from `z` = X ×ₖ Fₖᵀ and the Grams FₖᵀFₖ. */
  core(core: NDArray, z: NDArray, gramList: NDArray[]): NDArray;
}

/**
 * The sweeps of a non-negative Tucker solver from `start`: each updates the factors in mode
 * order (except the `fixed` modes'), then the core, and records the relative error; stops
 * after `nIterMax` sweeps or as {@link sweepsConverged} says. With `normalize`, the factors'
 * column norms move into the core after every sweep that does not stop.
 */
export function nnTuckerSweeps(
  x: NDArray,
  start: Start,
  o: NnTuckerSetup,
  step: NnTuckerStep,
): TuckerResult {
  let { core, factors } = start;
  const normX2 = sqNorm(x);
  const errors: number[] = [];
  for (let it = 0; it < o.nIterMax; it++) {
    let z = x; // X ×ₘ Fₘᵀ over the modes already swept
    for (let mode = 0; mode < x.ndim; mode++) {
      if (!o.fixed?.includes(mode)) {
        const gs: (NDArray | null)[] = grams(factors).map((g, k) => k === mode ? null : g);
        const btb = unfoldDot(multiModeProduct(core, gs, false), core, mode);
        const later: (NDArray | null)[] = factors.map((f, k) => k > mode ? f : null);
        const xb = unfoldDot(multiModeProduct(z, later, true), core, mode);
        factors[mode] = step.factor(factors[mode], mode, xb, btb);
      }
      z = modeProduct(z, factors[mode], mode, true);
    }
    const gramList = grams(factors);
    core = step.core(core, z, gramList);
    errors.push(fitError(normX2, z, core, gramList));
    if (sweepsConverged(errors, o.tol)) break;
    if (o.normalize) ({ core, factors } = tuckerNormalize(core, factors));
  }
  return new TuckerResult(core, factors, errors);
}

/** `unfold(a, mode) · unfold(b, mode)ᵀ`: a and b contracted over every mode but `mode`. */
function unfoldDot(a: NDArray, b: NDArray, mode: number): NDArray {
  return matmul(unfoldCopy(a, mode), unfoldCopy(b, mode).T);
}

/** FᵀF for every factor. */
function grams(factors: readonly NDArray[]): NDArray[] {
  return factors.map((f) => matmul(f.T, f));
}

/**
 * The relative error ‖X − G ×ₖ Fₖ‖/‖X‖ from `xf = X ×ₖ Fₖᵀ` and the Grams FₖᵀFₖ:
 * ‖X‖² − 2⟨xf, G⟩ + ⟨G, G ×ₖ FₖᵀFₖ⟩, without forming the full tensor.
 */
function fitError(
  normX2: number,
  xf: NDArray,
  core: NDArray,
  gramList: readonly NDArray[],
): number {
  const gg = multiModeProduct(core, gramList, false);
  const r2 = normX2 - 2 * innerAll(xf, core) + innerAll(core, gg);
  return normX2 > 0 ? Math.sqrt(Math.max(r2, 0) / normX2) : 0;
}

/**
 * TensorLy's `tucker_normalize`: unit-norm factor columns, their norms moved into the core
 * (zero columns stay zero). Returns fresh arrays.
 */
function tuckerNormalize(
  core: NDArray,
  factors: readonly NDArray[],
): { core: NDArray; factors: NDArray[] } {
  const dtype = core.dtype as FloatDType;
  let g = core;
  const out = factors.map((f, k) => {
    const [rows, r] = f.shape;
    const src = flat(f);
    const scales = new Float64Array(r);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < r; j++) scales[j] += src[i * r + j] ** 2;
    }
    for (let j = 0; j < r; j++) scales[j] = Math.sqrt(scales[j]);
    const nf = new (src.constructor as Float64ArrayConstructor)(rows * r);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < r; j++) nf[i * r + j] = src[i * r + j] / (scales[j] || 1);
    }
    g = scaleMode(g, k, scales);
    return fromData(dtype, nf, [rows, r]);
  });
  return { core: g, factors: out };
}

/** `g` with slice j along `mode` multiplied by s[j] (a fresh C-contiguous array). */
function scaleMode(g: NDArray, mode: number, s: Float64Array): NDArray {
  const src = flat(g);
  const n = g.shape[mode];
  let q = 1;
  for (let k = mode + 1; k < g.ndim; k++) q *= g.shape[k];
  const out = new (src.constructor as Float64ArrayConstructor)(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i] * s[Math.floor(i / q) % n];
  return fromData(g.dtype as FloatDType, out, g.shape.slice());
}
