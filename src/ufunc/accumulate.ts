/**
 * `ufunc.accumulate`: NumPy's running reduction along one axis (`add.accumulate` is a
 * cumulative sum). The result has the input's shape; element `i` along the axis is
 * `ufunc(result[i - 1], a[i])`, the first element is copied (no identity is used).
 *
 * @module
 */

import { allocate, DTYPES } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { copy, copyInto } from "../core/copy.ts";
import { moveaxis, view } from "../core/views.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { UfuncAccumulateOpts } from "../ops/ufunc.ts";
import { resultType } from "../core/promotion.ts";
import { forEachIndex, scanFor } from "./_fold.ts";
import {
  apply,
  checkBinary,
  checkOptions,
  checkOut,
  deliver,
  reduceLoopDType,
  singleAxis,
  type UfuncCore,
} from "./_common.ts";

/**
 * The running reduction of `x` along `axis` (default 0), as NumPy's `ufunc.accumulate` with
 * `dtype` and `out`. Add and multiply widen bool and small integers to int64/uint64, as NumPy.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(nd.add.accumulate([1, 2, 3]).toArray(), [1n, 3n, 6n]);
 * assert.deepEqual(nd.maximum.accumulate([1, 3, 2, 5]).toArray(), [1n, 3n, 3n, 5n]);
 * assert.deepEqual(nd.subtract.accumulate([[1, 2], [3, 4]], { axis: 1 }).toArray(), [
 *   [1n, -1n],
 *   [3n, -1n],
 * ]);
 * ```
 */
export function ufuncAccumulate(
  core: UfuncCore,
  x: ArrayLike,
  opts?: UfuncAccumulateOpts,
): NDArray {
  const meta = core.meta;
  const where = `${meta.name}.accumulate`;
  checkBinary(meta, "accumulate", where);
  const o = checkOptions(opts, where) as UfuncAccumulateOpts;
  const a0 = toArray(x, where);
  if (a0.ndim === 0) throw new TypeError(`${where}: cannot accumulate on a scalar`);
  const axis = singleAxis(o.axis, a0.ndim, "accumulate", where);
  const L = reduceLoopDType(core, a0.dtype, o.dtype, where);
  const out = o.out === undefined ? undefined : checkOut(o.out, a0.shape, where);
  const a = moveaxis(L === undefined || a0.dtype === L ? a0 : copy(a0, L), axis, -1);
  const n = a.shape[a.ndim - 1];
  const lead = a.shape.slice(0, -1);
  const at = (arr: NDArray, i: number): NDArray =>
    view(arr, lead, arr.strides.slice(0, -1), arr.offset + i * arr.strides[arr.ndim - 1]);
  if (L !== undefined) {
    const res0 = new NDArray(L, allocate(L, a0.size), a0.shape);
    const res = moveaxis(res0, axis, -1);
    const scan = scanFor(meta, L);
    if (a0.size > 0 && scan && n > 1) {
      // One generated loop per line (NumPy's order: element i is f(result[i - 1], a[i])).
      const la = DTYPES[L].lanes, last = a.ndim - 1;
      forEachIndex(
        lead,
        [a.strides.slice(0, -1), res.strides.slice(0, -1)],
        [a.offset, res.offset],
        ([pa, pr]) =>
          scan(a.data, pa * la, a.strides[last] * la, res.data, pr * la, res.strides[last] * la, n),
      );
    } else if (a0.size > 0) {
      copyInto(at(res, 0), at(a, 0));
      for (let i = 1; i < n; i++) {
        if (meta.acceptsOut) core.call(at(res, i - 1), at(a, i), { out: at(res, i) });
        else copyInto(at(res, i), apply(core, at(res, i - 1), at(a, i), where));
      }
    }
    return deliver(res0, out);
  }
  // Without typed loops the results decide the dtype: collect the running values first.
  const parts: NDArray[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(i === 0 ? copy(at(a, 0)) : apply(core, parts[i - 1], at(a, i), where));
  }
  const d = parts.length ? resultType(...parts.map((p) => p.dtype)) : a.dtype;
  const res0 = new NDArray(d, allocate(d, a0.size), a0.shape);
  const res = moveaxis(res0, axis, -1);
  if (a0.size > 0) parts.forEach((p, i) => copyInto(at(res, i), p));
  return deliver(res0, out);
}
