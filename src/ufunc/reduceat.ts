/**
 * `ufunc.reduceat`: NumPy's reductions over slices of one axis. For each `i`, the result holds
 * the reduction of `a[indices[i]:indices[i + 1]]` along the axis (up to the end for the last
 * index), or `a[indices[i]]` itself where `indices[i] >= indices[i + 1]`.
 *
 * @module
 */

import { allocate, DTYPES } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import { fmtShape, shapeSize } from "../core/shape.ts";
import { resultType } from "../core/promotion.ts";
import { foldFor, forEachIndex } from "./_fold.ts";
import { toArray } from "../core/asarray.ts";
import { copy, copyInto } from "../core/copy.ts";
import { moveaxis, view } from "../core/views.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { reduceAxes } from "../ops/reduce/_engine.ts";
import type { UfuncAccumulateOpts } from "../ops/ufunc.ts";
import {
  checkBinary,
  checkOptions,
  checkOut,
  deliver,
  halfRuns,
  reduceLoopDType,
  singleAxis,
  step,
  type UfuncCore,
} from "./_common.ts";

/** The segment starts as JS integers (floats truncate, as NumPy's cast to intp). */
function segmentStarts(indices: ArrayLike, n: number, name: string, where: string): number[] {
  const ix = toArray(indices, where);
  if (ix.ndim !== 1) {
    throw new TypeError(`${where}: indices must be 1-D, got shape ${fmtShape(ix.shape)}`);
  }
  const k = DTYPES[ix.dtype].kind;
  if (k === "c" || k === "b") {
    throw new TypeError(`${where}: indices must be integers, got dtype ${ix.dtype}`);
  }
  const flat = ix.toArray() as (number | bigint)[];
  return flat.map((v) => {
    const i = typeof v === "bigint" ? Number(v) : Math.trunc(v);
    if (!(i >= 0 && i < n)) {
      throw new RangeError(`${where}: index ${v} out-of-bounds in ${name}.reduceat [0, ${n})`);
    }
    return i;
  });
}

/**
 * NumPy's `ufunc.reduceat(a, indices, { axis, dtype, out })`: reductions over the slices
 * `indices[i]:indices[i + 1]` along `axis` (default 0). A segment reduces in NumPy's order:
 * its first element, then the ufunc applied to each following one (add sums the rest
 * pairwise, as NumPy's inner loop does).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = nd.arange(8);
 * assert.deepEqual(nd.add.reduceat(x, [0, 4, 1, 5]).toArray(), [6n, 4n, 10n, 18n]);
 * assert.deepEqual(nd.maximum.reduceat([3, 1, 4, 1, 5], [0, 2]).toArray(), [3n, 5n]);
 * ```
 */
export function ufuncReduceat(
  core: UfuncCore,
  x: ArrayLike,
  indices: ArrayLike,
  opts?: UfuncAccumulateOpts,
): NDArray {
  const meta = core.meta;
  const where = `${meta.name}.reduceat`;
  checkBinary(meta, "reduceat", where);
  const o = checkOptions(opts, where) as UfuncAccumulateOpts;
  const a0 = toArray(x, where);
  if (a0.ndim === 0) throw new TypeError(`${where}: cannot reduceat on a scalar`);
  const axis = singleAxis(o.axis, a0.ndim, "reduceat", where);
  const n = a0.shape[axis];
  const starts = segmentStarts(indices, n, meta.name, where);
  const L = reduceLoopDType(core, a0.dtype, o.dtype, where);
  const typed = L !== undefined;
  const shape = a0.shape.slice();
  shape[axis] = starts.length;
  const out = o.out === undefined ? undefined : checkOut(o.out, shape, where);
  // NumPy's float16 arithmetic loops accumulate each segment in float32 (reduceat runs them
  // as reductions) and round once at its end.
  const W = halfRuns(meta, L) ? "float32" : L;
  let a = moveaxis(W === undefined || a0.dtype === W ? a0 : copy(a0, W), axis, -1);
  const lead = a.shape.slice(0, -1);
  const at = (arr: NDArray, i: number): NDArray =>
    view(arr, lead, arr.strides.slice(0, -1), arr.offset + i * arr.strides[arr.ndim - 1]);
  const range = (arr: NDArray, i: number, j: number): NDArray =>
    view(arr, [...lead, j - i], arr.strides, arr.offset + i * arr.strides[arr.ndim - 1]);
  // NumPy's add loop sums the rest of a segment pairwise along the axis: the engine does the
  // same when the axis is the fastest, so work on a copy where it is.
  const pairwise = meta.reduceOp === "sum" && typed && DTYPES[W!].kind !== "b" &&
    starts.some((s, i) => (i + 1 < starts.length ? starts[i + 1] : n) - s > 2);
  if (pairwise && a.ndim > 1 && Math.abs(a.strides[a.ndim - 1]) !== 1) a = copy(a);
  const fold = typed ? foldFor(meta, W!, false) : null;
  const parts = starts.map((s, i) => {
    const e = i + 1 < starts.length ? starts[i + 1] : n;
    let acc = copy(at(a, s));
    if (e - s < 2) return acc;
    if (pairwise) {
      const rest = reduceAxes(range(a, s + 1, e), [a.ndim - 1], "sum", W!, W!, false, where);
      return step(core, acc, rest, undefined, true, where);
    }
    if (fold) {
      const la = DTYPES[W!].lanes, last = a.ndim - 1;
      forEachIndex(
        lead,
        [a.strides.slice(0, -1), acc.strides],
        [a.offset + (s + 1) * a.strides[last], acc.offset],
        ([pa, pc]) => fold(a.data, pa * la, e - s - 1, a.strides[last] * la, acc.data, pc * la),
      );
      return acc;
    }
    for (let j = s + 1; j < e; j++) acc = step(core, acc, at(a, j), undefined, typed, where);
    return acc;
  });
  const d = L ?? (parts.length ? resultType(...parts.map((p) => p.dtype)) : a.dtype);
  const res0 = new NDArray(d, allocate(d, shapeSize(shape)), shape);
  const res = moveaxis(res0, axis, -1);
  if (res0.size > 0) parts.forEach((p, i) => copyInto(at(res, i), p));
  return deliver(res0, out);
}
