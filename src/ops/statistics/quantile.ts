/**
 * Quantiles and percentiles: {@linkcode quantile} (q in [0, 1]) and {@linkcode percentile}
 * (q in [0, 100]), with all of NumPy's estimation methods.
 *
 * Each slice is copied once and only the order statistics the requested quantiles need are
 * found, by selection rather than a full sort.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { type QuantileMethod, quantileOf, type QuantileOpts } from "./_quantile_core.ts";

export type { QuantileMethod, QuantileOpts };

/**
 * The q-th quantile(s) of the data along the given axes (all by default). `q` is a number or
 * an array (1-D or 2-D) of numbers in [0, 1]; its dimensions come first in the result. A
 * slice holding a NaN gives NaN.
 *
 * `method` is one of NumPy's: "linear" (default), "lower", "higher", "nearest", "midpoint",
 * "inverted_cdf", "averaged_inverted_cdf", "closest_observation",
 * "interpolated_inverted_cdf", "hazen", "weibull", "median_unbiased", "normal_unbiased".
 * Methods that pick an element keep the input dtype; interpolating methods give float64 for
 * integer input and keep float16/float32 when `q` is a JS number. A JS integer `q` (0 or 1)
 * counts as an integer, as a Python int does in NumPy. Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([[10, 7, 4], [3, 2, 1]]);
 * console.assert(nd.quantile(a, 0.5).item() === 3.5);
 * console.assert(nd.quantile(a, 0.5, { axis: 0 }).toArray().join() === "6.5,4.5,2.5");
 * console.assert(nd.quantile(a, [0.25, 0.75], { axis: 1 }).shape.join() === "2,2");
 * console.assert(nd.quantile([1, 2, 3, 4], 0.5, { method: "lower" }).item() === 2n);
 * ```
 */
export function quantile(a: ArrayLike, q: ArrayLike, opts?: QuantileOpts): NDArray {
  return quantileOf(a, q, opts, { where: "quantile", percent: false, skipNan: false });
}

/**
 * The q-th percentile(s) of the data: {@linkcode quantile} with `q` in [0, 100].
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.percentile([1, 2, 3, 4], 50).item() === 2.5);
 * console.assert(nd.percentile([1, 2, 3, 4], [25, 75]).toArray().join() === "1.75,3.25");
 * console.assert(nd.percentile([1, 2, 3, 4], 50, { method: "midpoint" }).item() === 2.5);
 * ```
 */
export function percentile(a: ArrayLike, q: ArrayLike, opts?: QuantileOpts): NDArray {
  return quantileOf(a, q, opts, { where: "percentile", percent: true, skipNan: false });
}
