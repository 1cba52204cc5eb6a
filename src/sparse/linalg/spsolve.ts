/**
 * `spsolve`: the direct solution of a sparse square system (SciPy's
 * `scipy.sparse.linalg.spsolve`).
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { toArray } from "../../core/asarray.ts";
import { isComplex } from "../../core/dtype.ts";
import { fmtShape } from "../../core/shape.ts";
import { reshape } from "../../core/views.ts";
import { LinAlgError } from "../../linalg/errors.ts";
import { solve } from "../../linalg/solve.ts";
import { type Csc, cscOf } from "./_csc.ts";
import { shapeOf } from "./_compressed.ts";
import { factorCsc, solveWith, type SpluOpts } from "./splu.ts";
import type { MatrixLike, OperatorLike } from "./linear_operator.ts";

/** Options of {@link spsolve} (those of {@link splu}). */
export type SpsolveOpts = SpluOpts;

function denseB(b: ArrayLike | MatrixLike): NDArray {
  if (!(b instanceof NDArray) && shapeOf(b) !== null) {
    const td = (b as { toDense?: () => NDArray }).toDense;
    if (typeof td === "function") return td.call(b);
  }
  return toArray(b as ArrayLike, "spsolve");
}

/**
 * Solves `A·x = b` for a square sparse `A` by a sparse LU with partial pivoting and a
 * fill-reducing column order (see {@link splu}); a dense 2-D array `A` is solved by
 * `nd.linalg.solve` (LAPACK `gesv`) instead. `b` is a vector `[N]` or `[N, 1]` (result
 * `[N]`, as SciPy) or a matrix `[N, K]` (result `[N, K]`; a sparse `b` is densified). Throws
 * a {@link LinAlgError} when `A` is exactly singular (SciPy warns and returns NaNs).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { spsolve } from "./mod.ts";
 * const A = nd.array([[4, 0, 1], [0, 3, 0], [1, 0, 2]]);
 * nd.testing.assertAllClose(spsolve(A, [5, 3, 3]), [1, 1, 1]);
 * nd.testing.assertAllClose(spsolve(A, [[5], [3], [3]]), [1, 1, 1]);
 * ```
 */
export function spsolve(
  A: OperatorLike,
  b: ArrayLike | MatrixLike,
  opts: SpsolveOpts = {},
): NDArray {
  const where = "spsolve";
  if (typeof opts !== "object" || opts === null) {
    throw new TypeError(`${where}: options must be an object, got ${String(opts)}`);
  }
  const dense = A instanceof NDArray || Array.isArray(A) || ArrayBuffer.isView(A);
  let n: number;
  let denseA: NDArray | null = null;
  let csc: Csc | null = null;
  if (dense) {
    denseA = toArray(A as ArrayLike, where);
    if (isComplex(denseA.dtype)) {
      throw new TypeError(`${where}: complex A is not supported, got dtype ${denseA.dtype}`);
    }
    if (denseA.ndim !== 2 || denseA.shape[0] !== denseA.shape[1]) {
      throw new TypeError(`${where}: A must be square, got shape ${fmtShape(denseA.shape)}`);
    }
    n = denseA.shape[0];
  } else {
    csc = cscOf(A, where, "A");
    if (csc.m !== csc.n) {
      throw new TypeError(`${where}: A must be square, got shape ${fmtShape([csc.m, csc.n])}`);
    }
    n = csc.n;
  }
  const B = denseB(b);
  if (isComplex(B.dtype)) {
    throw new TypeError(`${where}: complex b is not supported, got dtype ${B.dtype}`);
  }
  const vector = B.ndim === 1 || (B.ndim === 2 && B.shape[1] === 1);
  if ((B.ndim !== 1 && B.ndim !== 2) || B.shape[0] !== n) {
    throw new TypeError(
      `${where}: b of shape ${fmtShape(B.shape)} does not match A of shape ${
        fmtShape([n, n])
      }: expected [${n}] or [${n},K]`,
    );
  }
  const Bv = vector && B.ndim === 2 ? reshape(B, [n]) : B;
  if (denseA !== null) {
    try {
      return solve(denseA, Bv);
    } catch (e) {
      if (e instanceof LinAlgError) {
        throw new LinAlgError(`${where}: matrix is exactly singular`, 0, e.info);
      }
      throw e;
    }
  }
  const f = factorCsc(csc!, opts, where);
  return solveWith(f, Bv, false, csc!.dtype === "float32", where);
}
