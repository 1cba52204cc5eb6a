/**
 * Array creation: `zeros`, `ones`, `empty`, `full` and their `*Like` forms, `arange`,
 * `linspace`, `logspace`, `eye`, `identity`, `diag`, `tril`, `triu`, `meshgrid`,
 * `fromFunction`.
 *
 * @module
 */

import { allocate, checkDType, type DType, DTYPES } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import { checkShape, shapeSize } from "../core/shape.ts";
import { dtypeOfScalar, toArray } from "../core/asarray.ts";
import { weakKind } from "../core/promotion.ts";
import { copy, copyInto } from "../core/copy.ts";
import { view } from "../core/views.ts";
import { type ScalarLike, writeScalar } from "../core/_scalar.ts";
import type { ArrayLike, Scalar } from "../core/_array_like.ts";
import { multiply, power } from "./elementwise.ts";

/** Options with an optional dtype. */
export interface DTypeOpts<D extends DType = DType> {
  /** Element type (float64 when omitted). */
  dtype?: D;
}

function make<D extends DType>(
  shape: number | readonly number[],
  dtype: D | undefined,
  where: string,
): NDArray<D> {
  const sh = checkShape(shape, where);
  const d = (dtype === undefined ? "float64" : checkDType(dtype, where)) as D;
  return new NDArray(d, allocate(d, shapeSize(sh)), sh);
}

/** Checks a fill value; NumPy 2 refuses integers the dtype cannot hold (`full(2, 300, uint8)`). */
function checkFits(v: unknown, dtype: DType, where: string): void {
  if (weakKind(v) === undefined) {
    throw new TypeError(
      `${where}: the fill value must be a number, bigint, boolean or {re, im}, got ${
        typeof v === "object" ? String(v) : `${typeof v} ${String(v)}`
      }`,
    );
  }
  const k = DTYPES[dtype].kind;
  if ((k !== "i" && k !== "u") || weakKind(v) !== "int") return;
  const bits = BigInt(DTYPES[dtype].itemsize * 8);
  const x = BigInt(v as number | bigint);
  const lo = k === "u" ? 0n : -(1n << (bits - 1n));
  const hi = k === "u" ? (1n << bits) - 1n : (1n << (bits - 1n)) - 1n;
  if (x < lo || x > hi) {
    throw new RangeError(`${where}: integer ${v} is out of bounds for ${dtype}`);
  }
}

function fillWith(a: NDArray, v: ScalarLike): NDArray {
  const n = a.size;
  if (n === 0) return a;
  writeScalar(a.data, a.dtype, 0, v);
  const lanes = DTYPES[a.dtype].lanes;
  if (lanes === 1) (a.data as Float64Array).fill((a.data as Float64Array)[0]);
  else for (let i = 1; i < n; i++) a.data.copyWithin(2 * i, 0, 2);
  return a;
}

/**
 * A new array of zeros.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const z = nd.zeros([2, 3], { dtype: "int32" });
 * assert(z.size === 6 && z.dtype === "int32");
 * ```
 */
export function zeros<D extends DType = "float64">(
  shape: number | readonly number[],
  opts: DTypeOpts<D> = {},
): NDArray<D> {
  return make(shape, opts.dtype, "zeros");
}

/**
 * A new array of ones.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.ones([3]).toArray().join() === "1,1,1");
 * ```
 */
export function ones<D extends DType = "float64">(
  shape: number | readonly number[],
  opts: DTypeOpts<D> = {},
): NDArray<D> {
  return fillWith(make(shape, opts.dtype, "ones"), 1) as NDArray<D>;
}

/**
 * A new array whose contents are unspecified (nd gives zeros: typed arrays are always
 * initialised).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.empty([2, 2]).shape.join() === "2,2");
 * ```
 */
export function empty<D extends DType = "float64">(
  shape: number | readonly number[],
  opts: DTypeOpts<D> = {},
): NDArray<D> {
  return make(shape, opts.dtype, "empty");
}

/**
 * A new array filled with `value`; the dtype defaults to the value's (int64 for integers,
 * float64 for other numbers, bool, complex128).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.full([2], 7);
 * assert(a.dtype === "int64" && a.get(1) === 7n);
 * ```
 */
export function full<D extends DType = DType>(
  shape: number | readonly number[],
  value: Scalar,
  opts: DTypeOpts<D> = {},
): NDArray<D> {
  const d = (opts.dtype ?? dtypeOfScalar(value, "full")) as D;
  const a = make(shape, d, "full");
  checkFits(value, a.dtype, "full");
  return fillWith(a, value) as NDArray<D>;
}

function likeOf(a: ArrayLike, where: string): NDArray {
  return toArray(a, where);
}

/**
 * Zeros with the shape (and by default dtype) of `a`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.zerosLike(nd.ones([2], { dtype: "int8" })).dtype === "int8");
 * ```
 */
export function zerosLike(a: ArrayLike, opts: DTypeOpts = {}): NDArray {
  const x = likeOf(a, "zerosLike");
  return make(x.shape, opts.dtype ?? x.dtype, "zerosLike");
}

/**
 * Ones with the shape (and by default dtype) of `a`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.onesLike([[1, 2]]).shape.join() === "1,2");
 * ```
 */
export function onesLike(a: ArrayLike, opts: DTypeOpts = {}): NDArray {
  const x = likeOf(a, "onesLike");
  return fillWith(make(x.shape, opts.dtype ?? x.dtype, "onesLike"), 1);
}

/**
 * An array like `a` (shape and by default dtype) filled with `value`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.fullLike(nd.zeros([2]), 3).toArray().join() === "3,3");
 * ```
 */
export function fullLike(a: ArrayLike, value: Scalar, opts: DTypeOpts = {}): NDArray {
  const x = likeOf(a, "fullLike");
  const out = make(x.shape, opts.dtype ?? x.dtype, "fullLike");
  checkFits(value, out.dtype, "fullLike");
  return fillWith(out, value);
}

/** Options of {@linkcode arange}. */
export interface ArangeOpts extends DTypeOpts {
  /** Spacing between values (default 1). */
  step?: number;
}

/**
 * Evenly spaced values in `[start, stop)`: `arange(stop)`, `arange(start, stop, {step})`.
 * Integer arguments give int64, others float64, as NumPy.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.arange(4).toArray().join() === "0,1,2,3");
 * assert(nd.arange(1, 2, { step: 0.25 }).toArray().join() === "1,1.25,1.5,1.75");
 * ```
 */
export function arange(start: number, stop?: number | ArangeOpts, opts: ArangeOpts = {}): NDArray {
  if (typeof stop === "object") {
    opts = stop;
    stop = undefined;
  }
  let lo = start, hi = stop as number | undefined;
  if (hi === undefined) {
    hi = lo;
    lo = 0;
  }
  const step = opts.step ?? 1;
  for (const [name, v] of [["start", lo], ["stop", hi], ["step", step]] as const) {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new TypeError(`arange: ${name} must be a finite number, got ${String(v)}`);
    }
  }
  if (step === 0) throw new RangeError("arange: step cannot be zero");
  const n = Math.max(0, Math.ceil((hi - lo) / step));
  const isInt = Number.isInteger(lo) && Number.isInteger(hi) && Number.isInteger(step);
  const dtype = opts.dtype === undefined
    ? (isInt ? "int64" : "float64")
    : checkDType(opts.dtype, "arange");
  const out = new NDArray(dtype, allocate(dtype, n), [n]);
  const d = out.data;
  if (
    (dtype === "int64" || dtype === "uint64") && isInt &&
    Math.abs(lo) + Math.abs(n * step) < 2 ** 53
  ) {
    // Exact integers: write the two 32-bit halves directly (BigInt per element is slow).
    const w = new Int32Array(d.buffer, d.byteOffset, 2 * n);
    for (let i = 0; i < n; i++) {
      const v = lo + i * step;
      const low = v | 0;
      w[2 * i] = low;
      w[2 * i + 1] = (v - (low >>> 0)) / 4294967296;
    }
  } else if (dtype === "int64" || dtype === "uint64") {
    const b = d as BigInt64Array;
    for (let i = 0; i < n; i++) b[i] = BigInt(Math.trunc(lo + i * step));
  } else {
    // As NumPy: the first two values are start and start + step, the others
    // start + i * delta with delta = (start + step) - start.
    const lanes = DTYPES[dtype].lanes;
    const f = d as Float64Array;
    const delta = lo + step - lo;
    for (let i = 0; i < n; i++) f[lanes * i] = i === 1 ? lo + step : lo + i * delta;
  }
  return out;
}

/** Options of {@linkcode linspace}. */
export interface LinspaceOpts extends DTypeOpts {
  /** Number of samples (default 50). */
  num?: number;
  /** Include `stop` (default true). */
  endpoint?: boolean;
}

/**
 * `num` evenly spaced samples from `start` to `stop` (inclusive by default).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.linspace(0, 1, { num: 5 }).toArray().join() === "0,0.25,0.5,0.75,1");
 * ```
 */
export function linspace(start: number, stop: number, opts: LinspaceOpts = {}): NDArray {
  const num = opts.num ?? 50;
  if (!Number.isInteger(num) || num < 0) {
    throw new RangeError(`linspace: num must be a non-negative integer, got ${num}`);
  }
  const endpoint = opts.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = div > 0 ? delta / div : NaN;
  const out = new Float64Array(num);
  for (let i = 0; i < num; i++) {
    // NumPy: i * step + start, (i / div) * delta + start when step underflows to 0, and
    // i * delta + start when there is no step (num 1 with the endpoint).
    out[i] = (div <= 0 ? i * delta : step === 0 ? (i / div) * delta : i * step) + start;
  }
  if (endpoint && num > 1) out[num - 1] = stop;
  const a = new NDArray("float64", out, [num]);
  return opts.dtype === undefined || opts.dtype === "float64"
    ? a
    : copy(a, checkDType(opts.dtype, "linspace"));
}

/** Options of {@linkcode logspace}. */
export interface LogspaceOpts extends LinspaceOpts {
  /** The base of the log space (default 10). */
  base?: number;
}

/**
 * `base ** linspace(start, stop)`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.logspace(0, 2, { num: 3 }).toArray().join() === "1,10,100");
 * ```
 */
export function logspace(start: number, stop: number, opts: LogspaceOpts = {}): NDArray {
  const y = linspace(start, stop, { num: opts.num, endpoint: opts.endpoint });
  const r = power(opts.base ?? 10, y);
  return opts.dtype === undefined ? r : copy(r, checkDType(opts.dtype, "logspace"));
}

/** Options of {@linkcode eye}. */
export interface EyeOpts extends DTypeOpts {
  /** Number of columns (default n). */
  m?: number;
  /** Diagonal offset: positive above the main diagonal. */
  k?: number;
}

/**
 * A 2-D array with ones on the k-th diagonal.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(JSON.stringify(nd.eye(2, { k: 1 }).toArray()) === "[[0,1],[0,0]]");
 * ```
 */
export function eye(n: number, opts: EyeOpts = {}): NDArray {
  const m = opts.m ?? n, k = opts.k ?? 0;
  if (!Number.isInteger(k)) throw new TypeError(`eye: k must be an integer, got ${k}`);
  const a = make([n, m], opts.dtype, "eye");
  for (let i = Math.max(0, -k); i < n && i + k < m; i++) {
    writeScalar(a.data, a.dtype, i * m + i + k, 1);
  }
  return a;
}

/**
 * The n×n identity matrix.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.identity(3).get(2, 2) === 1);
 * ```
 */
export function identity(n: number, opts: DTypeOpts = {}): NDArray {
  return eye(n, opts);
}

/**
 * From a 1-D array: a 2-D array with it on the k-th diagonal. From a 2-D array: its k-th
 * diagonal (a read-only view, as NumPy).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.diag([1, 2]).toArray().flat().join() === "1,0,0,2");
 * assert(nd.diag(nd.arange(9).reshape([3, 3]), { k: 1 }).toArray().join() === "1,5");
 * ```
 */
export function diag(v: ArrayLike, opts: { k?: number } = {}): NDArray {
  const a = toArray(v, "diag");
  const k = opts.k ?? 0;
  if (!Number.isInteger(k)) throw new TypeError(`diag: k must be an integer, got ${k}`);
  if (a.ndim === 1) {
    const n = a.shape[0] + Math.abs(k);
    const out = make([n, n], a.dtype, "diag");
    const d = view(out, [a.shape[0]], [n + 1], k >= 0 ? k : -k * n);
    copyInto(d, a);
    return out;
  }
  if (a.ndim === 2) {
    const [r, c] = a.shape;
    const len = Math.max(0, k >= 0 ? Math.min(r, c - k) : Math.min(r + k, c));
    const off = len === 0 ? a.offset : a.offset + (k >= 0 ? k * a.strides[1] : -k * a.strides[0]);
    return view(a, [len], [a.strides[0] + a.strides[1]], off, false);
  }
  throw new RangeError(`diag: input must be 1-D or 2-D, got ${a.ndim}-D`);
}

function triangle(a: ArrayLike, k: number, lower: boolean, where: string): NDArray {
  const x = toArray(a, where);
  if (x.ndim < 2) throw new RangeError(`${where}: input must be at least 2-D, got ${x.ndim}-D`);
  if (!Number.isInteger(k)) throw new TypeError(`${where}: k must be an integer, got ${k}`);
  const [r, c] = x.shape.slice(-2);
  const mask = new Uint8Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) mask[i * c + j] = (lower ? j - i <= k : j - i >= k) ? 1 : 0;
  }
  return multiply(x, new NDArray("bool", mask, [r, c]), {
    dtype: x.dtype === "bool" ? "bool" : undefined,
  });
}

/**
 * The lower triangle (elements above the k-th diagonal zeroed) of the last two axes.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.tril(nd.ones([2, 2])).toArray().flat().join() === "1,0,1,1");
 * ```
 */
export function tril(a: ArrayLike, opts: { k?: number } = {}): NDArray {
  return triangle(a, opts.k ?? 0, true, "tril");
}

/**
 * The upper triangle (elements below the k-th diagonal zeroed) of the last two axes.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.triu(nd.ones([2, 2])).toArray().flat().join() === "1,1,0,1");
 * ```
 */
export function triu(a: ArrayLike, opts: { k?: number } = {}): NDArray {
  return triangle(a, opts.k ?? 0, false, "triu");
}

/**
 * Coordinate matrices from coordinate vectors. `indexing: "xy"` (default, Cartesian) or `"ij"`
 * (matrix). The last argument may be the options object.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const [X, Y] = nd.meshgrid([1, 2, 3], [4, 5]);
 * assert(X.shape.join() === "2,3" && Y.get(1, 0) === 5n);
 * ```
 */
export function meshgrid(...args: (ArrayLike | { indexing?: "xy" | "ij" })[]): NDArray[] {
  let indexing: "xy" | "ij" = "xy";
  const last = args[args.length - 1];
  if (
    typeof last === "object" && last !== null && !Array.isArray(last) &&
    !(last instanceof NDArray) && !ArrayBuffer.isView(last) && weakKind(last) === undefined
  ) {
    indexing = (args.pop() as { indexing?: "xy" | "ij" }).indexing ?? "xy";
    if (indexing !== "xy" && indexing !== "ij") {
      throw new RangeError(
        `meshgrid: indexing must be "xy" or "ij", got ${JSON.stringify(indexing)}`,
      );
    }
  }
  const xs = (args as ArrayLike[]).map((x) => toArray(x, "meshgrid").reshape([-1]));
  const n = xs.length;
  const shape = xs.map((x) => x.size);
  if (indexing === "xy" && n >= 2) [shape[0], shape[1]] = [shape[1], shape[0]];
  return xs.map((x, i) => {
    const st = new Array<number>(n).fill(0);
    let axis = i;
    if (indexing === "xy" && n >= 2 && i < 2) axis = 1 - i;
    st[axis] = x.strides[0];
    return copy(view(x, shape, st, x.offset, false));
  });
}

/**
 * An array whose element at each index is `fn(...index)`. Unlike NumPy, `fn` is called once
 * per element with plain numbers (not with coordinate arrays).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.fromFunction((i, j) => i * 10 + j, [2, 2]);
 * assert(a.toArray().flat().join() === "0,1,10,11");
 * ```
 */
export function fromFunction(
  fn: (...index: number[]) => Scalar,
  shape: readonly number[],
  opts: DTypeOpts = {},
): NDArray {
  if (typeof fn !== "function") throw new TypeError("fromFunction: fn must be a function");
  const a = make(shape, opts.dtype, "fromFunction");
  const idx = new Array<number>(a.ndim).fill(0);
  for (let k = 0; k < a.size; k++) {
    writeScalar(a.data, a.dtype, k, fn(...idx));
    for (let d = a.ndim - 1; d >= 0; d--) {
      if (++idx[d] < a.shape[d]) break;
      idx[d] = 0;
    }
  }
  return a;
}
