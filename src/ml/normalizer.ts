/**
 * `Normalizer`: scales each sample (row) to unit norm (scikit-learn's
 * `sklearn.preprocessing.Normalizer`).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { Estimator } from "./_base.ts";
import { epsOf, type FloatDTypeOf } from "./_float_dtype.ts";
import { pairwiseSum, pairwiseSum32 } from "./_pairwise_sum.ts";
import { outputFor } from "./_scaler_io.ts";
import { checkBool, checkChoice, checkFinite, toMat } from "./_validation.ts";

/** The norms {@linkcode Normalizer} can scale rows to. */
export type NormKind = "l1" | "l2" | "max";

/** Options of {@linkcode Normalizer}. */
export interface NormalizerOpts {
  /** The norm each row is scaled to 1 in: "l1", "l2" (default) or "max". */
  norm?: NormKind;
  /** False to transform a float64 or float32 C-contiguous NDArray in place (default true). */
  copy?: boolean;
}

const DEFAULTS: Required<NormalizerOpts> = { norm: "l2", copy: true };
const NAME = "Normalizer";

/**
 * Divides each sample by its l1, l2 or max norm (rows of norm zero are left unchanged). It
 * learns nothing: `fit` only records the number of features, and `transform` works before
 * `fit` too, as in scikit-learn. NaN and infinity are rejected. A float32 input gives a float32
 * output.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = [[4, 1, 2, 2], [1, 3, 9, 3], [5, 7, 5, 1]];
 * const l1 = new nd.ml.Normalizer({ norm: "l1" }).fitTransform(x);
 * assert.deepEqual(l1.toArray()[0], [4 / 9, 1 / 9, 2 / 9, 2 / 9]);
 * const l2 = new nd.ml.Normalizer().transform([[3, 4]]);
 * assert.deepEqual(l2.toArray(), [[0.6, 0.8]]);
 * ```
 */
export class Normalizer extends Estimator {
  /** The norm rows are scaled in. */
  readonly norm: NormKind;
  /** False: transform float64 or float32 C-contiguous input in place. */
  readonly copy: boolean;

  /** A normalizer with the given options (all optional). */
  constructor(opts: NormalizerOpts = {}) {
    super(NAME, DEFAULTS);
    const o = { ...DEFAULTS, ...opts };
    this.norm = checkChoice(NAME, "norm", o.norm, ["l1", "l2", "max"] as const);
    this.copy = checkBool(NAME, "copy", o.copy);
  }

  /** The options, as passed to the constructor. */
  getParams(): Required<NormalizerOpts> {
    return { norm: this.norm, copy: this.copy };
  }

  /** Checks `X` and records its number of features. */
  fit(X: ArrayLike): this {
    const m = toMat(X, NAME);
    checkFinite(m, NAME);
    this.fitted(m.cols);
    return this;
  }

  /** Each row of `X` divided by its norm (float32 for float32 input). */
  transform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    const m = this.readNext(X);
    checkFinite(m, NAME);
    const { rows, cols, data } = m;
    const { out, result } = outputFor(X, m, this.copy);
    // float32: the norms are float32, as NumPy computes them on a float32 X (the l1 norm with
    // float32 pairwise sums, the l2 one here in float64 and then rounded)
    const f32 = m.dtype === "float32";
    const eps = epsOf(m.dtype);
    const abs = this.norm === "l1" ? new Float64Array(cols) : null;
    for (let i = 0, o = 0; i < rows; i++, o += cols) {
      let norm = 0;
      if (abs) {
        for (let j = 0; j < cols; j++) abs[j] = Math.abs(data[o + j]);
        // np.abs(X).sum(axis=1)
        norm = f32 ? pairwiseSum32(abs, 0, cols) : pairwiseSum(abs, 0, cols, 1);
      } else if (this.norm === "l2") {
        for (let j = 0; j < cols; j++) norm += data[o + j] * data[o + j];
        norm = Math.sqrt(norm);
        if (f32) norm = Math.fround(norm);
      } else {
        norm = -Infinity;
        for (let j = 0; j < cols; j++) norm = Math.max(norm, Math.abs(data[o + j]));
      }
      if (norm < 10 * eps) norm = 1;
      for (let j = 0; j < cols; j++) out[o + j] = data[o + j] / norm;
    }
    return result() as NDArray<FloatDTypeOf<T>>;
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return this.fit(X).transform(X);
  }

  /** Nothing is learned: no attributes beyond `nFeaturesIn`. */
  protected fittedAttributes(): Record<string, unknown> {
    return {};
  }
}
