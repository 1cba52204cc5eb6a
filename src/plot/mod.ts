/**
 * `nd.plot`: figures of arrays — `bar`, `line`, `scatter`, `hist`, `heatmap`, `imshow`,
 * `imageGrid` and `spy` — drawn by Observable Plot into a standalone SVG {@linkcode Figure}
 * that Jupyter displays and `save` writes as `.svg` or `.png`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = nd.linspace(0, 6.28, { num: 50 });
 * const fig = nd.plot.line(x, [nd.sin(x), nd.cos(x)], { labels: ["sin", "cos"] });
 * assert.equal(fig.toSVG().match(/<path [^>]*stroke="#/g)?.length, 2 + 2);
 * ```
 *
 * @module
 */
export { Figure, pngSupport } from "./figure.ts";
export { COLOR_SCALES } from "./_build.ts";
export type { FigureBundle, FigureInfo, PngOpts, PngRenderer, PngSupport } from "./figure.ts";
export type { PlotOpts } from "./_input.ts";
export { bar } from "./bar.ts";
export type { BarOpts } from "./bar.ts";
export { line } from "./line.ts";
export type { LineOpts } from "./line.ts";
export { scatter } from "./scatter.ts";
export type { ScatterOpts } from "./scatter.ts";
export { hist } from "./hist.ts";
export type { HistOpts } from "./hist.ts";
export { heatmap, RASTER_CELLS } from "./heatmap.ts";
export type { HeatmapOpts } from "./heatmap.ts";
export { imshow } from "./imshow.ts";
export type { ImshowOpts } from "./imshow.ts";
export { imageGrid } from "./image_grid.ts";
export type { ImageGridOpts } from "./image_grid.ts";
export { spy, SPY_MARKS } from "./spy.ts";
export type { SparseLike, SpyOpts } from "./spy.ts";
