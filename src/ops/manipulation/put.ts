/**
 * Writing values at flat indices in place: {@linkcode put}.
 *
 * @module
 */

import { DTYPES } from "../../core/dtype.ts";
import { assertLive, NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import {
  checkIntFits,
  checkMode,
  flatOffsets,
  type IndexMode,
  intValues,
  normalizeIndices,
} from "./_indices.ts";
import { scatterKernel } from "./_kernels.ts";

/** Options of {@linkcode put}. */
export interface PutOpts {
  /** Out-of-range indices: "raise" (default), "wrap" or "clip" (as {@linkcode take}). */
  mode?: IndexMode;
}

/** Checks the JS integers of a nested JS array or scalar against an integer dtype. */
function checkJsInts(values: ArrayLike, arr: NDArray, target: NDArray): void {
  if (values instanceof NDArray || ArrayBuffer.isView(values)) return;
  if (DTYPES[arr.dtype].kind !== "i") return;
  const k = DTYPES[target.dtype].kind;
  if (k !== "i" && k !== "u") return;
  const flat = copy(arr).data as BigInt64Array;
  for (const v of flat) checkIntFits(v, target.dtype, "put");
}

/**
 * Writes `values` into `a` at flat (C-order) `indices`, in place (`np.put`); `values` are
 * cycled when shorter than `indices` and cast to `a.dtype` (JS integers that do not fit an
 * integer dtype raise, as in NumPy 2). Works on non-contiguous arrays too. All indices are
 * checked before anything is written.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.arange(5);
 * nd.put(a, [0, 2, 4], [-1, -2]);
 * console.assert(a.toArray().join() === "-1,1,-2,3,-1");
 * nd.put(a, [7], 9, { mode: "wrap" });
 * console.assert(a.get(2) === 9n);
 * ```
 */
export function put(a: NDArray, indices: ArrayLike, values: ArrayLike, opts: PutOpts = {}): void {
  if (!(a instanceof NDArray)) throw new TypeError("put: the target must be an NDArray");
  assertLive(a, "put");
  if (!a.flags.writeable) throw new TypeError("put: assignment destination is read-only");
  const mode = checkMode(opts.mode ?? "raise", "put");
  const { values: idx } = intValues(indices, "indices", "put");
  if (idx.length > 0 && a.size === 0) {
    throw new RangeError("put: cannot replace elements of an empty array");
  }
  const v = toArray(values, "put");
  checkJsInts(values, v, a);
  if (v.size === 0 || idx.length === 0) return;
  normalizeIndices(idx, a.size, mode, 0, "put");
  const src = copy(v, a.dtype);
  scatterKernel(a.dtype)(src.data, a.data, flatOffsets(a, idx), src.size);
}
