/**
 * `nd.linalg.cholesky` (LAPACK `potrf`).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { getBackend } from "../backend/mod.ts";
import { LinAlgError } from "./errors.ts";
import type { DType } from "../core/dtype.ts";
import { copy } from "../core/copy.ts";
import { shapeSize } from "../core/shape.ts";
import type { FloatBuffer } from "../backend/types.ts";
import { checkSquareStack, isComplexType, linalgType, matrixAt } from "./_stack.ts";
import { optionsOf } from "./_options.ts";

/** Options of {@link cholesky}. */
export interface CholeskyOpts {
  /** Return the upper factor `U` with `a = Uᴴ·U` instead of the lower `L` (default false). */
  upper?: boolean;
}

/**
 * The Cholesky factor of each Hermitian positive-definite matrix of a stack: lower `L` with
 * `a = L·Lᴴ` (or upper with `{ upper: true }`); only that triangle of `a` is read. Throws a
 * `LinAlgError` naming the matrix and the order of the first minor that is not positive
 * definite.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const l = nd.linalg.cholesky([[4, 2], [2, 3]]);
 * nd.testing.assertAllClose(l, [[2, 0], [1, Math.SQRT2]]);
 * nd.testing.assertAllClose(nd.matmul(l, l.T), [[4, 2], [2, 3]]);
 * ```
 */
export function cholesky(a: ArrayLike, options: CholeskyOpts = {}): NDArray {
  const opts = optionsOf<CholeskyOpts>("cholesky", options, null, () => false, "{ upper: true }");
  const A = toArray(a, "cholesky");
  checkSquareStack(A, "cholesky");
  const upper = opts.upper ?? false;
  if (typeof upper !== "boolean") {
    throw new TypeError(`cholesky: upper must be a boolean, got ${typeof upper}`);
  }
  const n = A.shape[A.ndim - 1];
  const dt = linalgType("cholesky", A);
  // A C-ordered copy read as column-major is the transpose: the triangle NumPy reads (lower by
  // default) is the other triangle of that transpose, and the factor potrf leaves there, read
  // back in C order, is already the one asked for (for complex input too: the transpose of a
  // Hermitian matrix is its conjugate, whose factor's transpose is the factor sought). No
  // transposition either way.
  const c = copy(A, dt as DType);
  const data = c.data as FloatBuffer, batch = A.shape.slice(0, -2), count = shapeSize(batch);
  const be = getBackend();
  const step = isComplexType(dt) ? 2 : 1;
  for (let t = 0; t < count; t++) {
    const m = matrixAt(data, t, n, n, dt);
    if (n === 0) continue;
    const info = be.potrf(dt, upper ? "L" : "U", n, m, n);
    if (info > 0) {
      throw new LinAlgError(
        `cholesky: matrix is not positive definite: the leading minor of order ${info} is not` +
          (count > 1 ? ` (matrix ${t} of the stack)` : ""),
        t,
        info,
      );
    }
    // Zero the triangle potrf leaves untouched (C order: element (i, j) at i·n + j).
    for (let i = 0; i < n; i++) {
      const [lo, hi] = upper ? [0, i] : [i + 1, n];
      m.fill(0, (i * n + lo) * step, (i * n + hi) * step);
    }
  }
  return c;
}
