/**
 * `asStrided`: NumPy's `np.lib.stride_tricks.as_strided` with strides counted in elements and
 * every reachable element checked against the buffer.
 *
 * @module
 */

import type { DType } from "./dtype.ts";
import { DTYPES } from "./dtype.ts";
import type { NDArray } from "./ndarray.ts";
import { checkShape, fmtShape, shapeSize } from "./shape.ts";
import { view } from "./views.ts";
import { toArray } from "./asarray.ts";
import type { ArrayLike } from "./_array_like.ts";

/** Options of {@link asStrided}. */
export interface AsStridedOpts {
  /** The view's shape (default: the array's). */
  shape?: readonly number[];
  /** Steps between neighbours along each axis, in elements (default: the array's). */
  strides?: readonly number[];
  /**
   * Whether the view may be written (default true, as in NumPy; never for a read-only array).
   * Overlapping windows written through such a view alias each other.
   */
  writeable?: boolean;
}

/**
 * A view of `a`'s buffer with any shape and strides (in elements), starting at `a`'s first
 * element. Unlike NumPy, nd checks every element the view can reach: a shape and strides
 * that would leave the buffer throw a `RangeError` instead of reading out of bounds. Returns
 * a view (no copy).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = nd.arange(6);
 * // Overlapping rows of 3, one element apart: [[0,1,2],[1,2,3],[2,3,4],[3,4,5]].
 * const rows = nd.asStrided(x, { shape: [4, 3], strides: [1, 1], writeable: false });
 * assert.deepEqual(rows.toArray()[3], [3n, 4n, 5n]);
 * assert.throws(() => nd.asStrided(x, { shape: [4, 3], strides: [2, 1] }), RangeError);
 * ```
 */
export function asStrided<D extends DType>(
  a: NDArray<D> | ArrayLike,
  opts: AsStridedOpts = {},
): NDArray<D> {
  const arr = toArray(a as ArrayLike, "asStrided") as NDArray<D>;
  const shape = opts.shape === undefined ? arr.shape.slice() : checkShape(opts.shape, "asStrided");
  const strides = opts.strides === undefined ? arr.strides.slice() : opts.strides;
  if (!Array.isArray(strides)) {
    throw new TypeError(`asStrided: strides must be an array of integers, got ${String(strides)}`);
  }
  if (strides.some((s) => typeof s !== "number" || !Number.isSafeInteger(s))) {
    throw new TypeError(`asStrided: strides must be integers (in elements), got [${strides}]`);
  }
  if (strides.length !== shape.length) {
    throw new TypeError(
      `asStrided: strides [${strides}] do not match shape ${fmtShape(shape)}: ` +
        `${strides.length} and ${shape.length} entries`,
    );
  }
  const writeable = opts.writeable ?? true;
  if (typeof writeable !== "boolean") {
    throw new TypeError(`asStrided: writeable must be a boolean, got ${typeof writeable}`);
  }
  if (shapeSize(shape) > 0) {
    let lo = arr.offset, hi = arr.offset;
    for (let i = 0; i < shape.length; i++) {
      const span = (shape[i] - 1) * strides[i];
      if (span < 0) lo += span;
      else hi += span;
    }
    const len = arr.data.length / DTYPES[arr.dtype].lanes;
    if (lo < 0 || hi >= len) {
      throw new RangeError(
        `asStrided: shape ${fmtShape(shape)} and strides [${strides}] from element ` +
          `${arr.offset} reach elements ${lo}..${hi} of a buffer of ${len} elements`,
      );
    }
  }
  return view(arr, shape, strides, arr.offset, writeable && arr.flags.writeable);
}
