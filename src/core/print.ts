/**
 * NumPy-style text representation of arrays: {@linkcode repr} (what `a.toString()` and
 * `console.log(a)` show) and {@linkcode array2string}, and of single floats:
 * {@linkcode formatFloatPositional} and {@linkcode formatFloatScientific}.
 *
 * The output matches NumPy 2's `repr(ndarray)` and `np.array2string` character for character
 * with the default print options: floats get the shortest digits that round-trip in their own
 * dtype (at most `precision` after the point), scientific notation when the values shown span
 * too many magnitudes (the largest absolute value is ≥ 1e8 — 1e6 for float32, 1e3 for float16 —
 * or the smallest nonzero one is < 1e-4, or their ratio exceeds 1000), columns aligned, rows
 * wrapped at `linewidth`, and arrays with more than `threshold` elements summarised with
 * `...` around `edgeitems` items per axis.
 *
 * @module
 */
import type { NDArray } from "./ndarray.ts";
import {
  type FloatMode,
  formatElements,
  roundTo,
  shownPositions,
  type SignMode,
} from "./_print_format.ts";
import { intOpt, resolve, type Resolved } from "./_print_options.ts";
import { layout } from "./_print_layout.ts";
import {
  type Dragon4Opts,
  type FloatBits,
  positional,
  scientific,
  type Trim,
} from "./_print_dragon4.ts";

export type { FloatMode, SignMode };

/** Options of {@linkcode array2string} (NumPy's print options, camelCased). */
export interface Array2StringOpts {
  /** Digits after the decimal point of floats (at most, in the default `maxprec` mode); 8. */
  precision?: number;
  /** How `precision` is used: `"maxprec"` (default), `"fixed"`, `"unique"`, `"maxprec_equal"`. */
  floatmode?: FloatMode;
  /** Print numbers smaller than `10^-precision` as zero and never switch to scientific
   * notation because of small values; false. */
  suppressSmall?: boolean;
  /** Sign of non-negative numbers: `"-"` (none, default), `"+"`, or `" "` (a space). */
  sign?: SignMode;
  /** Text between elements; `" "`. */
  separator?: string;
  /** Summarise arrays with more than this many elements; 1000. */
  threshold?: number;
  /** Items shown at each end of a summarised axis; 3. */
  edgeitems?: number;
  /** Wrap lines longer than this; 75. */
  linewidth?: number;
  /** Text that will precede the output: its length indents the continuation lines. */
  prefix?: string;
  /** Text that will follow the output: its length is kept free on the last line. */
  suffix?: string;
}

/** Options of {@linkcode repr}: those of {@linkcode array2string} that NumPy's repr honours. */
export type ReprOpts = Pick<
  Array2StringOpts,
  "precision" | "floatmode" | "suppressSmall" | "sign" | "threshold" | "edgeitems" | "linewidth"
>;

function format(a: NDArray, o: Resolved): string {
  if (a.size === 0) return "[]";
  const summarise = a.size > o.threshold;
  const positions = shownPositions(a, summarise, o.edgeitems);
  const words = formatElements(a, positions, o);
  return layout(a, words, { ...o, linewidth: o.linewidth - o.suffix.length }, summarise);
}

/**
 * The elements of an array as text, NumPy's `np.array2string`: nested brackets, aligned
 * columns, rows wrapped at `linewidth`, summarised with `...` beyond `threshold` elements.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import { array2string } from "./print.ts";
 * console.assert(array2string(nd.array([1.5, -2, 3])) === "[ 1.5 -2.   3. ]");
 * console.assert(array2string(nd.array([[1, 2], [3, 4]]), { separator: ", " }) === "[[1, 2],\n [3, 4]]");
 * console.assert(array2string(nd.array([1e-9, 1]), { precision: 2, suppressSmall: true }) === "[0. 1.]");
 * ```
 */
export function array2string(a: NDArray, opts: Array2StringOpts = {}): string {
  return format(a, resolve("array2string", opts ?? {}));
}

const IMPLIED = new Set(["float64", "int64", "complex128", "bool"]);

function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/**
 * The NumPy-style repr of an array, exactly as NumPy 2 prints it: `array([1., 2.])`,
 * `array([1, 2], dtype=int8)`, `array([], shape=(0, 3), dtype=float64)`, summarised with
 * `...` and a `shape=` note beyond 1000 elements. `a.toString()` and `console.log(a)` use it.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * console.assert(nd.repr(nd.array([1, 2.5])) === "array([1. , 2.5])");
 * console.assert(nd.repr(nd.arange(4).reshape([2, 2])) === "array([[0, 1],\n       [2, 3]])");
 * console.assert(nd.repr(nd.zeros([2], { dtype: "float32" })) === "array([0., 0.], dtype=float32)");
 * console.assert(nd.repr(nd.array([1e-5, 1])) === "array([1.e-05, 1.e+00])");
 * ```
 */
export function repr(a: NDArray, opts: ReprOpts = {}): string {
  const o = resolve("repr", opts ?? {});
  const prefix = "array(";
  const body = format(a, { ...o, separator: ", ", prefix, suffix: ")" });
  const extras: string[] = [];
  if ((a.size === 0 && !(a.ndim === 1 && a.shape[0] === 0)) || a.size > o.threshold) {
    extras.push(`shape=${pyTuple(a.shape)}`);
  }
  if (!IMPLIED.has(a.dtype) || a.size === 0) extras.push(`dtype=${a.dtype}`);
  if (extras.length === 0) return prefix + body + ")";
  const head = prefix + body + ",";
  const tail = extras.join(", ") + ")";
  const lastLine = head.length - (head.lastIndexOf("\n") + 1);
  const spacer = lastLine + tail.length + 1 > o.linewidth ? "\n" + " ".repeat(prefix.length) : " ";
  return head + spacer + tail;
}

/** Options shared by {@linkcode formatFloatPositional} and {@linkcode formatFloatScientific}. */
export interface FormatFloatOpts {
  /** The float format `x` is read in (it is rounded to it first); `"float64"`. */
  dtype?: "float64" | "float32" | "float16";
  /** Maximum digits printed (see each function); as many as `unique` needs when omitted. */
  precision?: number;
  /** Shortest digits that read back to the same value (true), or the exact binary value's
   * digits (false, then `precision` is required); true. */
  unique?: boolean;
  /** Trailing zeros: `"k"` keeps them and the point, `"."` trims zeros, `"0"` keeps one zero
   * after the point, `"-"` trims zeros and the point; `"k"`. */
  trim?: Trim;
  /** Print `+` before non-negative values; false. */
  sign?: boolean;
  /** Pad with spaces until this many characters precede the decimal point. */
  padLeft?: number;
  /** Minimum digits (with `unique`), rounding the last one. */
  minDigits?: number;
}

/** Options of {@linkcode formatFloatPositional}. */
export interface FormatPositionalOpts extends FormatFloatOpts {
  /** `precision` and `minDigits` count digits after the point (true) or in total; true. */
  fractional?: boolean;
  /** Pad with spaces until this many characters follow the decimal point. */
  padRight?: number;
}

/** Options of {@linkcode formatFloatScientific}. */
export interface FormatScientificOpts extends FormatFloatOpts {
  /** Pad the exponent with zeros to at least this many digits; 2. */
  expDigits?: number;
}

export type { Trim };

const FLOAT_BITS = { float64: 64, float32: 32, float16: 16 } as const;

function floatOpts(where: string, x: unknown, o: FormatPositionalOpts & FormatScientificOpts): {
  bits: FloatBits;
  value: number;
  d4: Dragon4Opts;
} {
  if (typeof x !== "number") throw new TypeError(`${where}: x must be a number, got ${typeof x}`);
  const dtype = o.dtype ?? "float64";
  if (!(dtype in FLOAT_BITS)) {
    throw new RangeError(
      `${where}: dtype must be "float64", "float32" or "float16", got ${JSON.stringify(dtype)}`,
    );
  }
  const trim = o.trim ?? "k";
  if (!["k", ".", "0", "-"].includes(trim)) {
    throw new RangeError(
      `${where}: trim must be "k", ".", "0" or "-", got ${JSON.stringify(trim)}`,
    );
  }
  const n = (name: string, v: unknown) => (v === undefined ? -1 : intOpt(where, name, v, -1, 0));
  const precision = n("precision", o.precision);
  const minDigits = n("minDigits", o.minDigits);
  const unique = o.unique ?? true;
  if (!unique && precision < 0) {
    throw new TypeError(`${where}: precision is required when unique is false`);
  }
  if (o.fractional === false && precision === 0) {
    throw new RangeError(`${where}: precision must be greater than 0 when fractional is false`);
  }
  if (minDigits > 0 && precision > 0 && minDigits > precision) {
    throw new RangeError(
      `${where}: minDigits must be at most precision, got minDigits ${minDigits} and precision ${precision}`,
    );
  }
  const bits = FLOAT_BITS[dtype];
  return {
    bits,
    value: roundTo(bits, x),
    d4: {
      precision,
      minDigits,
      unique,
      trim,
      sign: !!o.sign,
      padLeft: n("padLeft", o.padLeft),
      padRight: n("padRight", o.padRight),
      expDigits: n("expDigits", o.expDigits),
      fractional: o.fractional ?? true,
    },
  };
}

function nonFinite(x: number, sign: boolean): string {
  return Number.isNaN(x) ? "nan" : (x < 0 ? "-" : sign ? "+" : "") + "inf";
}

/**
 * A float in positional notation, NumPy's `np.format_float_positional`: the shortest digits
 * that identify the value in its dtype (or its exact digits), cut at `precision` digits after
 * the point (or in total when `fractional` is false) with round-half-even, then trimmed and
 * padded.
 *
 * @example
 * ```ts
 * import { formatFloatPositional } from "./print.ts";
 * console.assert(formatFloatPositional(0.1) === "0.1");
 * console.assert(formatFloatPositional(1) === "1.");
 * console.assert(formatFloatPositional(1, { trim: "-" }) === "1");
 * console.assert(formatFloatPositional(Math.PI, { dtype: "float16" }) === "3.14");
 * console.assert(formatFloatPositional(0.1, { dtype: "float16", unique: false, precision: 10 }) === "0.0999755859");
 * console.assert(formatFloatPositional(2 / 3, { precision: 3, padLeft: 3 }) === "  0.667");
 * ```
 */
export function formatFloatPositional(x: number, opts: FormatPositionalOpts = {}): string {
  const { bits, value, d4 } = floatOpts("formatFloatPositional", x, opts ?? {});
  return Number.isFinite(value) ? positional(value, bits, d4) : nonFinite(value, !!d4.sign);
}

/**
 * A float in scientific notation, NumPy's `np.format_float_scientific`: `precision` counts the
 * digits after the first one; the exponent has at least `expDigits` (2) digits.
 *
 * @example
 * ```ts
 * import { formatFloatScientific } from "./print.ts";
 * console.assert(formatFloatScientific(1e-5) === "1.e-05");
 * console.assert(formatFloatScientific(123.456, { precision: 2, expDigits: 3 }) === "1.23e+002");
 * console.assert(formatFloatScientific(Math.PI, { dtype: "float32" }) === "3.1415927e+00");
 * console.assert(formatFloatScientific(1.23e24, { dtype: "float32", unique: false, precision: 15 }) === "1.230000071797338e+24");
 * ```
 */
export function formatFloatScientific(x: number, opts: FormatScientificOpts = {}): string {
  const { bits, value, d4 } = floatOpts("formatFloatScientific", x, opts ?? {});
  return Number.isFinite(value) ? scientific(value, bits, d4) : nonFinite(value, !!d4.sign);
}
