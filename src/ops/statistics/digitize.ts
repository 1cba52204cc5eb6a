/**
 * Bin indices: {@linkcode digitize}.
 *
 * @module
 */

import { DTYPES } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { fmtShape } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { checkOpts } from "./_opts.ts";
import { searchSorted } from "./_search.ts";

/** Options of {@linkcode digitize}. */
export interface DigitizeOpts {
  /** Bins include their right edge instead of their left one (default false). */
  right?: boolean;
}

/** 1 increasing, -1 decreasing, 0 neither (NumPy's check, repeated values allowed). */
function monotonicity(b: Float64Array): number {
  const n = b.length;
  if (n === 0) return 1;
  let last = b[0], i = 1;
  while (i < n && b[i] === last) i++;
  if (i === n) return 1;
  let next = b[i];
  if (last < next) {
    for (i++; i < n; i++) {
      last = next;
      next = b[i];
      if (last > next) return 0;
    }
    return 1;
  }
  for (i++; i < n; i++) {
    last = next;
    next = b[i];
    if (last < next) return 0;
  }
  return -1;
}

/**
 * The index of the bin each value of `x` falls in, as int64 with the shape of `x`. For
 * increasing `bins`, `i` satisfies `bins[i - 1] <= x < bins[i]` (`bins[i - 1] < x <= bins[i]`
 * with `right: true`); values below the first edge give 0 and values past the last give
 * `bins.length`. Decreasing bins work mirrored. NaN goes past the end, as NumPy. Always a new
 * array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const x = [0.2, 6.4, 3.0, 1.6];
 * console.assert(nd.digitize(x, [0, 1, 2.5, 4, 10]).toArray().join() === "1,4,3,2");
 * console.assert(nd.digitize([1, 2], [1, 2], { right: true }).toArray().join() === "0,1");
 * ```
 */
export function digitize(x: ArrayLike, bins: ArrayLike, opts?: DigitizeOpts): NDArray<"int64"> {
  const o = checkOpts(opts, "digitize");
  const xa = toArray(x, "digitize");
  if (DTYPES[xa.dtype].kind === "c") throw new TypeError("digitize: x may not be complex");
  const ba = toArray(bins, "digitize");
  if (ba.ndim !== 1) {
    throw new TypeError(`digitize: bins must be 1-D, got shape ${fmtShape(ba.shape)}`);
  }
  const b = copy(ba, "float64").data as Float64Array;
  const mono = monotonicity(b);
  if (mono === 0) {
    throw new RangeError("digitize: bins must be monotonically increasing or decreasing");
  }
  const v = copy(xa, "float64").data as Float64Array;
  const out = new BigInt64Array(v.length);
  // searchsorted's side is the opposite of `right`.
  const side = !o.right;
  if (mono === 1) {
    for (let i = 0; i < v.length; i++) out[i] = BigInt(searchSorted(b, v[i], side));
  } else {
    const r = b.slice().reverse();
    for (let i = 0; i < v.length; i++) out[i] = BigInt(b.length - searchSorted(r, v[i], side));
  }
  return new NDArray("int64", out, xa.shape);
}
