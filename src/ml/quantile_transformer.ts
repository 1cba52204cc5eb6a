/**
 * `QuantileTransformer`: maps each feature through its empirical CDF onto a uniform or normal
 * distribution (scikit-learn's `sklearn.preprocessing.QuantileTransformer`).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { RandomState } from "../random/random_state.ts";
import { Estimator } from "./_base.ts";
import { rejectInfinity } from "./_column_stats.ts";
import { interp, linspace } from "./_interp.ts";
import { ndtr, ndtri } from "./_normal.ts";
import { percentileSorted } from "./_quantiles.ts";
import {
  checkRandomState,
  choiceWithoutReplacement,
  type RandomStateLike,
} from "./_random_state.ts";
import { allocOut, floatArray, type FloatDTypeOf } from "./_float_dtype.ts";
import { checkBool, checkChoice, checkInt, matrix, toMat, vector } from "./_validation.ts";

/** Options of {@linkcode QuantileTransformer}. */
export interface QuantileTransformerOpts {
  /** Quantiles computed per feature (landmarks of the CDF), capped at the sample count (default 1000). */
  nQuantiles?: number;
  /** "uniform" (default) or "normal" output. */
  outputDistribution?: "uniform" | "normal";
  /** Samples used to estimate the quantiles; more are subsampled without replacement (default 10,000). */
  subsample?: number;
  /** The RandomState (or seed) of the subsampling; null for the global one (NumPy's `np.random`). */
  randomState?: RandomStateLike;
  /** Kept for scikit-learn's signature; results are always new arrays (default true). */
  copy?: boolean;
}

const DEFAULTS: Required<QuantileTransformerOpts> = {
  nQuantiles: 1000,
  outputDistribution: "uniform",
  subsample: 10_000,
  randomState: null,
  copy: true,
};
const NAME = "QuantileTransformer";
const BOUNDS_THRESHOLD = 1e-7;
const SPACING1 = 2.220446049250313e-16; // np.spacing(1)
const BOUNDS_THRESHOLD32 = Math.fround(BOUNDS_THRESHOLD);

/**
 * A non-linear transform that spreads each feature uniformly over [0, 1] (or onto a standard
 * normal): each value is placed on the feature's empirical CDF by interpolating between its
 * `nQuantiles` quantiles, averaging the interpolations from both ends so that repeated values
 * land in the middle of their range, exactly as scikit-learn. NaNs are ignored in `fit` and
 * kept by `transform`; values beyond the fitted range go to the bounds. A float32 input gives a
 * float32 output (the quantiles stay float64, NumPy's percentiles of float32 data).
 *
 * Fitted attributes: `quantiles` (nQuantiles × features), `references` (the CDF levels, from
 * 0 to 1), `nQuantiles` (the number actually used: the option capped at the sample count) and
 * `nFeaturesIn`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const qt = new nd.ml.QuantileTransformer({ nQuantiles: 5 });
 * const u = qt.fitTransform([[0], [1], [2], [3], [10]]);
 * assert.deepEqual(u.toArray(), [[0], [0.25], [0.5], [0.75], [1]]);
 * assert.deepEqual(qt.transform([[1.5], [20]]).toArray(), [[0.375], [1]]);
 * ```
 */
export class QuantileTransformer extends Estimator {
  readonly #nQuantiles: number;
  /** The output distribution. */
  readonly outputDistribution: "uniform" | "normal";
  /** Most samples used to estimate the quantiles. */
  readonly subsample: number;
  /** The subsampling RandomState (as given). */
  readonly randomState: RandomStateLike;
  /** Kept for scikit-learn's signature. */
  readonly copy: boolean;
  #q: Float64Array = new Float64Array(0); // nQuantiles_ × features, row-major
  #refs: Float64Array = new Float64Array(0);

  /** A transformer with the given options (all optional). */
  constructor(opts: QuantileTransformerOpts = {}) {
    super(NAME, DEFAULTS);
    const o = { ...DEFAULTS, ...opts };
    this.#nQuantiles = checkInt(NAME, "nQuantiles", o.nQuantiles, 1);
    this.outputDistribution = checkChoice(
      NAME,
      "outputDistribution",
      o.outputDistribution,
      ["uniform", "normal"] as const,
    );
    this.subsample = checkInt(NAME, "subsample", o.subsample, 1);
    if (this.#nQuantiles > this.subsample) {
      throw new RangeError(
        `${NAME}: the number of quantiles cannot be greater than the number of samples used: ` +
          `got ${this.#nQuantiles} quantiles and ${this.subsample} samples`,
      );
    }
    checkRandomState(o.randomState, NAME); // validates; drawn from at fit
    this.randomState = o.randomState;
    this.copy = checkBool(NAME, "copy", o.copy);
  }

  /** The options, as passed to the constructor. */
  getParams(): Required<QuantileTransformerOpts> {
    return {
      nQuantiles: this.#nQuantiles,
      outputDistribution: this.outputDistribution,
      subsample: this.subsample,
      randomState: this.randomState,
      copy: this.copy,
    };
  }

  /** The quantiles of each feature, `nQuantiles × features` (increasing down each column). */
  get quantiles(): NDArray<"float64"> {
    this.checkFitted();
    return matrix(this.#q, this.#refs.length, this.nFeaturesIn);
  }
  /** The CDF level of each quantile: `linspace(0, 1, nQuantiles)`. */
  get references(): NDArray<"float64"> {
    this.checkFitted();
    return vector(this.#refs);
  }
  /**
   * The number of quantiles used: the `nQuantiles` option capped at the number of samples
   * (scikit-learn's `n_quantiles_`; the option itself is in `getParams()`).
   */
  get nQuantiles(): number {
    this.checkFitted();
    return this.#refs.length;
  }

  /** Computes the quantiles of each feature (NaNs ignored; subsampled beyond `subsample` rows). */
  fit(X: ArrayLike): this {
    const m = toMat(X, NAME);
    rejectInfinity(m.data, NAME);
    const { rows, cols, data } = m;
    const f32 = m.dtype === "float32";
    const nq = Math.max(1, Math.min(this.#nQuantiles, rows));
    const refs = linspace(0, 1, nq);
    const rs: RandomState | null = this.subsample < rows
      ? checkRandomState(this.randomState, NAME)
      : null;
    const q = new Float64Array(nq * cols);
    const col = new Float64Array(rows);
    for (let j = 0; j < cols; j++) {
      let n = 0;
      if (rs) {
        // a fresh subsample for every feature, as scikit-learn draws one per column
        const idx = choiceWithoutReplacement(rs, rows, this.subsample);
        for (const i of idx) {
          const v = data[i * cols + j];
          if (v === v) col[n++] = v;
        }
      } else {
        for (let i = 0, k = j; i < rows; i++, k += cols) {
          const v = data[k];
          if (v === v) col[n++] = v;
        }
      }
      const s = col.subarray(0, n).sort();
      let prev = -Infinity;
      for (let r = 0; r < nq; r++) {
        // np.nanpercentile(col, references * 100), then np.maximum.accumulate
        const v = Math.max(prev, percentileSorted(s, refs[r] * 100, f32));
        q[r * cols + j] = v;
        prev = v;
      }
    }
    this.#q = q;
    this.#refs = refs;
    this.fitted(cols);
    return this;
  }

  #apply(X: ArrayLike, inverse: boolean): NDArray<"float64" | "float32"> {
    const m = this.readFitted(X);
    rejectInfinity(m.data, NAME);
    const { rows, cols, data } = m;
    const out = allocOut(m.dtype, rows * cols);
    // float32: scikit-learn works on the float32 column, so the bounds are found with float32
    // arithmetic (the float64 bounds rounded) and the uniform values are float32 before ndtri
    const f32 = m.dtype === "float32";
    const nq = this.#refs.length, refs = this.#refs;
    const qs = new Float64Array(nq), negQ = new Float64Array(nq), negR = new Float64Array(nq);
    for (let r = 0; r < nq; r++) negR[r] = -refs[nq - 1 - r];
    const normal = this.outputDistribution === "normal";
    const clipMin = ndtri(BOUNDS_THRESHOLD - SPACING1);
    const clipMax = ndtri(1 - (BOUNDS_THRESHOLD - SPACING1));
    for (let j = 0; j < cols; j++) {
      for (let r = 0; r < nq; r++) qs[r] = this.#q[r * cols + j];
      for (let r = 0; r < nq; r++) negQ[r] = -qs[nq - 1 - r];
      const q0 = qs[0], q1 = qs[nq - 1];
      const q032 = Math.fround(q0), q132 = Math.fround(q1);
      for (let i = 0, k = j; i < rows; i++, k += cols) {
        let x = data[k];
        let v: number;
        if (!inverse) {
          let lower: boolean, upper: boolean;
          if (!f32) {
            lower = normal ? x - BOUNDS_THRESHOLD < q0 : x === q0;
            upper = normal ? x + BOUNDS_THRESHOLD > q1 : x === q1;
          } else if (normal) {
            lower = Math.fround(x - BOUNDS_THRESHOLD32) < q032;
            upper = Math.fround(x + BOUNDS_THRESHOLD32) > q132;
          } else {
            lower = x === q032;
            upper = x === q132;
          }
          v = x !== x ? x : 0.5 * (interp(x, qs, refs) - interp(-x, negQ, negR));
          if (upper) v = 1;
          if (lower) v = 0;
          if (normal) {
            v = ndtri(f32 ? Math.fround(v) : v);
            v = v < clipMin ? clipMin : v > clipMax ? clipMax : v;
          }
        } else {
          if (normal) x = ndtr(x);
          const lower = normal ? x - BOUNDS_THRESHOLD < 0 : x === 0;
          const upper = normal ? x + BOUNDS_THRESHOLD > 1 : x === 1;
          v = x !== x ? x : interp(x, refs, qs);
          if (upper) v = q1;
          if (lower) v = q0;
        }
        out[k] = v;
      }
    }
    return floatArray(m.dtype, out, [rows, cols]);
  }

  /**
   * Each feature mapped through its fitted CDF onto the output distribution (float32 for
   * float32 input).
   */
  transform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return this.#apply(X, false) as NDArray<FloatDTypeOf<T>>;
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return this.fit(X).transform(X);
  }

  /**
   * Back-projection to the original space through the fitted quantiles (float32 for float32
   * input).
   */
  inverseTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return this.#apply(X, true) as NDArray<FloatDTypeOf<T>>;
  }

  /** The fitted attributes for the Jupyter display. */
  protected fittedAttributes(): Record<string, unknown> {
    return { quantiles: this.quantiles, references: this.references, nQuantiles: this.nQuantiles };
  }
}
