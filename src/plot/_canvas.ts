/**
 * The small part of a 2-D canvas that Observable Plot uses outside a browser: `Plot.raster`
 * (`createImageData`/`putImageData`) and colour-ramp legends (`fillStyle`/`fillRect`), with
 * `toDataURL` encoding the pixels as PNG.
 *
 * @module
 */
import { pngDataUrl } from "./_png_encode.ts";

/** The `ImageData` Plot fills: RGBA bytes, row-major. */
export interface ImageDataLike {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** Parses `#rgb`, `#rrggbb`, `rgb(r, g, b)` and `rgba(r, g, b, a)`: what d3 colour schemes emit. */
export function parseColor(s: string): [number, number, number, number] {
  const t = s.trim().toLowerCase();
  if (t.startsWith("#")) {
    const h = t.slice(1);
    if (h.length === 3) {
      return [
        parseInt(h[0] + h[0], 16),
        parseInt(h[1] + h[1], 16),
        parseInt(h[2] + h[2], 16),
        255,
      ];
    }
    if (h.length === 6) {
      return [
        parseInt(h.slice(0, 2), 16),
        parseInt(h.slice(2, 4), 16),
        parseInt(h.slice(4, 6), 16),
        255,
      ];
    }
  }
  const m = /^rgba?\(([^)]*)\)$/.exec(t);
  if (m) {
    const p = m[1].split(/[\s,/]+/).filter((x) => x !== "").map(Number);
    if (p.length >= 3 && p.every(Number.isFinite)) {
      const a = p.length > 3 ? Math.round(Math.min(1, Math.max(0, p[3])) * 255) : 255;
      return [p[0], p[1], p[2], a];
    }
  }
  if (t === "white") return [255, 255, 255, 255];
  if (t === "transparent" || t === "none") return [0, 0, 0, 0];
  return [0, 0, 0, 255];
}

/** The 2-D context of {@linkcode CanvasShim}. */
export class Context2DShim {
  readonly #canvas: CanvasShim;
  #fill: [number, number, number, number] = [0, 0, 0, 255];
  #fillStyle = "#000000";

  constructor(canvas: CanvasShim) {
    this.#canvas = canvas;
  }

  get fillStyle(): string {
    return this.#fillStyle;
  }

  set fillStyle(v: string) {
    this.#fillStyle = String(v);
    this.#fill = parseColor(this.#fillStyle);
  }

  createImageData(width: number, height: number): ImageDataLike {
    return { width, height, data: new Uint8ClampedArray(width * height * 4) };
  }

  putImageData(image: ImageDataLike, dx: number, dy: number): void {
    const c = this.#canvas, px = c.pixels();
    for (let y = 0; y < image.height; y++) {
      const ty = y + dy;
      if (ty < 0 || ty >= c.height) continue;
      for (let x = 0; x < image.width; x++) {
        const tx = x + dx;
        if (tx < 0 || tx >= c.width) continue;
        const s = (y * image.width + x) * 4, d = (ty * c.width + tx) * 4;
        px[d] = image.data[s];
        px[d + 1] = image.data[s + 1];
        px[d + 2] = image.data[s + 2];
        px[d + 3] = image.data[s + 3];
      }
    }
  }

  /** Fills whole pixels with the fill colour (replacing them: no blending needed here). */
  fillRect(x: number, y: number, w: number, h: number): void {
    const c = this.#canvas, px = c.pixels();
    const x0 = Math.max(0, Math.round(x)), x1 = Math.min(c.width, Math.round(x + w));
    const y0 = Math.max(0, Math.round(y)), y1 = Math.min(c.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) px.set(this.#fill, (yy * c.width + xx) * 4);
    }
  }
}

/** RGBA pixels of a `w × h` image with each pixel repeated into a `k × k` block. */
export function enlarge(px: Uint8ClampedArray, w: number, h: number, k: number): Uint8ClampedArray {
  const W = w * k, out = new Uint8ClampedArray(W * h * k * 4);
  const src = new Uint32Array(px.buffer, px.byteOffset, w * h);
  const dst = new Uint32Array(out.buffer);
  for (let y = 0; y < h; y++) {
    const row = y * k * W;
    for (let x = 0; x < w; x++) dst.fill(src[y * w + x], row + x * k, row + x * k + k);
    for (let r = 1; r < k; r++) dst.copyWithin(row + r * W, row, row + W);
  }
  return out;
}

/**
 * A canvas element stand-in whose `toDataURL()` is a PNG data URL of its pixels, enlarged
 * `scale` times (each pixel a `scale × scale` block): resvg smooths enlarged images where
 * browsers honour `image-rendering="pixelated"`, so small rasters are stored enlarged.
 */
export class CanvasShim {
  width = 300;
  height = 150;
  readonly scale: number;
  #pixels: Uint8ClampedArray | null = null;

  constructor(scale = 1) {
    this.scale = scale;
  }

  /** The RGBA pixels, (re)allocated when the size changed. */
  pixels(): Uint8ClampedArray {
    const n = this.width * this.height * 4;
    if (this.#pixels === null || this.#pixels.length !== n) this.#pixels = new Uint8ClampedArray(n);
    return this.#pixels;
  }

  getContext(kind: string): Context2DShim | null {
    return kind === "2d" ? new Context2DShim(this) : null;
  }

  toDataURL(): string {
    const { width: w, height: h, scale: k } = this;
    const px = k === 1 ? this.pixels() : enlarge(this.pixels(), w, h, k);
    return pngDataUrl(w * k, h * k, px);
  }
}
