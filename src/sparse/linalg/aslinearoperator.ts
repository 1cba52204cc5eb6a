/**
 * `aslinearoperator`: SciPy's `scipy.sparse.linalg.aslinearoperator`, which views a dense
 * array or a sparse matrix as a {@link LinearOperator}.
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import { isComplex, isDType } from "../../core/dtype.ts";
import { fmtShape } from "../../core/shape.ts";
import { transpose } from "../../core/views.ts";
import { matmul as denseMatmul } from "../../linalg/matmul.ts";
import { conj } from "../../ops/elementwise.ts";
import { SOURCE } from "./_source.ts";
import { shapeOf } from "./_compressed.ts";
import { LinearOperator, type MatrixLike, type OperatorLike } from "./linear_operator.ts";

function describe(x: unknown): string {
  if (x === null || typeof x !== "object") return `${typeof x} ${String(x)}`;
  const name = (x as object).constructor?.name ?? "Object";
  const s = shapeOf(x);
  return s ? `${name} of shape ${fmtShape(s)}` : name;
}

/** Float input for a sparse matrix's `matmul` (it multiplies float arrays). */
function floatInput(x: NDArray): NDArray {
  const d = x.dtype;
  return d === "float64" || d === "float32" || isComplex(d) ? x : copy(x, "float64");
}

function wrapDense(M: NDArray): LinearOperator {
  const isC = isComplex(M.dtype);
  const Mh = isC ? conj(transpose(M)) : transpose(M);
  const op = new LinearOperator({
    shape: M.shape,
    matvec: (x) => denseMatmul(M, x),
    rmatvec: (x) => denseMatmul(Mh, x),
    matmat: (x) => denseMatmul(M, x),
    rmatmat: (x) => denseMatmul(Mh, x),
    dtype: M.dtype === "bool" ? "float64" : M.dtype,
  });
  op[SOURCE] = M;
  return op;
}

function wrapMatrix(A: MatrixLike, shape: [number, number]): LinearOperator {
  const dt = isDType(A.dtype) ? A.dtype : "float64";
  const isC = isComplex(dt);
  const T = (): MatrixLike => {
    const t = (A as { T?: unknown }).T;
    if (t === undefined || shapeOf(t) === null || typeof (t as MatrixLike).matmul !== "function") {
      throw new TypeError(
        "LinearOperator.rmatvec: the wrapped matrix has no transpose T with matmul",
      );
    }
    return t as MatrixLike;
  };
  const fwd = (x: NDArray) => A.matmul(floatInput(x));
  const adj = (x: NDArray) => isC ? conj(T().matmul(conj(x))) : T().matmul(floatInput(x));
  const op = new LinearOperator({
    shape,
    matvec: fwd,
    rmatvec: adj,
    matmat: fwd,
    rmatmat: adj,
    dtype: dt,
  });
  op[SOURCE] = A;
  return op;
}

/**
 * `A` as a {@link LinearOperator} (SciPy's `aslinearoperator`): a LinearOperator is returned
 * as is; a 2-D dense array (NDArray or nested arrays) or a matrix object with `shape` and
 * `matmul` (nd's sparse matrices) is wrapped, and the solvers then multiply by it with their
 * own kernels.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { aslinearoperator } from "./mod.ts";
 * import assert from "node:assert/strict";
 * const A = aslinearoperator([[2, 0], [1, 3]]);
 * assert.deepEqual(A.shape, [2, 2]);
 * nd.testing.assertAllClose(A.matvec([1, 1]), [2, 4]);
 * nd.testing.assertAllClose(A.rmatvec([1, 1]), [3, 3]);
 * ```
 */
export function aslinearoperator(A: OperatorLike): LinearOperator {
  if (A instanceof LinearOperator) return A;
  if (A instanceof NDArray || Array.isArray(A) || ArrayBuffer.isView(A)) {
    const M = toArray(A as ArrayLike, "aslinearoperator");
    if (M.ndim !== 2) {
      throw new TypeError(`aslinearoperator: expected a 2-D array, got shape ${fmtShape(M.shape)}`);
    }
    return wrapDense(M);
  }
  const shape = shapeOf(A);
  if (shape !== null && typeof (A as MatrixLike).matmul === "function") {
    return wrapMatrix(A as MatrixLike, shape);
  }
  throw new TypeError(
    "aslinearoperator: " +
      `expected a LinearOperator, a 2-D array or a matrix with shape and matmul, got ${
        describe(A)
      }`,
  );
}
