/**
 * `modeDot` and `multiModeDot`: n-mode products of a tensor with matrices or vectors.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape, normalizeAxis } from "../core/shape.ts";
import { matmul } from "../linalg/matmul.ts";
import { conj } from "../ops/elementwise.ts";
import { isComplex } from "../core/dtype.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { fold, unfold } from "./unfold.ts";

/** Options of {@link modeDot}. */
export interface ModeDotOpts {
  /** Multiply by the (conjugate) transpose of the matrix (default false). */
  transpose?: boolean;
}

/**
 * The n-mode product `t ×ₙ m`: with a matrix `m` (J × shape[mode]) the result has size J along
 * `mode`; with a vector (length shape[mode]) that mode is contracted away. `transpose` uses
 * the conjugate transpose of `m`. Computed as one matrix product over the unfolding.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.ones([2, 3, 4]);
 * assert.deepEqual(nd.tenalg.modeDot(t, nd.ones([5, 3]), 1).shape, [2, 5, 4]);
 * assert.deepEqual(nd.tenalg.modeDot(t, nd.ones([4]), 2).shape, [2, 3]);
 * ```
 */
export function modeDot(t: ArrayLike, m: ArrayLike, mode: number, opts: ModeDotOpts = {}): NDArray {
  const a = toArray(t, "modeDot");
  let b = toArray(m, "modeDot");
  const n = normalizeAxis(mode, a.ndim, "modeDot");
  if (opts.transpose) {
    const t2 = b.ndim === 2 ? b.T : b;
    b = isComplex(t2.dtype) ? conj(t2) : t2;
  }
  if (b.ndim === 2) {
    if (b.shape[1] !== a.shape[n]) {
      throw new TypeError(
        `modeDot: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} are not aligned for ` +
          `mode ${n}: the matrix has ${b.shape[1]} columns, mode ${n} has size ${a.shape[n]}`,
      );
    }
    const shape = a.shape.slice();
    shape[n] = b.shape[0];
    return fold(matmul(b, unfold(a, n)), n, shape);
  }
  if (b.ndim === 1) {
    if (b.shape[0] !== a.shape[n]) {
      throw new TypeError(
        `modeDot: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} are not aligned for ` +
          `mode ${n}: the vector has ${b.shape[0]} entries, mode ${n} has size ${a.shape[n]}`,
      );
    }
    const shape = a.shape.filter((_, i) => i !== n);
    return matmul(b, unfold(a, n)).reshape(shape);
  }
  throw new TypeError(`modeDot: expected a matrix or a vector, got shape ${fmtShape(b.shape)}`);
}

/** Options of {@link multiModeDot}. */
export interface MultiModeDotOpts {
  /** The mode each matrix multiplies (default 0, 1, …). */
  modes?: readonly number[];
  /** A position in `ms` (and `modes`) to leave out. */
  skip?: number;
  /** Multiply by the (conjugate) transposes (default false). */
  transpose?: boolean;
}

/**
 * `t ×₁ m₁ ×₂ m₂ …`: n-mode products with several matrices or vectors, each on its mode of
 * the original tensor (modes contracted by vectors are accounted for, as TensorLy).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.ones([2, 3, 4]);
 * const r = nd.tenalg.multiModeDot(t, [nd.ones([5, 2]), nd.ones([6, 4])], { modes: [0, 2] });
 * assert.deepEqual(r.shape, [5, 3, 6]);
 * assert.equal(r.get(0, 0, 0), 8);
 * ```
 */
export function multiModeDot(
  t: ArrayLike,
  ms: readonly ArrayLike[],
  opts: MultiModeDotOpts = {},
): NDArray {
  let a = toArray(t, "multiModeDot");
  if (!Array.isArray(ms)) throw new TypeError("multiModeDot: ms must be an array of matrices");
  const modes = opts.modes ?? ms.map((_, i) => i);
  if (modes.length !== ms.length) {
    throw new TypeError(
      `multiModeDot: ${ms.length} matrices but ${modes.length} modes were given`,
    );
  }
  const order = modes.map((md, i) => ({ md: normalizeAxis(md, a.ndim, "multiModeDot"), i }))
    .filter(({ i }) => i !== opts.skip)
    .sort((x, y) => x.md - y.md);
  let removed = 0;
  for (const { md, i } of order) {
    const m = toArray(ms[i], "multiModeDot");
    a = modeDot(a, m, md - removed, { transpose: opts.transpose });
    if (m.ndim === 1) removed++;
  }
  return a;
}
