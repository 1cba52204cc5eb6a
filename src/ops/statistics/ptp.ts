/**
 * Peak to peak: {@linkcode ptp}.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { reduceWith } from "../reduce/reductions.ts";
import { subtract } from "../elementwise.ts";
import { checkOpts } from "./_opts.ts";

/** Options of {@linkcode ptp}. */
export interface PtpOpts {
  /** Axis or axes to reduce; all when omitted or null. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as size-1 dimensions. */
  keepdims?: boolean;
}

/**
 * Range of values (maximum minus minimum) along the given axes, in the input dtype (so
 * signed integers can wrap, as in NumPy). NaN propagates. Raises for an empty reduction and
 * for bool input. Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([[4, 9, 2], [1, 5, 7]]);
 * console.assert(nd.ptp(a).item() === 8n);
 * console.assert(nd.ptp(a, { axis: 1 }).toArray().join() === "7,6");
 * ```
 */
export function ptp(a: ArrayLike, opts?: PtpOpts): NDArray {
  const o = checkOpts(opts, "ptp");
  const x = toArray(a, "ptp");
  if (x.dtype === "bool") {
    throw new TypeError(
      "ptp: subtraction is not supported for bool arrays; cast to an integer type",
    );
  }
  const ro = { axis: o.axis, keepdims: o.keepdims };
  const hi = reduceWith(x, ro, "max", "ptp", (d) => d);
  const lo = reduceWith(x, ro, "min", "ptp", (d) => d);
  return subtract(hi, lo, { out: hi });
}
