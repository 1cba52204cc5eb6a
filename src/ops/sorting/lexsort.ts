/**
 * Indirect stable sort on several keys: {@linkcode lexsort}.
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import { fmtShape, normalizeAxis, shapesEqual } from "../../core/shape.ts";
import { slice } from "../../core/indexing.ts";
import { cStrides } from "../../core/shape.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { laneStarts, newIndexArray, writeIndices } from "./_lanes.ts";
import { LaneSorter } from "./_keys.ts";

/** Options of {@linkcode lexsort}. */
export interface LexsortOpts {
  /** The axis to sort along (default -1). */
  axis?: number;
}

/**
 * The indices that sort by several keys, the **last** key being the primary one, as
 * `np.lexsort`: an int64 array of the keys' shape. `keys` is a list of arrays of one shape, or
 * an NDArray whose first axis enumerates the keys (so a 2-D array's rows are the keys). Each key
 * is ordered as {@linkcode sort} orders it, and ties on every key keep their input order.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const surnames = [2, 1, 2, 1];
 * const firstNames = [5, 7, 3, 6];
 * // sort by surname, then by first name
 * console.assert(nd.lexsort([firstNames, surnames]).toArray().join() === "3,1,2,0");
 * ```
 */
export function lexsort(
  keys: NDArray | readonly ArrayLike[],
  opts: LexsortOpts = {},
): NDArray<"int64"> {
  const list = keyList(keys);
  if (list.length === 0) {
    throw new TypeError("lexsort: need a sequence of at least one key");
  }
  const shape = list[0].shape;
  list.forEach((k, i) => {
    if (!shapesEqual(k.shape, shape)) {
      throw new TypeError(
        `lexsort: all keys must have the same shape: key ${i} has shape ${
          fmtShape(k.shape)
        }, key 0 has ${fmtShape(shape)}`,
      );
    }
  });
  if (shape.length === 0) return newIndexArray([])[0];
  const axis = normalizeAxis(opts.axis ?? -1, shape.length, "lexsort");
  const n = shape[axis];
  const [out, w] = newIndexArray(shape);
  if (out.size === 0) return out;
  const sorters = list.map((k) => new LaneSorter(k.dtype, k.data, n));
  const starts = list.map((k) => laneStarts(shape, k.strides, k.offset, axis));
  const ostrides = cStrides(shape);
  const ostarts = laneStarts(shape, ostrides, 0, axis);
  const perm = new Int32Array(n);
  for (let r = 0; r < ostarts.length; r++) {
    for (let j = 0; j < n; j++) perm[j] = j;
    for (let k = 0; k < list.length; k++) {
      const s = sorters[k];
      s.load(starts[k][r], list[k].strides[axis], perm);
      s.sort();
      perm.set(s.ix);
    }
    writeIndices(w, ostarts[r], ostrides[axis], perm, n);
  }
  return out;
}

function keyList(keys: NDArray | readonly ArrayLike[]): NDArray[] {
  if (keys instanceof NDArray) {
    if (keys.ndim === 0) {
      throw new TypeError("lexsort: keys must be a sequence of keys, got a 0-d array");
    }
    const out: NDArray[] = [];
    for (let i = 0; i < keys.shape[0]; i++) out.push(slice(keys, i));
    return out;
  }
  if (!Array.isArray(keys)) {
    throw new TypeError(`lexsort: keys must be an array of keys or an NDArray, got ${typeof keys}`);
  }
  return keys.map((k) => toArray(k, "lexsort"));
}
