// Element formatters for printing, after NumPy's arrayprint: one formatter per array, built
// from the values that will be shown, so that every element gets the same width and the same
// notation (positional or scientific) and digits line up.
import { DTYPES } from "./dtype.ts";
import type { NDArray } from "./ndarray.ts";
import { type FloatBits, positional, scientific, type Trim } from "./_print_dragon4.ts";

/** How `precision` is interpreted, as NumPy's `floatmode`. */
export type FloatMode = "fixed" | "unique" | "maxprec" | "maxprec_equal";

/** Sign of non-negative numbers: `-` omits it, `+` prints it, ` ` leaves a space. */
export type SignMode = "-" | "+" | " ";

/** Resolved options of the element formatters. */
export interface ElementOpts {
  precision: number;
  floatmode: FloatMode;
  suppressSmall: boolean;
  sign: SignMode;
}

/** The float format of a real or complex dtype. */
export function floatBits(dtype: string): FloatBits {
  return dtype === "float16" ? 16 : dtype === "float32" || dtype === "complex64" ? 32 : 64;
}

/** Rounds a double to the float format (as NumPy computes in the array's own dtype). */
export function roundTo(bits: FloatBits, x: number): number {
  return bits === 64 ? x : bits === 32 ? Math.fround(x) : Math.f16round(x);
}

const FINFO_PRECISION: Record<FloatBits, number> = { 16: 3, 32: 6, 64: 15 };

function isNegative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/** NumPy's FloatingFormat: widths and notation chosen from all the values shown. */
function floatFormatter(
  vals: ArrayLike<number>,
  bits: FloatBits,
  o: ElementOpts,
  sign: SignMode,
): (x: number) => string {
  const finite: number[] = [];
  for (let i = 0; i < vals.length; i++) if (Number.isFinite(vals[i])) finite.push(vals[i]);
  let precision = o.floatmode === "unique" ? -1 : o.precision;
  let expFormat = false;
  let max = -Infinity, min = Infinity;
  for (const v of finite) {
    if (v === 0) continue;
    const a = Math.abs(v);
    if (a > max) max = a;
    if (a < min) min = a;
  }
  if (max > 0) {
    // comparisons happen in the array's dtype: thresholds are cast to it first (NEP 50)
    const cutoff = 10 ** Math.min(8, FINFO_PRECISION[bits]);
    const ratio = roundTo(bits, max / min);
    if (
      max >= cutoff ||
      (!o.suppressSmall && (min < roundTo(bits, 0.0001) || ratio > 1000))
    ) expFormat = true;
  }
  const plus = sign === "+";
  let padLeft = 0, padRight = 0, expSize = -1, unique = true, minDigits = -1;
  let trim: Trim = ".";
  if (finite.length > 0 && expFormat) {
    const fixed = o.floatmode === "fixed";
    unique = !fixed;
    const t0: Trim = fixed ? "k" : ".";
    let intLen = 0, fracLen = 0;
    for (const v of finite) {
      const s = scientific(v, bits, { precision, unique, trim: t0, sign: plus });
      const e = s.indexOf("e"), dot = s.indexOf(".");
      intLen = Math.max(intLen, dot);
      fracLen = Math.max(fracLen, e - dot - 1);
      expSize = Math.max(expSize, s.length - e - 2);
    }
    trim = "k";
    precision = minDigits = fracLen;
    padLeft = intLen;
    padRight = expSize + 2 + precision;
  } else if (finite.length > 0) {
    const fixed = o.floatmode === "fixed";
    unique = !fixed;
    const t0: Trim = fixed ? "k" : ".";
    for (const v of finite) {
      const s = positional(v, bits, { precision, unique, trim: t0, sign: plus });
      const dot = s.indexOf(".");
      padLeft = Math.max(padLeft, dot);
      padRight = Math.max(padRight, s.length - dot - 1);
    }
    if (o.floatmode === "fixed" || o.floatmode === "maxprec_equal") {
      precision = minDigits = padRight;
      trim = "k";
    } else {
      trim = ".";
      minDigits = 0;
    }
  }
  if (sign === " " && !finite.some(isNegative)) padLeft += 1;
  if (finite.length !== vals.length) {
    let negInf = sign !== "-";
    for (let i = 0; i < vals.length && !negInf; i++) if (vals[i] === -Infinity) negInf = true;
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset);
  }
  const width = padLeft + padRight + 1;
  const opts = { precision, minDigits, unique, trim, sign: plus, padLeft, padRight };
  const sciOpts = { precision, minDigits, unique, trim, sign: plus, padLeft, expDigits: expSize };
  return (x: number): string => {
    if (!Number.isFinite(x)) {
      const r = Number.isNaN(x) ? (plus ? "+nan" : "nan") : (x < 0 ? "-" : plus ? "+" : "") + "inf";
      return r.length < width ? " ".repeat(width - r.length) + r : r;
    }
    return expFormat ? scientific(x, bits, sciOpts) : positional(x, bits, opts);
  };
}

/** Python's `'{:{sign}{width}d}'` for the values shown (NumPy's IntegerFormat). */
function intFormatter(
  vals: ArrayLike<number | bigint>,
  sign: SignMode,
): (x: number | bigint) => string {
  let width = 0;
  if (vals.length > 0) {
    let max = vals[0], min = vals[0];
    for (let i = 1; i < vals.length; i++) {
      if (vals[i] > max) max = vals[i];
      if (vals[i] < min) min = vals[i];
    }
    if (sign === " " && min < 0) sign = "-";
    let maxLen = max.toString().length;
    if (max >= 0 && sign !== "-") maxLen += 1;
    width = Math.max(maxLen, min.toString().length);
  }
  return (x) => {
    const s = (x >= 0 && sign !== "-" ? sign : "") + x.toString();
    return s.length < width ? " ".repeat(width - s.length) + s : s;
  };
}

/**
 * Element indices (into `a.data`, counted in elements) of the values printed, in C order:
 * all of them, or only the first and last `edge` along every axis longer than `2 * edge`.
 */
export function shownPositions(a: NDArray, summarise: boolean, edge: number): number[] {
  const nd = a.ndim;
  const keep: number[][] = [];
  for (let d = 0; d < nd; d++) {
    const n = a.shape[d];
    const idx: number[] = [];
    if (summarise && n > 2 * edge) {
      for (let i = 0; i < edge; i++) idx.push(i);
      for (let i = n - edge; i < n; i++) idx.push(i);
    } else for (let i = 0; i < n; i++) idx.push(i);
    keep.push(idx);
  }
  const out: number[] = [];
  const walk = (d: number, pos: number): void => {
    if (d === nd) {
      out.push(pos);
      return;
    }
    const st = a.strides[d];
    for (const i of keep[d]) walk(d + 1, pos + i * st);
  };
  walk(0, a.offset);
  return out;
}

/** Formats the elements at `positions` of `a` with one shared NumPy-style formatter. */
export function formatElements(a: NDArray, positions: readonly number[], o: ElementOpts): string[] {
  const info = DTYPES[a.dtype];
  const n = positions.length;
  const out = new Array<string>(n);
  const data = a.data;
  if (info.kind === "b") {
    const t = a.ndim === 0 ? "True" : " True";
    for (let i = 0; i < n; i++) out[i] = data[positions[i]] ? t : "False";
  } else if (info.kind === "i" || info.kind === "u") {
    const vals = new Array<number | bigint>(n);
    for (let i = 0; i < n; i++) vals[i] = data[positions[i]];
    const f = intFormatter(vals, o.sign);
    for (let i = 0; i < n; i++) out[i] = f(vals[i]);
  } else if (info.kind === "f") {
    const vals = new Float64Array(n);
    for (let i = 0; i < n; i++) vals[i] = data[positions[i]] as number;
    const f = floatFormatter(vals, floatBits(a.dtype), o, o.sign);
    for (let i = 0; i < n; i++) out[i] = f(vals[i]);
  } else {
    const re = new Float64Array(n), im = new Float64Array(n);
    const d = data as Float64Array | Float32Array;
    for (let i = 0; i < n; i++) {
      re[i] = d[2 * positions[i]];
      im[i] = d[2 * positions[i] + 1];
    }
    const bits = floatBits(a.dtype);
    const fr = floatFormatter(re, bits, o, o.sign);
    const fi = floatFormatter(im, bits, o, "+");
    for (let i = 0; i < n; i++) {
      const s = fi(im[i]);
      let end = s.length;
      while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
      out[i] = fr(re[i]) + s.slice(0, end) + "j" + s.slice(end);
    }
  }
  return out;
}
