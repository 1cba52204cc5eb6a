/**
 * {@linkcode Figure}: the standalone SVG every `nd.plot` function returns, with PNG output
 * and Jupyter display.
 *
 * @module
 */
import { type PngRenderer, pngRenderer, type PngSupport } from "./_png_render.ts";

export type { PngRenderer, PngSupport } from "./_png_render.ts";

/** Options of {@linkcode Figure.toPNG} and of `save` to a `.png` path. */
export interface PngOpts {
  /** Pixels per SVG unit (default 2, for sharp images on high-density screens). */
  scale?: number;
  /** Which resvg build to use (default `"auto"`: native if it loads, else WebAssembly). */
  renderer?: PngRenderer | "auto";
}

/** The Jupyter MIME bundle of a figure. */
export interface FigureBundle {
  /** The figure as a standalone SVG document. */
  "image/svg+xml": string;
  /** `<Figure kind "title" width×height>`. */
  "text/plain": string;
}

/** What a figure shows, for its text form. */
export interface FigureInfo {
  /** The function that drew it (`"bar"`, `"heatmap"`, ...). */
  kind: string;
  /** The title, if any. */
  title?: string;
  /** Width in SVG units (CSS pixels). */
  width: number;
  /** Height in SVG units (CSS pixels). */
  height: number;
}

/**
 * Which PNG renderer loads in this process, and why the others did not. PNG output needs
 * `@resvg/resvg-js` (native; `--allow-ffi --allow-sys --allow-read`) or `@resvg/resvg-wasm`
 * (`--allow-read`, which reads the system fonts from the usual font folders).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const { renderer, reasons } = await nd.plot.pngSupport();
 * assert(renderer === "native" || renderer === "wasm" || reasons.length > 0);
 * ```
 */
export async function pngSupport(): Promise<PngSupport> {
  return (await pngRenderer("auto")).support;
}

function checkPngOpts(
  opts: PngOpts,
  where: string,
): { scale: number; renderer: PngRenderer | "auto" } {
  const scale = opts.scale ?? 2;
  if (typeof scale !== "number" || !(scale > 0) || !Number.isFinite(scale)) {
    throw new RangeError(`${where}: scale must be a positive number: got ${String(scale)}`);
  }
  const renderer = opts.renderer ?? "auto";
  if (!["auto", "native", "wasm"].includes(renderer)) {
    throw new RangeError(
      `${where}: renderer must be "auto", "native" or "wasm": got ${JSON.stringify(renderer)}`,
    );
  }
  return { scale, renderer };
}

function escapeText(s: string): string {
  return s.replace(/[\n\r]+/g, " ");
}

/**
 * A drawn figure: a standalone SVG document (with `xmlns`), as returned by `nd.plot.bar`,
 * `line`, `scatter`, `hist`, `heatmap`, `imshow`, `imageGrid` and `spy`. Notebooks display it
 * as SVG; `save` writes `.svg` or `.png` files.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const fig = nd.plot.bar([3, 1, 2], { labels: ["a", "b", "c"], title: "Counts" });
 * assert(fig.toSVG().startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
 * assert.equal(fig.toString(), `<Figure bar "Counts" ${fig.width}×${fig.height}>`);
 * const bundle = fig.mimeBundle(); // what [Symbol.for("Jupyter.display")]() returns
 * assert.deepEqual(Object.keys(bundle).sort(), ["image/svg+xml", "text/plain"]);
 * ```
 */
export class Figure {
  /** The function that drew it (`"bar"`, `"heatmap"`, ...). */
  readonly kind: string;
  /** The title, if any. */
  readonly title: string | undefined;
  /** Width in SVG units (CSS pixels). */
  readonly width: number;
  /** Height in SVG units (CSS pixels). */
  readonly height: number;
  readonly #svg: string;

  /** Wraps a standalone SVG document; the plot functions make figures, users seldom do. */
  constructor(svg: string, info: FigureInfo) {
    if (typeof svg !== "string" || !svg.startsWith("<svg")) {
      throw new TypeError(
        `Figure: svg must be a string starting with "<svg": got ${
          typeof svg === "string" ? JSON.stringify(svg.slice(0, 20)) : typeof svg
        }`,
      );
    }
    this.#svg = svg;
    this.kind = info.kind;
    this.title = info.title;
    this.width = info.width;
    this.height = info.height;
  }

  /** The figure as a standalone SVG document. */
  toSVG(): string {
    return this.#svg;
  }

  /**
   * The figure rendered as PNG bytes by resvg (see {@linkcode pngSupport}), on a white
   * background where the figure has none.
   */
  async toPNG(opts: PngOpts = {}): Promise<Uint8Array> {
    const { scale, renderer } = checkPngOpts(opts, "toPNG");
    const { render, support } = await pngRenderer(renderer);
    if (render === null) {
      throw new RangeError(`toPNG: no PNG renderer loads here: ${support.reasons.join("; ")}`);
    }
    return render(this.#svg, scale, "white");
  }

  /**
   * Writes the figure to `path`: SVG for `.svg`, PNG for `.png` (through {@linkcode toPNG}).
   * Needs `--allow-write` for the path.
   */
  async save(path: string | URL, opts: PngOpts = {}): Promise<void> {
    const name = typeof path === "string" ? path : path instanceof URL ? path.pathname : null;
    if (name === null) {
      throw new TypeError(`save: path must be a string or a URL: got ${typeof path}`);
    }
    const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
    if (ext === "svg") {
      await Deno.writeTextFile(path, this.#svg + "\n");
    } else if (ext === "png") {
      checkPngOpts(opts, "save");
      const { render, support } = await pngRenderer(opts.renderer ?? "auto");
      if (render === null) {
        throw new RangeError(
          `save: cannot write ${JSON.stringify(name)}: no PNG renderer loads here: ` +
            support.reasons.join("; "),
        );
      }
      await Deno.writeFile(path, render(this.#svg, opts.scale ?? 2, "white"));
    } else {
      throw new RangeError(
        `save: unsupported file type ${JSON.stringify(name)}: use a .svg or .png path`,
      );
    }
  }

  /** `<Figure kind "title" width×height>`. */
  toString(): string {
    const t = this.title ? ` ${JSON.stringify(escapeText(this.title))}` : "";
    return `<Figure ${this.kind}${t} ${this.width}×${this.height}>`;
  }

  /** The MIME bundle notebooks display: the SVG, and the text form. */
  mimeBundle(): FigureBundle {
    return { "image/svg+xml": this.#svg, "text/plain": this.toString() };
  }

  /** Jupyter's display: {@linkcode mimeBundle}. */
  [Symbol.for("Jupyter.display")](): FigureBundle {
    return this.mimeBundle();
  }

  /** Shows the text form in `console.log` under Deno. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }
}
