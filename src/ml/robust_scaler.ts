/**
 * `RobustScaler`: centers each feature on its median and divides by its interquartile range
 * (scikit-learn's `sklearn.preprocessing.RobustScaler`).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { Estimator } from "./_base.ts";
import { mulAdd, rejectInfinity, subDiv } from "./_column_stats.ts";
import { ndtri } from "./_normal.ts";
import { medianSorted, percentileSorted, sortedColumn } from "./_quantiles.ts";
import { EPS64, type FloatDTypeOf, floatVector, type OutDType } from "./_float_dtype.ts";
import { scaleColumns } from "./_scaler_io.ts";
import { checkBool, checkPair, toMat, vector } from "./_validation.ts";

/** Options of {@linkcode RobustScaler}. */
export interface RobustScalerOpts {
  /** Subtract the median (default true). */
  withCentering?: boolean;
  /** Divide by the quantile range (default true). */
  withScaling?: boolean;
  /** The percentiles `[qMin, qMax]` whose difference is the scale, 0 ≤ qMin ≤ qMax ≤ 100 (default [25, 75]). */
  quantileRange?: readonly [number, number];
  /** False to transform a float64 or float32 C-contiguous NDArray in place (default true). */
  copy?: boolean;
  /** Also divide by the normal distribution's quantile range, so normal data gets variance 1 (default false). */
  unitVariance?: boolean;
}

const DEFAULTS: Required<RobustScalerOpts> = {
  withCentering: true,
  withScaling: true,
  quantileRange: [25, 75],
  copy: true,
  unitVariance: false,
};
const NAME = "RobustScaler";

/**
 * Scales with statistics robust to outliers: `(x - center) / scale` where `center` is each
 * feature's median and `scale` the difference of its `quantileRange` percentiles (NumPy's
 * linear percentiles, NaNs ignored), 1 where that difference is zero. Fitted on float32 input,
 * `center` is float32 and `scale` float64 (NumPy's median and percentiles of float32 data), as
 * in scikit-learn; a float32 input gives a float32 output.
 *
 * Fitted attributes: `center`, `scale` (null when turned off), `nFeaturesIn`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const scaler = new nd.ml.RobustScaler().fit([[1, -2], [-2, 1], [4, 1], [3, 2]]);
 * assert.deepEqual(scaler.center!.toArray(), [2, 1]);
 * assert.deepEqual(scaler.scale!.toArray(), [3, 1]); // 3.25 - 0.25 and 1.25 - 0.25
 * assert.deepEqual(scaler.transform([[8, 4]]).toArray(), [[2, 3]]);
 * ```
 */
export class RobustScaler extends Estimator {
  /** Subtract the median. */
  readonly withCentering: boolean;
  /** Divide by the quantile range. */
  readonly withScaling: boolean;
  /** The percentiles whose difference is the scale. */
  readonly quantileRange: readonly [number, number];
  /** False: transform float64 or float32 C-contiguous input in place. */
  readonly copy: boolean;
  /** Scale so that normal data gets unit variance. */
  readonly unitVariance: boolean;
  #center: Float64Array | null = null;
  #scale: Float64Array | null = null;
  #dtype: OutDType = "float64";

  /** A scaler with the given options (all optional). */
  constructor(opts: RobustScalerOpts = {}) {
    super(NAME, DEFAULTS);
    const o = { ...DEFAULTS, ...opts };
    this.withCentering = checkBool(NAME, "withCentering", o.withCentering);
    this.withScaling = checkBool(NAME, "withScaling", o.withScaling);
    const [lo, hi] = checkPair(NAME, "quantileRange", o.quantileRange, "[qMin, qMax]");
    if (!(0 <= lo && lo <= hi && hi <= 100)) {
      throw new RangeError(
        `${NAME}: invalid quantile range: [${lo}, ${hi}]: need 0 ≤ qMin ≤ qMax ≤ 100`,
      );
    }
    this.quantileRange = [lo, hi];
    this.copy = checkBool(NAME, "copy", o.copy);
    this.unitVariance = checkBool(NAME, "unitVariance", o.unitVariance);
  }

  /** The options, as passed to the constructor. */
  getParams(): Required<RobustScalerOpts> {
    return {
      withCentering: this.withCentering,
      withScaling: this.withScaling,
      quantileRange: [...this.quantileRange],
      copy: this.copy,
      unitVariance: this.unitVariance,
    };
  }

  /** Per-feature median (null with `withCentering: false`). */
  get center(): NDArray<"float64" | "float32"> | null {
    this.checkFitted();
    return this.#center && floatVector(this.#dtype, this.#center);
  }
  /** Per-feature quantile range (null with `withScaling: false`). */
  get scale(): NDArray<"float64"> | null {
    this.checkFitted();
    return this.#scale && vector(this.#scale);
  }

  /** Computes the medians and quantile ranges of `X` (NaNs ignored). */
  fit(X: ArrayLike): this {
    const m = toMat(X, NAME);
    rejectInfinity(m.data, NAME);
    const center = this.withCentering ? new Float64Array(m.cols) : null;
    const scale = this.withScaling ? new Float64Array(m.cols) : null;
    const [qMin, qMax] = this.quantileRange;
    const adjust = this.unitVariance ? ndtri(qMax / 100) - ndtri(qMin / 100) : 1;
    const f32 = m.dtype === "float32";
    for (let j = 0; j < m.cols; j++) {
      const s = sortedColumn(m.data, m.rows, m.cols, j);
      // float32: the median in float32 (the mean of the middle values rounded), the percentiles
      // in float64 (NumPy's lerp of float32 values)
      if (center) center[j] = f32 ? Math.fround(medianSorted(s)) : medianSorted(s);
      if (scale) {
        let q = percentileSorted(s, qMax, f32) - percentileSorted(s, qMin, f32);
        if (q < 10 * EPS64) q = 1; // _handle_zeros_in_scale
        scale[j] = this.unitVariance ? q / adjust : q;
      }
    }
    this.#center = center;
    this.#scale = scale;
    this.#dtype = m.dtype;
    this.fitted(m.cols);
    return this;
  }

  /** `(X - center) / scale` (float32 for float32 input). */
  transform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return scaleColumns(X, this.readFitted(X), this.copy, subDiv, this.#center, this.#scale, NAME);
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return this.fit(X).transform(X);
  }

  /** Undoes the scaling: `X * scale + center` (float32 for float32 input). */
  inverseTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return scaleColumns(X, this.readFitted(X), this.copy, mulAdd, this.#scale, this.#center, NAME);
  }

  /** The fitted attributes for the Jupyter display. */
  protected fittedAttributes(): Record<string, unknown> {
    return { center: this.center, scale: this.scale };
  }
}
