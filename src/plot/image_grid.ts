/**
 * {@linkcode imageGrid}: a batch of images in a grid.
 *
 * @module
 */
import type { ArrayLike } from "../core/_array_like.ts";
import { fmtShape } from "../core/shape.ts";
import { plotChart, svgBlock } from "./_dom.ts";
import { commonOpts, type PlotOpts, positiveInt, values } from "./_input.ts";
import { figure } from "./_build.ts";
import { type ImageLayout, mosaic } from "./_image.ts";
import { rasterMark } from "./_raster.ts";
import type { Figure } from "./figure.ts";

/** Options of {@linkcode imageGrid}. */
export interface ImageGridOpts extends Omit<PlotOpts, "xLabel" | "yLabel"> {
  /** Images per row (default `ceil(sqrt(N))`). */
  cols?: number;
  /**
   * Axis order of a 4-D batch: `"NCHW"` (channels first, as PyTorch) or `"NHWC"` (channels
   * last, as TensorFlow). Detected from the shape when only one reading has 1, 3 or 4
   * channels.
   */
  layout?: "NCHW" | "NHWC";
  /** Rescale each image from its own min and max to the full range (default false). */
  normalize?: boolean;
}

const CHANNELS = [1, 3, 4];

/** The layout of a batch of `shape`, from the option or the shape. */
function layoutOf(shape: number[], layout: unknown, where: string): ImageLayout {
  if (shape.length === 3) {
    const [n, h, w] = shape;
    return { n, h, w, c: 1, sn: h * w, sy: w, sx: 1, sc: 0 };
  }
  if (shape.length !== 4) {
    throw new TypeError(
      `${where}: batch must be N×H×W, N×C×H×W or N×H×W×C: got shape ${fmtShape(shape)}`,
    );
  }
  if (layout !== undefined && layout !== "NCHW" && layout !== "NHWC") {
    throw new RangeError(
      `${where}: layout must be "NCHW" or "NHWC": got ${JSON.stringify(layout)}`,
    );
  }
  const first = CHANNELS.includes(shape[1]), last = CHANNELS.includes(shape[3]);
  let chosen = layout;
  if (chosen === undefined) {
    if (first && last) {
      throw new TypeError(
        `${where}: cannot tell the layout of shape ${fmtShape(shape)}: ` +
          `pass layout "NCHW" or "NHWC"`,
      );
    }
    if (!first && !last) {
      throw new TypeError(
        `${where}: shape ${fmtShape(shape)} has no channel axis of size 1, 3 or 4 ` +
          `(axis 1 for NCHW, axis 3 for NHWC)`,
      );
    }
    chosen = first ? "NCHW" : "NHWC";
  }
  if (chosen === "NCHW") {
    const [n, c, h, w] = shape;
    if (!first) {
      throw new TypeError(
        `${where}: layout "NCHW" needs 1, 3 or 4 channels: got shape ${fmtShape(shape)}`,
      );
    }
    return { n, h, w, c, sn: c * h * w, sy: w, sx: 1, sc: h * w };
  }
  const [n, h, w, c] = shape;
  if (!last) {
    throw new TypeError(
      `${where}: layout "NHWC" needs 1, 3 or 4 channels: got shape ${fmtShape(shape)}`,
    );
  }
  return { n, h, w, c, sn: h * w * c, sy: w * c, sx: c, sc: 1 };
}

/**
 * Shows a batch of images in a grid of `cols` columns: `N × H × W` grayscale, or 4-D with 1,
 * 3 or 4 channels in `"NCHW"` or `"NHWC"` order (detected when unambiguous). Pixel values are
 * read as in {@linkcode imshow}; `normalize` rescales each image separately. The grid is one
 * embedded PNG, images separated by a thin gap, without axes.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const batch = nd.random.defaultRng(0).random([6, 3, 8, 8]); // NCHW
 * const fig = nd.plot.imageGrid(batch, { cols: 3, title: "batch" });
 * assert.equal(fig.toSVG().match(/<image /g)?.length, 1);
 * assert.throws(() => nd.plot.imageGrid(nd.zeros([2, 3, 8, 3])), TypeError);
 * ```
 */
export function imageGrid(batch: ArrayLike, opts: ImageGridOpts = {}): Figure {
  const where = "imageGrid";
  const c = commonOpts(opts, where);
  const v = values(batch, where, "batch");
  const L = layoutOf(v.shape, opts.layout, where);
  if (v.data.length === 0) {
    throw new TypeError(`${where}: batch is empty: got shape ${fmtShape(v.shape)}`);
  }
  const cols = opts.cols === undefined
    ? Math.ceil(Math.sqrt(L.n))
    : Math.min(positiveInt(opts.cols, where, "cols"), L.n);
  const gap = Math.max(1, Math.round(Math.max(L.h, L.w) / 16));
  const px = mosaic(v.data, L, { dtype: v.dtype, normalize: opts.normalize === true }, cols, gap);
  // Fit the grid in 640×640 pixels, enlarging small images at most 8 times.
  const k = c.width !== undefined
    ? c.width / px.width
    : Math.min(640 / px.width, 640 / px.height, 8);
  const areaW = Math.max(50, Math.round(px.width * k)), areaH = Math.round(px.height * k);
  const { mark, scale } = rasterMark({
    w: px.width,
    h: px.height,
    x1: 0,
    x2: px.width,
    y1: 0,
    y2: px.height,
    fill: px.fill,
    fillOpacity: px.opacity,
    displayW: areaW,
    displayH: areaH,
  });
  const chart = plotChart({
    width: areaW,
    height: areaH,
    margin: 0,
    axis: null,
    x: { domain: [0, px.width] },
    y: { domain: [0, px.height], reverse: true },
    marks: [mark],
  }, scale);
  return figure(where, c, [svgBlock(chart)]);
}
