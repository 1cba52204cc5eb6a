/**
 * {@linkcode kron}: the Kronecker product of two sparse (or dense) matrices, kept sparse.
 *
 * @module
 */
import { reshape } from "../core/views.ts";
import { multiply } from "../ops/elementwise.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { SparseFormat, SparseMatrix } from "./_base.ts";
import { newCoo } from "./_factory.ts";
import { checkShape2 } from "./_check.ts";
import { checkSparseDType } from "./_values.ts";
import { checkFormat, fromDense } from "./from_dense.ts";
import { isSparse } from "./arithmetic.ts";

/** Options of {@linkcode kron}. */
export interface KronOpts {
  /** The result's format (default `"coo"`). */
  format?: SparseFormat;
}

/**
 * `kron(a, b)`: the block matrix whose block (i, j) is `a[i, j]·b`, of shape
 * `[a.rows·b.rows, a.cols·b.cols]`. Each stored entry of `a` times each of `b` is stored
 * (explicit zeros included), so `nnz = a.nnz·b.nnz`.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const k = sparse.kron(sparse.eye(2), [[1, 2]]);
 * assert.deepEqual(k.toDense().toArray(), [[1, 2, 0, 0], [0, 0, 1, 2]]);
 * ```
 */
export function kron(
  a: SparseMatrix | ArrayLike,
  b: SparseMatrix | ArrayLike,
  opts: KronOpts = {},
): SparseMatrix {
  const format = checkFormat(opts.format ?? "coo", "kron");
  const A = (isSparse(a) ? a : fromDense(a as ArrayLike)).tocoo();
  const B = (isSparse(b) ? b : fromDense(b as ArrayLike)).tocoo();
  const [ma, na] = A.shape, [mb, nb] = B.shape;
  const shape = checkShape2([ma * mb, na * nb], "kron");
  const ka = A.nnz, kb = B.nnz, total = ka * kb;
  if (total > 0x7fffffff) {
    throw new RangeError(`kron: the product would store ${total} entries, past the int32 range`);
  }
  const row = new Int32Array(total), col = new Int32Array(total);
  for (let i = 0, o = 0; i < ka; i++) {
    const r = A.row[i] * mb, c = A.col[i] * nb;
    for (let j = 0; j < kb; j++, o++) {
      row[o] = r + B.row[j];
      col[o] = c + B.col[j];
    }
  }
  const prod = multiply(reshape(A.data, [ka, 1]), reshape(B.data, [1, kb]));
  checkSparseDType(prod.dtype, "kron");
  return newCoo(reshape(prod, [total]), row, col, shape).asformat(format);
}
