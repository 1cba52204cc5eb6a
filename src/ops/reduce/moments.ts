/**
 * Means and spreads: `mean`, `var`, `std` and the NaN-ignoring `nanmean`, `nanvar`,
 * `nanstd`, computed the way NumPy computes them (sum with the NumPy accumulator, divide by
 * the count; variance from squared deviations about the mean, divided by `n - ddof`).
 *
 * @module
 */

import { type DType, DTYPES } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { normalizeAxes } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { copy, copyInto } from "../../core/copy.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { type ReductionOpts, replaceNan, sum } from "./reductions.ts";
import {
  add,
  divide,
  isnan,
  lessEqual,
  logicalNot,
  multiply,
  sqrt,
  subtract,
} from "../elementwise.ts";
import { imag, real } from "../complex_parts.ts";

/** Options of `var`/`std` and their NaN variants. */
export interface MomentOpts extends ReductionOpts {
  /** Delta degrees of freedom: the divisor is `n - ddof` (default 0). */
  ddof?: number;
}

/** The accumulator dtype NumPy's mean/var use when none is given. */
function meanDType(d: DType): DType {
  const k = DTYPES[d].kind;
  if (k === "b" || k === "i" || k === "u") return "float64";
  if (d === "float16") return "float32";
  return d;
}

function count(a: NDArray, axis: ReductionOpts["axis"], where: string): number {
  return normalizeAxes(axis, a.ndim, where).reduce((n, i) => n * a.shape[i], 1);
}

function castBack(r: NDArray, a: NDArray, opts: ReductionOpts): NDArray {
  return opts.dtype === undefined && a.dtype === "float16" ? copy(r, "float16") : r;
}

/**
 * Arithmetic mean over the given axes (integers average in float64).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.mean([1, 2, 3, 4]).item() === 2.5);
 * assert(nd.mean([[1, 2], [3, 4]], { axis: 0 }).toArray().join() === "2,3");
 * ```
 */
export function mean(a: ArrayLike, opts: ReductionOpts = {}): NDArray {
  const x = toArray(a, "mean");
  const dtype = opts.dtype ?? meanDType(x.dtype);
  const n = count(x, opts.axis, "mean");
  const s = sum(x, { ...opts, dtype });
  return castBack(divideInto(s, n), x, opts);
}

/**
 * `x / d` written back into `x`, casting unsafely as NumPy's mean and var do
 * (`true_divide(ret, count, out=ret, casting="unsafe")`): integer accumulators truncate.
 */
function divideInto(x: NDArray, d: number | NDArray): NDArray {
  const k = DTYPES[x.dtype].kind;
  if (k === "f" || k === "c") return divide(x, d, { out: x });
  copyInto(x, divide(x, d));
  return x;
}

/** Squared magnitude of deviations: `x * x` for reals, `re² + im²` for complex. */
function squared(x: NDArray): NDArray {
  if (DTYPES[x.dtype].kind !== "c") return multiply(x, x, { out: x });
  const re = real(x), im = imag(x);
  return add(multiply(re, re), multiply(im, im));
}

function checkDdof(ddof: unknown, where: string): number {
  if (typeof ddof !== "number" || !Number.isFinite(ddof)) {
    throw new TypeError(`${where}: ddof must be a finite number, got ${String(ddof)}`);
  }
  return ddof;
}

function varianceIn(a: ArrayLike, opts: MomentOpts, where: string): NDArray {
  const x = toArray(a, where);
  const ddof = checkDdof(opts.ddof ?? 0, where);
  // NumPy's var works in float16 for float16 input (only mean upcasts it to float32).
  const dtype = opts.dtype ?? (x.dtype === "float16" ? "float16" : meanDType(x.dtype));
  const n = count(x, opts.axis, where);
  const m = sum(x, { axis: opts.axis, dtype, keepdims: true });
  divideInto(m, n);
  const dev = subtract(x, m);
  const sq = squared(dev);
  const r = sum(sq, {
    axis: opts.axis,
    dtype: DTYPES[dtype].kind === "c" ? sq.dtype : dtype,
    keepdims: opts.keepdims,
  });
  return castBack(divideInto(r, Math.max(n - ddof, 0)), x, opts);
}

/**
 * Variance over the given axes, divided by `n - ddof`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.var([1, 2, 3, 4]).item() === 1.25);
 * assert(Math.abs(nd.var([1, 2, 3, 4], { ddof: 1 }).item() as number - 5 / 3) < 1e-15);
 * ```
 */
function variance(a: ArrayLike, opts: MomentOpts = {}): NDArray {
  return varianceIn(a, opts, "var");
}
export { variance as var };

/**
 * Standard deviation over the given axes: `sqrt(var(a))`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.std([2, 4, 4, 4, 5, 5, 7, 9]).item() === 2);
 * ```
 */
export function std(a: ArrayLike, opts: MomentOpts = {}): NDArray {
  const v = varianceIn(a, opts, "std");
  return sqrt(v, { out: v });
}

/** Counts of non-NaN elements and the NaN-zeroed array. */
function nanParts(
  x: NDArray,
  opts: ReductionOpts,
  keepdims: boolean,
): { arr: NDArray; cnt: NDArray; mask: NDArray } {
  const mask = isnan(x);
  const arr = replaceNan(x, 0);
  const cnt = sum(logicalNot(mask), { axis: opts.axis, keepdims, dtype: "int64" });
  return { arr, cnt, mask };
}

/**
 * Mean ignoring NaN (NaN where a whole slice is NaN).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.nanmean([1, NaN, 3]).item() === 2);
 * ```
 */
export function nanmean(a: ArrayLike, opts: ReductionOpts = {}): NDArray {
  const x = toArray(a, "nanmean");
  if (!isFloatLike(x.dtype)) return mean(x, opts);
  count(x, opts.axis, "nanmean"); // validates the axes
  const { arr, cnt } = nanParts(x, opts, opts.keepdims ?? false);
  const tot = sum(arr, opts);
  return divideInto(tot, cnt);
}

function isFloatLike(d: DType): boolean {
  const k = DTYPES[d].kind;
  return k === "f" || k === "c";
}

/**
 * Variance ignoring NaN, divided by `count - ddof`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.nanvar([1, NaN, 3]).item() === 1);
 * ```
 */
export function nanvar(a: ArrayLike, opts: MomentOpts = {}): NDArray {
  return nanvarIn(a, opts, "nanvar");
}

function nanvarIn(a: ArrayLike, opts: MomentOpts, where: string): NDArray {
  const x = toArray(a, where);
  if (!isFloatLike(x.dtype)) return varianceIn(x, opts, where);
  const ddof = checkDdof(opts.ddof ?? 0, where);
  count(x, opts.axis, where); // validates the axes
  const { arr, cnt, mask } = nanParts(x, opts, true);
  const avg = sum(arr, { axis: opts.axis, dtype: opts.dtype, keepdims: true });
  divideInto(avg, cnt);
  const dev = subtract(arr, avg);
  copyInto(dev, toArray(0, where), mask as NDArray<"bool">);
  const sq = squared(dev);
  const v = sum(sq, { axis: opts.axis, dtype: opts.dtype, keepdims: opts.keepdims });
  const dof = subtract(opts.keepdims ? cnt : cnt.reshape(v.shape), ddof);
  const r = divideInto(v, dof);
  copyInto(r, toArray(NaN, where), lessEqual(dof, 0) as NDArray<"bool">);
  return r;
}

/**
 * Standard deviation ignoring NaN.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.nanstd([1, NaN, 3]).item() === 1);
 * ```
 */
export function nanstd(a: ArrayLike, opts: MomentOpts = {}): NDArray {
  const v = nanvarIn(a, opts, "nanstd");
  return sqrt(v, { out: v });
}
