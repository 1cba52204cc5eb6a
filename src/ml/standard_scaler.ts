/**
 * `StandardScaler`: removes each feature's mean and divides by its standard deviation
 * (scikit-learn's `sklearn.preprocessing.StandardScaler`).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { Estimator } from "./_base.ts";
import { EPS64, type FloatDTypeOf } from "./_float_dtype.ts";
import { centeredMoments, columnSums, mulAdd, nanColumnSums, subDiv } from "./_column_stats.ts";
import { samplesSeen, scaleColumns } from "./_scaler_io.ts";
import { checkBool, toMat, vector } from "./_validation.ts";

/** Options of {@linkcode StandardScaler}. */
export interface StandardScalerOpts {
  /** Subtract the mean (default true). */
  withMean?: boolean;
  /** Divide by the standard deviation (default true). */
  withStd?: boolean;
  /**
   * False to transform a float64 or float32 C-contiguous NDArray in place (and return it), as
   * scikit-learn's `copy=False`; other inputs are copied anyway. Default true.
   */
  copy?: boolean;
}

const DEFAULTS: Required<StandardScalerOpts> = { withMean: true, withStd: true, copy: true };
const NAME = "StandardScaler";

/**
 * Standardizes features: `z = (x - mean) / scale` with the mean and the population standard
 * deviation of each feature in the training data. As scikit-learn: NaNs are ignored in `fit`
 * and kept by `transform`; a feature whose variance is zero (or within rounding of zero) gets
 * `scale` 1; `partialFit` updates the statistics chunk by chunk (Chan, Golub and LeVeque's
 * pairwise update), so fitting the chunks of a memmap (`nd.io.chunks`) equals `fit` on the
 * whole; `fit` returns `this`. A float32 input gives a float32 output; the statistics are
 * float64 whatever the input (computed in float64, as scikit-learn does).
 *
 * Fitted attributes: `mean`, `var`, `scale` (null when `withMean`/`withStd` turn them off, as
 * scikit-learn's `None`), `nSamplesSeen` (a number, or the int64 count per feature when NaNs
 * made them differ) and `nFeaturesIn`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = [[0, 0], [0, 0], [1, 1], [1, 1]];
 * const scaler = new nd.ml.StandardScaler().fit(x);
 * assert.deepEqual(scaler.mean!.toArray(), [0.5, 0.5]);
 * assert.deepEqual(scaler.transform([[2, 2]]).toArray(), [[3, 3]]);
 * assert.equal(scaler.toString(), "StandardScaler()");
 * ```
 */
export class StandardScaler extends Estimator {
  /** Subtract the mean. */
  readonly withMean: boolean;
  /** Divide by the standard deviation. */
  readonly withStd: boolean;
  /** False: transform float64 or float32 C-contiguous input in place. */
  readonly copy: boolean;
  #mean: Float64Array | null = null;
  #var: Float64Array | null = null;
  #scale: Float64Array | null = null;
  #counts: Float64Array | null = null;

  /** A scaler with the given options (all optional). */
  constructor(opts: StandardScalerOpts = {}) {
    super(NAME, DEFAULTS);
    const o = { ...DEFAULTS, ...opts };
    this.withMean = checkBool(NAME, "withMean", o.withMean);
    this.withStd = checkBool(NAME, "withStd", o.withStd);
    this.copy = checkBool(NAME, "copy", o.copy);
  }

  /** The options, as passed to the constructor. */
  getParams(): Required<StandardScalerOpts> {
    return { withMean: this.withMean, withStd: this.withStd, copy: this.copy };
  }

  /** The mean of each feature (null with `withMean` and `withStd` both false). */
  get mean(): NDArray<"float64"> | null {
    this.checkFitted();
    return this.#mean && vector(this.#mean);
  }

  /** The population variance of each feature (null with `withStd: false`). */
  get var(): NDArray<"float64"> | null {
    this.checkFitted();
    return this.#var && vector(this.#var);
  }

  /** The divisor of each feature: its standard deviation, 1 for constant features. */
  get scale(): NDArray<"float64"> | null {
    this.checkFitted();
    return this.#scale && vector(this.#scale);
  }

  /** The samples seen: a number, or per feature when NaNs made the counts differ. */
  get nSamplesSeen(): number | NDArray<"int64"> {
    this.checkFitted();
    return samplesSeen(this.#counts as Float64Array);
  }

  /** Computes the mean and standard deviation of `X` (samples × features), forgetting earlier fits. */
  fit(X: ArrayLike): this {
    const m = toMat(X, NAME);
    this.#update(m.data, m.rows, m.cols, true);
    return this;
  }

  /**
   * Updates the statistics with another chunk of samples: `partialFit` over the chunks of `X`
   * gives the statistics of `fit(X)` (to rounding). As in scikit-learn, a chunk in which a
   * feature is all NaN makes that feature's statistics NaN.
   */
  partialFit(X: ArrayLike): this {
    const m = this.readNext(X);
    this.#update(m.data, m.rows, m.cols, !this.isFitted);
    return this;
  }

  #update(d: Float64Array, rows: number, cols: number, first: boolean): void {
    const sums = new Float64Array(cols), counts = new Float64Array(cols).fill(rows);
    columnSums(d, rows, cols, sums);
    let nan = false;
    for (let j = 0; j < cols; j++) if (!Number.isFinite(sums[j])) nan = true;
    if (nan) nanColumnSums(d, rows, cols, sums, counts, NAME); // throws on infinity
    const lastN = first ? new Float64Array(cols) : this.#counts as Float64Array;
    const updatedN = lastN.map((n, j) => n + counts[j]);
    let mean: Float64Array | null = null, v: Float64Array | null = null;
    if (this.withMean || this.withStd) {
      const lastMean = first ? new Float64Array(cols) : this.#mean as Float64Array;
      const lastSum = lastMean.map((mu, j) => mu * lastN[j]);
      mean = lastSum.map((s, j) => (s + sums[j]) / updatedN[j]);
      if (this.withStd) {
        const lastVar = first ? new Float64Array(cols) : this.#var as Float64Array;
        const t = sums.map((s, j) => s / counts[j]);
        const corr = new Float64Array(cols), sq = new Float64Array(cols);
        centeredMoments(d, rows, cols, t, corr, sq, nan);
        v = new Float64Array(cols);
        for (let j = 0; j < cols; j++) {
          const newUnnorm = sq[j] - corr[j] * corr[j] / counts[j];
          let unnorm = newUnnorm;
          if (lastN[j] !== 0) {
            const lastOverNew = lastN[j] / counts[j];
            const gap = lastSum[j] / lastOverNew - sums[j];
            unnorm = lastVar[j] * lastN[j] + newUnnorm + lastOverNew / updatedN[j] * (gap * gap);
          }
          v[j] = unnorm / updatedN[j];
        }
      }
    }
    let scale: Float64Array | null = null;
    if (v && mean) {
      scale = new Float64Array(cols);
      for (let j = 0; j < cols; j++) {
        const n = updatedN[j];
        // scikit-learn's _is_constant_feature: within the rounding bound of the 2-pass variance
        const bound = n * mean[j] * EPS64;
        const constant = v[j] <= n * EPS64 * v[j] + bound * bound;
        scale[j] = constant ? 1 : Math.sqrt(v[j]);
      }
    }
    this.#mean = mean;
    this.#var = v;
    this.#scale = scale;
    this.#counts = updatedN;
    this.fitted(cols);
  }

  /** `(X - mean) / scale` for each feature (NaN stays NaN); float32 for float32 input. */
  transform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    const mean = this.withMean ? this.#mean : null;
    return scaleColumns(X, this.readFitted(X), this.copy, subDiv, mean, this.#scale, NAME);
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return this.fit(X).transform(X);
  }

  /** Undoes the scaling: `X * scale + mean` (float32 for float32 input). */
  inverseTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    const mean = this.withMean ? this.#mean : null;
    return scaleColumns(X, this.readFitted(X), this.copy, mulAdd, this.#scale, mean, NAME);
  }

  /** The fitted attributes for the Jupyter display. */
  protected fittedAttributes(): Record<string, unknown> {
    return { mean: this.mean, var: this.var, scale: this.scale, nSamplesSeen: this.nSamplesSeen };
  }
}
