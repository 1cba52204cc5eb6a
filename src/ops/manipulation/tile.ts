/**
 * Repeating a whole array along each axis: {@linkcode tile}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import { view } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { copyBlock } from "./_kernels.ts";
import { checkInt, empty, sliceAxis } from "./_util.ts";

/**
 * Builds an array by repeating `a` `reps[i]` times along axis `i` (`np.tile`). When `reps`
 * has more entries than `a` has dimensions, `a` gets leading size-1 axes; when it has
 * fewer, `reps` gets leading 1s. Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.tile([1, 2], 3).toArray().join() === "1,2,1,2,1,2");
 * const t = nd.tile([[1, 2], [3, 4]], [2, 1]);
 * console.assert(t.shape.join() === "4,2" && t.toArray().flat().join() === "1,2,3,4,1,2,3,4");
 * console.assert(nd.tile([1, 2], [2, 2]).shape.join() === "2,4");
 * ```
 */
export function tile<D extends DType>(
  a: NDArray<D> | ArrayLike,
  reps: number | readonly number[],
): NDArray<D> {
  const arr = toArray(a as ArrayLike, "tile") as NDArray<D>;
  if (typeof reps !== "number" && !Array.isArray(reps)) {
    throw new TypeError(`tile: reps must be a number or an array of numbers, got ${String(reps)}`);
  }
  const r = (typeof reps === "number" ? [reps] : reps as readonly number[]).map((x) =>
    checkInt(x, "reps entries", "tile")
  );
  for (const x of r) {
    if (x < 0) throw new RangeError(`tile: negative dimensions are not allowed, got reps [${r}]`);
  }
  const nd = Math.max(r.length, arr.ndim);
  const shape = [...new Array(nd - arr.ndim).fill(1), ...arr.shape];
  const strides = [...new Array(nd - arr.ndim).fill(0), ...arr.strides];
  const tup = [...new Array(nd - r.length).fill(1), ...r];
  const outShape = shape.map((s, i) => s * tup[i]);
  const out = empty(arr.dtype, outShape);
  if (out.size === 0) return out;
  // The input goes into the first block, then each axis (last first) is filled by doubling
  // the part already written: every copy moves long contiguous runs.
  let first: NDArray = out;
  for (let i = 0; i < nd; i++) first = sliceAxis(first, i, 0, shape[i]);
  copyBlock(first, view(arr, shape, strides));
  for (let i = nd - 1; i >= 0; i--) {
    let region: NDArray = out;
    for (let j = 0; j < i; j++) region = sliceAxis(region, j, 0, shape[j]);
    const total = outShape[i];
    for (let filled = shape[i]; filled < total;) {
      const n = Math.min(filled, total - filled);
      copyBlock(sliceAxis(region, i, filled, filled + n), sliceAxis(region, i, 0, n), true);
      filled += n;
    }
  }
  return out;
}
