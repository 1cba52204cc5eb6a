/**
 * The ufunc protocol: turns any elementwise function with NumPy broadcasting into a full
 * {@linkcode Ufunc} with `reduce`, `accumulate`, `reduceat`, `outer`, `at` and NumPy's
 * metadata (`name`, `nin`, `nout`, `identity`, `types`).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { DType } from "../core/dtype.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { RedOp } from "../ops/reduce/_engine.ts";
import type {
  Ufunc,
  UfuncAccumulateOpts,
  UfuncAtIndices,
  UfuncOpts,
  UfuncReduceOpts,
} from "../ops/ufunc.ts";
import type { UfuncCore } from "./_common.ts";
import { ufuncReduce } from "./reduce.ts";
import { ufuncAccumulate } from "./accumulate.ts";
import { ufuncReduceat } from "./reduceat.ts";
import { ufuncOuter } from "./outer.ts";
import { ufuncAt } from "./at.ts";

/** The metadata {@linkcode withProtocol} attaches to an elementwise function. */
export interface UfuncMeta {
  /** NumPy's name (`"add"`), used in messages. */
  name: string;
  /** Number of array inputs. */
  nin: number;
  /** Number of outputs. */
  nout: number;
  /** The identity element for reductions (used for empty reductions), or null. */
  identity: number | bigint | boolean | null;
  /**
   * Loop signatures in NumPy's notation (`"dd->d"`). With none, or object loops (`"OO->O"`,
   * as `frompyfunc`'s), the methods do not resolve a loop dtype: inputs reach `call` as they
   * are, each result decides its dtype, and the identity is used only for empty reductions
   * (NumPy's object-dtype rules).
   */
  types?: readonly string[];
  /**
   * The reduction engine operation that implements `reduce` exactly as NumPy's built-in
   * (`"sum"` for add: pairwise summation); generic reduction when omitted.
   */
  reduceOp?: RedOp;
  /**
   * Whether reductions may reorder the operands (several axes at once). Defaults to
   * `identity !== null` as NumPy's (maximum and minimum set it without an identity).
   */
  reorderable?: boolean;
  /**
   * Whether `call` accepts `{ out, where }` (the built-ins do): the methods then update their
   * accumulators in place. Default false: they call it without options and copy results.
   */
  acceptsOut?: boolean;
  /**
   * The element code of the ufunc's `(d, d) -> d` loop for a dtype (null where there is none),
   * in the notation of the generated kernels (`Body` of `makeUfunc`). With it, reductions,
   * accumulations and reduceat run one generated loop along the axis instead of one call per
   * position; the results are the same.
   */
  loopBody?: LoopBody;
}

/** Element code of a loop: statements computing `r[0]` from `x[0]`, `x[1]` (see `UfuncMeta`). */
export type LoopBody = (
  dtype: DType,
) => ((x: readonly string[], r: readonly string[]) => string) | null;

/**
 * An elementwise function with NumPy broadcasting; it may accept a trailing options object
 * `{ out, where, dtype }` (then set `UfuncMeta.acceptsOut`).
 */
export type UfuncCall = (...args: (ArrayLike | UfuncOpts)[]) => NDArray;

/**
 * Attaches NumPy's ufunc methods and metadata to `call` and returns it as a {@linkcode Ufunc}
 * (the same function object). The methods work through `call`: one call per position along a
 * reduced or accumulated axis, vectorized over the other axes (or one generated loop along the
 * axis when `meta.loopBody` gives the element code), except `reduce` of ufuncs with a
 * `reduceOp`, which runs the reduction engine behind `nd.sum`, `nd.max`, ... bit for bit.
 * Loop dtypes follow NumPy's rules for reduction-like methods (see `reduce`); the methods of a
 * ufunc with `nin !== 2` or `nout !== 1` throw NumPy's errors (`at` accepts unary ufuncs).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * import { withProtocol } from "./protocol.ts";
 * const sub = withProtocol((...args) => nd.subtract(...args), {
 *   name: "my_subtract",
 *   nin: 2,
 *   nout: 1,
 *   identity: null,
 * });
 * assert.equal(sub.name, "my_subtract");
 * assert.equal(sub(5, 3).item(), 2n);
 * ```
 */
export function withProtocol(call: UfuncCall, meta: UfuncMeta): Ufunc {
  const m: UfuncMeta = { ...meta, types: Object.freeze([...(meta.types ?? [])]) };
  const core: UfuncCore = { call, meta: m };
  const methods = {
    reduce: (a: ArrayLike, opts?: UfuncReduceOpts): NDArray => ufuncReduce(core, a, opts),
    accumulate: (a: ArrayLike, opts?: UfuncAccumulateOpts): NDArray =>
      ufuncAccumulate(core, a, opts),
    reduceat: (a: ArrayLike, indices: ArrayLike, opts?: UfuncAccumulateOpts): NDArray =>
      ufuncReduceat(core, a, indices, opts),
    outer: (a: ArrayLike, b: ArrayLike, opts?: UfuncOpts): NDArray => ufuncOuter(core, a, b, opts),
    at: (a: NDArray, indices: UfuncAtIndices, b?: ArrayLike): void => ufuncAt(core, a, indices, b),
  };
  const value = (v: unknown) => ({ value: v, configurable: true });
  Object.defineProperties(call, {
    name: value(m.name),
    ufuncName: value(m.name),
    nin: value(m.nin),
    nout: value(m.nout),
    identity: value(m.identity),
    types: value(m.types),
    reduce: value(methods.reduce),
    accumulate: value(methods.accumulate),
    reduceat: value(methods.reduceat),
    outer: value(methods.outer),
    at: value(methods.at),
  });
  return call as unknown as Ufunc;
}
