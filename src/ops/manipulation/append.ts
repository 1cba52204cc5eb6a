/**
 * Appending values at the end of an axis: {@linkcode append}.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import { reshape } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { concatArrays } from "./_concat.ts";

/** Options of {@linkcode append}. */
export interface AppendOpts {
  /** The axis to append along (both arrays must match on the others); flattened when omitted. */
  axis?: number | null;
}

/**
 * `a` with `values` appended (`np.append`): without `axis` both are flattened and joined;
 * with `axis` it is `concatenate([a, values], { axis })`. The result dtype is the promoted
 * dtype of both. Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([[1, 2], [3, 4]]);
 * console.assert(nd.append(a, [5, 6.5]).toArray().join() === "1,2,3,4,5,6.5");
 * console.assert(nd.append(a, [[5, 6]], { axis: 0 }).shape.join() === "3,2");
 * ```
 */
export function append(a: ArrayLike, values: ArrayLike, opts: AppendOpts = {}): NDArray {
  let x = toArray(a, "append"), y = toArray(values, "append");
  if (opts.axis === undefined || opts.axis === null) {
    x = reshape(x, [-1]);
    y = reshape(y, [-1]);
  }
  return concatArrays([x, y], [x, y], { axis: opts.axis ?? 0 }, "append");
}
