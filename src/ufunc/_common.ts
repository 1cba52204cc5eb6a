// Helpers shared by the ufunc methods (reduce, accumulate, reduceat, outer, at): checks that
// the ufunc is binary, NumPy's loop-dtype rules for reduction-like methods, axis options,
// scalar fills and `out` checks.
import { allocate, checkDType, type Complex, type DType, DTYPES } from "../core/dtype.ts";
import { assertLive, NDArray } from "../core/ndarray.ts";
import { canCast, resultType } from "../core/promotion.ts";
import { fmtShape, normalizeAxis, shapesEqual } from "../core/shape.ts";
import { type ScalarLike, writeScalar } from "../core/_scalar.ts";
import { copy, copyInto } from "../core/copy.ts";
import { dtypeOfScalar } from "../core/asarray.ts";
import type { UfuncCall, UfuncMeta } from "./protocol.ts";

/** A ufunc's call and metadata: what every method works through. */
export interface UfuncCore {
  call: UfuncCall;
  meta: UfuncMeta;
}

/**
 * Whether the ufunc has typed loops. Without (`frompyfunc`'s `"OO->O"`: NumPy's object
 * loops), inputs are passed as they are and each result decides its own dtype.
 */
export function typedLoops(meta: UfuncMeta): boolean {
  const t = meta.types ?? [];
  return t.length > 0 && !t.some((s) => s.includes("O"));
}

const HALF_RUN_OPS = new Set(["add", "subtract", "multiply", "divide"]);

/**
 * Whether a reduction run of this ufunc at loop dtype `L` accumulates in float32 and rounds
 * once at the end of the run: NumPy's float16 add, subtract, multiply and divide loops do so
 * when called as a reduction (the reduced axis innermost, and in reduceat).
 */
export function halfRuns(meta: UfuncMeta, L: DType | undefined): boolean {
  return L === "float16" && HALF_RUN_OPS.has(meta.name) && typedLoops(meta);
}

/**
 * Whether NumPy's iterator (and the reduction engine) puts a reduced axis innermost: the
 * fastest-varying axis of `a` (smallest stride among axes longer than 1; the last of equals)
 * is reduced.
 */
export function reducesInnermost(a: NDArray, axes: readonly number[]): boolean {
  const dims = a.shape.map((_, i) => i).filter((i) => a.shape[i] !== 1);
  if (dims.length === 0) return true;
  const fastest = dims.reduce(
    (best, d) => (Math.abs(a.strides[d]) <= Math.abs(a.strides[best]) ? d : best),
    dims[0],
  );
  return axes.includes(fastest);
}

/**
 * The `TypeError` of a ufunc method whose ufunc returned JS values where the method needs an
 * NDArray (a `frompyfunc` ufunc with results that fit no dtype): its own class, so that
 * `frompyfunc` can tell it from other errors and take its object-array path instead.
 */
export class NotAnArrayResult extends TypeError {}

/** `r` as an NDArray, or {@link NotAnArrayResult} naming what the ufunc returned instead. */
export function expectArray(r: unknown, where: string): NDArray {
  if (r instanceof NDArray) return r;
  throw new NotAnArrayResult(
    `${where}: the ufunc must return an NDArray here, got ${
      Array.isArray(r) ? "a JS array" : typeof r
    }`,
  );
}

/** Calls the ufunc on two arrays and checks that it returned an NDArray. */
export function apply(core: UfuncCore, x: NDArray, y: NDArray, where: string): NDArray {
  return expectArray(core.call(x, y), where);
}

/**
 * One step of a reduction: `acc = ufunc(acc, x)`, only where `mask` is true when given. With
 * typed loops `acc` keeps its dtype and is updated in place (through `out` when the call
 * accepts it); otherwise the result (merged into a copy of `acc` under a mask) is returned.
 */
export function step(
  core: UfuncCore,
  acc: NDArray,
  x: NDArray,
  mask: NDArray | undefined,
  typed: boolean,
  where: string,
): NDArray {
  if (typed && core.meta.acceptsOut) {
    core.call(acc, x, mask ? { out: acc, where: mask } : { out: acc });
    return acc;
  }
  const r = apply(core, acc, x, where);
  if (typed) {
    copyInto(acc, r, mask as NDArray<"bool"> | undefined);
    return acc;
  }
  if (!mask) return r;
  const merged = copy(acc, resultType(acc.dtype, r.dtype));
  copyInto(merged, r, mask as NDArray<"bool">);
  return merged;
}

/**
 * The dtype a fill value takes: the loop dtype, or without typed loops the value's own (a JS
 * number stays a number: float64).
 */
export function fillDType(L: DType | undefined, v: ScalarLike): DType {
  return L ?? (typeof v === "number" ? "float64" : dtypeOfScalar(v as bigint));
}

/** Throws NumPy's TypeError unless the ufunc takes two inputs and returns one output. */
export function checkBinary(meta: UfuncMeta, what: string, where: string): void {
  if (meta.nin !== 2) throw new TypeError(`${where}: ${what} only supported for binary functions`);
  if (meta.nout !== 1) {
    throw new TypeError(`${where}: ${what} only supported for functions returning a single value`);
  }
}

/** Throws unless `opts` is undefined or a plain options object. */
export function checkOptions<T>(opts: T | undefined, where: string): T | Record<string, never> {
  if (opts === undefined) return {};
  if (typeof opts !== "object" || opts === null || Array.isArray(opts) || opts instanceof NDArray) {
    throw new TypeError(
      `${where}: options must be an object like { axis: 0 }, got ${String(opts)}`,
    );
  }
  return opts;
}

/** An empty 1-D array of `d` (to ask a ufunc which loop it resolves, without computing). */
export function emptyOf(d: DType): NDArray {
  return new NDArray(d, allocate(d, 0), [0]);
}

/** NumPy's logical ufuncs reduce, accumulate and reduceat with their bool loop. */
const LOGICAL = new Set(["logical_and", "logical_or", "logical_xor"]);

/** The dtype NumPy's add and multiply use to reduce `d` (bool and small integers widen). */
export function widenedDType(d: DType): DType {
  const k = DTYPES[d].kind;
  if (k === "b" || (k === "i" && d !== "int64")) return "int64";
  if (k === "u" && d !== "uint64") return "uint64";
  return d;
}

function noLoop(meta: UfuncMeta, where: string): TypeError {
  return new TypeError(
    `${where}: no loop matching the specified signature and casting was found for ufunc ${meta.name}`,
  );
}

/**
 * The loop dtype of a reduction-like method over an array of dtype `from` (the input is cast
 * to it, and it is the accumulator and result dtype), as NumPy resolves it: `dtype` when given
 * (its `dtype,dtype->dtype` loop must exist); bool for the logical ufuncs; the widened type for
 * add and multiply; else the loop the ufunc picks for `(from, from)`, whose output type must be
 * its input type (`equal` on integers has no such loop). Undefined for ufuncs without typed
 * loops (no cast; results decide).
 */
export function reduceLoopDType(
  core: UfuncCore,
  from: DType,
  dtype: DType | undefined,
  where: string,
): DType | undefined {
  const { call, meta } = core;
  if (!typedLoops(meta)) return dtype === undefined ? undefined : checkDType(dtype, where);
  // The answer depends on the dtypes only: resolved once per ufunc (errors are not cached).
  let known = RESOLVED.get(core);
  if (!known) RESOLVED.set(core, known = new Map());
  const key = `${from}|${dtype}`;
  const hit = known.get(key);
  if (hit) return hit;
  // The ufunc's own type errors (no loop for bool, ...) name the method.
  const probe = (d: DType): DType => {
    try {
      return call(emptyOf(d), emptyOf(d)).dtype;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      throw new TypeError(`${where}: ${e.message.replace(/^[^:]*: /, "")}`);
    }
  };
  const check = (d: DType): DType => {
    if (probe(d) !== d) throw noLoop(meta, where);
    return d;
  };
  let L: DType;
  if (dtype !== undefined) L = check(checkDType(dtype, where));
  else if (LOGICAL.has(meta.name)) L = "bool";
  else if (meta.reduceOp === "sum" || meta.reduceOp === "prod") L = widenedDType(from);
  else {
    const r = probe(from);
    if (r !== from && !canCast(from, r)) throw noLoop(meta, where);
    L = r === from ? r : check(r);
  }
  known.set(key, L);
  return L;
}

const RESOLVED = new WeakMap<UfuncCore, Map<string, DType>>();

/** The axis of accumulate/reduceat: a number or a one-element list (default 0). */
export function singleAxis(
  axis: number | readonly number[] | null | undefined,
  ndim: number,
  method: string,
  where: string,
): number {
  if (axis === undefined) axis = 0;
  if (Array.isArray(axis)) {
    if (axis.length !== 1) throw new RangeError(`${where}: ${method} does not allow multiple axes`);
    axis = axis[0];
  }
  if (axis === null) throw new RangeError(`${where}: ${method} does not allow multiple axes`);
  return normalizeAxis(axis as number, ndim, where);
}

const INT_BOUNDS: Partial<Record<DType, [bigint, bigint]>> = {
  int8: [-128n, 127n],
  uint8: [0n, 255n],
  int16: [-32768n, 32767n],
  uint16: [0n, 65535n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

/** Checks a JS scalar option (`initial`): its type, and that an integer fits an integer dtype. */
export function checkScalar(
  v: unknown,
  d: DType | undefined,
  what: string,
  where: string,
): ScalarLike {
  const ok = typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" ||
    (typeof v === "object" && v !== null && typeof (v as Complex).re === "number" &&
      typeof (v as Complex).im === "number");
  if (!ok) {
    throw new TypeError(
      `${where}: ${what} must be a number, bigint, boolean or { re, im }, got ${String(v)}`,
    );
  }
  const bounds = d === undefined ? undefined : INT_BOUNDS[d];
  if (bounds && (typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v)))) {
    const b = BigInt(v);
    if (b < bounds[0] || b > bounds[1]) {
      throw new RangeError(`${where}: ${what} ${v} is out of bounds for ${d}`);
    }
  }
  return v as ScalarLike;
}

/** A new array of `shape` and dtype `d` filled with `v` (cast as NumPy's unsafe cast). */
export function filled(shape: readonly number[], d: DType, v: ScalarLike): NDArray {
  let n = 1;
  for (const s of shape) n *= s;
  const out = new NDArray(d, allocate(d, n), shape);
  const one = allocate(d, 1);
  writeScalar(one, d, 0, v);
  if (n > 0) copyInto(out, new NDArray(d, one, []));
  return out;
}

/** Checks an `out` array: an NDArray, writeable, of exactly `shape`. */
export function checkOut(out: unknown, shape: readonly number[], where: string): NDArray {
  if (!(out instanceof NDArray)) throw new TypeError(`${where}: out must be an NDArray`);
  assertLive(out, where);
  if (!out.flags.writeable) throw new TypeError(`${where}: output array is read-only`);
  if (!shapesEqual(out.shape, shape)) {
    throw new TypeError(
      `${where}: output shape ${fmtShape(out.shape)} does not match the result shape ${
        fmtShape(shape)
      }`,
    );
  }
  return out;
}

/** Writes `result` into `out` (cast unsafely, as NumPy's reduce-like methods do) when given. */
export function deliver(result: NDArray, out: NDArray | undefined): NDArray {
  if (out === undefined) return result;
  copyInto(out, result);
  return out;
}
