/**
 * `PCA`: principal component analysis by SVD of the centered data (scikit-learn's
 * `sklearn.decomposition.PCA`, full and randomized solvers).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { getBackend } from "../backend/mod.ts";
import { Estimator } from "./_base.ts";
import { columnSums } from "./_column_stats.ts";
import {
  allocF64,
  floatArray,
  type FloatDTypeOf,
  floatVector,
  type OutDType,
  roundTo,
} from "./_float_dtype.ts";
import { pairwiseSum, pairwiseSum32 } from "./_pairwise_sum.ts";
import { checkRandomState, type RandomStateLike } from "./_random_state.ts";
import { randomizedSvd, type Svd, svdFlip, takeCols, thinSvd } from "./_svd.ts";
import {
  checkBool,
  checkChoice,
  checkFinite,
  checkInt,
  describe,
  type Mat,
  toMat,
} from "./_validation.ts";

/** Options of {@linkcode PCA}. */
export interface PCAOpts {
  /**
   * Components to keep: an integer, a fraction in (0, 1) of the variance to explain (full
   * solver), or null (default) for min(samples, features).
   */
  nComponents?: number | null;
  /** Kept for scikit-learn's signature; the input is never modified (default true). */
  copy?: boolean;
  /** Scale the projections to unit variance (default false). */
  whiten?: boolean;
  /**
   * "auto" (default: randomized when the data has more than 500 rows or columns and fewer than
   * 80% of min(samples, features) components are asked for, else full), "full" or "randomized".
   */
  svdSolver?: "auto" | "full" | "randomized";
  /** Power iterations of the randomized solver: "auto" (7 for few components, else 4) or a count. */
  iteratedPower?: "auto" | number;
  /** Extra random vectors of the randomized solver (default 10). */
  nOversamples?: number;
  /** Normalization between power iterations: "auto" (LU beyond 2 iterations), "QR", "LU", "none". */
  powerIterationNormalizer?: "auto" | "QR" | "LU" | "none";
  /** The randomized solver's RandomState (or seed); null for the global one (default). */
  randomState?: RandomStateLike;
}

const DEFAULTS: Required<PCAOpts> = {
  nComponents: null,
  copy: true,
  whiten: false,
  svdSolver: "auto",
  iteratedPower: "auto",
  nOversamples: 10,
  powerIterationNormalizer: "auto",
  randomState: null,
};
const NAME = "PCA";

/**
 * Projects data onto the directions of largest variance. `fit` centers X and takes its SVD:
 * LAPACK's `gesdd` ("full") or scikit-learn's randomized SVD ("randomized": the same Gaussian
 * test matrix from a legacy RandomState, LU-normalized power iterations and final QR), then
 * scikit-learn's sign convention (`svd_flip`: the largest entry of each left singular vector
 * positive), so `components` and projections equal scikit-learn's. A fractional
 * `nComponents` keeps the fewest components whose explained-variance ratios add up to more
 * than it.
 *
 * A float32 input gives a float32 output, and a fit on float32 input float32 attributes, as in
 * scikit-learn: nd centers the data in float32 as scikit-learn does, then takes the SVD in
 * float64 and rounds its results (scikit-learn's float32 LAPACK SVD is less accurate: its
 * singular values agree with nd's to ~1e-7 of the largest one, its components to ~1e-5).
 *
 * Fitted attributes: `components` (nComponents × features), `explainedVariance`,
 * `explainedVarianceRatio`, `singularValues`, `mean`, `noiseVariance` (the mean of the discarded
 * variances: the probabilistic PCA noise), `nComponents` (the number kept; the option is in
 * `getParams()`), `nSamples`, `nFeaturesIn`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = [[-1, -1], [-2, -1], [-3, -2], [1, 1], [2, 1], [3, 2]];
 * const pca = new nd.ml.PCA({ nComponents: 2 }).fit(x);
 * nd.testing.assertAllClose(pca.explainedVarianceRatio, [0.99244289, 0.00755711], { rtol: 1e-7 });
 * nd.testing.assertAllClose(pca.singularValues, [6.30061232, 0.54980396], { rtol: 1e-7 });
 * const z = pca.transform(x);
 * nd.testing.assertAllClose(pca.inverseTransform(z), x, { atol: 1e-12 });
 * ```
 */
export class PCA extends Estimator {
  readonly #nComponents: number | null;
  /** Kept for scikit-learn's signature. */
  readonly copy: boolean;
  /** Scale projections to unit variance. */
  readonly whiten: boolean;
  /** The SVD solver. */
  readonly svdSolver: "auto" | "full" | "randomized";
  /** Power iterations of the randomized solver. */
  readonly iteratedPower: "auto" | number;
  /** Extra random vectors of the randomized solver. */
  readonly nOversamples: number;
  /** Normalization between power iterations. */
  readonly powerIterationNormalizer: "auto" | "QR" | "LU" | "none";
  /** The randomized solver's RandomState (as given). */
  readonly randomState: RandomStateLike;
  #mean: Float64Array = new Float64Array(0);
  #components: Float64Array = new Float64Array(0);
  #ev: Float64Array = new Float64Array(0);
  #ratio: Float64Array = new Float64Array(0);
  #sv: Float64Array = new Float64Array(0);
  #noise = 0;
  #dtype: OutDType = "float64";
  #nSamples = 0;
  #nc = 0;

  /** A PCA with the given options (all optional). */
  constructor(opts: PCAOpts = {}) {
    super(NAME, DEFAULTS);
    const o = { ...DEFAULTS, ...opts };
    const nc = o.nComponents;
    if (nc !== null) {
      if (typeof nc !== "number" || Number.isNaN(nc)) {
        throw new TypeError(`${NAME}: nComponents must be a number or null, got ${describe(nc)}`);
      }
      if (!(Number.isInteger(nc) ? nc >= 0 : nc > 0 && nc < 1)) {
        throw new RangeError(
          `${NAME}: nComponents must be a non-negative integer or a fraction in (0, 1), got ${nc}`,
        );
      }
    }
    this.#nComponents = nc;
    this.copy = checkBool(NAME, "copy", o.copy);
    this.whiten = checkBool(NAME, "whiten", o.whiten);
    this.svdSolver = checkChoice(
      NAME,
      "svdSolver",
      o.svdSolver,
      ["auto", "full", "randomized"] as const,
    );
    this.iteratedPower = o.iteratedPower === "auto"
      ? "auto"
      : checkInt(NAME, "iteratedPower", o.iteratedPower, 0);
    this.nOversamples = checkInt(NAME, "nOversamples", o.nOversamples, 1);
    this.powerIterationNormalizer = checkChoice(
      NAME,
      "powerIterationNormalizer",
      o.powerIterationNormalizer,
      ["auto", "QR", "LU", "none"] as const,
    );
    checkRandomState(o.randomState, NAME);
    this.randomState = o.randomState;
  }

  /** The options, as passed to the constructor. */
  getParams(): Required<PCAOpts> {
    return {
      nComponents: this.#nComponents,
      copy: this.copy,
      whiten: this.whiten,
      svdSolver: this.svdSolver,
      iteratedPower: this.iteratedPower,
      nOversamples: this.nOversamples,
      powerIterationNormalizer: this.powerIterationNormalizer,
      randomState: this.randomState,
    };
  }

  /** The principal axes, one per row, by decreasing explained variance. */
  get components(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatArray(this.#dtype, this.#components.slice(), [this.#nc, this.nFeaturesIn]);
  }
  /** The variance explained by each component (its eigenvalue of the covariance matrix). */
  get explainedVariance(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatVector(this.#dtype, this.#ev);
  }
  /** The fraction of the total variance explained by each component. */
  get explainedVarianceRatio(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatVector(this.#dtype, this.#ratio);
  }
  /** The singular values of the centered data for each component. */
  get singularValues(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatVector(this.#dtype, this.#sv);
  }
  /** The per-feature mean of the training data. */
  get mean(): NDArray<"float64" | "float32"> {
    this.checkFitted();
    return floatVector(this.#dtype, this.#mean);
  }
  /** The estimated noise variance (probabilistic PCA): the mean of the discarded variances. */
  get noiseVariance(): number {
    this.checkFitted();
    return this.#noise;
  }
  /** The number of components kept. */
  get nComponents(): number {
    this.checkFitted();
    return this.#nc;
  }
  /** The number of training samples. */
  get nSamples(): number {
    this.checkFitted();
    return this.#nSamples;
  }

  /** Fits the model to `X` (samples × features). */
  fit(X: ArrayLike): this {
    this.#fit(X);
    return this;
  }

  /**
   * `fit(X)` then the projection of X: `U · S` from the SVD (`U · sqrt(n - 1)` when whitening);
   * float32 for float32 input.
   */
  fitTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    const { u, s, k, rows } = this.#fit(X);
    const nc = this.#nc;
    const out = takeCols(u, rows, k, nc).slice();
    // float32: scikit-learn's float32 U times the float32 S (or sqrt(n - 1), rounded)
    const f32 = this.#dtype === "float32";
    const w = Math.sqrt(rows - 1);
    const f = f32
      ? s.map((v) => this.whiten ? Math.fround(w) : Math.fround(v))
      : s.map((v) => this.whiten ? w : v);
    for (let i = 0, k = 0; i < rows; i++) {
      if (f32) { for (let j = 0; j < nc; j++, k++) out[k] = Math.fround(out[k]) * f[j]; }
      else for (let j = 0; j < nc; j++, k++) out[k] *= f[j];
    }
    return floatArray(this.#dtype, out, [rows, nc]) as NDArray<FloatDTypeOf<T>>;
  }

  #fit(X: ArrayLike): Svd & { rows: number } {
    const m = toMat(X, NAME);
    checkFinite(m, NAME);
    const { rows: n, cols: p } = m;
    const minNp = Math.min(n, p);
    const nc0 = this.#nComponents ?? minNp;
    let solver = this.svdSolver;
    if (solver === "auto") {
      solver = Math.max(n, p) <= 500
        ? "full"
        : 1 <= nc0 && nc0 < 0.8 * minNp
        ? "randomized"
        : "full";
    }
    if (solver === "full" && nc0 > minNp) {
      throw new RangeError(
        `${NAME}: nComponents=${nc0} must be between 0 and min(nSamples, nFeatures)=${minNp} ` +
          `with svdSolver "full"`,
      );
    }
    if (solver === "randomized" && !(Number.isInteger(nc0) && 1 <= nc0 && nc0 <= minNp)) {
      throw new RangeError(
        `${NAME}: nComponents=${nc0} must be an integer between 1 and min(nSamples, ` +
          `nFeatures)=${minNp} with svdSolver "randomized"`,
      );
    }
    const f32 = m.dtype === "float32";
    const { mean, xc, totalSq } = center(m, f32);
    let svd: Svd;
    let ev: Float64Array, ratio: Float64Array, nc: number, noise: number;
    // float32: the float64 SVD's singular values rounded, then scikit-learn's float32 arithmetic
    const sv = f32 ? (s: Float64Array) => roundTo(s.slice(), "float32") : (s: Float64Array) => s;
    const sq = f32
      ? (s: number) => Math.fround(Math.fround(s * s) / (n - 1))
      : (s: number) => s * s / (n - 1);
    const sum = f32
      ? (a: Float64Array, off: number, len: number) => Math.fround(pairwiseSum32(a, off, len))
      : (a: Float64Array, off: number, len: number) => pairwiseSum(a, off, len, 1);
    if (solver === "full") {
      svd = thinSvd(xc, n, p, NAME);
      svdFlip(svd.u, svd.vt, n, p, svd.k, true);
      ev = sv(svd.s).map(sq);
      const total = sum(ev, 0, ev.length);
      ratio = roundTo(ev.map((v) => v / total), m.dtype);
      nc = nc0;
      if (0 < nc0 && nc0 < 1) {
        // stable_cumsum, then searchsorted(cumsum, nComponents, side="right") + 1
        let acc = 0, below = 0;
        for (const r of ratio) {
          acc += r;
          if (acc <= nc0) below++;
        }
        nc = below + 1;
      }
      noise = nc < minNp ? sum(ev, nc, ev.length - nc) / (ev.length - nc) : 0;
      if (f32) noise = Math.fround(noise);
    } else {
      const iters = this.iteratedPower === "auto"
        ? (nc0 < 0.1 * minNp ? 7 : 4)
        : this.iteratedPower;
      const norm = this.powerIterationNormalizer;
      svd = randomizedSvd(xc, n, p, {
        nComponents: nc0,
        nOversamples: this.nOversamples,
        nIter: iters,
        normalizer: norm === "auto" ? (iters <= 2 ? "none" : "LU") : norm,
        random: checkRandomState(this.randomState, NAME),
      }, NAME);
      nc = nc0;
      ev = sv(svd.s).map(sq);
      // np.sum(Xc², axis=0) / (n - 1), summed (pairwise) over the features
      const perFeature = roundTo(totalSq.map((v) => v / (n - 1)), m.dtype);
      const total = sum(perFeature, 0, p);
      ratio = roundTo(ev.map((v) => v / total), m.dtype);
      noise = nc < minNp ? (total - sum(ev, 0, ev.length)) / (minNp - nc) : 0;
    }
    this.#mean = mean;
    this.#components = roundTo(svd.vt.slice(0, nc * p), m.dtype);
    this.#ev = ev.slice(0, nc);
    this.#ratio = ratio.slice(0, nc);
    this.#sv = sv(svd.s).slice(0, nc);
    this.#noise = noise;
    this.#dtype = m.dtype;
    this.#nSamples = n;
    this.#nc = nc;
    this.fitted(p);
    return { ...svd, rows: n };
  }

  /**
   * The projection of `X` on the components: `(X - mean) · componentsᵀ` (then whitened);
   * float32 for float32 input.
   */
  transform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    const m = this.readFitted(X);
    checkFinite(m, NAME);
    const { rows, cols } = m, nc = this.#nc;
    const f32 = m.dtype === "float32";
    const xc = allocF64(rows * cols);
    for (let i = 0, k = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++, k++) {
        const v = m.data[k] - this.#mean[j];
        xc[k] = f32 ? Math.fround(v) : v;
      }
    }
    const out = new Float64Array(rows * nc);
    if (nc > 0) {
      getBackend().gemm(
        "float64",
        "N",
        "T",
        rows,
        nc,
        cols,
        1,
        xc,
        0,
        cols,
        this.#components,
        0,
        cols,
        0,
        out,
        0,
        nc,
      );
    }
    if (this.whiten) {
      const sd = roundTo(this.#ev.map(Math.sqrt), this.#dtype); // np.sqrt of float32 is float32
      if (f32) roundTo(out, "float32");
      for (let k = 0; k < out.length; k++) out[k] /= sd[k % nc];
    }
    return floatArray(m.dtype, out, [rows, nc]) as NDArray<FloatDTypeOf<T>>;
  }

  /**
   * Back to the feature space: `Z · components + mean` (un-whitening first); float32 for
   * float32 input.
   */
  inverseTransform<T extends ArrayLike>(X: T): NDArray<FloatDTypeOf<T>> {
    this.checkFitted();
    const m = toMat(X, NAME);
    const nc = this.#nc, p = this.nFeaturesIn;
    if (m.cols !== nc) {
      throw new TypeError(
        `${NAME}: X has ${m.cols} columns, but ${NAME} has ${nc} components to invert`,
      );
    }
    let comps = this.#components;
    if (this.whiten) {
      // float32 attributes: sqrt(explainedVariance) * components in float32
      const r = this.#dtype === "float32" ? Math.fround : (v: number) => v;
      comps = comps.slice();
      for (let i = 0; i < nc; i++) {
        const f = r(Math.sqrt(this.#ev[i]));
        for (let j = 0; j < p; j++) comps[i * p + j] = r(comps[i * p + j] * f);
      }
    }
    const out = allocF64(m.rows * p);
    if (nc > 0) {
      getBackend().gemm(
        "float64",
        "N",
        "N",
        m.rows,
        p,
        nc,
        1,
        m.data,
        0,
        nc,
        comps,
        0,
        p,
        0,
        out,
        0,
        p,
      );
    }
    if (m.dtype === "float32") roundTo(out, "float32");
    for (let i = 0, k = 0; i < m.rows; i++) {
      for (let j = 0; j < p; j++, k++) out[k] += this.#mean[j];
    }
    return floatArray(m.dtype, out, [m.rows, p]) as NDArray<FloatDTypeOf<T>>;
  }

  /** The fitted attributes for the Jupyter display. */
  protected fittedAttributes(): Record<string, unknown> {
    return {
      nComponents: this.nComponents,
      components: this.components,
      explainedVariance: this.explainedVariance,
      explainedVarianceRatio: this.explainedVarianceRatio,
      singularValues: this.singularValues,
      mean: this.mean,
      noiseVariance: this.noiseVariance,
      nSamples: this.nSamples,
    };
  }
}

/**
 * The column means (row-order sums / n), the centered copy, and its column sums of squares;
 * with `f32`, the means and the centered values rounded to float32 (scikit-learn's float32
 * `X -= mean_`; the means themselves summed in float64, more accurate than NumPy's float32
 * sums).
 */
function center(
  m: Mat,
  f32: boolean,
): { mean: Float64Array; xc: Float64Array; totalSq: Float64Array } {
  const { rows, cols, data } = m;
  const mean = new Float64Array(cols);
  columnSums(data, rows, cols, mean);
  for (let j = 0; j < cols; j++) mean[j] /= rows;
  if (f32) roundTo(mean, "float32");
  const xc = allocF64(rows * cols), totalSq = new Float64Array(cols);
  for (let i = 0, k = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++, k++) {
      const v = f32 ? Math.fround(data[k] - mean[j]) : data[k] - mean[j];
      xc[k] = v;
      totalSq[j] += v * v;
    }
  }
  return { mean, xc, totalSq };
}
