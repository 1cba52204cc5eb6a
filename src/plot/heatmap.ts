/**
 * {@linkcode heatmap}: a matrix as coloured cells, with a colour bar.
 *
 * @module
 */
import type { ArrayLike } from "../core/_array_like.ts";
import { fmtShape } from "../core/shape.ts";
import { Plot } from "./_deps.ts";
import { colorLegend, plotChart, svgBlock } from "./_dom.ts";
import { commonOpts, intTicks, labelList, type PlotOpts, thinTicks, values } from "./_input.ts";
import { colorScale, figure } from "./_build.ts";
import { rasterMark } from "./_raster.ts";
import type { Figure } from "./figure.ts";

/** Matrices with more cells than this are drawn as one raster image instead of a rect per cell. */
export const RASTER_CELLS = 4096;

/** Options of {@linkcode heatmap}. */
export interface HeatmapOpts extends PlotOpts {
  /** Colour scheme (default `"viridis"`): one of {@linkcode COLOR_SCALES}. */
  colorScale?: string;
  /** Label of the colour bar. */
  colorLabel?: string;
  /** Values at the ends of the colour scale (default the data's min and max). */
  domain?: readonly [number, number];
  /**
   * Centre of a diverging scale (`"rdbu"`, `"piyg"`, ...): values above and below it get the
   * two hues (default: a linear scale over the domain).
   */
  center?: number;
  /** One label per column. */
  xLabels?: readonly (string | number)[];
  /** One label per row. */
  yLabels?: readonly (string | number)[];
  /**
   * Draw one raster image (true) or one `<rect>` per cell (false); default: raster above
   * {@linkcode RASTER_CELLS} cells.
   */
  raster?: boolean;
}

function checkDomain(d: unknown, where: string): [number, number] | undefined {
  if (d === undefined) return undefined;
  if (
    !Array.isArray(d) || d.length !== 2 || !d.every((v) => typeof v === "number" && isFinite(v)) ||
    !(d[0] < d[1])
  ) {
    throw new RangeError(
      `${where}: domain must be [min, max] with finite min < max: got ${JSON.stringify(d)}`,
    );
  }
  return [d[0], d[1]];
}

/**
 * A heatmap of the 2-D array `m`: row 0 at the top, one coloured cell per element through
 * `colorScale`, and a colour bar above. Matrices larger than {@linkcode RASTER_CELLS} cells
 * are one embedded PNG (Plot's raster mark), so the SVG stays small. NaN cells are left blank.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const m = nd.arange(12).reshape([3, 4]);
 * const svg = nd.plot.heatmap(m, { colorScale: "magma", title: "m" }).toSVG();
 * assert.equal(svg.match(/<rect fill="#/g)?.length, 12);
 * const big = nd.plot.heatmap(nd.random.defaultRng(0).random([100, 100])).toSVG();
 * assert(!big.includes("<rect fill=\"#") && big.includes('href="data:image/png;base64,'));
 * ```
 */
export function heatmap(m: ArrayLike, opts: HeatmapOpts = {}): Figure {
  const where = "heatmap";
  const c = commonOpts(opts, where);
  const v = values(m, where, "m");
  if (v.shape.length !== 2 || v.data.length === 0) {
    throw new TypeError(
      `${where}: m must be a non-empty 2-D array: got shape ${fmtShape(v.shape)}`,
    );
  }
  const [rows, cols] = v.shape;
  const xLabels = labelList(opts.xLabels, cols, where, "columns");
  const yLabels = labelList(opts.yLabels, rows, where, "rows");
  const scheme = colorScale(opts.colorScale, "viridis", where);
  const domain = checkDomain(opts.domain, where);
  if (opts.center !== undefined && (typeof opts.center !== "number" || !isFinite(opts.center))) {
    throw new RangeError(`${where}: center must be a finite number: got ${String(opts.center)}`);
  }
  const raster = opts.raster ?? rows * cols > RASTER_CELLS;
  const longest = yLabels === null
    ? String(rows - 1).length
    : Math.max(...yLabels.map((l) => l.length));
  const marginLeft = Math.min(160, 20 + 6 * longest) + (c.yLabel ? 14 : 0);
  const width = c.width ?? 640;
  const areaW = width - marginLeft - 20;
  const marginBottom = c.xLabel ? 45 : 35;
  const height = c.height ??
    Math.round(Math.min(640, Math.max(160, areaW * rows / cols)) + 10 + marginBottom);
  const tickFormat = (labels: string[] | null) => (i: number) =>
    labels === null ? String(i) : labels[i];
  const ticks = (n: number, labels: string[] | null, max: number) =>
    labels === null ? intTicks(n, max) : thinTicks(n, max);
  const xTicks = ticks(cols, xLabels, Math.max(2, Math.floor(areaW / 40)));
  const yTicks = ticks(rows, yLabels, Math.max(2, Math.floor((height - 10 - marginBottom) / 16)));
  const axis = (n: number, labels: string[] | null, ticks: number[], label?: string) =>
    raster
      ? { domain: [-0.5, n - 0.5], ticks, tickFormat: tickFormat(labels), label: label ?? null }
      : {
        type: "band",
        domain: Array.from({ length: n }, (_, i) => i),
        ticks,
        tickFormat: tickFormat(labels),
        label: label ?? null,
      };
  const n = rows * cols;
  const r = raster
    ? rasterMark({
      w: cols,
      h: rows,
      x1: -0.5,
      x2: cols - 0.5,
      y1: -0.5,
      y2: rows - 0.5,
      fill: v.data,
      displayW: areaW,
      displayH: height - 10 - marginBottom,
    })
    : {
      mark: Plot.cell({ length: n }, {
        x: Int32Array.from({ length: n }, (_, i) => i % cols),
        y: Int32Array.from({ length: n }, (_, i) => Math.floor(i / cols)),
        fill: v.data,
        inset: 0,
      }),
      scale: 1,
    };
  const chart = plotChart({
    width,
    height,
    marginLeft,
    marginRight: 20,
    marginTop: 10,
    marginBottom,
    x: axis(cols, xLabels, xTicks, c.xLabel),
    y: { ...axis(rows, yLabels, yTicks, c.yLabel), reverse: raster },
    color: {
      type: opts.center === undefined ? "linear" : "diverging",
      scheme,
      domain,
      pivot: opts.center,
    },
    marks: [r.mark],
  }, r.scale);
  const legend = colorLegend(chart, opts.colorLabel, Math.min(width, 320));
  return figure(where, c, [legend, svgBlock(chart)]);
}
