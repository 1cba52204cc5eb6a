/**
 * {@linkcode imshow}: an image (grayscale, RGB or RGBA) drawn pixel for pixel.
 *
 * @module
 */
import type { ArrayLike } from "../core/_array_like.ts";
import { fmtShape } from "../core/shape.ts";
import { plotChart, svgBlock } from "./_dom.ts";
import { commonOpts, intTicks, type PlotOpts, values } from "./_input.ts";
import { figure } from "./_build.ts";
import { mosaic } from "./_image.ts";
import { rasterMark } from "./_raster.ts";
import type { Figure } from "./figure.ts";

/** Options of {@linkcode imshow}. */
export interface ImshowOpts extends PlotOpts {
  /** Draw the pixel-index axes (default true). */
  axes?: boolean;
  /** Rescale the values from the image's own min and max to the full range (default false). */
  normalize?: boolean;
}

/**
 * Shows an image: `H × W` grayscale, or `H × W × C` with C = 1 (grayscale), 3 (RGB) or 4
 * (RGBA). Float values are read on [0, 1], integer ones (uint8) on [0, 255], and clipped;
 * `normalize` rescales from the image's min and max instead. NaN pixels are transparent.
 * The image is one embedded PNG, square pixels, row 0 at the top; by default its longer side
 * is 400 pixels (`width` sets the figure's width instead).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const img = nd.linspace(0, 1, { num: 64 }).reshape([8, 8]);
 * const fig = nd.plot.imshow(img, { title: "gradient" });
 * assert.equal(fig.toSVG().match(/<image /g)?.length, 1);
 * const rgb = nd.zeros([4, 6, 3], { dtype: "uint8" });
 * assert.equal(nd.plot.imshow(rgb, { axes: false }).width, 400);
 * ```
 */
export function imshow(img: ArrayLike, opts: ImshowOpts = {}): Figure {
  const where = "imshow";
  const c = commonOpts(opts, where);
  const v = values(img, where, "img");
  const s = v.shape;
  const ok = (s.length === 2 || (s.length === 3 && [1, 3, 4].includes(s[2]))) &&
    v.data.length > 0;
  if (!ok) {
    throw new TypeError(
      `${where}: img must be H×W (grayscale) or H×W×C with C = 1, 3 or 4: got shape ${fmtShape(s)}`,
    );
  }
  const [h, w] = s, ch = s.length === 3 ? s[2] : 1;
  const px = mosaic(
    v.data,
    { n: 1, h, w, c: ch, sn: 0, sy: w * ch, sx: ch, sc: 1 },
    { dtype: v.dtype, normalize: opts.normalize === true },
    1,
    0,
  );
  const axes = opts.axes ?? true;
  const m = axes
    ? { top: 10, right: 15, bottom: c.xLabel ? 40 : 28, left: 20 + 6 * String(h - 1).length }
    : { top: 0, right: 0, bottom: 0, left: 0 };
  const k = c.width !== undefined ? (c.width - m.left - m.right) / w : 400 / Math.max(h, w);
  const areaW = w * k, areaH = h * k;
  const { mark, scale } = rasterMark({
    w,
    h,
    x1: -0.5,
    x2: w - 0.5,
    y1: -0.5,
    y2: h - 0.5,
    fill: px.fill,
    fillOpacity: px.opacity,
    displayW: areaW,
    displayH: areaH,
  });
  const chart = plotChart({
    width: Math.round(areaW + m.left + m.right),
    height: Math.round(areaH + m.top + m.bottom),
    marginTop: m.top,
    marginRight: m.right,
    marginBottom: m.bottom,
    marginLeft: m.left,
    axis: axes ? undefined : null,
    x: {
      domain: [-0.5, w - 0.5],
      ticks: intTicks(w, Math.max(2, Math.floor(areaW / 50))),
      tickFormat: String,
      label: c.xLabel ?? null,
    },
    y: {
      domain: [-0.5, h - 0.5],
      reverse: true,
      ticks: intTicks(h, Math.max(2, Math.floor(areaH / 25))),
      tickFormat: String,
      label: c.yLabel ?? null,
    },
    marks: [mark],
  }, scale);
  return figure(where, c, [svgBlock(chart)]);
}
