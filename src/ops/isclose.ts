/**
 * `isclose` and `allclose`: NumPy's tolerance comparisons.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import {
  abs,
  add,
  equal,
  isfinite,
  isnan,
  lessEqual,
  logicalAnd,
  logicalOr,
  multiply,
  subtract,
} from "./elementwise.ts";
import { where } from "./manipulation/where.ts";
import { all } from "./reduce/reductions.ts";

/** Options of {@link isclose} and {@link allclose}. */
export interface IsCloseOpts {
  /** Relative tolerance (default 1e-5, as NumPy). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8, as NumPy). */
  atol?: number;
  /** Count NaN as equal to NaN (default false). */
  equalNan?: boolean;
}

function tolerances(opts: IsCloseOpts, where: string): [number, number] {
  const rtol = opts.rtol ?? 1e-5, atol = opts.atol ?? 1e-8;
  for (const [k, v] of [["rtol", rtol], ["atol", atol]] as const) {
    if (typeof v !== "number" || !(v >= 0)) {
      throw new RangeError(`${where}: ${k} must be a non-negative number, got ${v}`);
    }
  }
  return [rtol, atol];
}

/**
 * Elementwise `|a − b| ≤ atol + rtol·|b|` with broadcasting (NumPy's `isclose`, not symmetric
 * in a and b): infinities are close only to the same infinity, NaN to nothing unless
 * `equalNan`. Returns a bool array.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const r = nd.isclose([1, 1e-9, Infinity, NaN], [1 + 1e-7, 0, Infinity, NaN]);
 * assert.deepEqual(r.toArray(), [true, true, true, false]);
 * ```
 */
export function isclose(a: ArrayLike, b: ArrayLike, opts: IsCloseOpts = {}): NDArray {
  const [rtol, atol] = tolerances(opts, "isclose");
  const x = toArray(a, "isclose"), y = toArray(b, "isclose");
  const finite = logicalAnd(isfinite(x), isfinite(y));
  const within = lessEqual(abs(subtract(x, y)), add(multiply(abs(y), rtol), atol));
  let close = where(finite, within, equal(x, y));
  if (opts.equalNan) close = logicalOr(close, logicalAnd(isnan(x), isnan(y)));
  return close;
}

/**
 * Whether every element of `a` is close to the broadcast `b` (see {@link isclose}).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(nd.allclose([1, 2], [1, 2 + 1e-9]), true);
 * assert.equal(nd.allclose([1, NaN], [1, NaN], { equalNan: true }), true);
 * assert.equal(nd.allclose([1, 2], [1, 2.1]), false);
 * ```
 */
export function allclose(a: ArrayLike, b: ArrayLike, opts: IsCloseOpts = {}): boolean {
  return all(isclose(a, b, opts)).item() as boolean;
}
