/**
 * {@linkcode line}: line charts of one or several series.
 *
 * @module
 */
import type { ArrayLike } from "../core/_array_like.ts";
import { fmtShape } from "../core/shape.ts";
import { Plot } from "./_deps.ts";
import { type Block, plotChart, svgBlock, swatches } from "./_dom.ts";
import {
  commonOpts,
  isNDArray,
  labelList,
  type PlotOpts,
  type Values,
  values,
  vector,
} from "./_input.ts";
import { figure, MARK_COLOR } from "./_build.ts";
import { m4 } from "./_decimate.ts";
import type { Figure } from "./figure.ts";

/** Options of {@linkcode line}. */
export interface LineOpts extends PlotOpts {
  /** One name per series, shown in a legend above the plot. */
  labels?: readonly (string | number)[];
  /** Draw a dot at each point too. */
  markers?: boolean;
}

/** `ys` as values: a list holding arrays is stacked as rows (they must have equal lengths). */
function series(ys: ArrayLike | readonly ArrayLike[], where: string): Values {
  if (!Array.isArray(ys) || !ys.some((e) => isNDArray(e) || ArrayBuffer.isView(e))) {
    return values(ys as ArrayLike, where, "ys");
  }
  const rows = ys.map((e, i) => vector(e, where, `ys[${i}]`));
  const n = rows[0].length;
  const data = new Float64Array(rows.length * n);
  rows.forEach((r, i) => {
    if (r.length !== n) {
      throw new TypeError(`${where}: ys[${i}] has ${r.length} points and ys[0] has ${n}`);
    }
    data.set(r, i * n);
  });
  return { data, shape: [rows.length, n], dtype: "float64" };
}

/**
 * A line chart of `ys` against `x`: `ys` is one series (1-D, same length as `x`) or several
 * (2-D, one series per row, or a list of equal-length 1-D arrays); `x` null plots against the
 * indices 0, 1, .... Series get distinct colours and, with `labels`, a legend. NaN values
 * leave gaps. Series of more than four points per pixel column against sorted `x` are drawn
 * through the first, lowest, highest and last point of each column (M4 decimation): the same
 * picture in a much smaller SVG.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const fig = nd.plot.line([1, 2, 3], [[1, 4, 9], [1, 8, 27]], { labels: ["x²", "x³"] });
 * const svg = fig.toSVG();
 * assert.equal(svg.match(/aria-label="line"/g)?.length, 1);
 * assert(svg.includes(">x²</text>") && svg.includes(">x³</text>"));
 * ```
 */
export function line(
  x: ArrayLike | null,
  ys: ArrayLike | readonly ArrayLike[],
  opts: LineOpts = {},
): Figure {
  const where = "line";
  const c = commonOpts(opts, where);
  const y = series(ys, where);
  if ((y.shape.length !== 1 && y.shape.length !== 2) || y.data.length === 0) {
    throw new TypeError(
      `${where}: ys must be a non-empty 1-D array or a 2-D array of series: got shape ${
        fmtShape(y.shape)
      }`,
    );
  }
  const k = y.shape.length === 1 ? 1 : y.shape[0];
  const n = y.shape[y.shape.length - 1];
  let xs: Float64Array;
  if (x === null || x === undefined) {
    xs = Float64Array.from({ length: n }, (_, i) => i);
  } else {
    const xv = values(x, where, "x");
    if (xv.shape.length !== 1 || xv.shape[0] !== n) {
      throw new TypeError(
        `${where}: x of shape ${fmtShape(xv.shape)} does not match ${n} points per series ` +
          `(ys of shape ${fmtShape(y.shape)})`,
      );
    }
    xs = xv.data;
  }
  const labels = labelList(opts.labels, k, where, "series");
  const width = c.width ?? 640;
  // Long sorted series keep the first, lowest, highest and last point of each pixel column.
  const idx: number[] = [];
  for (let s = 0; s < k; s++) {
    const keep = opts.markers
      ? Array.from({ length: n }, (_, i) => i)
      : m4(xs, y.data.subarray(s * n, (s + 1) * n), width);
    for (const i of keep) idx.push(s * n + i);
  }
  const data = { length: idx.length };
  const X = Float64Array.from(idx, (i) => xs[i % n]);
  const Y = Float64Array.from(idx, (i) => y.data[i]);
  const Z = k === 1 ? undefined : idx.map((i) => {
    const s = Math.floor(i / n);
    return labels === null ? s : labels[s];
  });
  const stroke = Z ?? MARK_COLOR;
  const marks = [Plot.lineY(data, { x: X, y: Y, z: Z, stroke })];
  if (opts.markers) marks.push(Plot.dot(data, { x: X, y: Y, fill: stroke, r: 2 }));
  const chart = plotChart({
    width,
    height: c.height ?? 400,
    x: { label: c.xLabel ?? null },
    y: { grid: true, label: c.yLabel ?? null },
    color: k > 1
      ? { type: "categorical", domain: labels ?? Array.from({ length: k }, (_, i) => i) }
      : undefined,
    marks,
  });
  const blocks: Block[] = [];
  if (labels !== null) {
    const range = k > 1 ? (chart.scale("color")?.range ?? []).map(String) : [MARK_COLOR];
    blocks.push(swatches(labels, range, width));
  }
  blocks.push(svgBlock(chart));
  return figure(where, c, blocks);
}
