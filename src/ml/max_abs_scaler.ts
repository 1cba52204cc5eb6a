/**
 * `MaxAbsScaler`: divides each feature by its maximum absolute value
 * (scikit-learn's `sklearn.preprocessing.MaxAbsScaler`).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { Estimator } from "./_base.ts";
import { mulAdd, nanColumnMaxAbs, subDiv } from "./_column_stats.ts";
import { epsOf, type FloatDTypeOf, floatVector, type OutDType, promote } from "./_float_dtype.ts";
import { scaleColumns } from "./_scaler_io.ts";
import { checkBool, type Mat, toMat } from "./_validation.ts";

/** Options of {@linkcode MaxAbsScaler}. */
export interface MaxAbsScalerOpts {
  /** False to transform a float64 or float32 C-contiguous NDArray in place (default true). */
  copy?: boolean;
}

const DEFAULTS: Required<MaxAbsScalerOpts> = { copy: true };
const NAME = "MaxAbsScaler";

/**
 * Scales each feature into [-1, 1] by its maximum absolute value, without shifting it (so
 * sparsity is kept). An all-zero feature gets scale 1; NaNs are ignored in `fit` and kept by
 * `transform`; `partialFit` over chunks equals `fit` on the whole. Fitted on float32 input
 * (every chunk float32), `maxAbs` and `scale` are float32; a float32 input gives a float32
 * output.
 *
 * Fitted attributes: `maxAbs`, `scale`, `nSamplesSeen`, `nFeaturesIn`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const scaler = new nd.ml.MaxAbsScaler().fit([[1, -1, 2], [2, 0, 0], [0, 1, -1]]);
 * assert.deepEqual(scaler.maxAbs.toArray(), [2, 1, 2]);
 * assert.deepEqual(scaler.transform([[1, 1, 1]]).toArray(), [[0.5, 1, 0.5]]);
 * ```
 */
export class MaxAbsScaler extends Estimator {
  /** False: transform float64 or float32 C-contiguous input in place. */
  readonly copy: boolean;
  #maxAbs: Float64Array = new Float64Array(0);
  #scale: Float64Array = new Float64Array(0);
  #dtype: OutDType = "float64";
  #seen = 0;

  /** A scaler with the given options (all optional). */
  constructor(opts: MaxAbsScalerOpts = {}) {
    super(NAME, DEFAULTS);
    this.copy = checkBool(NAME, "copy", opts.copy ?? DEFAULTS.copy);
  }

  /** The options, as passed to the constructor. */
  getParams(): Required<MaxAbsScalerOpts> {
    return { copy: this.copy };
  }

  /** Per-feature maximum absolute value seen (NaNs ignored). */
  get maxAbs(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatVector(this.#dtype, this.#maxAbs);
  }
  /** Per-feature divisor: `maxAbs`, 1 for all-zero features. */
  get scale(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatVector(this.#dtype, this.#scale);
  }
  /** The number of samples seen. */
  get nSamplesSeen(): number {
    this.checkFitted();
    return this.#seen;
  }

  /** Computes each feature's maximum absolute value, forgetting earlier fits. */
  fit(X: ArrayLike): this {
    this.#update(toMat(X, NAME), true);
    return this;
  }

  /**
   * Updates the maxima with another chunk of samples (a chunk in which a feature is all NaN
   * makes its maximum NaN, as in scikit-learn).
   */
  partialFit(X: ArrayLike): this {
    this.#update(this.readNext(X), !this.isFitted);
    return this;
  }

  #update(m: Mat, first: boolean): void {
    const maxAbs = new Float64Array(m.cols);
    nanColumnMaxAbs(m.data, m.rows, m.cols, maxAbs, NAME);
    if (!first) {
      for (let j = 0; j < m.cols; j++) {
        maxAbs[j] = Math.max(this.#maxAbs[j], maxAbs[j]);
      }
    }
    const dtype = first ? m.dtype : promote(this.#dtype, m.dtype);
    const eps = epsOf(dtype); // _handle_zeros_in_scale: the epsilon of the attribute's dtype
    this.#maxAbs = maxAbs;
    this.#scale = maxAbs.map((v) => v < 10 * eps ? 1 : v);
    this.#dtype = dtype;
    this.#seen = first ? m.rows : this.#seen + m.rows;
    this.fitted(m.cols);
  }

  /** `X / scale` (float32 for float32 input). */
  transform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return scaleColumns(X, this.readFitted(X), this.copy, subDiv, null, this.#scale, NAME);
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return this.fit(X).transform(X);
  }

  /** Undoes the scaling: `X * scale` (float32 for float32 input). */
  inverseTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return scaleColumns(X, this.readFitted(X), this.copy, mulAdd, this.#scale, null, NAME);
  }

  /** The fitted attributes for the Jupyter display. */
  protected fittedAttributes(): Record<string, unknown> {
    return { maxAbs: this.maxAbs, scale: this.scale, nSamplesSeen: this.nSamplesSeen };
  }
}
