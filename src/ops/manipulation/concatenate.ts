/**
 * Joining arrays along an existing axis: {@linkcode concatenate}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import type { Casting } from "../../core/promotion.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { concat } from "./_concat.ts";

/** Options of {@linkcode concatenate}. */
export interface ConcatenateOpts {
  /** The axis to join along (default 0); `null` flattens every input first. */
  axis?: number | null;
  /** The result dtype (default: the promoted dtype of the inputs). Not with `out`. */
  dtype?: DType;
  /** An array of the result's exact shape to write into (returned). Not with `dtype`. */
  out?: NDArray;
  /** Casting rule from each input to the result dtype (default "same_kind"). */
  casting?: Casting;
}

/**
 * Joins arrays along an existing axis (`np.concatenate`). The result is a new C-contiguous
 * array (or `out`) of the inputs' promoted dtype (NEP 50: JS numbers are weak); with
 * `axis: null` the inputs are flattened first.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([[1, 2], [3, 4]]);
 * const b = nd.array([[5, 6]]);
 * console.assert(JSON.stringify(nd.concatenate([a, b]).toArray().map((r: bigint[]) => r.map(Number))) === "[[1,2],[3,4],[5,6]]");
 * console.assert(nd.concatenate([a, b.T], { axis: 1 }).shape.join() === "2,3");
 * console.assert(nd.concatenate([a, b], { axis: null }).shape.join() === "6");
 * console.assert(nd.concatenate([nd.zeros([2], { dtype: "float32" }), [1]]).dtype === "float64");
 * ```
 */
export function concatenate(
  arrays: readonly ArrayLike[] | NDArray,
  opts: ConcatenateOpts = {},
): NDArray {
  return concat(arrays, opts, "concatenate");
}
