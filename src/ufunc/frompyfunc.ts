/**
 * `frompyfunc`: NumPy's `np.frompyfunc`, a ufunc that calls a JS function per element.
 *
 * @module
 */

import { DTYPES } from "../core/dtype.ts";
import type { ArrayLike as Values } from "../core/_array_like.ts";
import { NDArray } from "../core/ndarray.ts";
import { shapeSize } from "../core/shape.ts";
import type { Ufunc, UfuncAccumulateOpts, UfuncOpts, UfuncReduceOpts } from "../ops/ufunc.ts";

import { type UfuncCall, withProtocol } from "./protocol.ts";
import { NotAnArrayResult } from "./_common.ts";
import {
  objectAccumulate,
  objectOuter,
  objectReduce,
  type ObjectReduceOpts,
} from "./_object_methods.ts";
import {
  broadcastOf,
  Collector,
  type Elements,
  forEachOffset,
  readerOf,
  toElements,
} from "./_elements.ts";

/** Options of {@link frompyfunc}. */
export interface FrompyfuncOpts {
  /** Number of inputs `fn` takes (required). */
  nin: number;
  /** Number of outputs (default 1); with more, `fn` returns an array of that many values. */
  nout?: number;
  /** The identity for reductions (default null). */
  identity?: number | bigint | boolean | null;
}

/**
 * A ufunc from a function on any JS values, {@link frompyfunc}'s result. Called on arrays or
 * values (broadcast as NumPy does), it returns an NDArray when the results fit one dtype —
 * all numbers → float64, all booleans → bool, all bigints → int64, all `{re, im}` → complex128
 * — and otherwise nested JS arrays of the results (the value itself for 0-d input), where
 * NumPy returns an object array. With `nout > 1` it returns an array of `nout` such results.
 */
export type PyUfunc =
  & ((...args: unknown[]) => NDArray | unknown)
  & Omit<Ufunc, "reduce" | "accumulate" | "outer">
  & {
    /**
     * `reduce`. On values that are not numbers (or with results that are not), NumPy's
     * object-array reduction, whose result is JS values unless they fit a dtype: the
     * numeric overload's type then does not hold, so type such calls through the second one.
     */
    reduce(a: Values, opts?: UfuncReduceOpts): NDArray;
    reduce(a: unknown, opts?: ObjectReduceOpts): unknown;
    /** `accumulate`, with NumPy's object-array accumulation on other values (as `reduce`). */
    accumulate(a: Values, opts?: UfuncAccumulateOpts): NDArray;
    accumulate(a: unknown, opts?: { axis?: number }): unknown;
    /** `outer`, calling the function on every pair of other values (as `reduce`). */
    outer(a: Values, b: Values, opts?: UfuncOpts): NDArray;
    outer(a: unknown, b: unknown): unknown;
  };

type Fast1 = (
  d: ArrayLike<number>,
  o: number,
  n: number,
  out: Float64Array,
  box: unknown[],
) => number;
type Fast2 = (
  d0: ArrayLike<number>,
  o0: number,
  d1: ArrayLike<number>,
  o1: number,
  n: number,
  out: Float64Array,
  box: unknown[],
) => number;

/**
 * Loops of one function over contiguous numbers, made per function so that V8 sees one
 * callee at the call site and can inline it. They stop at the first result that is not a
 * number, put it in `box[0]` and return its index (n when all are numbers).
 */
function fastLoops(fn: (...a: unknown[]) => unknown): { one: Fast1; two: Fast2 } {
  const make = new Function(
    "fn",
    `"use strict";
return {
  one: function (d, o, n, out, box) {
    for (let i = 0; i < n; i++) {
      const r = fn(d[o + i]);
      if (typeof r !== "number") { box[0] = r; return i; }
      out[i] = r;
    }
    return n;
  },
  two: function (d0, o0, d1, o1, n, out, box) {
    for (let i = 0; i < n; i++) {
      const r = fn(d0[o0 + i], d1[o1 + i]);
      if (typeof r !== "number") { box[0] = r; return i; }
      out[i] = r;
    }
    return n;
  },
};`,
  );
  return make(fn);
}

/** A numeric NDArray read as plain numbers, laid out contiguously with this shape. */
function plainNumbers(e: Elements, shape: readonly number[]): NDArray | null {
  if (e.kind !== "nd") return null;
  const a = e.a, info = DTYPES[a.dtype];
  if (info.lanes !== 1 || info.bigint || a.dtype === "bool" || !a.flags.cContiguous) return null;
  if (a.shape.length !== shape.length || a.shape.some((d, i) => d !== shape[i])) return null;
  return a;
}

/**
 * Wraps a function of any JS values as a ufunc (NumPy's `np.frompyfunc`): it is called once
 * per element of the broadcast inputs, which it receives as JS values (numbers, booleans,
 * bigints for 64-bit integers, `{re, im}` for complex, or the items of nested JS arrays of
 * anything). Results become an NDArray when they all fit one dtype (see {@link PyUfunc}),
 * nested JS arrays otherwise. On contiguous numeric inputs the per-element loop is compiled
 * for this function alone, so V8 can inline it. The result is a full ufunc: `reduce`,
 * `accumulate` and `outer` of a binary function work on any values, as on NumPy's object
 * arrays (folding from the first element, or from `initial`; the identity only for empty
 * input); `reduceat`, `at` and the options `out`, `where`, `dtype` need numeric results.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const hyp = nd.frompyfunc((a, b) => Math.hypot(a as number, b as number), { nin: 2 });
 * assert.deepEqual((hyp([3, 5], 4) as nd.NDArray).toArray(), [5, Math.hypot(5, 4)]);
 * const tag = nd.frompyfunc((s, n) => `${s}-${n}`, { nin: 2 });
 * assert.deepEqual(tag(["a", "b"], [[1], [2]]), [["a-1", "b-1"], ["a-2", "b-2"]]);
 * const gcd = nd.frompyfunc((a, b) => {
 *   let x = a as number, y = b as number;
 *   while (y) [x, y] = [y, x % y];
 *   return x;
 * }, { nin: 2, identity: 0 });
 * assert.deepEqual((gcd([12, 18], 27) as nd.NDArray).toArray(), [3, 9]);
 * ```
 */
export function frompyfunc(fn: (...args: never[]) => unknown, opts: FrompyfuncOpts): PyUfunc {
  if (typeof fn !== "function") {
    throw new TypeError(`frompyfunc: fn must be a function, got ${typeof fn}`);
  }
  if (typeof opts !== "object" || opts === null) {
    throw new TypeError("frompyfunc: options with nin are required, e.g. { nin: 1 }");
  }
  const nin = opts.nin, nout = opts.nout ?? 1, identity = opts.identity ?? null;
  for (const [k, v, lo] of [["nin", nin, 0], ["nout", nout, 1]] as const) {
    if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > 32) {
      throw new RangeError(`frompyfunc: ${k} must be an integer from ${lo} to 32, got ${v}`);
    }
  }
  const f = fn as (...a: unknown[]) => unknown;
  const name = fn.name ? `${fn.name} (vectorized)` : "frompyfunc";
  let fast: ReturnType<typeof fastLoops> | null = null;

  const call = (...args: unknown[]): unknown => {
    if (args.length === nin + 1 && isUfuncOpts(args[nin])) {
      throw new TypeError(
        `${name}: out, where and dtype are not supported by frompyfunc ufuncs`,
      );
    }
    if (args.length !== nin) {
      throw new TypeError(`${name}: expected ${nin} input(s), got ${args.length}`);
    }
    const inputs = args.map((a) => toElements(a, name));
    const shape = broadcastOf(inputs);
    const size = shapeSize(shape);
    if (nout === 1 && (nin === 1 || nin === 2) && size > 0) {
      const plain = inputs.map((e) => plainNumbers(e, shape));
      if (plain.every((p) => p !== null)) {
        fast ??= fastLoops(f);
        const out = new Float64Array(size), box: unknown[] = [];
        const [p0, p1] = plain as NDArray[];
        const done = nin === 1
          ? fast.one(p0.data as ArrayLike<number>, p0.offset, size, out, box)
          : fast.two(
            p0.data as ArrayLike<number>,
            p0.offset,
            p1.data as ArrayLike<number>,
            p1.offset,
            size,
            out,
            box,
          );
        if (done === size) return new NDArray("float64", out, shape);
        return generic(inputs, shape, out, done, box[0]);
      }
    }
    return generic(inputs, shape, null, 0);
  };

  /**
   * Element by element. After the fast loop stopped at `start`, the results before it (all
   * numbers) are in `head` and the one at `start` is `first`: `fn` is called once per element.
   */
  const generic = (
    inputs: Elements[],
    shape: number[],
    head: Float64Array | null,
    start: number,
    first?: unknown,
  ): unknown => {
    const size = shapeSize(shape);
    const cols = Array.from({ length: nout }, () => new Collector(size));
    for (let k = 0; k < start; k++) cols[0].put(k, head![k]);
    if (head !== null) cols[0].put(start, first);
    const readers = inputs.map((e) => readerOf(e, shape));
    const offs = new Array<number>(readers.length);
    const vals = new Array<unknown>(nin);
    const from = head === null ? 0 : start + 1;
    forEachOffset(shape, readers, offs, (k) => {
      if (k < from) return;
      for (let i = 0; i < nin; i++) vals[i] = readers[i].read(offs[i]);
      const r = f(...vals);
      if (nout === 1) cols[0].put(k, r);
      else {
        if (!Array.isArray(r) || r.length !== nout) {
          throw new TypeError(
            `${name}: with nout ${nout} the function must return an array of ${nout} values, ` +
              `got ${Array.isArray(r) ? `${r.length} values` : typeof r}`,
          );
        }
        for (let j = 0; j < nout; j++) cols[j].put(k, r[j]);
      }
    });
    return nout === 1 ? cols[0].result(shape) : cols.map((c) => c.result(shape));
  };

  const u = withProtocol(call as UfuncCall, {
    name,
    nin,
    nout,
    identity,
    types: [`${"O".repeat(nin)}->${"O".repeat(nout)}`],
  }) as PyUfunc;
  if (nin === 2 && nout === 1) objectMethods(u, f as (x: unknown, y: unknown) => unknown);
  return u;
}

/**
 * Gives a binary frompyfunc ufunc NumPy's object-array `reduce`, `accumulate` and `outer`
 * (see `_object_methods.ts`) where the numeric methods cannot serve: inputs that are not
 * numbers, booleans, bigints or complex values, or results that are not (e.g. strings). Calls
 * with options only the numeric methods have (`out`, `where`, `dtype`) stay numeric.
 */
function objectMethods(u: PyUfunc, f: (x: unknown, y: unknown) => unknown): void {
  const numeric = { reduce: u.reduce, accumulate: u.accumulate, outer: u.outer };
  const plain = (o: object | undefined, keys: readonly string[]) =>
    o === undefined || Object.keys(o).every((k) => keys.includes(k));
  /** Numeric first; the object path when the input or the results are not numeric. */
  const either = <T>(input: readonly unknown[], ok: boolean, num: () => T, obj: () => unknown) => {
    if (!ok) return num();
    if (input.some((x) => toElements(x, u.name).kind === "any")) return obj() as T;
    try {
      return num();
    } catch (e) {
      if (e instanceof NotAnArrayResult) {
        return obj() as T;
      }
      throw e;
    }
  };
  const value = (v: unknown) => ({ value: v, configurable: true });
  Object.defineProperties(u, {
    reduce: value((a: unknown, o?: ObjectReduceOpts) =>
      either(
        [a],
        plain(o, ["axis", "keepdims", "initial"]),
        () => numeric.reduce(a as NDArray, o as never),
        () => objectReduce(f, `${u.name}.reduce`, u.identity, a, o ?? {}),
      )
    ),
    accumulate: value((a: unknown, o?: { axis?: number }) =>
      either(
        [a],
        plain(o, ["axis"]),
        () => numeric.accumulate(a as NDArray, o as never),
        () => objectAccumulate(f, `${u.name}.accumulate`, a, o ?? {}),
      )
    ),
    outer: value((a: unknown, b: unknown, o?: object) =>
      either(
        [a, b],
        o === undefined,
        () => numeric.outer(a as NDArray, b as NDArray, o as never),
        () => objectOuter(f, `${u.name}.outer`, a, b),
      )
    ),
  });
}

function isUfuncOpts(x: unknown): x is UfuncOpts {
  if (typeof x !== "object" || x === null || Array.isArray(x) || x instanceof NDArray) {
    return false;
  }
  const keys = Object.keys(x);
  return keys.length > 0 && keys.every((k) => k === "out" || k === "where" || k === "dtype");
}
