/**
 * `nd.plot`: figures of arrays — `bar`, `line`, `scatter`, `hist`, `heatmap`, `imshow`,
 * `imageGrid` and `spy` — drawn by Observable Plot (with linkedom as its DOM) into a
 * standalone SVG {@linkcode Figure}. Notebooks display figures as `image/svg+xml`; `save`
 * writes `.svg`, or `.png` through resvg (see {@linkcode pngSupport}: the native
 * `@resvg/resvg-js` binding under `--allow-ffi --allow-sys --allow-read`, else
 * `@resvg/resvg-wasm` under `--allow-read`).
 *
 * Large heatmaps, images, image grids and dense sparsity patterns are one embedded PNG each
 * (Plot's raster mark), not one SVG element per cell, and long line series are decimated,
 * so figures stay small enough for notebooks.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = nd.linspace(0, 6.28, { num: 50 });
 * const fig = nd.plot.line(x, [nd.sin(x), nd.cos(x)], { labels: ["sin", "cos"], title: "trig" });
 * const svg = fig.toSVG();
 * assert(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
 * assert.equal(svg.match(/<path d="M[^"]*" stroke="#/g)?.length, 2); // the two lines
 * assert.equal(fig.toString(), `<Figure line "trig" ${fig.width}×${fig.height}>`);
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
