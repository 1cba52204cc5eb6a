/**
 * Reversing the order of elements: {@linkcode flip}, {@linkcode fliplr}, {@linkcode flipud}.
 * All return views.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { normalizeAxes } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { view } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";

/** Options of {@linkcode flip}. */
export interface FlipOpts {
  /** The axis or axes to reverse; all of them when omitted or null. */
  axis?: number | readonly number[] | null;
}

function flipAxes<D extends DType>(a: NDArray<D>, axes: readonly number[]): NDArray<D> {
  const strides = a.strides.slice();
  let offset = a.offset;
  const empty = a.size === 0;
  for (const ax of axes) {
    if (!empty) offset += (a.shape[ax] - 1) * a.strides[ax];
    strides[ax] = -strides[ax];
  }
  return view(a, a.shape, strides, offset);
}

/**
 * Reverses the order of elements along the given axes (all by default), as `np.flip`.
 * Returns a view (negative strides), never a copy.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.arange(6).reshape([2, 3]);
 * const f = nd.flip(a, { axis: 1 });
 * console.assert(f.toArray().flat().join() === "2,1,0,5,4,3" && f.base === a.base);
 * console.assert(nd.flip(a).toArray().flat().join() === "5,4,3,2,1,0");
 * ```
 */
export function flip<D extends DType>(a: NDArray<D> | ArrayLike, opts: FlipOpts = {}): NDArray<D> {
  const arr = toArray(a as ArrayLike, "flip") as NDArray<D>;
  return flipAxes(arr, normalizeAxes(opts.axis, arr.ndim, "flip"));
}

/**
 * Reverses the columns (axis 1) of an array of at least 2 dimensions, as `np.fliplr`. A view.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.fliplr([[1, 2], [3, 4]]).toArray().flat().join() === "2,1,4,3");
 * ```
 */
export function fliplr<D extends DType>(a: NDArray<D> | ArrayLike): NDArray<D> {
  const arr = toArray(a as ArrayLike, "fliplr") as NDArray<D>;
  if (arr.ndim < 2) {
    throw new RangeError(`fliplr: the array must be at least 2-d, got ${arr.ndim}-d`);
  }
  return flipAxes(arr, [1]);
}

/**
 * Reverses the rows (axis 0) of an array of at least 1 dimension, as `np.flipud`. A view.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.flipud([[1, 2], [3, 4]]).toArray().flat().join() === "3,4,1,2");
 * ```
 */
export function flipud<D extends DType>(a: NDArray<D> | ArrayLike): NDArray<D> {
  const arr = toArray(a as ArrayLike, "flipud") as NDArray<D>;
  if (arr.ndim < 1) throw new RangeError(`flipud: the array must be at least 1-d, got 0-d`);
  return flipAxes(arr, [0]);
}
