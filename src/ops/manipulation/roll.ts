/**
 * Rolling elements around one or more axes: {@linkcode roll}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { normalizeAxis } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { reshape } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { copyBlock } from "./_kernels.ts";
import { checkInt, empty, sliceAxis } from "./_util.ts";

/** Options of {@linkcode roll}. */
export interface RollOpts {
  /** Axis or axes to roll along (shifts pair up with them); the flattened array when omitted. */
  axis?: number | readonly number[] | null;
}

function list(x: number | readonly number[], what: string): number[] {
  if (typeof x === "number") return [checkInt(x, what, "roll")];
  if (!Array.isArray(x)) {
    throw new TypeError(`roll: ${what} must be a number or an array of numbers, got ${String(x)}`);
  }
  return x.map((v) => {
    if (Array.isArray(v)) {
      throw new TypeError("roll: shift and axis should be scalars or 1-D sequences");
    }
    return checkInt(v, what, "roll");
  });
}

/** Copies `src` rolled by `offsets[k]` along `axes[k]` (k >= i) into `dst`. */
function rollInto(
  dst: NDArray,
  src: NDArray,
  axes: readonly number[],
  offsets: readonly number[],
  i: number,
): void {
  if (i === axes.length) {
    copyBlock(dst, src);
    return;
  }
  const ax = axes[i], o = offsets[i], n = src.shape[ax];
  rollInto(sliceAxis(dst, ax, o, n), sliceAxis(src, ax, 0, n - o), axes, offsets, i + 1);
  rollInto(sliceAxis(dst, ax, 0, o), sliceAxis(src, ax, n - o, n), axes, offsets, i + 1);
}

/**
 * Rolls elements along axes (`np.roll`): elements shifted past the end come back at the
 * start. `shift` and `axis` may be lists that pair up (one of them may be a single value);
 * shifts on the same axis add up. Without `axis` the flattened array is rolled and the shape
 * restored. Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.roll(nd.arange(5), 2).toArray().join() === "3,4,0,1,2");
 * const a = nd.arange(6).reshape([2, 3]);
 * console.assert(nd.roll(a, 1).toArray().flat().join() === "5,0,1,2,3,4");
 * console.assert(nd.roll(a, -1, { axis: 1 }).toArray().flat().join() === "1,2,0,4,5,3");
 * console.assert(nd.roll(a, [1, 1], { axis: [0, 1] }).toArray().flat().join() === "5,3,4,2,0,1");
 * ```
 */
export function roll<D extends DType>(
  a: NDArray<D> | ArrayLike,
  shift: number | readonly number[],
  opts: RollOpts = {},
): NDArray<D> {
  const arr = toArray(a as ArrayLike, "roll") as NDArray<D>;
  const shifts = list(shift, "shift");
  if (opts.axis === undefined || opts.axis === null) {
    const flat = reshape(arr, [-1]);
    const n = flat.size;
    const total = shifts.reduce((s, v) => s + v, 0);
    const o = n === 0 ? 0 : ((total % n) + n) % n;
    const res = empty(arr.dtype, [n]);
    rollInto(res, flat, o === 0 ? [] : [0], [o], 0);
    return new NDArray(arr.dtype, res.data, arr.shape);
  }
  const axes = list(opts.axis, "axis").map((x) => normalizeAxis(x, arr.ndim, "roll"));
  if (shifts.length !== axes.length && shifts.length !== 1 && axes.length !== 1) {
    throw new TypeError(
      `roll: shift [${shifts}] and axis [${axes}] cannot be paired: their lengths ${shifts.length} and ${axes.length} differ`,
    );
  }
  const total = new Array<number>(arr.ndim).fill(0);
  const len = shifts.length === 1 ? axes.length : shifts.length;
  for (let k = 0; k < len; k++) {
    total[axes[axes.length === 1 ? 0 : k]] += shifts[shifts.length === 1 ? 0 : k];
  }
  const rolled: number[] = [], offsets: number[] = [];
  total.forEach((s, ax) => {
    const n = arr.shape[ax];
    const o = n === 0 ? 0 : ((s % n) + n) % n;
    if (o !== 0) {
      rolled.push(ax);
      offsets.push(o);
    }
  });
  const res = empty(arr.dtype, arr.shape);
  rollInto(res, arr, rolled, offsets, 0);
  return res;
}
