/**
 * `outer` and `inner` products of tensors (TensorLy's `tenalg.outer`/`tenalg.inner`).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { multiply } from "../ops/elementwise.ts";
import { sum } from "../ops/reduce/reductions.ts";
import { tensordot } from "../linalg/products.ts";
import type { ArrayLike } from "../core/_array_like.ts";

/**
 * The outer product of tensors: shape the concatenation of theirs, element
 * `[i…, j…, …] = a[i…]·b[j…]·…`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.tenalg.outer([[1, 2], [1, 10, 100], [3]]);
 * assert.deepEqual(t.shape, [2, 3, 1]);
 * assert.equal(t.get(1, 2, 0), 600n);
 * ```
 */
export function outer(ts: readonly ArrayLike[]): NDArray {
  if (!Array.isArray(ts) || ts.length === 0) {
    throw new TypeError("outer: expected a non-empty array of tensors");
  }
  let r = toArray(ts[0], "outer");
  for (let k = 1; k < ts.length; k++) {
    const b = toArray(ts[k], "outer");
    r = multiply(
      r.reshape([...r.shape, ...b.shape.map(() => 1)]),
      b.reshape([...r.shape.map(() => 1), ...b.shape]),
    );
  }
  return ts.length === 1 ? r.copy() : r;
}

/** Options of {@link inner}. */
export interface InnerOpts {
  /** Contract the last `nModes` modes of `a` with the first of `b` (default: all of them). */
  nModes?: number;
}

/**
 * The inner product of two tensors: without `nModes`, `Σ a·b` over tensors of one shape (a
 * 0-d array); with it, the contraction of `a`'s last `nModes` modes with `b`'s first.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.ones([2, 3]), b = nd.full([2, 3], 2);
 * assert.equal(nd.tenalg.inner(a, b).item(), 12);
 * assert.deepEqual(nd.tenalg.inner(nd.ones([4, 2, 3]), b, { nModes: 2 }).shape, [4]);
 * ```
 */
export function inner(a: ArrayLike, b: ArrayLike, opts: InnerOpts = {}): NDArray {
  const x = toArray(a, "inner"), y = toArray(b, "inner");
  if (opts.nModes === undefined) {
    if (x.ndim !== y.ndim || x.shape.some((d, i) => d !== y.shape[i])) {
      throw new TypeError(
        `inner: tensors of shapes ${fmtShape(x.shape)} and ${fmtShape(y.shape)} differ: ` +
          `give nModes to contract only some modes`,
      );
    }
    return sum(multiply(x, y));
  }
  const n = opts.nModes;
  if (!Number.isInteger(n) || n < 0 || n > x.ndim || n > y.ndim) {
    throw new RangeError(
      `inner: nModes must be an integer from 0 to ${Math.min(x.ndim, y.ndim)}, got ${n}`,
    );
  }
  const xs = x.shape.slice(x.ndim - n), ys = y.shape.slice(0, n);
  if (xs.some((d, i) => d !== ys[i])) {
    throw new TypeError(
      `inner: the last ${n} modes of ${fmtShape(x.shape)} do not match the first of ${
        fmtShape(y.shape)
      }`,
    );
  }
  return tensordot(x, y, { axes: n });
}
