/**
 * Dense grids of values as one `Plot.raster` image, stored enlarged when it is shown much
 * larger than its size so that it stays crisp in PNG output too.
 *
 * @module
 */
import { Plot } from "./_deps.ts";

/** The longest side, in pixels, an enlarged raster may reach. */
const MAX_SIDE = 1024;

/**
 * The integer factor that brings a `w × h` raster near its display size `dw × dh`: browsers
 * honour `image-rendering="pixelated"`, resvg smooths, so small rasters are enlarged.
 */
export function upscaleFactor(w: number, h: number, dw: number, dh: number): number {
  const k = Math.floor(Math.min(dw / w, dh / h));
  return Math.max(1, Math.min(k, Math.floor(MAX_SIDE / Math.max(w, h))));
}

/** A dense `w × h` grid of values, row 0 at `y1`, drawn over `[x1, x2] × [y1, y2]`. */
export interface RasterSpec {
  /** Columns of values. */
  w: number;
  /** Rows of values. */
  h: number;
  /** Data extent: x from x1 to x2, y from y1 to y2. */
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  /** Values mapped through the colour scale, or CSS colours (null: transparent). */
  fill: ArrayLike<number | string | null>;
  /** Opacity of each value in [0, 1], if any. */
  fillOpacity?: ArrayLike<number>;
  /** Size the raster is displayed at, in pixels. */
  displayW: number;
  displayH: number;
}

/** The raster mark of a grid, and the factor to pass to `plotChart` as its `rasterScale`. */
export function rasterMark(s: RasterSpec): { mark: Plot.Raster; scale: number } {
  const mark = Plot.raster({ length: s.w * s.h }, {
    width: s.w,
    height: s.h,
    x1: s.x1,
    x2: s.x2,
    y1: s.y1,
    y2: s.y2,
    fill: s.fill as unknown as Plot.ChannelValue,
    fillOpacity: s.fillOpacity as unknown as Plot.ChannelValue,
    imageRendering: "pixelated",
  });
  return { mark, scale: upscaleFactor(s.w, s.h, s.displayW, s.displayH) };
}
