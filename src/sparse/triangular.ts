/**
 * {@linkcode tril} and {@linkcode triu}: the lower or upper triangle of a matrix, sparse.
 *
 * @module
 */
import type { ArrayLike } from "../core/_array_like.ts";
import type { SparseFormat, SparseMatrix } from "./_base.ts";
import { newCoo } from "./_factory.ts";
import { gather, wrapData } from "./_values.ts";
import { takeIndex } from "./_kernels_canonical.ts";
import { checkFormat, fromDense } from "./from_dense.ts";
import { isSparse } from "./arithmetic.ts";

/** Options of {@linkcode tril} and {@linkcode triu}. */
export interface TriangleOpts {
  /** The diagonal bounding the triangle: 0 the main one, k > 0 above, k < 0 below. */
  k?: number;
  /** The result's format (default `"coo"`, as SciPy). */
  format?: SparseFormat;
}

function triangle(a: SparseMatrix | ArrayLike, opts: TriangleOpts, lower: boolean): SparseMatrix {
  const where = lower ? "tril" : "triu";
  const k = opts.k ?? 0;
  if (typeof k !== "number" || !Number.isInteger(k)) {
    throw new TypeError(`${where}: k must be an integer, got ${String(k)}`);
  }
  const format = checkFormat(opts.format ?? "coo", where);
  const c = (isSparse(a) ? a : fromDense(a as ArrayLike)).tocoo();
  const keep: number[] = [];
  for (let t = 0; t < c.nnz; t++) {
    const d = c.col[t] - c.row[t];
    if (lower ? d <= k : d >= k) keep.push(t);
  }
  const idx = Int32Array.from(keep);
  const data = wrapData(c.dtype, gather(c.dtype, c.data.data, idx), idx.length);
  return newCoo(data, takeIndex(c.row, idx), takeIndex(c.col, idx), c.shape).asformat(format);
}

/**
 * The entries on and below the `k`-th diagonal (SciPy's `tril`; dense input is accepted).
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const l = sparse.tril([[1, 2], [3, 4]]);
 * assert.deepEqual(l.toDense().toArray(), [[1n, 0n], [3n, 4n]]);
 * ```
 */
export function tril(a: SparseMatrix | ArrayLike, opts: TriangleOpts = {}): SparseMatrix {
  return triangle(a, opts, true);
}

/**
 * The entries on and above the `k`-th diagonal (SciPy's `triu`).
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const u = sparse.triu([[1, 2], [3, 4]], { k: 1 });
 * assert.deepEqual(u.toDense().toArray(), [[0n, 2n], [0n, 0n]]);
 * ```
 */
export function triu(a: SparseMatrix | ArrayLike, opts: TriangleOpts = {}): SparseMatrix {
  return triangle(a, opts, false);
}
