/**
 * Real and imaginary parts and the angle of complex arrays. `real` and `imag` of a complex
 * array are views into its interleaved buffer (writes go through), as in NumPy.
 *
 * @module
 */

import { type DType, DTYPES } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { arctan2 } from "./elementwise.ts";
import { zeros } from "./creation.ts";

function part(a: NDArray, lane: 0 | 1): NDArray {
  const d: DType = a.dtype === "complex64" ? "float32" : "float64";
  return new NDArray(
    d,
    a.data as Float64Array,
    a.shape,
    a.strides.map((s) => 2 * s),
    2 * a.offset + lane,
    a.base ?? a,
    a.flags.writeable,
  );
}

/**
 * The real part: a view for complex arrays, the array itself otherwise.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const z = nd.array([{ re: 1, im: 2 }, { re: 3, im: 4 }]);
 * assert(nd.real(z).toArray().join() === "1,3");
 * ```
 */
export function real(a: ArrayLike): NDArray {
  const x = toArray(a, "real");
  return DTYPES[x.dtype].kind === "c" ? part(x, 0) : x;
}

/**
 * The imaginary part: a view for complex arrays, read-only zeros otherwise.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const z = nd.array([{ re: 1, im: 2 }, { re: 3, im: 4 }]);
 * assert(nd.imag(z).toArray().join() === "2,4");
 * ```
 */
export function imag(a: ArrayLike): NDArray {
  const x = toArray(a, "imag");
  if (DTYPES[x.dtype].kind === "c") return part(x, 1);
  const z = zeros(x.shape, { dtype: x.dtype });
  z.flags.writeable = false;
  return z;
}

/**
 * The counterclockwise angle from the positive real axis, in radians (or degrees).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.angle([{ re: 0, im: 1 }]).item() === Math.PI / 2);
 * ```
 */
export function angle(a: ArrayLike, opts: { deg?: boolean } = {}): NDArray {
  const x = toArray(a, "angle");
  const r = arctan2(imag(x), real(x));
  return opts.deg ? r.mul(180 / Math.PI) : r;
}
