/**
 * {@linkcode spy}: the sparsity pattern of a matrix.
 *
 * @module
 */
import type { ArrayLike } from "../core/_array_like.ts";
import { fmtShape } from "../core/shape.ts";
import { Plot } from "./_deps.ts";
import { type Block, colorLegend, plotChart, svgBlock } from "./_dom.ts";
import { commonOpts, intTicks, isNDArray, type PlotOpts, type Values, values } from "./_input.ts";
import { toArray } from "../core/asarray.ts";
import type { NDArray } from "../core/ndarray.ts";
import { absolute } from "../ops/elementwise.ts";
import { figure, MARK_COLOR } from "./_build.ts";
import { rasterMark } from "./_raster.ts";
import type { Figure } from "./figure.ts";

/** Matrices with more nonzeros than this are drawn as a raster of counts per block. */
export const SPY_MARKS = 5000;

/** What `spy` needs of a sparse matrix: its shape and its nonzeros' coordinates. */
export interface SparseLike {
  /** `[rows, cols]`. */
  readonly shape: readonly number[];
  /**
   * The stored entries' row and column indices (COO format), and their values if known
   * (entries with `|value| <= precision`, as explicit zeros, are then left out).
   */
  tocoo(): { row: ArrayLike; col: ArrayLike; data?: ArrayLike };
}

/** Options of {@linkcode spy}. */
export interface SpyOpts extends PlotOpts {
  /** Entries with `|a| <= precision` count as zero (default 0). */
  precision?: number;
  /** Radius in pixels of the dot drawn per nonzero (default: a square filling the cell). */
  markerSize?: number;
  /**
   * Aggregate the nonzeros into a raster of counts per block (true) or draw one mark per
   * nonzero (false); default: raster above {@linkcode SPY_MARKS} nonzeros.
   */
  raster?: boolean;
}

/** Values of `x`, or their moduli for complex arrays. */
function magnitudes(x: ArrayLike, where: string, name: string): Values {
  const a = x === null || x === undefined ? x : toArray(x, where);
  const complex = isNDArray(a) && (a.dtype === "complex64" || a.dtype === "complex128");
  return values(complex ? absolute(a) as NDArray : a as ArrayLike, where, name);
}

function isSparseLike(a: unknown): a is SparseLike {
  return typeof a === "object" && a !== null && !isNDArray(a) && !Array.isArray(a) &&
    !ArrayBuffer.isView(a) && typeof (a as SparseLike).tocoo === "function";
}

/** Shape and nonzero coordinates of a sparse-like object or a dense 2-D array. */
function coordinates(
  a: ArrayLike | SparseLike,
  precision: number,
  where: string,
): { rows: number; cols: number; r: Float64Array; c: Float64Array } {
  if (isSparseLike(a)) {
    const shape = a.shape;
    if (
      !Array.isArray(shape) || shape.length !== 2 ||
      !shape.every((n) => Number.isInteger(n) && n >= 0)
    ) {
      throw new TypeError(
        `${where}: shape must be two non-negative integers: got ${JSON.stringify(shape)}`,
      );
    }
    const [rows, cols] = shape;
    const coo = a.tocoo();
    let r = values(coo?.row, where, "tocoo().row").data;
    let c = values(coo?.col, where, "tocoo().col").data;
    if (r.length !== c.length) {
      throw new TypeError(
        `${where}: tocoo() returned ${r.length} row indices and ${c.length} column indices`,
      );
    }
    for (let i = 0; i < r.length; i++) {
      if (!(r[i] >= 0 && r[i] < rows && c[i] >= 0 && c[i] < cols)) {
        throw new RangeError(
          `${where}: tocoo() entry ${i} at (${r[i]}, ${c[i]}) is outside shape ${fmtShape(shape)}`,
        );
      }
    }
    if (coo.data !== undefined && coo.data !== null) {
      const mag = magnitudes(coo.data, where, "tocoo().data").data;
      if (mag.length !== r.length) {
        throw new TypeError(
          `${where}: tocoo() returned ${mag.length} values for ${r.length} entries`,
        );
      }
      const keep = (_: number, i: number) => !(mag[i] <= precision);
      r = r.filter(keep);
      c = c.filter(keep);
    }
    return { rows, cols, r, c };
  }
  const v = magnitudes(a, where, "a");
  if (v.shape.length !== 2) {
    throw new TypeError(
      `${where}: a must be a 2-D array or a sparse matrix (with shape and tocoo()): got shape ${
        fmtShape(v.shape)
      }`,
    );
  }
  const [rows, cols] = v.shape;
  const r: number[] = [], c: number[] = [];
  v.data.forEach((x, i) => {
    if (!(Math.abs(x) <= precision)) {
      r.push(Math.floor(i / cols));
      c.push(i % cols);
    }
  });
  return { rows, cols, r: Float64Array.from(r), c: Float64Array.from(c) };
}

/**
 * The sparsity pattern of a matrix: a mark per nonzero, row 0 at the top and column indices
 * along the top, as `matplotlib.pyplot.spy`. Takes a dense 2-D array (entries with
 * `|a| > precision` are nonzeros) or a sparse matrix: any object with `shape` and `tocoo()`
 * returning `{ row, col }` index arrays and optionally the values `data` (stored entries with
 * `|data| <= precision` are left out), as nd's sparse matrices. Above {@linkcode SPY_MARKS}
 * nonzeros the matrix is drawn as one raster image of the number of nonzeros in each block
 * of cells, with a colour bar when blocks hold more than one cell.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const fig = nd.plot.spy(nd.eye(5), { title: "identity" });
 * assert.equal(fig.toSVG().match(/<rect [^>]*x=/g)?.length, 5 + 1); // the nonzeros and the frame
 * const coo = { shape: [100, 100], tocoo: () => ({ row: [0, 50], col: [99, 3] }) };
 * assert.equal(nd.plot.spy(coo, { markerSize: 2 }).toSVG().match(/<circle /g)?.length, 2);
 * ```
 */
export function spy(a: ArrayLike | SparseLike, opts: SpyOpts = {}): Figure {
  const where = "spy";
  const c = commonOpts(opts, where);
  const precision = opts.precision ?? 0;
  if (typeof precision !== "number" || !(precision >= 0)) {
    throw new RangeError(
      `${where}: precision must be a non-negative number: got ${String(precision)}`,
    );
  }
  if (
    opts.markerSize !== undefined &&
    (typeof opts.markerSize !== "number" || !(opts.markerSize > 0) || !isFinite(opts.markerSize))
  ) {
    throw new RangeError(
      `${where}: markerSize must be a positive number: got ${String(opts.markerSize)}`,
    );
  }
  const { rows, cols, r, c: col } = coordinates(a, precision, where);
  if (rows === 0 || cols === 0) {
    throw new TypeError(`${where}: the matrix is empty: shape [${rows},${cols}]`);
  }
  const nnz = r.length;
  const m = { top: 30, right: 15, bottom: c.xLabel ? 25 : 10, left: 20 + 6 * String(rows).length };
  const s = c.width !== undefined
    ? (c.width - m.left - m.right) / cols
    : 400 / Math.max(rows, cols);
  const areaW = Math.max(60, cols * s), areaH = Math.min(1200, Math.max(60, rows * s));
  const raster = opts.raster ?? nnz > SPY_MARKS;
  const blocks: Block[] = [];
  let mark, scale = 1, color: Record<string, unknown> | undefined, label = "";
  if (raster) {
    // b×b cells per pixel, so that the image is at most 400 pixels a side.
    const b = Math.max(1, Math.ceil(Math.max(rows, cols) / 400));
    const gw = Math.ceil(cols / b), gh = Math.ceil(rows / b);
    const counts = new Float64Array(gw * gh);
    for (let i = 0; i < nnz; i++) counts[Math.floor(r[i] / b) * gw + Math.floor(col[i] / b)]++;
    const fill = b === 1
      ? Array.from(counts, (n) => (n > 0 ? MARK_COLOR : null))
      : counts.map((n) => (n > 0 ? n : NaN));
    if (b > 1) {
      // A square-root scale from a clear blue, so that single nonzeros stay visible.
      const max = counts.reduce((x, y) => Math.max(x, y));
      color = { type: "sqrt", domain: [0, max], range: ["#9ecae1", "#08306b"] };
      label = `nonzeros per ${b}×${b} block`;
    }
    ({ mark, scale } = rasterMark({
      w: gw,
      h: gh,
      x1: -0.5,
      x2: cols - 0.5, // the last blocks may be partial: at most one pixel off
      y1: -0.5,
      y2: rows - 0.5,
      fill,
      displayW: areaW,
      displayH: areaH,
    }));
  } else if (opts.markerSize === undefined && s >= 3) {
    mark = Plot.rect({ length: nnz }, {
      x1: r.map((_, i) => col[i] - 0.5),
      x2: r.map((_, i) => col[i] + 0.5),
      y1: r.map((v) => v - 0.5),
      y2: r.map((v) => v + 0.5),
      fill: MARK_COLOR,
    });
  } else {
    mark = Plot.dot({ length: nnz }, {
      x: col,
      y: r,
      r: opts.markerSize ?? Math.max(0.75, s / 2),
      fill: MARK_COLOR,
    });
  }
  const width = Math.round(areaW + m.left + m.right);
  const chart = plotChart({
    width,
    height: Math.round(areaH + m.top + m.bottom),
    marginTop: m.top,
    marginRight: m.right,
    marginBottom: m.bottom,
    marginLeft: m.left,
    x: {
      domain: [-0.5, cols - 0.5],
      axis: "top",
      ticks: intTicks(cols, Math.max(2, Math.floor(areaW / 50))),
      tickFormat: String,
      label: c.xLabel ?? null,
    },
    y: {
      domain: [-0.5, rows - 0.5],
      reverse: true,
      ticks: intTicks(rows, Math.max(2, Math.floor(areaH / 25))),
      tickFormat: String,
      label: c.yLabel ?? null,
    },
    color,
    marks: [Plot.frame({ strokeOpacity: 0.3 }), mark],
  }, scale);
  if (color !== undefined) {
    blocks.push(colorLegend(chart, label, Math.max(200, Math.min(320, width))));
  }
  blocks.push(svgBlock(chart));
  return figure(where, c, blocks);
}
