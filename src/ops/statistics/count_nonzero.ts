/**
 * Counting non-zero values: {@linkcode countNonzero}.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { normalizeAxes } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { notEqual } from "../elementwise.ts";
import { sum } from "../reduce/reductions.ts";
import { checkOpts } from "./_opts.ts";

/** Options of {@linkcode countNonzero}. */
export interface CountNonzeroOpts {
  /** Axis or axes to count along; all when omitted or null. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as size-1 dimensions. */
  keepdims?: boolean;
}

/**
 * Number of non-zero values (true for bool; NaN counts as non-zero) along the given axes,
 * as int64 (a new array; 0-d when every axis is reduced).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([[0, 1, 7, 0], [3, 0, 2, 19]]);
 * console.assert(nd.countNonzero(a).item() === 5n);
 * console.assert(nd.countNonzero(a, { axis: 0 }).toArray().join() === "1,1,2,1");
 * ```
 */
export function countNonzero(a: ArrayLike, opts?: CountNonzeroOpts): NDArray<"int64"> {
  const o = checkOpts(opts, "countNonzero");
  const x = toArray(a, "countNonzero");
  const axes = normalizeAxes(o.axis, x.ndim, "countNonzero");
  const mask = notEqual(x, 0);
  return sum(mask, { axis: axes, keepdims: o.keepdims, dtype: "int64" }) as NDArray<"int64">;
}
