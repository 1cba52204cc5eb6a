/**
 * {@linkcode scatter}: a scatter plot of two 1-D arrays.
 *
 * @module
 */
import type { ArrayLike } from "../core/_array_like.ts";
import { Plot } from "./_deps.ts";
import { type Block, colorLegend, plotChart, svgBlock } from "./_dom.ts";
import { commonOpts, type PlotOpts, vector } from "./_input.ts";
import { colorScale, figure, MARK_COLOR } from "./_build.ts";
import type { Figure } from "./figure.ts";

/** Options of {@linkcode scatter}. */
export interface ScatterOpts extends PlotOpts {
  /** Dot radius in pixels (default 3). */
  r?: number;
  /**
   * A CSS colour for every dot, or one value per point coloured through `colorScale`
   * (with a colour bar).
   */
  color?: string | ArrayLike;
  /** Colour scheme of per-point values (default `"viridis"`). */
  colorScale?: string;
  /** Label of the colour bar. */
  colorLabel?: string;
  /** Dot opacity in [0, 1] (default 1). */
  opacity?: number;
}

/**
 * A scatter plot of the points `(x[i], y[i])`. With `color` values per point, the dots are
 * coloured through `colorScale` and a colour bar is drawn above the plot.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const fig = nd.plot.scatter([1, 2, 3, 4], [2, 4, 1, 3], { xLabel: "a", yLabel: "b" });
 * assert.equal(fig.toSVG().match(/<circle /g)?.length, 4);
 * ```
 */
export function scatter(x: ArrayLike, y: ArrayLike, opts: ScatterOpts = {}): Figure {
  const where = "scatter";
  const c = commonOpts(opts, where);
  const X = vector(x, where, "x"), Y = vector(y, where, "y");
  if (X.length !== Y.length) {
    throw new TypeError(`${where}: x has ${X.length} points and y has ${Y.length}`);
  }
  const r = opts.r ?? 3;
  if (typeof r !== "number" || !(r > 0) || !Number.isFinite(r)) {
    throw new RangeError(`${where}: r must be a positive number: got ${String(r)}`);
  }
  const opacity = opts.opacity ?? 1;
  if (typeof opacity !== "number" || !(opacity >= 0 && opacity <= 1)) {
    throw new RangeError(`${where}: opacity must be in [0, 1]: got ${String(opacity)}`);
  }
  let fill: string | Float64Array = MARK_COLOR;
  let scheme: string | undefined;
  if (typeof opts.color === "string") {
    fill = opts.color;
  } else if (opts.color !== undefined) {
    fill = vector(opts.color, where, "color");
    if (fill.length !== X.length) {
      throw new TypeError(`${where}: ${fill.length} colour values for ${X.length} points`);
    }
    scheme = colorScale(opts.colorScale, "viridis", where);
  }
  const width = c.width ?? 640;
  const chart = plotChart({
    width,
    height: c.height ?? 400,
    x: { label: c.xLabel ?? null, grid: true, nice: true },
    y: { label: c.yLabel ?? null, grid: true, nice: true },
    color: scheme === undefined ? undefined : { type: "linear", scheme },
    marks: [
      Plot.dot({ length: X.length }, {
        x: X,
        y: Y,
        r,
        fill,
        fillOpacity: opacity === 1 ? undefined : opacity,
      }),
    ],
  });
  const blocks: Block[] = [];
  if (scheme !== undefined) blocks.push(colorLegend(chart, opts.colorLabel, Math.min(width, 320)));
  blocks.push(svgBlock(chart));
  return figure(where, c, blocks);
}
