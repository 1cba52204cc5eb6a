/**
 * NaN-ignoring quantiles: {@linkcode nanquantile} and {@linkcode nanpercentile}.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { quantileOf, type QuantileOpts } from "./_quantile_core.ts";

/**
 * {@linkcode quantile} ignoring NaNs: each slice's quantiles are taken over its non-NaN
 * values; a slice of only NaNs gives NaN. An empty input gives NaN over the reduced shape
 * (without q's dimensions), as NumPy does. Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.nanquantile([1, NaN, 3], 0.5).item() === 2);
 * const r = nd.nanquantile([[1, NaN], [NaN, NaN]], 0.5, { axis: 1 });
 * console.assert(r.get(0) === 1 && Number.isNaN(r.get(1)));
 * ```
 */
export function nanquantile(a: ArrayLike, q: ArrayLike, opts?: QuantileOpts): NDArray {
  return quantileOf(a, q, opts, { where: "nanquantile", percent: false, skipNan: true });
}

/**
 * {@linkcode percentile} ignoring NaNs (q in [0, 100]).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.nanpercentile([4, NaN, 1, 2, 3], 50).item() === 2.5);
 * ```
 */
export function nanpercentile(a: ArrayLike, q: ArrayLike, opts?: QuantileOpts): NDArray {
  return quantileOf(a, q, opts, { where: "nanpercentile", percent: true, skipNan: true });
}
