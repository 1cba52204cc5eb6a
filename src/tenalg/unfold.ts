/**
 * `unfold` and `fold`: a tensor's mode-n matricization in TensorLy's C-order convention.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape, normalizeAxis, shapeSize } from "../core/shape.ts";
import { moveaxis } from "../core/views.ts";
import type { ArrayLike } from "../core/_array_like.ts";

/**
 * The mode-`mode` unfolding of `t`: its mode moved first, then reshaped to
 * `[shape[mode], -1]` (TensorLy's convention: the remaining indices in C order). A view when
 * `mode` is 0 and `t` is C-contiguous, a copy otherwise.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.arange(24).reshape([2, 3, 4]);
 * const u = nd.tenalg.unfold(t, 1);
 * assert.deepEqual(u.shape, [3, 8]);
 * assert.deepEqual(u.toArray()[0].slice(0, 5), [0n, 1n, 2n, 3n, 12n]);
 * ```
 */
export function unfold(t: ArrayLike, mode: number): NDArray {
  const a = toArray(t, "unfold");
  if (a.ndim === 0) throw new TypeError("unfold: cannot unfold a 0-dimensional tensor");
  const m = normalizeAxis(mode, a.ndim, "unfold");
  return moveaxis(a, m, 0).reshape([a.shape[m], -1]);
}

/**
 * The inverse of {@link unfold}: the tensor of `shape` whose mode-`mode` unfolding is `m`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.arange(24).reshape([2, 3, 4]);
 * const back = nd.tenalg.fold(nd.tenalg.unfold(t, 2), 2, [2, 3, 4]);
 * assert.ok(nd.all(nd.equal(back, t)).item());
 * ```
 */
export function fold(m: ArrayLike, mode: number, shape: readonly number[]): NDArray {
  const a = toArray(m, "fold");
  if (!Array.isArray(shape) || shape.length === 0) {
    throw new TypeError(`fold: shape must be a non-empty array of sizes, got ${String(shape)}`);
  }
  const n = normalizeAxis(mode, shape.length, "fold");
  if (a.ndim !== 2 || a.shape[0] !== shape[n] || a.size !== shapeSize(shape)) {
    throw new TypeError(
      `fold: a matrix of shape ${fmtShape(a.shape)} is not the mode-${n} unfolding of a ` +
        `tensor of shape ${fmtShape(shape)}: expected [${shape[n]},${
          shapeSize(shape) / Math.max(shape[n], 1)
        }]`,
    );
  }
  const full = [shape[n], ...shape.filter((_, i) => i !== n)];
  return moveaxis(a.reshape(full), 0, n);
}
