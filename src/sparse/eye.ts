/**
 * {@linkcode eye}: sparse identity matrices and shifted diagonals of ones.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * const i = sparse.eye(3);
 * console.assert(i.nnz === 3 && i.format === "csr");
 * ```
 *
 * @module
 */
import type { DType } from "../core/dtype.ts";
import { full } from "../ops/creation.ts";
import type { SparseFormat, SparseMatrix } from "./_base.ts";
import { newCsr } from "./_factory.ts";
import { checkShape2 } from "./_check.ts";
import { checkSparseDType } from "./_values.ts";
import { checkFormat } from "./from_dense.ts";

/** Options of {@linkcode eye}. */
export interface EyeOpts {
  /** Number of columns (default: `n`). */
  m?: number;
  /** The diagonal of ones: 0 the main one, k > 0 above it, k < 0 below. */
  k?: number;
  /** The result's format (default `"csr"`; SciPy's default is DIA, which nd lacks). */
  format?: SparseFormat;
  /** The values' dtype (default float64). */
  dtype?: DType;
}

/**
 * An `n`×`m` sparse matrix with ones on the `k`-th diagonal (SciPy's `eye(m, n, k)`; here
 * `n` is the number of rows and `m` of columns, as in `nd.eye`).
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const a = sparse.eye(2, { m: 3, k: 1, dtype: "int32" });
 * assert.deepEqual(a.toDense().toArray(), [[0, 1, 0], [0, 0, 1]]);
 * ```
 */
export function eye(n: number, opts: EyeOpts = {}): SparseMatrix {
  const k = opts.k ?? 0;
  if (typeof k !== "number" || !Number.isInteger(k)) {
    throw new TypeError(`eye: k must be an integer, got ${String(k)}`);
  }
  const [rows, cols] = checkShape2([n, opts.m ?? n], "eye");
  const format = checkFormat(opts.format ?? "csr", "eye");
  const dtype = checkSparseDType(opts.dtype ?? "float64", "eye");
  const r0 = Math.max(0, -k);
  const len = Math.max(0, Math.min(rows - r0, cols - r0 - k));
  const indptr = new Int32Array(rows + 1), indices = new Int32Array(len);
  for (let i = 0; i < rows; i++) {
    const t = i - r0;
    indptr[i + 1] = Math.min(Math.max(t + 1, 0), len);
  }
  for (let t = 0; t < len; t++) indices[t] = r0 + t + k;
  const data = full([len], 1, { dtype });
  return newCsr(data, indices, indptr, [rows, cols], { canonical: true }).asformat(format);
}
