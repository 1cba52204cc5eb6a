/**
 * `MinMaxScaler`: maps each feature linearly onto a range, by default [0, 1]
 * (scikit-learn's `sklearn.preprocessing.MinMaxScaler`).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { Estimator } from "./_base.ts";
import { mulAdd, nanColumnMinMax, subDiv } from "./_column_stats.ts";
import { epsOf, type FloatDTypeOf, floatVector, type OutDType, promote } from "./_float_dtype.ts";
import { outputFor, scaleColumns } from "./_scaler_io.ts";
import { checkBool, checkPair, type Mat, toMat } from "./_validation.ts";

/** Options of {@linkcode MinMaxScaler}. */
export interface MinMaxScalerOpts {
  /** The target range `[min, max]` of every feature, min < max (default [0, 1]). */
  featureRange?: readonly [number, number];
  /** False to transform a float64 or float32 C-contiguous NDArray in place (default true). */
  copy?: boolean;
  /** Clip transformed values of unseen data into `featureRange` (default false). */
  clip?: boolean;
}

const DEFAULTS: Required<MinMaxScalerOpts> = { featureRange: [0, 1], copy: true, clip: false };
const NAME = "MinMaxScaler";

/**
 * Scales each feature to `featureRange`: `x * scale + min` with
 * `scale = (hi - lo) / (dataMax - dataMin)` and `min = lo - dataMin * scale`, as scikit-learn
 * computes them (a constant feature gets range 1). NaNs are ignored in `fit` and kept by
 * `transform`; `partialFit` over chunks equals `fit` on the whole. Fitted on float32 input
 * (every chunk float32), the attributes are float32, computed in float32 arithmetic as
 * scikit-learn's; a float32 input gives a float32 output.
 *
 * Fitted attributes: `min`, `scale`, `dataMin`, `dataMax`, `dataRange`, `nSamplesSeen`,
 * `nFeaturesIn`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const scaler = new nd.ml.MinMaxScaler().fit([[-1, 2], [-0.5, 6], [0, 10], [1, 18]]);
 * assert.deepEqual(scaler.dataMax.toArray(), [1, 18]);
 * assert.deepEqual(scaler.transform([[2, 2]]).toArray(), [[1.5, 0]]);
 * ```
 */
export class MinMaxScaler extends Estimator {
  /** The target range. */
  readonly featureRange: readonly [number, number];
  /** False: transform float64 or float32 C-contiguous input in place. */
  readonly copy: boolean;
  /** Clip transformed values into `featureRange`. */
  readonly clip: boolean;
  #min: Float64Array = new Float64Array(0);
  #scale: Float64Array = new Float64Array(0);
  #dataMin: Float64Array = new Float64Array(0);
  #dataMax: Float64Array = new Float64Array(0);
  #dtype: OutDType = "float64";
  #seen = 0;

  /** A scaler with the given options (all optional). */
  constructor(opts: MinMaxScalerOpts = {}) {
    super(NAME, DEFAULTS);
    const o = { ...DEFAULTS, ...opts };
    const [lo, hi] = checkPair(NAME, "featureRange", o.featureRange, "[min, max]");
    if (lo >= hi) {
      throw new RangeError(
        `${NAME}: the minimum of the desired feature range must be smaller than its maximum: ` +
          `got [${lo}, ${hi}]`,
      );
    }
    this.featureRange = [lo, hi];
    this.copy = checkBool(NAME, "copy", o.copy);
    this.clip = checkBool(NAME, "clip", o.clip);
  }

  /** The options, as passed to the constructor. */
  getParams(): Required<MinMaxScalerOpts> {
    return { featureRange: [...this.featureRange], copy: this.copy, clip: this.clip };
  }

  /** Per-feature offset: `lo - dataMin * scale`. */
  get min(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatVector(this.#dtype, this.#min);
  }
  /** Per-feature factor: `(hi - lo) / dataRange` (range 1 for constant features). */
  get scale(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatVector(this.#dtype, this.#scale);
  }
  /** Per-feature minimum seen (NaNs ignored). */
  get dataMin(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatVector(this.#dtype, this.#dataMin);
  }
  /** Per-feature maximum seen (NaNs ignored). */
  get dataMax(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatVector(this.#dtype, this.#dataMax);
  }
  /** Per-feature `dataMax - dataMin`. */
  get dataRange(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatVector(this.#dtype, this.#dataMax.map((v, j) => v - this.#dataMin[j]));
  }
  /** The number of samples seen (NaNs included). */
  get nSamplesSeen(): number {
    this.checkFitted();
    return this.#seen;
  }

  /** Computes each feature's minimum and maximum, forgetting earlier fits. */
  fit(X: ArrayLike): this {
    this.#update(toMat(X, NAME), true);
    return this;
  }

  /**
   * Updates the minima and maxima with another chunk of samples (a chunk in which a feature is
   * all NaN makes them NaN, as in scikit-learn).
   */
  partialFit(X: ArrayLike): this {
    this.#update(this.readNext(X), !this.isFitted);
    return this;
  }

  #update(m: Mat, first: boolean): void {
    const mins = new Float64Array(m.cols), maxs = new Float64Array(m.cols);
    nanColumnMinMax(m.data, m.rows, m.cols, mins, maxs, NAME);
    const dtype = first ? m.dtype : promote(this.#dtype, m.dtype);
    if (!first) {
      // np.minimum/np.maximum: NaN propagates, as Math.min/Math.max
      for (let j = 0; j < m.cols; j++) {
        mins[j] = Math.min(this.#dataMin[j], mins[j]);
        maxs[j] = Math.max(this.#dataMax[j], maxs[j]);
      }
    }
    // float32: NumPy's float32 arithmetic, the Python numbers of featureRange rounded first
    const r = dtype === "float32" ? Math.fround : (v: number) => v;
    const [lo, hi] = this.featureRange;
    const eps = epsOf(dtype);
    const scale = new Float64Array(m.cols), min = new Float64Array(m.cols);
    for (let j = 0; j < m.cols; j++) {
      let range = r(maxs[j] - mins[j]);
      if (range < 10 * eps) range = 1; // _handle_zeros_in_scale
      scale[j] = r(r(hi - lo) / range);
      min[j] = r(r(lo) - r(mins[j] * scale[j]));
    }
    this.#seen = first ? m.rows : this.#seen + m.rows;
    this.#dataMin = mins;
    this.#dataMax = maxs;
    this.#scale = scale;
    this.#min = min;
    this.#dtype = dtype;
    this.fitted(m.cols);
  }

  /**
   * `X * scale + min` (then clipped into `featureRange` with `clip`); float32 for float32
   * input.
   */
  transform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    const m = this.readFitted(X);
    const { out, result } = outputFor(X, m, this.copy);
    mulAdd(m.data, m.rows, m.cols, this.#scale, this.#min, out, NAME);
    if (this.clip) {
      const [lo, hi] = this.featureRange;
      for (let k = 0; k < out.length; k++) {
        const v = out[k];
        out[k] = v < lo ? lo : v > hi ? hi : v;
      }
    }
    return result() as NDArray<FloatDTypeOf<T>>;
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return this.fit(X).transform(X);
  }

  /** Undoes the scaling: `(X - min) / scale` (float32 for float32 input). */
  inverseTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return scaleColumns(X, this.readFitted(X), this.copy, subDiv, this.#min, this.#scale, NAME);
  }

  /** The fitted attributes for the Jupyter display. */
  protected fittedAttributes(): Record<string, unknown> {
    return {
      min: this.min,
      scale: this.scale,
      dataMin: this.dataMin,
      dataMax: this.dataMax,
      dataRange: this.dataRange,
      nSamplesSeen: this.nSamplesSeen,
    };
  }
}
