/**
 * `PolynomialFeatures`: all products of the features up to a degree (scikit-learn's
 * `sklearn.preprocessing.PolynomialFeatures`).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { Estimator } from "./_base.ts";
import { allocOut, floatArray, type FloatDTypeOf } from "./_float_dtype.ts";
import { checkBool, checkFinite, describe, toMat } from "./_validation.ts";

/** Options of {@linkcode PolynomialFeatures}. */
export interface PolynomialFeaturesOpts {
  /** The maximal degree, or `[minDegree, maxDegree]` (default 2). */
  degree?: number | readonly [number, number];
  /** Only products of distinct features (no powers like x0²; default false). */
  interactionOnly?: boolean;
  /** Start with a column of ones, the degree-0 term (default true). */
  includeBias?: boolean;
}

const DEFAULTS: Required<PolynomialFeaturesOpts> = {
  degree: 2,
  interactionOnly: false,
  includeBias: true,
};
const NAME = "PolynomialFeatures";

/** The feature indices of each output term, in scikit-learn's order. */
function combinations(
  n: number,
  minDeg: number,
  maxDeg: number,
  interactionOnly: boolean,
  bias: boolean,
): number[][] {
  const out: number[][] = bias ? [[]] : [];
  const rec = (start: number, left: number, acc: number[]) => {
    if (left === 0) {
      out.push(acc.slice());
      return;
    }
    for (let i = start; i < n; i++) {
      acc.push(i);
      rec(interactionOnly ? i + 1 : i, left - 1, acc);
      acc.pop();
    }
  };
  for (let d = Math.max(1, minDeg); d <= maxDeg; d++) rec(0, d, []);
  return out;
}

/**
 * Generates the polynomial and interaction features of degree at most `degree`: for x0, x1 and
 * degree 2, `[1, x0, x1, x0², x0·x1, x1²]`. The terms come in scikit-learn's order (degree by
 * degree, `combinations_with_replacement` order within a degree) and each product is computed
 * with scikit-learn's association (`x0·(x1·x2)`), so the values are bit-identical; a float32
 * input gives a float32 output, each product rounded to float32 as NumPy's float32 multiply
 * rounds it.
 *
 * Fitted attributes: `powers` (the exponent of each input feature in each output column),
 * `nOutputFeatures`, `nFeaturesIn`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const poly = new nd.ml.PolynomialFeatures({ degree: 2 });
 * assert.deepEqual(poly.fitTransform([[0, 1], [2, 3]]).toArray(), [
 *   [1, 0, 1, 0, 0, 1],
 *   [1, 2, 3, 4, 6, 9],
 * ]);
 * assert.deepEqual(poly.getFeatureNamesOut(), ["1", "x0", "x1", "x0^2", "x0 x1", "x1^2"]);
 * const inter = new nd.ml.PolynomialFeatures({ degree: 3, interactionOnly: true });
 * assert.deepEqual(inter.fitTransform([[2, 3, 5]]).toArray(), [[1, 2, 3, 5, 6, 10, 15, 30]]);
 * ```
 */
export class PolynomialFeatures extends Estimator {
  /** The degree option. */
  readonly degree: number | readonly [number, number];
  /** Only products of distinct features. */
  readonly interactionOnly: boolean;
  /** Start with the bias column. */
  readonly includeBias: boolean;
  readonly #minDeg: number;
  readonly #maxDeg: number;
  #terms: number[][] = [];

  /** A transformer with the given options (all optional). */
  constructor(opts: PolynomialFeaturesOpts = {}) {
    super(NAME, DEFAULTS);
    const o = { ...DEFAULTS, ...opts };
    const d = o.degree;
    const isDeg = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0;
    if (typeof d === "number") {
      if (!isDeg(d)) {
        throw new RangeError(
          `${NAME}: degree must be a non-negative integer or a pair [minDegree, maxDegree], ` +
            `got ${describe(d)}`,
        );
      }
      this.#minDeg = 0;
      this.#maxDeg = d;
    } else if (Array.isArray(d) && d.length === 2) {
      if (!isDeg(d[0]) || !isDeg(d[1]) || d[0] > d[1]) {
        throw new RangeError(
          `${NAME}: degree [minDegree, maxDegree] must be non-negative integers with ` +
            `minDegree <= maxDegree, got ${describe(d)}`,
        );
      }
      this.#minDeg = d[0];
      this.#maxDeg = d[1];
    } else {
      throw new TypeError(
        `${NAME}: degree must be a non-negative integer or a pair [minDegree, maxDegree], got ` +
          `${describe(d)}`,
      );
    }
    this.degree = typeof d === "number" ? d : [d[0], d[1]];
    this.interactionOnly = checkBool(NAME, "interactionOnly", o.interactionOnly);
    this.includeBias = checkBool(NAME, "includeBias", o.includeBias);
    if (this.#maxDeg === 0 && !this.includeBias) {
      throw new RangeError(
        `${NAME}: setting degree to zero and includeBias to false would result in an empty ` +
          `output array`,
      );
    }
  }

  /** The options, as passed to the constructor. */
  getParams(): Required<PolynomialFeaturesOpts> {
    return {
      degree: this.degree,
      interactionOnly: this.interactionOnly,
      includeBias: this.includeBias,
    };
  }

  /** The exponent of each input feature (columns) in each output feature (rows). */
  get powers(): NDArray<"int64"> {
    this.checkFitted();
    const n = this.nFeaturesIn, t = this.#terms;
    const p = new BigInt64Array(t.length * n);
    t.forEach((term, r) => term.forEach((f) => p[r * n + f]++));
    return new NDArray("int64", p, [t.length, n]);
  }

  /** The number of output features. */
  get nOutputFeatures(): number {
    this.checkFitted();
    return this.#terms.length;
  }

  /** Records the number of features and the output terms. */
  fit(X: ArrayLike): this {
    const m = toMat(X, NAME);
    this.#terms = combinations(
      m.cols,
      this.#minDeg,
      this.#maxDeg,
      this.interactionOnly,
      this.includeBias,
    );
    this.fitted(m.cols);
    return this;
  }

  /** The polynomial features of `X`: samples × `nOutputFeatures` (float32 for float32 input). */
  transform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    const m = this.readFitted(X);
    checkFinite(m, NAME);
    const { rows, cols, data } = m, terms = this.#terms, nOut = terms.length;
    const out = allocOut(m.dtype, rows * nOut);
    const f32 = m.dtype === "float32";
    for (let i = 0; i < rows; i++) {
      const x = i * cols, o = i * nOut;
      for (let t = 0; t < nOut; t++) {
        const term = terms[t];
        const d = term.length;
        if (d === 0) {
          out[o + t] = 1;
          continue;
        }
        // x[i1] * (x[i2] * (... x[id])): scikit-learn builds degree d from degree d - 1
        let p = data[x + term[d - 1]];
        if (f32) { for (let k = d - 2; k >= 0; k--) p = Math.fround(data[x + term[k]] * p); }
        else for (let k = d - 2; k >= 0; k--) p = data[x + term[k]] * p;
        out[o + t] = p;
      }
    }
    return floatArray(m.dtype, out, [rows, nOut]) as NDArray<FloatDTypeOf<T>>;
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    return this.fit(X).transform(X);
  }

  /** The output names: "1", "x0", "x0^2", "x0 x1"... (inputs named x0, x1... by default). */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    this.checkFitted();
    const n = this.nFeaturesIn;
    const names = inputFeatures ?? Array.from({ length: n }, (_, j) => `x${j}`);
    if (names.length !== n) {
      throw new TypeError(`${NAME}: inputFeatures should have length ${n}, got ${names.length}`);
    }
    return this.#terms.map((term) => {
      if (term.length === 0) return "1";
      const parts: string[] = [];
      for (let k = 0; k < term.length;) {
        let e = 1;
        while (k + e < term.length && term[k + e] === term[k]) e++;
        parts.push(e === 1 ? names[term[k]] : `${names[term[k]]}^${e}`);
        k += e;
      }
      return parts.join(" ");
    });
  }

  /** The fitted attributes for the Jupyter display. */
  protected fittedAttributes(): Record<string, unknown> {
    return { nOutputFeatures: this.nOutputFeatures, powers: this.powers };
  }
}
