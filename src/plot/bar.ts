/**
 * {@linkcode bar}: a bar chart of a 1-D array.
 *
 * @module
 */
import type { ArrayLike } from "../core/_array_like.ts";
import { Plot } from "./_deps.ts";
import { plotChart, svgBlock } from "./_dom.ts";
import { commonOpts, labelList, type PlotOpts, thinTicks, vector } from "./_input.ts";
import { figure, MARK_COLOR } from "./_build.ts";
import type { Figure } from "./figure.ts";

/** Options of {@linkcode bar}. */
export interface BarOpts extends PlotOpts {
  /** One label per bar, shown under it (default the indices 0, 1, ...). */
  labels?: readonly (string | number)[];
  /** Bar colour (any CSS colour; default blue). */
  color?: string;
}

/**
 * A bar chart of `values` (1-D): one bar per value, from 0 (negative values go down), with
 * `labels` under the bars. Tick labels are thinned to about 20 when there are more bars, and
 * slanted when they would not fit.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const fig = nd.plot.bar(nd.array([0.8, 0.02]), { labels: ["loop", "vectorized"], title: "Time (s)" });
 * const svg = fig.toSVG();
 * assert.equal(svg.match(/<rect [^>]*height="[^"]*"[^>]*x=/g)?.length, 2);
 * assert(svg.includes(">vectorized</text>") && svg.includes(">Time (s)</text>"));
 * ```
 */
export function bar(values: ArrayLike, opts: BarOpts = {}): Figure {
  const where = "bar";
  const c = commonOpts(opts, where);
  const v = vector(values, where, "values");
  const n = v.length;
  const labels = labelList(opts.labels, n, where, "values");
  const idx = Array.from({ length: n }, (_, i) => i);
  const width = c.width ?? 640;
  const longest = labels === null ? String(n - 1).length : Math.max(...labels.map((l) => l.length));
  const shown = thinTicks(n, 20);
  const slant = longest * 6 > (width - 60) / shown.length;
  const chart = plotChart({
    width,
    height: c.height ?? 400,
    marginBottom: slant ? Math.min(120, 20 + longest * 4) : undefined,
    x: {
      type: "band",
      domain: idx,
      ticks: shown,
      tickFormat: (i: number) => (labels === null ? String(i) : labels[i]),
      tickRotate: slant ? -35 : 0,
      label: c.xLabel ?? null,
    },
    y: { grid: true, label: c.yLabel ?? null },
    marks: [
      Plot.barY({ length: n }, { x: idx, y: v, fill: opts.color ?? MARK_COLOR }),
      Plot.ruleY([0]),
    ],
  });
  return figure(where, c, [svgBlock(chart)]);
}
