/**
 * `KBinsDiscretizer`: bins each continuous feature into intervals (scikit-learn's
 * `sklearn.preprocessing.KBinsDiscretizer`, with dense outputs).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { RandomState } from "../random/random_state.ts";
import { Estimator } from "./_base.ts";
import { linspace } from "./_interp.ts";
import { kmeans1d } from "./_kmeans_1d.ts";
import { percentileSorted } from "./_quantiles.ts";
import {
  allocOut,
  floatArray,
  type FloatDTypeOf,
  floatVector,
  type OutDType,
  roundTo,
} from "./_float_dtype.ts";
import {
  checkRandomState,
  choiceWithoutReplacement,
  type RandomStateLike,
} from "./_random_state.ts";
import { checkChoice, checkFinite, checkInt, describe, toMat } from "./_validation.ts";

/** Options of {@linkcode KBinsDiscretizer}. */
export interface KBinsDiscretizerOpts {
  /** Bins per feature (≥ 2): one number for all, or one per feature (default 5). */
  nBins?: number | readonly number[];
  /**
   * "onehot-dense" (default: one 0/1 column per bin) or "ordinal" (the bin index). scikit-learn's
   * sparse "onehot" is not available: nd returns dense arrays.
   */
  encode?: "onehot-dense" | "ordinal";
  /** "uniform" widths, "quantile" (default: equal counts) or "kmeans" (1-D k-means centers). */
  strategy?: "uniform" | "quantile" | "kmeans";
  /**
   * The output dtype: "float64", "float32", or null (default) for the input's: float32 for
   * float32 input, float64 for any other.
   */
  dtype?: "float64" | "float32" | null;
  /** With "quantile": fit on at most this many samples, drawn without replacement (default null: all). */
  subsample?: number | null;
  /** The RandomState (or seed) of the subsampling; null for the global one. */
  randomState?: RandomStateLike;
}

const DEFAULTS: Required<KBinsDiscretizerOpts> = {
  nBins: 5,
  encode: "onehot-dense",
  strategy: "quantile",
  dtype: null,
  subsample: null,
  randomState: null,
};
const NAME = "KBinsDiscretizer";

/**
 * The dtype of {@linkcode KBinsDiscretizer.transform}'s output for input `T`: the `dtype`
 * option's when set, which the type does not know, so float32 or float64 unless `T` is float32.
 */
export type KBinsDTypeOf<T> = FloatDTypeOf<T> | "float32";

/**
 * Discretizes each feature into `nBins` intervals whose edges are equally spaced ("uniform"),
 * percentiles ("quantile", NumPy's linear percentiles) or midpoints between 1-D k-means centers
 * ("kmeans", scikit-learn's Lloyd iterations from uniform centers); as scikit-learn, bins
 * narrower than 1e-8 are removed and a constant feature gets one bin. Values are binned with
 * the inner edges (`searchsorted(edges[1:-1], x, "right")`), so values outside the fitted range
 * fall in the first or last bin. The output is float32 for float32 input unless `dtype` says
 * otherwise; a `dtype` of "float32" rounds float64 input to float32 before binning it, as
 * scikit-learn does.
 *
 * Fitted attributes: `binEdges` (one array of edges per feature: float64, or float32 for the
 * "kmeans" strategy on float32 input, as in scikit-learn), `nBins` (bins per feature after
 * removals: scikit-learn's `n_bins_`; the option is in `getParams()`), `nFeaturesIn`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = [[-2, 1, -4, -1], [-1, 2, -3, -0.5], [0, 3, -2, 0.5], [1, 4, -1, 2]];
 * const est = new nd.ml.KBinsDiscretizer({ nBins: 3, encode: "ordinal", strategy: "uniform" });
 * assert.deepEqual(est.fitTransform(x).toArray(), [
 *   [0, 0, 0, 0],
 *   [1, 1, 1, 0],
 *   [2, 2, 2, 1],
 *   [2, 2, 2, 2],
 * ]);
 * assert.deepEqual(est.binEdges[0].toArray(), [-2, -1, 0, 1]);
 * assert.deepEqual(est.inverseTransform([[0, 1, 2, 0]]).toArray(), [[-1.5, 2.5, -1.5, -0.5]]);
 * ```
 */
export class KBinsDiscretizer extends Estimator {
  readonly #nBins: number | readonly number[];
  /** The output encoding. */
  readonly encode: "onehot-dense" | "ordinal";
  /** How bin edges are placed. */
  readonly strategy: "uniform" | "quantile" | "kmeans";
  /** The output dtype (null: the input's). */
  readonly dtype: "float64" | "float32" | null;
  /** Most samples the quantiles are computed on. */
  readonly subsample: number | null;
  /** The subsampling RandomState (as given). */
  readonly randomState: RandomStateLike;
  #edges: Float64Array[] = [];
  #edgeDtypes: OutDType[] = [];

  /** A discretizer with the given options (all optional). */
  constructor(opts: KBinsDiscretizerOpts = {}) {
    super(NAME, DEFAULTS);
    const o = { ...DEFAULTS, ...opts };
    const nb = o.nBins;
    if (Array.isArray(nb)) {
      const bad = nb.flatMap((v, i) => Number.isInteger(v) && v >= 2 ? [] : [i]);
      if (bad.length) {
        throw new RangeError(
          `${NAME}: received an invalid number of bins at indices ${bad.join(", ")}: the ` +
            `number of bins must be an integer of at least 2`,
        );
      }
      this.#nBins = nb.slice();
    } else this.#nBins = checkInt(NAME, "nBins", nb, 2);
    if ((o.encode as string) === "onehot") {
      throw new RangeError(
        `${NAME}: encode "onehot" (a sparse matrix in scikit-learn) is not available: use ` +
          `"onehot-dense" or "ordinal"`,
      );
    }
    this.encode = checkChoice(NAME, "encode", o.encode, ["onehot-dense", "ordinal"] as const);
    this.strategy = checkChoice(
      NAME,
      "strategy",
      o.strategy,
      ["uniform", "quantile", "kmeans"] as const,
    );
    this.dtype = o.dtype === null
      ? null
      : checkChoice(NAME, "dtype", o.dtype, ["float64", "float32"] as const);
    if (o.subsample !== null) {
      checkInt(NAME, "subsample", o.subsample, 1);
      if (this.strategy !== "quantile") {
        throw new RangeError(
          `${NAME}: subsample must be used with strategy "quantile", got strategy ` +
            `${JSON.stringify(this.strategy)}`,
        );
      }
    }
    this.subsample = o.subsample;
    checkRandomState(o.randomState, NAME);
    this.randomState = o.randomState;
  }

  /** The options, as passed to the constructor. */
  getParams(): Required<KBinsDiscretizerOpts> {
    return {
      nBins: this.#nBins,
      encode: this.encode,
      strategy: this.strategy,
      dtype: this.dtype,
      subsample: this.subsample,
      randomState: this.randomState,
    };
  }

  /** The bin edges of each feature (increasing; `nBins[j] + 1` of them). */
  get binEdges(): NDArray<"float64" | "float32">[] {
    this.checkFitted();
    return this.#edges.map((e, j) => floatVector(this.#edgeDtypes[j], e));
  }

  /** The number of bins of each feature, after removing too-narrow ones. */
  get nBins(): NDArray<"int64"> {
    this.checkFitted();
    return new NDArray(
      "int64",
      BigInt64Array.from(this.#edges, (e) => BigInt(e.length - 1)),
      [this.#edges.length],
    );
  }

  /** Computes the bin edges of every feature. */
  fit(X: ArrayLike): this {
    const m = toMat(X, NAME);
    checkFinite(m, NAME);
    const nb = this.#nBins;
    if (Array.isArray(nb) && nb.length !== m.cols) {
      throw new TypeError(
        `${NAME}: nBins must be a number or an array of one number per feature (${m.cols}), ` +
          `got ${describe(nb)}`,
      );
    }
    let rows = m.rows, data = m.data;
    if (this.strategy === "quantile" && this.subsample !== null && rows > this.subsample) {
      const rs: RandomState = checkRandomState(this.randomState, NAME);
      const idx = choiceWithoutReplacement(rs, rows, this.subsample);
      const sub = new Float64Array(idx.length * m.cols);
      idx.forEach((r, i) => sub.set(data.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols));
      data = sub;
      rows = idx.length;
    }
    const edges: Float64Array[] = [];
    const edgeDtypes: OutDType[] = [];
    // float32: NumPy's percentiles of float32 data are float64; KMeans keeps float32 centers
    const f32 = m.dtype === "float32";
    for (let j = 0; j < m.cols; j++) {
      const n = Array.isArray(nb) ? nb[j] : nb as number;
      const col = new Float64Array(rows);
      for (let i = 0; i < rows; i++) col[i] = data[i * m.cols + j];
      let lo = Infinity, hi = -Infinity;
      for (const v of col) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (lo === hi) {
        edges.push(Float64Array.of(-Infinity, Infinity)); // a constant feature: one bin
        edgeDtypes.push("float64");
        continue;
      }
      let e: Float64Array;
      let dtype: OutDType = "float64";
      if (this.strategy === "uniform") e = linspace(lo, hi, n + 1);
      else if (this.strategy === "quantile") {
        const s = col.slice().sort();
        e = linspace(0, 100, n + 1).map((q) => percentileSorted(s, q, f32));
      } else {
        if (rows < n) {
          throw new RangeError(
            `${NAME}: the kmeans strategy needs at least as many samples as bins: feature ${j} ` +
              `has ${rows} samples for ${n} bins`,
          );
        }
        const u = linspace(lo, hi, n + 1);
        const init = new Float64Array(n).map((_, k) => (u[k + 1] + u[k]) * 0.5);
        if (f32) dtype = "float32";
        const c = kmeans1d(col, init, f32).sort();
        e = new Float64Array(n + 1);
        e[0] = lo;
        for (let k = 1; k < n; k++) e[k] = (c[k] + c[k - 1]) * 0.5;
        e[n] = hi;
        roundTo(e, dtype);
      }
      if (this.strategy !== "uniform") {
        // drop bins narrower than 1e-8: np.ediff1d(edges, to_begin=inf) > 1e-8 (in float32 for
        // float32 edges)
        const r = dtype === "float32" ? Math.fround : (v: number) => v;
        e = e.filter((v, k) => k === 0 || r(v - e[k - 1]) > r(1e-8));
      }
      edges.push(e);
      edgeDtypes.push(dtype);
    }
    this.#edges = edges;
    this.#edgeDtypes = edgeDtypes;
    this.fitted(m.cols);
    return this;
  }

  /**
   * The bin of every value, one-hot ("onehot-dense") or as its index ("ordinal"), of the
   * `dtype` option (null: float32 for float32 input, else float64).
   */
  transform<T extends ArrayLike>(X: T): NDArray<KBinsDTypeOf<T>> {
    const m = this.readFitted(X);
    checkFinite(m, NAME);
    const { rows, cols } = m;
    const dtype = this.dtype ?? m.dtype;
    // scikit-learn's check_array(X, dtype=...) casts X to the output dtype before binning
    const data = dtype === "float32" && m.dtype !== "float32"
      ? roundTo(m.data.slice(), "float32")
      : m.data;
    const widths = this.#edges.map((e) => e.length - 1);
    const onehot = this.encode === "onehot-dense";
    const total = onehot ? widths.reduce((a, b) => a + b, 0) : cols;
    const out = allocOut(dtype, rows * total);
    for (let i = 0; i < rows; i++) {
      let start = i * total;
      for (let j = 0; j < cols; j++) {
        const e = this.#edges[j], v = data[i * cols + j];
        // searchsorted(e[1:-1], v, "right"): the number of inner edges <= v
        let lo = 1, hi = e.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (e[mid] <= v) lo = mid + 1;
          else hi = mid;
        }
        const b = lo - 1;
        if (onehot) {
          out[start + b] = 1;
          start += widths[j];
        } else out[i * cols + j] = b;
      }
    }
    return floatArray(dtype, out, [rows, total]) as NDArray<KBinsDTypeOf<T>>;
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform<T extends ArrayLike>(X: T): NDArray<KBinsDTypeOf<T>> {
    return this.fit(X).transform(X);
  }

  /**
   * The center of each bin: an approximate inverse of `transform`. As scikit-learn's: float32
   * for float32 ordinal codes, float64 for any other input and for one-hot codes.
   */
  inverseTransform(Xt: ArrayLike): NDArray<"float64" | "float32"> {
    this.checkFitted();
    const m = toMat(Xt, NAME, "Xt");
    const widths = this.#edges.map((e) => e.length - 1);
    const cols = this.#edges.length;
    const expected = this.encode === "onehot-dense" ? widths.reduce((a, b) => a + b, 0) : cols;
    if (m.cols !== expected) {
      throw new TypeError(
        `${NAME}: incorrect number of features: expecting ${expected}, received ${m.cols}`,
      );
    }
    const out = new Float64Array(m.rows * cols);
    for (let i = 0; i < m.rows; i++) {
      let start = i * m.cols;
      for (let j = 0; j < cols; j++) {
        let b: number;
        if (this.encode === "onehot-dense") {
          b = 0; // the encoder's inverse: the first largest value of the feature's block
          let sum = m.data[start];
          for (let c = 1; c < widths[j]; c++) {
            sum += m.data[start + c];
            if (m.data[start + c] > m.data[start + b]) b = c;
          }
          if (sum === 0) {
            throw new RangeError(
              `${NAME}: sample ${i} cannot be inverted because feature ${j} is all zeros`,
            );
          }
          start += widths[j];
        } else b = Math.trunc(m.data[i * cols + j]);
        const e = this.#edges[j];
        if (!(b >= 0 && b < widths[j])) {
          throw new RangeError(
            `${NAME}: bin ${m.data[i * cols + j]} of feature ${j} at row ${i} is out of range ` +
              `(0 to ${widths[j] - 1})`,
          );
        }
        const c = (e[b + 1] + e[b]) * 0.5;
        out[i * cols + j] = this.#edgeDtypes[j] === "float32" ? Math.fround(c) : c;
      }
    }
    return floatArray(this.encode === "ordinal" ? m.dtype : "float64", out, [m.rows, cols]);
  }

  /** The fitted attributes for the Jupyter display. */
  protected fittedAttributes(): Record<string, unknown> {
    return { binEdges: this.binEdges, nBins: this.nBins };
  }
}
