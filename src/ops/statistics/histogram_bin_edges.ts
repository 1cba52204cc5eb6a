/**
 * Histogram bin edges: {@linkcode histogramBinEdges}, the edges {@linkcode histogram} uses.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { binEdgesOf, histData, type HistogramBins } from "./_bin_edges.ts";
import { checkOpts, float64Values } from "./_opts.ts";

export type { HistogramBins };

/** Options of {@linkcode histogramBinEdges}. */
export interface HistogramBinEdgesOpts {
  /**
   * The number of equal-width bins (default 10), the name of a bin-width estimator ("auto",
   * "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"), or the bin edges (1-D,
   * non-decreasing).
   */
  bins?: HistogramBins;
  /** `[min, max]` of the equal-width bins (default: the data's minimum and maximum). */
  range?: readonly [number, number] | null;
  /** Weights (one per value); estimators refuse them, as NumPy's do. */
  weights?: ArrayLike | null;
}

/**
 * The bin edges {@linkcode histogram} would use for `a` (flattened): `bins + 1` equal-width
 * edges over `range` (default the data's min and max; float data keeps its dtype, integers
 * give float64), edges chosen by a named estimator, or the given edges.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const e = nd.histogramBinEdges([1, 2, 3, 4], { bins: 3 });
 * console.assert(e.toArray().join() === "1,2,3,4");
 * console.assert(nd.histogramBinEdges([0, 1], { bins: 2, range: [0, 4] }).toArray().join() === "0,2,4");
 * ```
 */
export function histogramBinEdges(a: ArrayLike, opts?: HistogramBinEdgesOpts): NDArray {
  const o = checkOpts(opts, "histogramBinEdges");
  const x = histData(a, "histogramBinEdges");
  const weighted = o.weights !== undefined && o.weights !== null;
  return binEdgesOf(x, float64Values(x), o.bins ?? 10, o.range, weighted, "histogramBinEdges")
    .edges;
}
