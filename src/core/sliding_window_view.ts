/**
 * `slidingWindowView`: NumPy's `np.lib.stride_tricks.sliding_window_view`.
 *
 * @module
 */

import type { DType } from "./dtype.ts";
import type { NDArray } from "./ndarray.ts";
import { fmtShape, normalizeAxis } from "./shape.ts";
import { view } from "./views.ts";
import { toArray } from "./asarray.ts";
import type { ArrayLike } from "./_array_like.ts";

/** Options of {@link slidingWindowView}. */
export interface SlidingWindowOpts {
  /**
   * The axes the windows slide along, one per entry of the window shape (repeats allowed:
   * windows of windows). Default: every axis, in order.
   */
  axis?: number | readonly number[];
  /** Whether the view may be written (default false: windows overlap). */
  writeable?: boolean;
}

/**
 * Every window of `windowShape` that fits in `x`, as a view: for each windowed axis the
 * result has `n - w + 1` positions, and the window's own axes are appended at the end (a
 * 1-D `x` of n values with window w gives shape `[n - w + 1, w]`). No data is copied, and
 * reductions over the window axes read the buffer in place (`nd.mean(v, { axis: -1 })` is a
 * moving average in O(n·w) time and O(n) memory). Read-only unless `writeable: true`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = nd.arange(6).astype("float64");
 * const w = nd.slidingWindowView(x, 3);
 * assert.deepEqual(w.shape, [4, 3]);
 * assert.deepEqual(nd.mean(w, { axis: -1 }).toArray(), [1, 2, 3, 4]);
 * const m = nd.slidingWindowView(nd.arange(12).reshape([3, 4]), [2, 2]);
 * assert.deepEqual(m.shape, [2, 3, 2, 2]);
 * ```
 */
export function slidingWindowView<D extends DType>(
  x: NDArray<D> | ArrayLike,
  windowShape: number | readonly number[],
  opts: SlidingWindowOpts = {},
): NDArray<D> {
  const arr = toArray(x as ArrayLike, "slidingWindowView") as NDArray<D>;
  const win = typeof windowShape === "number" ? [windowShape] : windowShape;
  if (!Array.isArray(win) || win.some((w) => typeof w !== "number" || !Number.isInteger(w))) {
    throw new TypeError(
      `slidingWindowView: windowShape must be an integer or an array of integers, got ${
        String(windowShape)
      }`,
    );
  }
  if (win.some((w) => w < 0)) {
    throw new RangeError(`slidingWindowView: windowShape cannot contain negative values: [${win}]`);
  }
  let axes: number[];
  if (opts.axis === undefined) {
    if (win.length !== arr.ndim) {
      throw new TypeError(
        `slidingWindowView: without axis, windowShape needs one entry per dimension: got ` +
          `${win.length} for an array of dimension ${arr.ndim}`,
      );
    }
    axes = win.map((_, i) => i);
  } else {
    const list = typeof opts.axis === "number" ? [opts.axis] : opts.axis;
    if (!Array.isArray(list)) {
      throw new TypeError(
        `slidingWindowView: axis must be an integer or an array of integers, got ${
          String(opts.axis)
        }`,
      );
    }
    axes = list.map((a) => normalizeAxis(a, arr.ndim, "slidingWindowView"));
    if (axes.length !== win.length) {
      throw new TypeError(
        `slidingWindowView: windowShape and axis must have the same length: got ` +
          `${win.length} and ${axes.length}`,
      );
    }
  }
  const writeable = opts.writeable ?? false;
  if (typeof writeable !== "boolean") {
    throw new TypeError(`slidingWindowView: writeable must be a boolean, got ${typeof writeable}`);
  }
  const shape = arr.shape.slice();
  for (let i = 0; i < axes.length; i++) {
    if (shape[axes[i]] < win[i]) {
      throw new RangeError(
        `slidingWindowView: window shape [${win}] is larger than the array's shape ${
          fmtShape(arr.shape)
        } along axis ${axes[i]}`,
      );
    }
    shape[axes[i]] -= win[i] - 1;
  }
  const strides = [...arr.strides, ...axes.map((a) => arr.strides[a])];
  return view(arr, [...shape, ...win], strides, arr.offset, writeable && arr.flags.writeable);
}
