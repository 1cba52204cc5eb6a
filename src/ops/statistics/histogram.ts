/**
 * Histograms: {@linkcode histogram}.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { fmtShape, shapesEqual } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { divide } from "../elementwise.ts";
import { sum } from "../reduce/reductions.ts";
import type { HistogramBinEdgesOpts } from "./histogram_bin_edges.ts";
import { binEdgesOf, histData } from "./_bin_edges.ts";
import { countBins, edgeIndices, uniformIndices, weighBins } from "./_hist_count.ts";
import { binDType } from "./_hist_edges.ts";
import { checkOpts, float64Values } from "./_opts.ts";
import { diff } from "./diff.ts";

/** Options of {@linkcode histogram}. */
export interface HistogramOpts extends HistogramBinEdgesOpts {
  /**
   * Return the probability density in each bin (`count / (total * width)`), so the
   * histogram integrates to 1, instead of counts.
   */
  density?: boolean;
}

/** The result of {@linkcode histogram}. */
export interface HistogramResult {
  /** Counts (int64), summed weights (the weights' dtype), or densities (float64). */
  hist: NDArray;
  /** The `hist.length + 1` bin edges. */
  binEdges: NDArray;
}

/** NumPy's block size: weighted sums are accumulated per block of this many values. */
const BLOCK = 65536;

/**
 * Histogram of `a` (flattened). `bins` is the number of equal-width bins (default 10) over
 * `range` (default the data's min and max), the name of a bin-width estimator ("auto", "fd",
 * "doane", "scott", "stone", "rice", "sturges", "sqrt"), or the bin edges. Every bin is
 * half-open `[left, right)` except the last, which includes its right edge; values outside
 * the edges (and NaN) are not counted. Edges of equal-width bins are computed as NumPy does
 * (float data keeps its dtype, integers give float64), and values are placed in bins by
 * NumPy's rules, so counts match NumPy's exactly. Bool data is counted as 0/1. `hist` is a new
 * array; `binEdges` is new too, except that edges passed as an NDArray are returned as given.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const { hist, binEdges } = nd.histogram([1, 2, 1], { bins: [0, 1, 2, 3] });
 * console.assert(hist.toArray().join() === "0,2,1" && binEdges.toArray().join() === "0,1,2,3");
 * const h = nd.histogram([0, 1, 2, 3, 4, 5], { bins: 2 });
 * console.assert(h.hist.toArray().join() === "3,3");
 * console.assert(h.binEdges.toArray().join() === "0,2.5,5");
 * const d = nd.histogram([1, 2, 2, 3], { bins: 2, density: true });
 * console.assert(d.hist.toArray().join() === "0.25,0.75");
 * ```
 */
export function histogram(a: ArrayLike, opts?: HistogramOpts): HistogramResult {
  const o = checkOpts(opts, "histogram");
  const x = histData(a, "histogram");
  let w: NDArray | null = null;
  if (o.weights !== undefined && o.weights !== null) {
    const wa = toArray(o.weights, "histogram");
    const shape = toArray(a, "histogram").shape;
    if (!shapesEqual(wa.shape, shape)) {
      throw new TypeError(
        `histogram: weights should have the same shape as a: a has shape ${
          fmtShape(shape)
        }, weights ${fmtShape(wa.shape)}`,
      );
    }
    w = wa.reshape([-1]);
  }
  const av = float64Values(x);
  const { edges, uniform } = binEdgesOf(x, av, o.bins ?? 10, o.range, w !== null, "histogram");
  let idx: Int32Array, nb: number;
  if (uniform) {
    nb = uniform.nbins;
    const ev = copy(edges, "float64").data as Float64Array;
    idx = uniformIndices(av, uniform, ev, binDType(x));
  } else {
    nb = Math.max(edges.size - 1, 0);
    idx = edgeIndices(av, copy(edges, "float64").data as Float64Array);
    if (w && w.dtype === "bool") {
      throw new TypeError(
        "histogram: bool weights cannot be summed over explicit bin edges; cast them to a number dtype",
      );
    }
  }
  let hist = w === null ? countBins(idx, nb) : weighBins(idx, nb, w, uniform ? BLOCK : Infinity);
  if (o.density) {
    const db = copy(diff(edges), "float64");
    hist = divide(divide(hist, db), sum(hist));
  }
  return { hist, binEdges: edges };
}
