/**
 * Option types shared by the CP decompositions (`parafac`, `nonNegativeParafac`,
 * `nonNegativeParafacHals`) and their estimator classes.
 *
 * @module
 */

import type { CPLikeInput, CPTensor } from "./cp_tensor.ts";
import type { RngLike } from "./random_tensors.ts";

/** Called with the current model and its relative error; returning `true` stops the fit. */
export type CPCallback = (cp: CPTensor, relErr: number) => boolean | void;

/** Options common to `parafac`, `nonNegativeParafac` and `nonNegativeParafacHals`. */
export interface CPCommonOpts {
  /** Maximum number of iterations (default 100). */
  nIterMax?: number;
  /**
   * `"svd"` (default: leading left singular vectors of each unfolding, signs fixed so that
   * each column's largest entry is positive, the first mode's scaled by the singular values),
   * `"random"` (uniform [0, 1) factors from `rng`, as `randomCp` draws them) or a CP tensor
   * (`CPTensor` or `{ weights, factors }`) to start from, weights included.
   */
  init?: "svd" | "random" | CPLikeInput;
  /** The SVD used by `init: "svd"`: `"truncated_svd"` (default) or `"symeig_svd"`. */
  svd?: "truncated_svd" | "symeig_svd";
  /** Stop when the relative error changes by less than `tol` between iterations; 0: never. */
  tol?: number;
  /** Keep unit-norm factor columns, their norms in the weights (default false). */
  normalizeFactors?: boolean;
  /**
   * Modes whose factors are never updated: they stay bit-identical to the initial ones (any
   * mode, the last one too; normalization and orthogonalisation leave them alone).
   */
  fixedModes?: readonly number[];
  /** The source of randomness of `init: "random"` and of SVD padding: a Generator or a seed. */
  rng?: RngLike;
  /**
   * `"abs_rec_error"` (default): stop when |Δ error| < tol; `"rec_error"`: stop when the
   * error decreased by less than tol (or increased).
   */
  cvgCriterion?: "abs_rec_error" | "rec_error";
  /**
   * Called with the initial model (its error, before the first iteration) and after every
   * iteration with a snapshot of the model and its relative error; returning `true` stops.
   */
  onIteration?: CPCallback;
}
