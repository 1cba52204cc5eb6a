/**
 * Input checks shared by the plot functions: arrays to float64 values, labels and the common
 * options.
 *
 * @module
 */
import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { copy } from "../core/copy.ts";
import { fmtShape } from "../core/shape.ts";
import type { ArrayLike } from "../core/_array_like.ts";

/** Options every plot function takes. */
export interface PlotOpts {
  /** A title drawn above the plot. */
  title?: string;
  /** Outer width in pixels (default 640, or a size that fits the data for images). */
  width?: number;
  /** Outer height in pixels of the plot area with its axes (default 400, or fitted). */
  height?: number;
  /** Label of the x axis. */
  xLabel?: string;
  /** Label of the y axis. */
  yLabel?: string;
  /** Background colour (default `"white"`, so the figure reads on dark themes); null for none. */
  background?: string | null;
}

/** Values of an array as float64, row-major, with its shape and dtype. */
export interface Values {
  data: Float64Array;
  shape: number[];
  dtype: string;
}

/** `x` as float64 values; complex arrays are refused. */
export function values(x: ArrayLike, where: string, name: string): Values {
  if (x === null || x === undefined) {
    throw new TypeError(`${where}: ${name} must be an array: got ${String(x)}`);
  }
  const a = toArray(x, where);
  if (a.dtype === "complex64" || a.dtype === "complex128") {
    throw new TypeError(`${where}: ${name} must be real: got dtype ${a.dtype}`);
  }
  const f = copy(a, "float64") as NDArray<"float64">;
  return { data: f.data, shape: [...a.shape], dtype: a.dtype };
}

/** `x` as a non-empty 1-D float64 array. */
export function vector(x: ArrayLike, where: string, name: string): Float64Array {
  const v = values(x, where, name);
  if (v.shape.length !== 1 || v.shape[0] === 0) {
    throw new TypeError(
      `${where}: ${name} must be a non-empty 1-D array: got shape ${fmtShape(v.shape)}`,
    );
  }
  return v.data;
}

/** A label list of length `n`, or null when not given. */
export function labelList(
  labels: readonly (string | number)[] | undefined,
  n: number,
  where: string,
  what: string,
): string[] | null {
  if (labels === undefined) return null;
  if (!Array.isArray(labels)) {
    throw new TypeError(`${where}: labels must be an array of strings: got ${typeof labels}`);
  }
  if (labels.length !== n) {
    throw new TypeError(`${where}: ${labels.length} labels for ${n} ${what}`);
  }
  return labels.map(String);
}

function checkString(v: unknown, where: string, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "string") {
    throw new TypeError(`${where}: ${name} must be a string: got ${typeof v}`);
  }
  return v;
}

function checkSize(v: unknown, where: string, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 50 || v > 20000) {
    throw new RangeError(
      `${where}: ${name} must be a number of pixels in [50, 20000]: got ${String(v)}`,
    );
  }
  return v;
}

/** The common options, checked. */
export interface Common {
  title: string | undefined;
  width: number | undefined;
  height: number | undefined;
  xLabel: string | undefined;
  yLabel: string | undefined;
  background: string | null;
}

/** The common options, checked. */
export function commonOpts(opts: PlotOpts, where: string): Common {
  if (opts === null || typeof opts !== "object") {
    throw new TypeError(
      `${where}: options must be an object: got ${opts === null ? "null" : typeof opts}`,
    );
  }
  const bg = opts.background === undefined ? "white" : opts.background;
  if (bg !== null && typeof bg !== "string") {
    throw new TypeError(`${where}: background must be a colour string or null: got ${typeof bg}`);
  }
  return {
    title: checkString(opts.title, where, "title"),
    xLabel: checkString(opts.xLabel, where, "xLabel"),
    yLabel: checkString(opts.yLabel, where, "yLabel"),
    width: checkSize(opts.width, where, "width"),
    height: checkSize(opts.height, where, "height"),
    background: bg,
  };
}

/** A positive integer option. */
export function positiveInt(v: unknown, where: string, name: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
    throw new RangeError(`${where}: ${name} must be a positive integer: got ${String(v)}`);
  }
  return v;
}

/** Whether `x` is an NDArray (so that callers can tell arrays from other objects). */
export function isNDArray(x: unknown): x is NDArray {
  return x instanceof NDArray;
}

/** Integer ticks in `0..n-1` at a round step (1, 2, 5, 10, 20, ...): at most `max` of them. */
export function intTicks(n: number, max: number): number[] {
  let step = 1;
  for (let p = 1;; p *= 10) {
    const s = [p, 2 * p, 5 * p].find((s) => Math.ceil(n / s) <= max);
    if (s !== undefined) {
      step = s;
      break;
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  return out;
}

/** Evenly thinned tick positions: at most `max` of `0..n-1`. */
export function thinTicks(n: number, max: number): number[] {
  const step = Math.max(1, Math.ceil(n / max));
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  return out;
}
