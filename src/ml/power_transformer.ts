/**
 * `PowerTransformer`: a per-feature Yeo-Johnson or Box-Cox power transform whose lambda makes
 * the feature most Gaussian-like (scikit-learn's `sklearn.preprocessing.PowerTransformer`).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { Estimator } from "./_base.ts";
import { brent } from "./_brent.ts";
import { rejectInfinity } from "./_column_stats.ts";
import {
  boxCox,
  boxCoxInverse,
  boxCoxNll,
  yeoJohnson,
  yeoJohnsonInverse,
  yeoJohnsonNll,
} from "./_power_functions.ts";
import { StandardScaler } from "./standard_scaler.ts";
import { floatArray, type FloatDTypeOf } from "./_float_dtype.ts";
import { checkBool, checkChoice, type Mat, toMat, vector } from "./_validation.ts";

/** The power transforms {@linkcode PowerTransformer} offers. */
export type PowerMethod = "yeo-johnson" | "box-cox";

/** Options of {@linkcode PowerTransformer}. */
export interface PowerTransformerOpts {
  /** "yeo-johnson" (default; any real data) or "box-cox" (strictly positive data). */
  method?: PowerMethod;
  /** Standardize the transformed features to zero mean and unit variance (default true). */
  standardize?: boolean;
  /** Kept for scikit-learn's signature; results are always new arrays (default true). */
  copy?: boolean;
}

const DEFAULTS: Required<PowerTransformerOpts> = {
  method: "yeo-johnson",
  standardize: true,
  copy: true,
};
const NAME = "PowerTransformer";

/**
 * Applies `yeoJohnson(x, λ)` or `boxCox(x, λ)` to each feature with the λ that maximizes the
 * Gaussian log-likelihood of the result, found as scikit-learn finds it: SciPy's Brent
 * minimizer bracketed from (-2, 2), ported step by step, on the same objective (NumPy's pairwise
 * sums), so the lambdas agree with scikit-learn's to within the optimizer's tolerance
 * (1.48e-8 relative) and usually to the last bits. Then, with `standardize`, a StandardScaler
 * of the transformed data. NaNs are ignored in `fit` and kept by `transform`.
 *
 * A float32 input gives a float32 output: the transformed values are rounded to float32 (and
 * standardized as float32 data). The lambdas are float64 and fitted in float64 on the float32
 * values; scikit-learn evaluates its objective in float32 arithmetic, whose rounding noise moves
 * Brent's minimum, so on float32 input its lambdas differ from nd's (and from its own on the
 * same values as float64) by up to ~1e-3 relative.
 *
 * Fitted attributes: `lambdas`, `nFeaturesIn`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const pt = new nd.ml.PowerTransformer().fit([[1, 2], [3, 2], [4, 5]]);
 * const [l0, l1] = pt.lambdas.toArray() as number[];
 * assert(Math.abs(l0 - 1.386) < 1e-3 && Math.abs(l1 + 3.101) < 1e-3);
 * const z = pt.transform([[1, 2], [3, 2], [4, 5]]);
 * nd.testing.assertAllClose(pt.inverseTransform(z), [[1, 2], [3, 2], [4, 5]], { rtol: 1e-12 });
 * ```
 */
export class PowerTransformer extends Estimator {
  /** The power transform. */
  readonly method: PowerMethod;
  /** Standardize the transformed features. */
  readonly standardize: boolean;
  /** Kept for scikit-learn's signature. */
  readonly copy: boolean;
  #lambdas: Float64Array = new Float64Array(0);
  #scaler: StandardScaler | null = null;

  /** A transformer with the given options (all optional). */
  constructor(opts: PowerTransformerOpts = {}) {
    super(NAME, DEFAULTS);
    const o = { ...DEFAULTS, ...opts };
    this.method = checkChoice(NAME, "method", o.method, ["yeo-johnson", "box-cox"] as const);
    this.standardize = checkBool(NAME, "standardize", o.standardize);
    this.copy = checkBool(NAME, "copy", o.copy);
  }

  /** The options, as passed to the constructor. */
  getParams(): Required<PowerTransformerOpts> {
    return { method: this.method, standardize: this.standardize, copy: this.copy };
  }

  /** The fitted lambda of each feature. */
  get lambdas(): NDArray<"float64"> {
    this.checkFitted();
    return vector(this.#lambdas);
  }

  #check(X: ArrayLike, positive: boolean): Mat {
    const m = toMat(X, NAME);
    rejectInfinity(m.data, NAME);
    if (positive && this.method === "box-cox") {
      for (const v of m.data) {
        if (v <= 0) {
          throw new RangeError(
            `${NAME}: the Box-Cox transformation can only be applied to strictly positive ` +
              `data: found ${v}`,
          );
        }
      }
    }
    return m;
  }

  #lambda(col: Float64Array, j: number): number {
    if (this.method === "yeo-johnson") return brent(yeoJohnsonNll(col), -2, 2);
    if (col.length > 0 && col.every((v) => v === col[0])) {
      throw new RangeError(
        `${NAME}: the Box-Cox transformation needs non-constant data: feature ${j} is constant ` +
          `(${col[0]})`,
      );
    }
    return brent(boxCoxNll(col), -2, 2);
  }

  #forward(m: Mat, lambdas: Float64Array): Float64Array {
    const { rows, cols, data } = m;
    const out = new Float64Array(rows * cols);
    const f = this.method === "yeo-johnson" ? yeoJohnson : boxCox;
    for (let k = 0; k < out.length; k++) out[k] = f(data[k], lambdas[k % cols]);
    return out;
  }

  #fit(X: ArrayLike, transform: boolean): NDArray<"float64" | "float32"> | null {
    const m = this.#check(X, true);
    const { rows, cols, data } = m;
    const lambdas = new Float64Array(cols);
    const col = new Float64Array(rows);
    for (let j = 0; j < cols; j++) {
      let n = 0;
      for (let i = 0, k = j; i < rows; i++, k += cols) if (data[k] === data[k]) col[n++] = data[k];
      lambdas[j] = this.#lambda(col.slice(0, n), j);
    }
    let result: NDArray<"float64" | "float32"> | null = null;
    let scaler: StandardScaler | null = null;
    if (this.standardize || transform) {
      const t = floatArray(m.dtype, this.#forward(m, lambdas), [rows, cols]);
      if (this.standardize) {
        scaler = new StandardScaler();
        result = transform ? scaler.fitTransform(t) : (scaler.fit(t), null);
      } else result = t;
    }
    this.#lambdas = lambdas;
    this.#scaler = scaler;
    this.fitted(cols);
    return result;
  }

  /** Estimates the lambda of each feature (and the standardization). */
  fit(X: ArrayLike): this {
    this.#fit(X, false);
    return this;
  }

  /** `fit(X)` then `transform(X)`, transforming X once (float32 for float32 input). */
  fitTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return this.#fit(X, true) as NDArray<FloatDTypeOf<T>>;
  }

  /**
   * The power transform of each feature with its fitted lambda (then standardized); float32 for
   * float32 input.
   */
  transform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    this.checkFitted();
    const m = this.#check(X, true);
    this.checkFeatures(m.cols);
    const t = floatArray(m.dtype, this.#forward(m, this.#lambdas), [m.rows, m.cols]);
    return (this.#scaler ? this.#scaler.transform(t) : t) as NDArray<FloatDTypeOf<T>>;
  }

  /** Undoes the standardization and the power transform (float32 for float32 input). */
  inverseTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    this.checkFitted();
    let m = this.#check(X, false);
    this.checkFeatures(m.cols);
    if (this.#scaler) {
      const s = this.#scaler.inverseTransform(floatArray(m.dtype, m.data, [m.rows, m.cols]));
      const d = s.data as Float64Array | Float32Array;
      m = { ...m, data: d instanceof Float64Array ? d : Float64Array.from(d) };
    }
    const out = new Float64Array(m.rows * m.cols);
    const f = this.method === "yeo-johnson" ? yeoJohnsonInverse : boxCoxInverse;
    for (let k = 0; k < out.length; k++) out[k] = f(m.data[k], this.#lambdas[k % m.cols]);
    return floatArray(m.dtype, out, [m.rows, m.cols]) as NDArray<FloatDTypeOf<T>>;
  }

  /** The fitted attributes for the Jupyter display. */
  protected fittedAttributes(): Record<string, unknown> {
    return { lambdas: this.lambdas };
  }
}
