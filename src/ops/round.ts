/**
 * `round` (`np.round`/`np.around`): round to a number of decimals, halves to even.
 *
 * @module
 */

import { DTYPES } from "../core/dtype.ts";
import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { copy } from "../core/copy.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { divide, multiply, rint } from "./elementwise.ts";

/**
 * Rounds to `decimals` decimal places (negative: to tens, hundreds...), halves to even, the
 * way NumPy does it (`rint(a * 10**d) / 10**d`). The dtype is kept; integers with
 * `decimals >= 0` are returned as a copy.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(nd.round([0.5, 1.5, 2.5, -0.5]).toArray(), [0, 2, 2, -0]);
 * assert.equal(nd.round(1.235, { decimals: 2 }).item(), 1.24);
 * assert.deepEqual(nd.round([1234, 1250], { decimals: -2 }).toArray(), [1200n, 1200n]);
 * ```
 */
export function round(a: ArrayLike, opts: { decimals?: number } = {}): NDArray {
  const x = toArray(a, "round");
  const d = opts.decimals ?? 0;
  if (!Number.isInteger(d)) throw new TypeError(`round: decimals must be an integer, got ${d}`);
  const kind = DTYPES[x.dtype].kind;
  if (kind === "b") return copy(x);
  if (kind === "i" || kind === "u") {
    if (d >= 0) return copy(x);
    const f = 10 ** -d;
    const r = multiply(rint(divide(x, f)), f);
    return r.astype(x.dtype);
  }
  if (d === 0) return rint(x);
  if (d > 0) {
    const f = 10 ** d;
    const y = multiply(x, f);
    return divide(rint(y, { out: y }), f, { out: y });
  }
  const f = 10 ** -d;
  const y = divide(x, f);
  return multiply(rint(y, { out: y }), f, { out: y });
}

/** Alias of {@linkcode round}. */
export const around: (a: ArrayLike, opts?: { decimals?: number }) => NDArray = round;
