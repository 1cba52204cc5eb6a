/**
 * Input checks shared by the `nd.ml` estimators (scikit-learn's `check_array` and
 * `_check_n_features`, with nd's error conventions): a 2-D real array with at least one sample
 * and one feature, read as a row-major float64 matrix that remembers whether it came from float32
 * (the dtype of the transform's output, `_float_dtype.ts`); NaN and infinity found in one pass.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { copy } from "../core/copy.ts";
import { fmtShape } from "../core/shape.ts";
import type { OutDType } from "./_float_dtype.ts";

/** A row-major float64 matrix: `data[i * cols + j]` is sample i, feature j. */
export interface Mat {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** "float32" when read from a float32 array, else "float64": the dtype of its transform. */
  readonly dtype: OutDType;
}

/**
 * `X` as a row-major float64 matrix. A float64 C-contiguous NDArray is read in place (its
 * `data`, which the caller must not write); anything else is converted (ints and bools to
 * float64, as scikit-learn does; float32 exactly, with `dtype` "float32"). Throws a TypeError
 * naming `name` (and the argument as `what`) unless `X` is a real 2-D array with at least one
 * sample and one feature.
 */
export function toMat(X: ArrayLike, name: string, what = "X"): Mat {
  const a = X instanceof NDArray ? X : toArray(X, name);
  if (a.dtype === "complex64" || a.dtype === "complex128") {
    throw new TypeError(`${name}: complex data is not supported: ${what} has dtype ${a.dtype}`);
  }
  if (a.ndim !== 2) {
    if (a.ndim === 1) {
      throw new TypeError(
        `${name}: expected a 2-D array, got a 1-D array of shape ${fmtShape(a.shape)}: ` +
          `reshape your data with reshape([-1, 1]) if it has a single feature or ` +
          `reshape([1, -1]) if it holds a single sample`,
      );
    }
    throw new TypeError(
      `${name}: expected a 2-D array, got a ${a.ndim}-D array of shape ${fmtShape(a.shape)}`,
    );
  }
  const [rows, cols] = a.shape;
  if (rows < 1) {
    throw new TypeError(
      `${name}: found an array with 0 samples (shape ${fmtShape(a.shape)}) while a minimum ` +
        `of 1 is required`,
    );
  }
  if (cols < 1) {
    throw new TypeError(
      `${name}: found an array with 0 features (shape ${fmtShape(a.shape)}) while a minimum ` +
        `of 1 is required`,
    );
  }
  const data = a.dtype === "float64" && a.flags.cContiguous
    ? (a.data as Float64Array).subarray(a.offset, a.offset + rows * cols)
    : copy(a, "float64").data;
  return { data, rows, cols, dtype: a.dtype === "float32" ? "float32" : "float64" };
}

/**
 * Throws a RangeError for the first NaN or infinity of `m`, in one pass (`x - x` is NaN exactly
 * for NaN and ±infinity).
 */
export function checkFinite(m: Mat, name: string): void {
  const d = m.data, n = d.length;
  for (let i = 0; i < n; i++) {
    const v = d[i];
    if (v - v !== 0) throw v !== v ? nanError(name) : infError(name);
  }
}

/** The error for a NaN where `name` does not accept missing values. */
export function nanError(name: string): RangeError {
  return new RangeError(
    `${name}: input X contains NaN: ${name} does not accept missing values encoded as ` +
      `NaN; impute them first (nd.ml.SimpleImputer) or drop those samples`,
  );
}

/** The error for an infinite value (scikit-learn rejects them everywhere). */
export function infError(name: string): RangeError {
  return new RangeError(
    `${name}: input X contains infinity or a value too large for float64`,
  );
}

/** The error for a feature count that differs from the one seen in `fit`. */
export function featureCountError(name: string, got: number, expected: number): TypeError {
  return new TypeError(
    `X has ${got} features, but ${name} is expecting ${expected} features as input`,
  );
}

/** Checks that an option is a boolean. */
export function checkBool(name: string, opt: string, v: unknown): boolean {
  if (typeof v !== "boolean") {
    throw new TypeError(`${name}: ${opt} must be a boolean, got ${describe(v)}`);
  }
  return v;
}

/** Checks that an option is one of `choices`. */
export function checkChoice<T extends string>(
  name: string,
  opt: string,
  v: unknown,
  choices: readonly T[],
): T {
  if (typeof v !== "string" || !(choices as readonly string[]).includes(v)) {
    throw new RangeError(
      `${name}: ${opt} must be one of ${choices.map((c) => JSON.stringify(c)).join(", ")}, ` +
        `got ${describe(v)}`,
    );
  }
  return v as T;
}

/** Checks that an option is an integer in [lo, hi]. */
export function checkInt(name: string, opt: string, v: unknown, lo: number, hi = Infinity): number {
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new TypeError(`${name}: ${opt} must be an integer, got ${describe(v)}`);
  }
  if (v < lo || v > hi) {
    const range = hi === Infinity ? `≥ ${lo}` : `in [${lo}, ${hi}]`;
    throw new RangeError(`${name}: ${opt} must be ${range}, got ${v}`);
  }
  return v;
}

/** Checks that an option is a finite number. */
export function checkNumber(name: string, opt: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new TypeError(`${name}: ${opt} must be a finite number, got ${describe(v)}`);
  }
  return v;
}

/**
 * Checks that an option is a pair of finite numbers, `what` naming them in the message
 * (`"[min, max]"`); returns a copy.
 */
export function checkPair(name: string, opt: string, v: unknown, what: string): [number, number] {
  if (!Array.isArray(v) || v.length !== 2) {
    throw new TypeError(`${name}: ${opt} must be a pair ${what}, got ${describe(v)}`);
  }
  return [checkNumber(name, `${opt}[0]`, v[0]), checkNumber(name, `${opt}[1]`, v[1])];
}

/** A short description of a value for messages. */
export function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "bigint") return `${v}n`;
  if (Array.isArray(v)) return `[${v.map(describe).join(", ")}]`;
  if (v instanceof NDArray) return `an NDArray of shape ${fmtShape(v.shape)}`;
  if (v === null || typeof v !== "object") return String(v);
  return Object.prototype.toString.call(v).slice(8, -1);
}

/** A fresh float64 NDArray of shape [rows, cols] over `data`. */
export function matrix(data: Float64Array, rows: number, cols: number): NDArray<"float64"> {
  return new NDArray("float64", data, [rows, cols]);
}

/** A fresh 1-D float64 NDArray over `data`. */
export function vector(data: Float64Array): NDArray<"float64"> {
  return new NDArray("float64", data, [data.length]);
}
