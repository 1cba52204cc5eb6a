/**
 * `nd.linalg.matrixPower`: integer powers of square matrices by repeated squaring.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { copy } from "../core/copy.ts";
import { broadcastTo } from "../core/views.ts";
import { eye } from "../ops/creation.ts";
import { matmul } from "./matmul.ts";
import { inv } from "./solve.ts";
import { checkSquareStack } from "./_stack.ts";

/**
 * `a` raised to the integer power `n` for each square matrix of a stack: `n = 0` gives the
 * identity (in `a`'s dtype), negative `n` powers of the inverse. Integer matrices stay
 * integer for `n ≥ 0`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const f = nd.linalg.matrixPower([[1, 1], [1, 0]], 10);
 * assert.deepEqual(f.toArray(), [[89n, 55n], [55n, 34n]]);
 * nd.testing.assertAllClose(nd.linalg.matrixPower([[2, 0], [0, 4]], -1), [[0.5, 0], [0, 0.25]]);
 * ```
 */
export function matrixPower(a: ArrayLike, n: number): NDArray {
  const A = toArray(a, "matrixPower");
  checkSquareStack(A, "matrixPower");
  if (typeof n !== "number" || !Number.isSafeInteger(n)) {
    throw new TypeError(`matrixPower: exponent must be an integer, got ${String(n)}`);
  }
  const size = A.shape[A.ndim - 1];
  if (n === 0) return copy(broadcastTo(eye(size, { dtype: A.dtype }), A.shape));
  let base = n < 0 ? inv(A) : A;
  let e = Math.abs(n);
  if (e === 1) return copy(base);
  let result: NDArray | null = null;
  while (e > 0) {
    if (e % 2 === 1) result = result === null ? base : matmul(result, base);
    e = Math.floor(e / 2);
    if (e > 0) base = matmul(base, base);
  }
  return result!;
}
