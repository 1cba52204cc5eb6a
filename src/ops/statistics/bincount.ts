/**
 * Counting occurrences of non-negative integers: {@linkcode bincount}.
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

/** Options of {@linkcode bincount}. */
export interface BincountOpts {
  /** One weight per element of `x`: the result sums weights instead of counting (float64). */
  weights?: ArrayLike | null;
  /** The least length of the result (default 0). */
  minlength?: number;
}

/**
 * Occurrences of each value `0..max(x)` in the 1-D array `x` of non-negative integers (bool
 * and integer dtypes), as int64; with `weights`, the sum of the weights of each value, as
 * float64. The result (a new array) has length `max(max(x) + 1, minlength)`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.bincount([0, 1, 1, 3, 2, 1, 7]).toArray().join() === "1,3,1,1,0,0,0,1");
 * const w = nd.bincount([0, 1, 1, 2], { weights: [0.5, 1, 1, -1] });
 * console.assert(w.toArray().join() === "0.5,2,-1");
 * console.assert(nd.bincount([1], { minlength: 3 }).toArray().join() === "0,1,0");
 * ```
 */
export function bincount(x: ArrayLike, opts?: BincountOpts): NDArray {
  const o = checkOpts(opts, "bincount");
  const xa = toArray(x, "bincount");
  const kind = DTYPES[xa.dtype].kind;
  if (kind !== "b" && kind !== "i" && kind !== "u") {
    throw new TypeError(
      `bincount: cannot cast array data from ${xa.dtype} to int64 according to the rule 'safe'`,
    );
  }
  if (xa.ndim !== 1) {
    throw new TypeError(`bincount: x must be 1-D, got shape ${fmtShape(xa.shape)}`);
  }
  const minlength = o.minlength ?? 0;
  if (typeof minlength !== "number" || !Number.isInteger(minlength)) {
    throw new TypeError(`bincount: minlength must be an integer, got ${String(minlength)}`);
  }
  if (minlength < 0) {
    throw new RangeError(`bincount: minlength must not be negative, got ${minlength}`);
  }
  const v = copy(xa, "float64").data as Float64Array;
  let top = -1;
  for (let i = 0; i < v.length; i++) {
    const k = v[i];
    if (k < 0) {
      throw new RangeError(`bincount: x must have no negative elements, got ${k}`);
    }
    if (k > top) top = k;
  }
  const len = Math.max(top + 1, minlength);
  if (o.weights === undefined || o.weights === null || v.length === 0) {
    if (o.weights !== undefined && o.weights !== null) weightsOf(o.weights, 0);
    const counts = new Float64Array(len);
    for (let i = 0; i < v.length; i++) counts[v[i]]++;
    const out = new BigInt64Array(len);
    for (let i = 0; i < len; i++) out[i] = BigInt(counts[i]);
    return new NDArray("int64", out, [len]);
  }
  const w = weightsOf(o.weights, v.length);
  const out = new Float64Array(len);
  for (let i = 0; i < v.length; i++) out[v[i]] += w[i];
  return new NDArray("float64", out, [len]);
}

function weightsOf(weights: ArrayLike, n: number): Float64Array {
  const wa = toArray(weights, "bincount");
  if (DTYPES[wa.dtype].kind === "c") {
    throw new TypeError(`bincount: weights must be real numbers, got ${wa.dtype}`);
  }
  if (wa.ndim !== 1 || wa.shape[0] !== n) {
    throw new TypeError(
      `bincount: the weights and x don't have the same length: weights have shape ${
        fmtShape(wa.shape)
      }, x has ${n} elements`,
    );
  }
  return copy(wa, "float64").data as Float64Array;
}
