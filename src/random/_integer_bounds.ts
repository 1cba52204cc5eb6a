/**
 * The bounds of `integers`/`randint`: reading a scalar or an array of integers exactly, and the
 * checks NumPy makes on them (low, then high, against the dtype; then their order).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { copy } from "../core/copy.ts";
import { DTYPES } from "../core/dtype.ts";
import type { ArrayLike as NDArrayLike } from "../core/_array_like.ts";

/**
 * An array bound: its shape and its values in C order, as JS numbers when all are safe
 * integers (the usual case, and fast), else as bigints.
 */
export interface Bounds {
  /** The shape the values broadcast from. */
  shape: number[];
  /** The values, C order. */
  vals: Float64Array | bigint[];
}

/** One scalar bound as a bigint: an integer number (a safe one) or a bigint. */
export function bound(where: string, name: string, v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") {
    if (!Number.isInteger(v)) throw new TypeError(`${where}: ${name} must be an integer, got ${v}`);
    if (!Number.isSafeInteger(v)) {
      throw new RangeError(`${where}: ${name} ${v} is not a safe integer: pass it as a bigint`);
    }
    return BigInt(v);
  }
  throw new TypeError(
    `${where}: ${name} must be an integer number, a bigint or an array of them, got ${
      v === null ? "null" : typeof v
    }`,
  );
}

/**
 * Collects the leaves of nested JS arrays in C order into `acc` and returns the same nesting
 * with 0 for each leaf, whose shape `toArray` checks without converting the values (which
 * could lose bigints beyond 2⁶³ or mixed with smaller integers).
 */
function split(x: unknown, acc: unknown[]): unknown {
  if (Array.isArray(x)) return x.map((e) => split(e, acc));
  if (x instanceof NDArray || ArrayBuffer.isView(x)) {
    const d = (x instanceof NDArray ? copy(x).data : x) as unknown as ArrayLike<unknown>;
    for (let i = 0; i < d.length; i++) acc.push(d[i]);
    return x;
  }
  acc.push(x);
  return 0;
}

/** The values of `src` as safe-integer numbers, or as bigints when one does not fit. */
function values(where: string, name: string, src: ArrayLike<unknown>): Float64Array | bigint[] {
  const n = src.length, out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = src[i];
    if (typeof e === "number" && Number.isSafeInteger(e)) out[i] = e;
    else if (typeof e === "boolean") out[i] = e ? 1 : 0;
    else if (typeof e === "bigint" && Number.isSafeInteger(Number(e))) out[i] = Number(e);
    else if (typeof e === "bigint") {
      return Array.from(src, (x) => bound(where, name, typeof x === "boolean" ? Number(x) : x));
    } else bound(where, name, e); // throws
  }
  return out;
}

/**
 * A scalar bound, or an array of them (nested JS arrays, a typed array or an NDArray of a
 * real dtype); a 0-d array counts as a scalar, as in NumPy.
 */
export function bounds(where: string, name: string, v: unknown): bigint | Bounds {
  if (!Array.isArray(v) && !ArrayBuffer.isView(v) && !(v instanceof NDArray)) {
    return bound(where, name, v);
  }
  const raw: unknown[] = [];
  const arr = toArray(Array.isArray(v) ? split(v, raw) as NDArrayLike : v as NDArrayLike, where);
  if (DTYPES[arr.dtype].kind === "c") {
    throw new TypeError(`${where}: ${name} must hold integers, got dtype ${arr.dtype}`);
  }
  const vals = values(where, name, Array.isArray(v) ? raw : copy(arr).data as ArrayLike<unknown>);
  if (arr.ndim === 0) return BigInt(vals[0]);
  return { shape: [...arr.shape], vals };
}

/** What the checks need: the caller, the dtype's closed range and whether `high` is included. */
export interface Limits {
  /** The calling function, for messages. */
  where: string;
  /** The result dtype, for messages. */
  dtype: string;
  /** True when `high` is included (`endpoint`). */
  closed: boolean;
  /** The dtype's smallest value. */
  lb: bigint;
  /** The dtype's largest value. */
  ub: bigint;
}

/** `low` must be at least the dtype's smallest value. */
export function checkLow(l: Limits, low: bigint | number): void {
  if (low < l.lb) throw new RangeError(`${l.where}: low ${low} is out of bounds for ${l.dtype}`);
}

/** `high` (less one when excluded) must be at most the dtype's largest value. */
export function checkHigh(l: Limits, high: bigint | number): void {
  if ((l.closed ? high : typeof high === "bigint" ? high - 1n : high - 1) > l.ub) {
    throw new RangeError(`${l.where}: high ${high} is out of bounds for ${l.dtype}`);
  }
}

/** `low` must be less than `high` (at most `high` when it is included). */
export function checkOrder(l: Limits, low: bigint | number, high: bigint | number): void {
  if (l.closed ? low > high : low >= high) {
    throw new RangeError(
      `${l.where}: low must be ${
        l.closed ? "at most" : "less than"
      } high: got low ${low}, high ${high}`,
    );
  }
}
