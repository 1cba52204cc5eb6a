/**
 * `nanToNum`: replace NaN and infinities with finite numbers.
 *
 * @module
 */

import { DTYPES } from "../core/dtype.ts";
import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { copy, copyInto } from "../core/copy.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { greater, isinf, isnan, less, logicalAnd } from "./elementwise.ts";
import { imag, real } from "./complex_parts.ts";

/** Options of {@linkcode nanToNum}. */
export interface NanToNumOpts {
  /** Value for NaN (default 0). */
  nan?: number;
  /** Value for +inf (default: the dtype's largest finite value). */
  posinf?: number;
  /** Value for -inf (default: the dtype's most negative finite value). */
  neginf?: number;
}

const LARGEST: Record<string, number> = {
  float16: 65504,
  float32: 3.4028234663852886e38,
  float64: Number.MAX_VALUE,
  complex64: 3.4028234663852886e38,
  complex128: Number.MAX_VALUE,
};

function fixReal(x: NDArray, big: number, opts: NanToNumOpts): void {
  const fill = (v: number, mask: NDArray) =>
    copyInto(x, toArray(v, "nanToNum", x.dtype), mask as NDArray<"bool">);
  const inf = isinf(x);
  fill(opts.nan ?? 0, isnan(x));
  fill(opts.posinf ?? big, logicalAnd(inf, greater(x, 0)));
  fill(opts.neginf ?? -big, logicalAnd(inf, less(x, 0)));
}

/**
 * A copy of `a` with NaN replaced by `nan` (0) and infinities by `posinf`/`neginf` (the
 * dtype's extreme finite values). Complex arrays are fixed part by part; other dtypes are
 * copied unchanged.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(nd.nanToNum([NaN, Infinity, -1]).toArray(), [0, Number.MAX_VALUE, -1]);
 * assert.deepEqual(nd.nanToNum([NaN], { nan: 7 }).toArray(), [7]);
 * ```
 */
export function nanToNum(a: ArrayLike, opts: NanToNumOpts = {}): NDArray {
  const x = copy(toArray(a, "nanToNum"));
  const kind = DTYPES[x.dtype].kind;
  if (kind === "f") fixReal(x, LARGEST[x.dtype], opts);
  else if (kind === "c") {
    fixReal(real(x), LARGEST[x.dtype], opts);
    fixReal(imag(x), LARGEST[x.dtype], opts);
  }
  return x;
}
