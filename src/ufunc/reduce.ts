/**
 * `ufunc.reduce`: NumPy's reduction of an array along axes by applying a binary ufunc.
 *
 * Built-in ufuncs with a reduction-engine operation (add, multiply, maximum, minimum, fmax,
 * fmin, logical_and, logical_or) run the engine behind `nd.sum`, `nd.prod`, `nd.max`, ... so
 * that `nd.add.reduce(x, { axis: null })` equals `nd.sum(x)` bit for bit (NumPy's pairwise
 * summation). Every other binary ufunc reduces in NumPy's order: sequentially along the axis,
 * starting from `initial`, else the identity, else the first element, with one ufunc call per
 * position along the axis (vectorized over the other axes).
 *
 * @module
 */

import type { DType } from "../core/dtype.ts";
import { DTYPES } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import { broadcastShapes, fmtShape, normalizeAxes, shapesEqual } from "../core/shape.ts";
import { toArray } from "../core/asarray.ts";
import { copy, copyInto } from "../core/copy.ts";
import { broadcastTo, reshape, transpose, view } from "../core/views.ts";
import type { ScalarLike } from "../core/_scalar.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { reduceAxes } from "../ops/reduce/_engine.ts";
import type { UfuncReduceOpts } from "../ops/ufunc.ts";
import { foldFor, forEachIndex } from "./_fold.ts";
import {
  checkBinary,
  checkOptions,
  checkOut,
  checkScalar,
  deliver,
  fillDType,
  filled,
  halfRuns,
  reduceLoopDType,
  reducesInnermost,
  step,
  type UfuncCore,
} from "./_common.ts";

/** The value masked-out elements take before an engine reduction (null: the `initial`). */
const MASK_FILL = {
  sum: 0,
  prod: 1,
  any: false,
  all: true,
  max: null,
  min: null,
  fmax: null,
  fmin: null,
};

/**
 * Reduces `x` with a binary ufunc along `axis` (default 0; null for all axes), as NumPy's
 * `ufunc.reduce` with `keepdims`, `initial`, `where`, `dtype` and `out`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(nd.subtract.reduce([10, 1, 2]).item(), 7n);
 * assert.deepEqual(nd.maximum.reduce([[1, 5], [7, 2]], { axis: 1 }).toArray(), [5n, 7n]);
 * assert.equal(nd.add.reduce([1, 2, 3], { initial: 10 }).item(), 16n);
 * assert.throws(() => nd.maximum.reduce([]), RangeError);
 * ```
 */
export function ufuncReduce(core: UfuncCore, x: ArrayLike, opts?: UfuncReduceOpts): NDArray {
  const meta = core.meta;
  const where = `${meta.name}.reduce`;
  checkBinary(meta, "reduce", where);
  const o = checkOptions(opts, where) as UfuncReduceOpts;
  const a = toArray(x, where);
  const axes = o.axis === undefined
    ? (a.ndim === 0 ? [] : [0])
    : normalizeAxes(o.axis, a.ndim, where);
  const L = reduceLoopDType(core, a.dtype, o.dtype, where);
  const reorderable = meta.reorderable ?? meta.identity !== null;
  if (axes.length > 1 && !reorderable) {
    throw new RangeError(
      `${where}: reduction operation '${meta.name}' is not reorderable, so at most one axis may be specified`,
    );
  }
  const keptShape = a.shape.filter((_, i) => !axes.includes(i));
  const finalShape = o.keepdims ? a.shape.map((s, i) => (axes.includes(i) ? 1 : s)) : keptShape;
  let out: NDArray | undefined;
  if (o.out !== undefined) {
    if (o.out instanceof NDArray && o.out.ndim !== finalShape.length) {
      throw new TypeError(
        `${where}: output parameter for reduction operation ${meta.name} has the wrong number of dimensions: found ${o.out.ndim} but expected ${finalShape.length}`,
      );
    }
    out = checkOut(o.out, finalShape, where);
  }
  let mask: NDArray | undefined;
  if (o.where !== undefined) {
    mask = toArray(o.where, where, "bool");
    let ok: boolean;
    try {
      ok = shapesEqual(broadcastShapes(a.shape, mask.shape), a.shape);
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new TypeError(
        `${where}: where mask of shape ${
          fmtShape(mask.shape)
        } cannot be broadcast to the input shape ${fmtShape(a.shape)}`,
      );
    }
    mask = broadcastTo(mask, a.shape);
  }
  const hasInitial = o.initial !== undefined && o.initial !== null;
  const start: ScalarLike | undefined = hasInitial
    ? checkScalar(o.initial, L, "initial", where)
    : o.initial === undefined && meta.identity !== null
    ? meta.identity
    : undefined;
  if (mask && start === undefined) {
    throw new RangeError(
      `${where}: reduction operation '${meta.name}' does not have an identity, so to use a where mask one has to specify 'initial'`,
    );
  }
  const nRed = axes.reduce((p, i) => p * a.shape[i], 1);
  const nOut = keptShape.reduce((p, s) => p * s, 1);
  let res: NDArray;
  if (nRed === 0 || nOut === 0) {
    if (nOut > 0 && start === undefined) {
      throw new RangeError(
        `${where}: zero-size array to reduction operation ${meta.name} which has no identity`,
      );
    }
    res = filled(keptShape, fillDType(L, start ?? 0), start ?? 0);
  } else if (meta.reduceOp !== undefined && L !== undefined && axes.length > 0) {
    res = engineReduce(core, a, axes, L, mask, hasInitial ? start : undefined, where);
  } else {
    // As NumPy's object loops, ufuncs without typed loops use the identity only for empty
    // reductions (and masks).
    const from = L === undefined && !hasInitial && !mask ? undefined : start;
    res = sequentialReduce(core, a, axes, L, mask, from, where);
  }
  if (o.keepdims) res = reshape(res, finalShape);
  return deliver(res, out);
}

/** The reduction engine's result, with `where` and `initial` applied in NumPy's order. */
function engineReduce(
  core: UfuncCore,
  a: NDArray,
  axes: readonly number[],
  L: DType,
  mask: NDArray | undefined,
  initial: ScalarLike | undefined,
  where: string,
): NDArray {
  const op = core.meta.reduceOp!;
  const inexact = DTYPES[L].kind === "f" || DTYPES[L].kind === "c";
  // Float products multiply sequentially from `initial` (NumPy's loop); float sums of an
  // axis that is not the fastest stream rows into `initial`: both are the sequential order.
  if (
    initial !== undefined && inexact && axes.length === 1 &&
    (op === "prod" || (op === "sum" && !reducesInnermost(a, axes)))
  ) {
    return sequentialReduce(core, a, axes, L, mask, initial, where);
  }
  let src = a;
  if (mask) {
    // Masked-out elements become the identity (or `initial` for max/min), as NumPy's masked
    // loops leave the accumulator unchanged there.
    src = copy(a, L);
    const fill = MASK_FILL[op] ?? initial!;
    const keep = copy(mask, "bool");
    const k = keep.data;
    for (let i = 0; i < k.length; i++) k[i] ^= 1;
    copyInto(src, filled([], L, fill), keep as NDArray<"bool">);
  }
  const outType: DType = op === "any" || op === "all" ? "bool" : L;
  if (initial === undefined) return reduceAxes(src, axes, op, L, outType, false, where);
  // The accumulator starts at `initial`: initial op (reduction of the rest). NumPy's float16
  // sums keep the run's float32 total and round once after adding it to `initial`.
  if (op === "sum" && halfRuns(core.meta, L)) {
    const res32 = reduceAxes(src, axes, op, "float32", "float32", false, where);
    const init = copy(filled(res32.shape, L, initial), "float32");
    return copy(step(core, init, res32, undefined, true, where), L);
  }
  const res = reduceAxes(src, axes, op, L, outType, false, where);
  return step(core, filled(res.shape, L, initial), res, undefined, true, where);
}

/**
 * NumPy's sequential reduction: the accumulator starts at `start` (or the first slice) and
 * takes `acc = ufunc(acc, a[..., i])` for each position along the reduced axes, in memory
 * order, vectorized over the kept axes.
 */
function sequentialReduce(
  core: UfuncCore,
  a: NDArray,
  axes: readonly number[],
  L: DType | undefined,
  mask: NDArray | undefined,
  start: ScalarLike | undefined,
  where: string,
): NDArray {
  const kept = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const keptShape = kept.map((i) => a.shape[i]);
  // Reduced axes in memory order (outermost first), flattened into one last axis.
  const red = axes.slice().sort((x, y) => Math.abs(a.strides[y]) - Math.abs(a.strides[x]) || x - y);
  const nRed = red.reduce((p, i) => p * a.shape[i], 1);
  const lay = (arr: NDArray): NDArray => {
    const t = transpose(arr, { axes: [...kept, ...red] });
    return reshape(t, [...keptShape, nRed]);
  };
  // NumPy's float16 arithmetic loops accumulate a run along the innermost axis in float32.
  const W = halfRuns(core.meta, L) && !mask && reducesInnermost(a, axes) ? "float32" : L;
  let t = lay(a);
  if (W !== undefined && t.dtype !== W) t = copy(t, W);
  const typed = L !== undefined;
  const m = mask ? lay(mask) : undefined;
  const last = keptShape.length;
  const at = (arr: NDArray, i: number): NDArray =>
    view(arr, keptShape, arr.strides.slice(0, last), arr.offset + i * arr.strides[last]);
  let acc: NDArray, i0: number;
  if (start !== undefined) {
    acc = filled(keptShape, fillDType(L, start), start);
    if (W !== L) acc = copy(acc, W!);
    i0 = 0;
  } else {
    acc = copy(at(t, 0));
    i0 = 1;
  }
  // One generated loop per output element when the runs are long or few (NumPy's inner
  // reduction loop); else one ufunc call per position, streaming rows (NumPy's outer loop).
  const fold = typed && (reducesInnermost(a, axes) || acc.size <= 8)
    ? foldFor(core.meta, W!, m !== undefined)
    : null;
  if (fold && nRed > i0) {
    const lt = DTYPES[W!].lanes, lo = lt;
    const sl = t.strides[last] * lt;
    forEachIndex(
      keptShape,
      [t.strides.slice(0, last), acc.strides, m ? m.strides.slice(0, last) : []],
      [t.offset + i0 * t.strides[last], acc.offset, m ? m.offset + i0 * m.strides[last] : 0],
      ([pt, pa, pm]) => {
        if (m) {
          fold(
            t.data,
            pt * lt,
            nRed - i0,
            sl,
            acc.data,
            pa * lo,
            m.data as Uint8Array,
            pm,
            m.strides[last],
          );
        } else fold(t.data, pt * lt, nRed - i0, sl, acc.data, pa * lo);
      },
    );
  } else {
    for (let i = i0; i < nRed; i++) acc = step(core, acc, at(t, i), m && at(m, i), typed, where);
  }
  return W !== L ? copy(acc, L!) : acc;
}
