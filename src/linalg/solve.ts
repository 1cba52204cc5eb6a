/**
 * `nd.linalg.solve` and `nd.linalg.inv`: LU with partial pivoting (LAPACK `getrf` + `getrs`).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { broadcastShapes, fmtShape } from "../core/shape.ts";
import { broadcastTo } from "../core/views.ts";
import { getBackend } from "../backend/mod.ts";
import type { FloatBuffer, LinalgDType } from "../backend/types.ts";
import { LinAlgError } from "./errors.ts";
import {
  alloc,
  checkSquareStack,
  fromFortran,
  isComplexType,
  linalgType,
  matrixAt,
  toFortran,
} from "./_stack.ts";

/**
 * Solves `a · x = b` for each square matrix of the stack `a` (`[..., M, M]`). `b` is a
 * vector `[M]` (result `[..., M]`) or a stack of matrices `[..., M, K]` whose leading
 * dimensions broadcast against `a`'s. Integer inputs compute in float64, as in NumPy.
 * Throws a `LinAlgError` naming the matrix when one is singular.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = nd.linalg.solve([[3, 1], [1, 2]], [9, 8]);
 * nd.testing.assertAllClose(x, [2, 3]);
 * assert.equal(x.dtype, "float64");
 * ```
 */
export function solve(a: ArrayLike, b: ArrayLike): NDArray {
  const A = toArray(a, "solve"), B0 = toArray(b, "solve");
  checkSquareStack(A, "solve");
  const n = A.shape[A.ndim - 1];
  const vector = B0.ndim === 1;
  if (B0.ndim === 0) throw new TypeError("solve: b must be at least one-dimensional, got a scalar");
  const B = vector ? B0.reshape([B0.shape[0], 1]) : B0;
  if (B.shape[B.ndim - 2] !== n) {
    throw new TypeError(
      `solve: b of shape ${fmtShape(B0.shape)} does not match a of shape ${
        fmtShape(A.shape)
      }: b has ${B.shape[B.ndim - 2]} rows, a has ${n}`,
    );
  }
  const k = B.shape[B.ndim - 1];
  const batch = broadcastShapes(A.shape.slice(0, -2), B.shape.slice(0, -2));
  const dt = linalgType("solve", A, B);
  const fa = toFortran(broadcastTo(A, [...batch, n, n]), dt);
  const fb = toFortran(broadcastTo(B, [...batch, n, k]), dt);
  luSolveStack(fa.data, fb.data, fa.count, n, k, dt, "solve");
  const x = fromFortran(fb.data, dt, batch, n, k);
  return vector ? x.reshape([...batch, n]) : x;
}

/**
 * Solves every system of a stack in place: `as` holds `count` column-major n×n matrices
 * (destroyed), `bs` as many n×k right-hand sides (overwritten by the solutions).
 */
export function luSolveStack(
  as: FloatBuffer,
  bs: FloatBuffer,
  count: number,
  n: number,
  k: number,
  dt: LinalgDType,
  where: string,
): void {
  const be = getBackend();
  const ipiv = new Int32Array(n);
  for (let t = 0; t < count; t++) {
    const am = matrixAt(as, t, n, n, dt), bm = matrixAt(bs, t, n, k, dt);
    const info = be.getrf(dt, n, n, am, Math.max(1, n), ipiv);
    if (info > 0) {
      throw new LinAlgError(
        `${where}: singular matrix: U[${info - 1},${info - 1}] is exactly zero` +
          (count > 1 ? ` in matrix ${t} of the stack` : ""),
        t,
        info,
      );
    }
    if (k > 0 && n > 0) be.getrs(dt, "N", n, k, am, n, ipiv, bm, n);
  }
}

/**
 * The inverse of each square matrix of the stack `a` (`[..., M, M]`). Throws a
 * `LinAlgError` naming the matrix when one is singular.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const ai = nd.linalg.inv([[4, 7], [2, 6]]);
 * nd.testing.assertAllClose(ai, [[0.6, -0.7], [-0.2, 0.4]]);
 * ```
 */
export function inv(a: ArrayLike): NDArray {
  const A = toArray(a, "inv");
  checkSquareStack(A, "inv");
  const n = A.shape[A.ndim - 1];
  const dt = linalgType("inv", A);
  const fa = toFortran(A, dt);
  const eye = alloc(dt, fa.count * n * n);
  const step = isComplexType(dt) ? 2 : 1;
  for (let t = 0; t < fa.count; t++) {
    for (let i = 0; i < n; i++) eye[(t * n * n + i * n + i) * step] = 1;
  }
  luSolveStack(fa.data, eye, fa.count, n, n, dt, "inv");
  return fromFortran(eye, dt, fa.batch, n, n);
}
