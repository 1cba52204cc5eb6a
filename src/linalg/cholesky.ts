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
import {
  checkSquareStack,
  fromFortran,
  isComplexType,
  linalgType,
  matrixAt,
  toFortran,
} from "./_stack.ts";

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
export function cholesky(a: ArrayLike, opts: CholeskyOpts = {}): NDArray {
  const A = toArray(a, "cholesky");
  checkSquareStack(A, "cholesky");
  const upper = opts.upper ?? false;
  if (typeof upper !== "boolean") {
    throw new TypeError(`cholesky: upper must be a boolean, got ${typeof upper}`);
  }
  const n = A.shape[A.ndim - 1];
  const dt = linalgType("cholesky", A);
  const f = toFortran(A, dt);
  const be = getBackend();
  const step = isComplexType(dt) ? 2 : 1;
  for (let t = 0; t < f.count; t++) {
    const m = matrixAt(f.data, t, n, n, dt);
    if (n === 0) continue;
    const info = be.potrf(dt, upper ? "U" : "L", n, m, n);
    if (info > 0) {
      throw new LinAlgError(
        `cholesky: matrix is not positive definite: the leading minor of order ${info} is not` +
          (f.count > 1 ? ` (matrix ${t} of the stack)` : ""),
        t,
        info,
      );
    }
    // Zero the triangle potrf leaves untouched (column-major: element (i, j) at j·n + i).
    for (let j = 0; j < n; j++) {
      const [lo, hi] = upper ? [j + 1, n] : [0, j];
      for (let i = lo; i < hi; i++) {
        m[(j * n + i) * step] = 0;
        if (step === 2) m[(j * n + i) * 2 + 1] = 0;
      }
    }
  }
  return fromFortran(f.data, dt, f.batch, n, n);
}
