/**
 * Gathering along an axis with an index array of the same rank: {@linkcode takeAlongAxis}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { fmtShape, normalizeAxis } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { reshape } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { intValues, normalizeIndices } from "./_indices.ts";
import { gatherAtKernel } from "./_kernels.ts";
import { empty } from "./_util.ts";

/**
 * `out[i..., j, k...] = a[i..., indices[i..., j, k...], k...]` along `axis` (default -1), as
 * `np.take_along_axis`: the dimensions other than `axis` broadcast between `a` and
 * `indices`. Pairs with `argsort`/`argmax` results. With `axis` null, `a` is flattened and
 * `indices` must be 1-D. Negative indices count from the end. Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([[10, 30, 20], [60, 40, 50]]);
 * const i = nd.array([[1], [0]]);
 * console.assert(nd.takeAlongAxis(a, i, 1).toArray().flat().join() === "30,60");
 * console.assert(nd.takeAlongAxis(a, [[1, 0, 0]], 0).toArray().flat().join() === "60,30,20");
 * console.assert(nd.takeAlongAxis(a, [5, -6], null).toArray().join() === "50,10");
 * ```
 */
export function takeAlongAxis<D extends DType>(
  a: NDArray<D> | ArrayLike,
  indices: ArrayLike,
  axis: number | null = -1,
): NDArray<D> {
  let arr = toArray(a as ArrayLike, "takeAlongAxis") as NDArray<D>;
  const { values: idx, shape: ishape } = intValues(
    indices,
    "indices",
    "takeAlongAxis",
    "integer",
  );
  if (axis === null) {
    if (ishape.length !== 1) {
      throw new TypeError(
        `takeAlongAxis: when axis is null, indices must have a single dimension, got shape ${
          fmtShape(ishape)
        }`,
      );
    }
    arr = reshape(arr, [-1]);
    axis = 0;
  } else if (ishape.length !== arr.ndim) {
    throw new TypeError(
      `takeAlongAxis: indices and the array must have the same number of dimensions, got ${ishape.length} and ${arr.ndim}`,
    );
  }
  const nd = arr.ndim;
  const ax = normalizeAxis(axis, nd, "takeAlongAxis");
  const shape = arr.shape.map((s, d) => {
    if (d === ax) return ishape[d];
    if (s === ishape[d] || ishape[d] === 1) return s;
    if (s === 1) return ishape[d];
    throw new TypeError(
      `takeAlongAxis: shape mismatch: indices of shape ${fmtShape(ishape)} and array of shape ${
        fmtShape(arr.shape)
      } cannot be broadcast together outside axis ${ax}`,
    );
  });
  const n = arr.shape[ax];
  normalizeIndices(idx, n, "raise", ax, "takeAlongAxis");
  const out = empty(arr.dtype, shape);
  const total = out.size;
  if (total === 0) return out;
  // Strides (in elements) of the array and of the C-ordered indices, 0 on broadcast axes.
  const ast = arr.strides.map((s, d) => (d === ax || arr.shape[d] === 1 ? 0 : s));
  const ist: number[] = new Array(nd);
  for (let d = nd - 1, s = 1; d >= 0; d--) {
    ist[d] = ishape[d] === 1 ? 0 : s;
    s *= ishape[d];
  }
  const sAx = arr.strides[ax];
  const offs = new Float64Array(total);
  const last = nd - 1, m = shape[last], aL = ast[last], iL = ist[last];
  const cnt = new Array<number>(nd).fill(0);
  let pa = arr.offset, pi = 0;
  for (let k = 0; k < total; k += m) {
    for (let j = 0; j < m; j++) offs[k + j] = pa + j * aL + idx[pi + j * iL] * sAx;
    for (let d = last - 1; d >= 0; d--) {
      pa += ast[d];
      pi += ist[d];
      if (++cnt[d] < shape[d]) break;
      pa -= ast[d] * shape[d];
      pi -= ist[d] * shape[d];
      cnt[d] = 0;
    }
  }
  gatherAtKernel(arr.dtype)(arr.data, out.data, offs, 0);
  return out;
}
