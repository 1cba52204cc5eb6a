/**
 * {@linkcode hist}: a histogram of an array's values.
 *
 * @module
 */
import type { ArrayLike } from "../core/_array_like.ts";
import type { NDArray } from "../core/ndarray.ts";
import { histogram } from "../ops/statistics/histogram.ts";
import { toArray } from "../core/asarray.ts";
import { Plot } from "./_deps.ts";
import { plotChart, svgBlock } from "./_dom.ts";
import { commonOpts, type PlotOpts, values } from "./_input.ts";
import { figure, MARK_COLOR } from "./_build.ts";
import type { Figure } from "./figure.ts";

/** Options of {@linkcode hist}. */
export interface HistOpts extends PlotOpts {
  /**
   * Number of equal-width bins (default 10), a bin-width estimator name (`"auto"`, `"fd"`,
   * `"sturges"`, ...) or the bin edges: as `nd.histogram`.
   */
  bins?: number | string | ArrayLike;
  /** The lower and upper edges of the bins (default the data's min and max). */
  range?: readonly [number, number];
  /** Plot the probability density instead of counts. */
  density?: boolean;
  /** Bar colour (any CSS colour; default blue). */
  color?: string;
}

/**
 * A histogram of the values of `a` (any shape, flattened), binned exactly as
 * `nd.histogram(a, { bins, range, density })`: one bar per bin, spanning its edges.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.random.defaultRng(0).standardNormal([1000]);
 * const fig = nd.plot.hist(a, { bins: 20, title: "Normal sample" });
 * assert.equal(fig.toSVG().match(/aria-label="rect"/g)?.length, 1);
 * assert.equal(fig.toSVG().match(/<rect [^>]*x=/g)?.length, 20);
 * ```
 */
export function hist(a: ArrayLike, opts: HistOpts = {}): Figure {
  const where = "hist";
  const c = commonOpts(opts, where);
  const arr = toArray(a, where);
  const v = values(arr, where, "a");
  if (v.data.length === 0) throw new TypeError(`${where}: a is empty: got shape [${v.shape}]`);
  let h: { hist: NDArray; binEdges: NDArray };
  try {
    h = histogram(arr, { bins: opts.bins, range: opts.range, density: opts.density });
  } catch (e) {
    if (e instanceof TypeError) throw new TypeError(e.message.replace(/^histogram:/, `${where}:`));
    if (e instanceof RangeError) {
      throw new RangeError(e.message.replace(/^histogram:/, `${where}:`));
    }
    throw e;
  }
  const counts = values(h.hist, where, "hist").data;
  const edges = values(h.binEdges, where, "binEdges").data;
  const n = counts.length;
  const chart = plotChart({
    width: c.width ?? 640,
    height: c.height ?? 400,
    x: { label: c.xLabel ?? null },
    y: { grid: true, label: c.yLabel ?? (opts.density ? "density" : "count") },
    marks: [
      Plot.rectY({ length: n }, {
        x1: edges.subarray(0, n),
        x2: edges.subarray(1),
        y: counts,
        fill: opts.color ?? MARK_COLOR,
        insetLeft: 0.5,
        insetRight: 0.5,
      }),
      Plot.ruleY([0]),
    ],
  });
  return figure(where, c, [svgBlock(chart)]);
}
