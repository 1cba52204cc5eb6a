// Histogram bin edges and the layout of equal-width bins, shared by histogram and
// histogramBinEdges: NumPy's `_get_bin_edges` (counts, estimator names or explicit edges).
import { DTYPES } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { fmtShape } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import { slice } from "../../core/indexing.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { greaterEqual, lessEqual, logicalAnd } from "../elementwise.ts";
import { binDType, edgeDelta, linspaceEdges, outerEdges } from "./_hist_edges.ts";
import { estimateWidth, ESTIMATORS } from "./_hist_estimators.ts";
import type { Uniform } from "./_hist_count.ts";
import { rounder } from "./_opts.ts";

/** What `bins` may be: a count, an estimator name, or the edges themselves. */
export type HistogramBins = number | string | ArrayLike;

/** The data flattened, refusing complex and turning bool into uint8 as NumPy does. */
export function histData(a: ArrayLike, where: string): NDArray {
  const x = toArray(a, where);
  if (DTYPES[x.dtype].kind === "c") {
    throw new TypeError(`${where}: complex input is not supported, got ${x.dtype}`);
  }
  return (x.dtype === "bool" ? copy(x, "uint8") : x).reshape([-1]);
}

/** Bin edges (in the bin dtype, or bins' own dtype) and, for equal-width bins, their layout. */
export function binEdgesOf(
  a: NDArray,
  av: Float64Array,
  bins: HistogramBins,
  range: unknown,
  weighted: boolean,
  where: string,
): { edges: NDArray; uniform: Uniform | null } {
  let nbins: number;
  if (typeof bins === "string") {
    if (!ESTIMATORS.includes(bins)) {
      throw new RangeError(
        `${where}: ${JSON.stringify(bins)} is not a valid estimator for bins; use a number, ` +
          `an array of edges, or one of ${ESTIMATORS.join(", ")}`,
      );
    }
    if (weighted) {
      throw new TypeError(
        `${where}: automated estimation of the number of bins is not supported for weighted data`,
      );
    }
    const [first, last] = outerEdges(a, range, av);
    let x = a;
    if (range !== undefined && range !== null) {
      const keep = logicalAnd(greaterEqual(a, first.v), lessEqual(a, last.v));
      x = slice(a, keep);
    }
    nbins = 1;
    if (x.size > 0) {
      const w = estimateWidth(bins, x, first, last);
      let wv = w.v, wdt = w.dt;
      if (wv !== 0) {
        if (DTYPES[a.dtype].kind !== "f" && wv < 1) {
          wv = 1;
          wdt = "float64";
        }
        const d = edgeDelta(first, last);
        // delta / width in the dtype NumPy's scalars would use.
        const q = d.dt !== null && DTYPES[d.dt].kind === "f" && d.dt !== "float64"
          ? rounder(wdt === "float64" ? "float64" : d.dt)((d.v as number) / wv)
          : rounder(wdt)(rounder(wdt)(d.v as number) / wv);
        nbins = Math.ceil(q);
        if (!Number.isFinite(nbins)) {
          throw new RangeError(`${where}: the estimated number of bins is not finite: ${q}`);
        }
      }
    }
    return uniformEdges(a, first, last, nbins, where);
  }
  let b: NDArray | null = null;
  if (typeof bins === "number" || typeof bins === "bigint") nbins = Number(bins);
  else {
    try {
      b = toArray(bins as ArrayLike, where);
    } catch {
      throw new TypeError(`${where}: bins must be an integer, a string, or an array`);
    }
    if (b.ndim === 0) {
      nbins = Number(b.item());
      b = null;
    } else nbins = NaN;
  }
  if (b === null) {
    if (!Number.isInteger(nbins)) {
      throw new TypeError(
        `${where}: bins must be an integer, a string, or an array, got ${String(bins)}`,
      );
    }
    if (nbins < 1) {
      throw new RangeError(`${where}: bins must be positive, when an integer, got ${nbins}`);
    }
    const [first, last] = outerEdges(a, range, av);
    return uniformEdges(a, first, last, nbins, where);
  }
  if (b.ndim !== 1) {
    throw new TypeError(
      `${where}: bins must be 1-D, when an array, got shape ${fmtShape(b.shape)}`,
    );
  }
  const ev = copy(b, "float64").data as Float64Array;
  for (let i = 0; i + 1 < ev.length; i++) {
    if (ev[i] > ev[i + 1]) {
      throw new RangeError(
        `${where}: bins must increase monotonically, when an array: edge ${i} is ${ev[i]}, edge ${
          i + 1
        } is ${ev[i + 1]}`,
      );
    }
  }
  return { edges: b, uniform: null };
}

function uniformEdges(
  a: NDArray,
  first: Uniform["first"],
  last: Uniform["last"],
  nbins: number,
  where: string,
): { edges: NDArray; uniform: Uniform } {
  const lin = new Float64Array(nbins + 1);
  linspaceEdges(first, last, nbins, lin);
  const edges = copy(new NDArray("float64", lin, [nbins + 1]), binDType(a));
  const e = edges.data as Float64Array;
  for (let i = 0; i < nbins; i++) {
    if (!(e[i] < e[i + 1])) {
      throw new RangeError(
        `${where}: too many bins for data range: cannot create ${nbins} finite-sized bins`,
      );
    }
  }
  return { edges, uniform: { first, last, nbins } };
}
