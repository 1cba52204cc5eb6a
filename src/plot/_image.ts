/**
 * Image pixels to colours for `imshow` and `imageGrid`: grayscale, RGB or RGBA; floats in
 * [0, 1], integers (uint8) in [0, 255], or rescaled from each image's own min and max.
 *
 * @module
 */

/** Where the elements of image `n`, row `y`, column `x`, channel `c` are in the data. */
export interface ImageLayout {
  /** Images, rows, columns and channels (1, 3 or 4). */
  n: number;
  h: number;
  w: number;
  c: number;
  /** Strides in elements. */
  sn: number;
  sy: number;
  sx: number;
  sc: number;
}

/** How element values become 0..255. */
export interface PixelScale {
  /** The data's dtype: integers are read on 0..255, bool as 0/1, floats on [0, 1]. */
  dtype: string;
  /** Rescale each image from its own min and max instead. */
  normalize: boolean;
}

/** A mosaic of images as CSS colours (null: transparent) and opacities, row-major. */
export interface Pixels {
  width: number;
  height: number;
  fill: (string | null)[];
  /** Opacity per pixel, present when some pixel is not opaque. */
  opacity?: Float64Array;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function factor(dtype: string): number {
  if (dtype === "bool") return 255;
  return dtype.startsWith("int") || dtype.startsWith("uint") ? 1 : 255;
}

/** Finite min and max of image `i`. */
function range(data: Float64Array, L: ImageLayout, i: number): [number, number] {
  let lo = Infinity, hi = -Infinity;
  const base = i * L.sn;
  for (let y = 0; y < L.h; y++) {
    for (let x = 0; x < L.w; x++) {
      for (let ch = 0; ch < Math.min(L.c, 3); ch++) {
        const v = data[base + y * L.sy + x * L.sx + ch * L.sc];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  return [lo, hi];
}

/**
 * Images laid out in a grid of `cols` columns separated by `gap` transparent pixels (one
 * image with `cols = 1` and `gap = 0` for `imshow`). NaN pixels are transparent.
 */
export function mosaic(
  data: Float64Array,
  L: ImageLayout,
  scale: PixelScale,
  cols: number,
  gap: number,
): Pixels {
  const rows = Math.ceil(L.n / cols);
  const width = cols * L.w + (cols - 1) * gap, height = rows * L.h + (rows - 1) * gap;
  const fill = new Array<string | null>(width * height).fill(null);
  let opacity: Float64Array | undefined;
  const f = factor(scale.dtype);
  const byte = (v: number, lo: number, k: number) => {
    const b = Math.round((v - lo) * k);
    return b < 0 ? 0 : b > 255 ? 255 : b;
  };
  for (let i = 0; i < L.n; i++) {
    let lo = 0, k = f;
    if (scale.normalize) {
      const [a, b] = range(data, L, i);
      lo = a;
      k = b > a ? 255 / (b - a) : 0;
    }
    const ox = (i % cols) * (L.w + gap), oy = Math.floor(i / cols) * (L.h + gap);
    for (let y = 0; y < L.h; y++) {
      for (let x = 0; x < L.w; x++) {
        const at = i * L.sn + y * L.sy + x * L.sx;
        const out = (oy + y) * width + ox + x;
        const r = data[at];
        const g = L.c >= 3 ? data[at + L.sc] : r, b = L.c >= 3 ? data[at + 2 * L.sc] : r;
        if (Number.isNaN(r) || Number.isNaN(g) || Number.isNaN(b)) continue;
        fill[out] = `#${HEX[byte(r, lo, k)]}${HEX[byte(g, lo, k)]}${HEX[byte(b, lo, k)]}`;
        if (L.c === 4) {
          const a = byte(data[at + 3 * L.sc], 0, f) / 255;
          if (a < 1 && opacity === undefined) opacity = new Float64Array(width * height).fill(1);
          if (opacity !== undefined) opacity[out] = a;
        }
      }
    }
  }
  return { width, height, fill, opacity };
}
