/**
 * `SimpleImputer`: replaces missing values by a per-feature statistic (scikit-learn's
 * `sklearn.impute.SimpleImputer`, numeric data).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { Estimator } from "./_base.ts";
import {
  allocOut,
  floatArray,
  type FloatDTypeOf,
  floatVector,
  type OutDType,
} from "./_float_dtype.ts";
import { medianSorted } from "./_quantiles.ts";
import {
  checkBool,
  checkChoice,
  describe,
  infError,
  type Mat,
  matrix,
  nanError,
  toMat,
} from "./_validation.ts";

/** The statistics {@linkcode SimpleImputer} fills with. */
export type ImputeStrategy = "mean" | "median" | "most_frequent" | "constant";

/** Options of {@linkcode SimpleImputer}. */
export interface SimpleImputerOpts {
  /** The value that marks a missing entry: NaN (default) or a number. */
  missingValues?: number;
  /** "mean" (default), "median", "most_frequent" or "constant" (`fillValue`). */
  strategy?: ImputeStrategy;
  /** The value of "constant" (default null: 0). */
  fillValue?: number | null;
  /** Kept for scikit-learn's signature; results are always new arrays (default true). */
  copy?: boolean;
  /** Append a 0/1 column per feature that had missing values in fit (default false). */
  addIndicator?: boolean;
  /** Keep features with no observed value (imputed with 0) instead of dropping them (default false). */
  keepEmptyFeatures?: boolean;
}

const DEFAULTS: Required<SimpleImputerOpts> = {
  missingValues: NaN,
  strategy: "mean",
  fillValue: null,
  copy: true,
  addIndicator: false,
  keepEmptyFeatures: false,
};
const NAME = "SimpleImputer";

/**
 * Imputes missing values (NaN by default, or the number `missingValues`) column by column with
 * the mean, median, most frequent value (the smallest among ties) or a constant of the values
 * observed in fit. As scikit-learn: a feature with no observed value is dropped from the output
 * (kept and filled with 0 with `keepEmptyFeatures`; always kept with "constant"), and
 * `addIndicator` appends the missing-value mask of the features that had missing values in fit.
 * A float32 input gives a float32 output (a number `missingValues` is then compared as a
 * float32, as NumPy compares it); fitted on float32 input, `statistics` is float32 for
 * "median" and "constant" and float64 (of float32 sums) for "mean" and "most_frequent", as in
 * scikit-learn.
 *
 * Fitted attributes: `statistics` (the fill value of each feature, NaN for an empty one),
 * `indicatorFeatures` (the features with an indicator column, or null without `addIndicator`),
 * `nFeaturesIn`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const imp = new nd.ml.SimpleImputer({ strategy: "mean" });
 * imp.fit([[7, 2, 3], [4, NaN, 6], [10, 5, 9]]);
 * assert.deepEqual(imp.statistics.toArray(), [7, 3.5, 6]);
 * assert.deepEqual(imp.transform([[NaN, 2, 3], [4, NaN, 6], [10, NaN, 9]]).toArray(), [
 *   [7, 2, 3],
 *   [4, 3.5, 6],
 *   [10, 3.5, 9],
 * ]);
 * ```
 */
export class SimpleImputer extends Estimator {
  /** The missing-value marker. */
  readonly missingValues: number;
  /** The fill statistic. */
  readonly strategy: ImputeStrategy;
  /** The constant of "constant" (null: 0). */
  readonly fillValue: number | null;
  /** Kept for scikit-learn's signature. */
  readonly copy: boolean;
  /** Append missing-value indicator columns. */
  readonly addIndicator: boolean;
  /** Keep features with no observed value. */
  readonly keepEmptyFeatures: boolean;
  #stats: Float64Array = new Float64Array(0);
  #statsDtype: OutDType = "float64";
  #indicator: number[] | null = null;

  /** An imputer with the given options (all optional). */
  constructor(opts: SimpleImputerOpts = {}) {
    super(NAME, DEFAULTS);
    const o = { ...DEFAULTS, ...opts };
    if (typeof o.missingValues !== "number" || Math.abs(o.missingValues) === Infinity) {
      throw new TypeError(
        `${NAME}: missingValues must be NaN or a finite number, got ${describe(o.missingValues)}`,
      );
    }
    this.missingValues = o.missingValues;
    this.strategy = checkChoice(
      NAME,
      "strategy",
      o.strategy,
      ["mean", "median", "most_frequent", "constant"] as const,
    );
    if (o.fillValue !== null && typeof o.fillValue !== "number") {
      throw new TypeError(
        `${NAME}: fillValue must be a number (or null for 0) when imputing numerical data, got ` +
          describe(o.fillValue),
      );
    }
    this.fillValue = o.fillValue;
    this.copy = checkBool(NAME, "copy", o.copy);
    this.addIndicator = checkBool(NAME, "addIndicator", o.addIndicator);
    this.keepEmptyFeatures = checkBool(NAME, "keepEmptyFeatures", o.keepEmptyFeatures);
  }

  /** The options, as passed to the constructor. */
  getParams(): Required<SimpleImputerOpts> {
    return {
      missingValues: this.missingValues,
      strategy: this.strategy,
      fillValue: this.fillValue,
      copy: this.copy,
      addIndicator: this.addIndicator,
      keepEmptyFeatures: this.keepEmptyFeatures,
    };
  }

  /** The value each feature's missing entries are replaced with (NaN: an empty feature). */
  get statistics(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatVector(this.#statsDtype, this.#stats);
  }

  /** The features that get an indicator column (null without `addIndicator`). */
  get indicatorFeatures(): NDArray<"int64"> | null {
    this.checkFitted();
    const f = this.#indicator;
    return f && new NDArray("int64", BigInt64Array.from(f, BigInt), [f.length]);
  }

  /** X as a matrix and its missing-value mask; NaN (unless it marks missing) and ±∞ throw. */
  #read(X: ArrayLike): { m: Mat; missing: Uint8Array } {
    const m = toMat(X, NAME);
    // `X == missing_values` on a float32 X compares in float32: the marker rounded
    const mv = m.dtype === "float32" ? Math.fround(this.missingValues) : this.missingValues;
    const nanMissing = mv !== mv;
    const missing = new Uint8Array(m.data.length);
    for (let k = 0; k < m.data.length; k++) {
      const v = m.data[k];
      if (v - v !== 0) {
        if (v === v) throw infError(NAME);
        if (!nanMissing) throw nanError(NAME);
        missing[k] = 1;
      } else if (v === mv) missing[k] = 1;
    }
    return { m, missing };
  }

  /** Computes the fill value of each feature. */
  fit(X: ArrayLike): this {
    const { m, missing } = this.#read(X);
    const { rows, cols, data } = m;
    const stats = new Float64Array(cols);
    const empty = this.keepEmptyFeatures ? 0 : NaN;
    const col = new Float64Array(rows);
    // float32: NumPy's masked sums (row order) and medians are float32; the mean divides the
    // float32 sum by the int64 count in float64; the constant is cast to X's dtype
    const f32 = m.dtype === "float32";
    for (let j = 0; j < cols; j++) {
      if (this.strategy === "constant") {
        stats[j] = f32 ? Math.fround(this.fillValue ?? 0) : this.fillValue ?? 0;
        continue;
      }
      let n = 0, sum = 0;
      for (let i = 0, k = j; i < rows; i++, k += cols) {
        if (!missing[k]) {
          col[n++] = data[k];
          // np.ma.mean: the masked sum in row order, then / count
          sum = f32 ? Math.fround(sum + data[k]) : sum + data[k];
        }
      }
      if (n === 0) stats[j] = empty;
      else if (this.strategy === "mean") stats[j] = sum * 1 / n;
      else {
        const s = col.subarray(0, n).sort();
        if (this.strategy === "median") {
          stats[j] = f32 ? Math.fround(medianSorted(s)) : medianSorted(s);
        } else stats[j] = mostFrequent(s);
      }
    }
    let indicator: number[] | null = null;
    if (this.addIndicator) {
      indicator = [];
      for (let j = 0; j < cols; j++) {
        for (let i = 0; i < rows; i++) {
          if (missing[i * cols + j]) {
            indicator.push(j);
            break;
          }
        }
      }
    }
    this.#stats = stats;
    this.#statsDtype = f32 && (this.strategy === "median" || this.strategy === "constant")
      ? "float32"
      : "float64";
    this.#indicator = indicator;
    this.fitted(cols);
    return this;
  }

  /** The features kept in the output (all but the empty ones, unless kept). */
  #kept(): number[] {
    const all = Array.from(this.#stats, (_, j) => j);
    if (this.strategy === "constant" || this.keepEmptyFeatures) return all;
    return all.filter((j) => this.#stats[j] === this.#stats[j]);
  }

  /**
   * `X` with its missing values imputed (then the indicator columns, with `addIndicator`);
   * float32 for float32 input.
   */
  transform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    this.checkFitted();
    const { m, missing } = this.#read(X);
    this.checkFeatures(m.cols);
    const { rows, cols, data } = m;
    const kept = this.#kept(), ind = this.#indicator ?? [];
    const w = kept.length + ind.length;
    const out = allocOut(m.dtype, rows * w);
    for (let i = 0; i < rows; i++) {
      const o = i * w, r = i * cols;
      kept.forEach((j, c) => {
        out[o + c] = missing[r + j] ? this.#stats[j] : data[r + j];
      });
      ind.forEach((j, c) => {
        out[o + kept.length + c] = missing[r + j];
      });
    }
    return floatArray(m.dtype, out, [rows, w]) as NDArray<FloatDTypeOf<T>>;
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return this.fit(X).transform(X);
  }

  /**
   * Puts `missingValues` back where the indicator columns mark them (only with `addIndicator`,
   * as in scikit-learn); float64 whatever the input, as scikit-learn's.
   */
  inverseTransform(X: ArrayLike): NDArray<"float64"> {
    this.checkFitted();
    if (!this.addIndicator) {
      throw new TypeError(
        `${NAME}: inverseTransform works only when SimpleImputer is built with ` +
          `addIndicator: true`,
      );
    }
    const m = toMat(X, NAME);
    const ind = this.#indicator as number[], nOrig = this.#stats.length;
    const nImp = m.cols - ind.length;
    if (nImp < 0) {
      throw new TypeError(
        `${NAME}: X has ${m.cols} columns, fewer than the ${ind.length} indicator columns`,
      );
    }
    const out = new Float64Array(m.rows * nOrig);
    const mask = new Uint8Array(m.rows * nOrig);
    for (let i = 0; i < m.rows; i++) {
      ind.forEach((j, c) => {
        if (m.data[i * m.cols + nImp + c] !== 0) mask[i * nOrig + j] = 1;
      });
    }
    // scikit-learn fills the original columns in order, skipping the all-missing ones
    let imputed = 0, orig = 0;
    while (imputed < nImp && orig < nOrig) {
      let allMissing = true;
      for (let i = 0; i < m.rows && allMissing; i++) {
        if (!mask[i * nOrig + orig]) allMissing = false;
      }
      if (!allMissing || m.rows === 0) {
        for (let i = 0; i < m.rows; i++) out[i * nOrig + orig] = m.data[i * m.cols + imputed];
        imputed++;
      }
      orig++;
    }
    for (let k = 0; k < mask.length; k++) if (mask[k]) out[k] = this.missingValues;
    return matrix(out, m.rows, nOrig);
  }

  /** The fitted attributes for the Jupyter display. */
  protected fittedAttributes(): Record<string, unknown> {
    return { statistics: this.statistics, indicatorFeatures: this.indicatorFeatures };
  }
}

/** The most frequent of the sorted values `s`, the smallest among ties (SciPy's mode). */
function mostFrequent(s: Float64Array): number {
  let best = s[0], bestN = 0;
  for (let i = 0; i < s.length;) {
    let j = i;
    while (j < s.length && s[j] === s[i]) j++;
    if (j - i > bestN) {
      bestN = j - i;
      best = s[i];
    }
    i = j;
  }
  return best;
}
