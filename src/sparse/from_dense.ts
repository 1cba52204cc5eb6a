/**
 * {@linkcode fromDense}: a sparse matrix holding the nonzeros of a dense one.
 *
 * @module
 */
import { NDArray } from "../core/ndarray.ts";
import { DTYPES } from "../core/dtype.ts";
import type { DType } from "../core/dtype.ts";
import { toArray } from "../core/asarray.ts";
import { astype } from "../core/copy.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { SparseFormat, SparseMatrix } from "./_base.ts";
import { newCoo, newCsc, newCsr } from "./_factory.ts";
import { checkShape2 } from "./_check.ts";
import { checkSparseDType, gather, wrapData } from "./_values.ts";
import { expandIndptr } from "./_kernels_convert.ts";
import type { CSR } from "./csr.ts";
import type { CSC } from "./csc.ts";
import type { COO } from "./coo.ts";

/** Options of {@linkcode fromDense}. */
export interface FromDenseOpts {
  /** The result's format (default `"csr"`). */
  format?: SparseFormat;
  /** Cast the values to this dtype. */
  dtype?: DType;
}

/** Checks a format option. */
export function checkFormat(format: unknown, where: string): SparseFormat {
  if (format !== "csr" && format !== "csc" && format !== "coo") {
    throw new RangeError(
      `${where}: format must be "csr", "csc" or "coo", got ${JSON.stringify(format)}`,
    );
  }
  return format;
}

/**
 * The nonzeros of a dense 2-D array (a 1-D array is one row, as SciPy's matrices treat it)
 * in `format` (CSR by default), in canonical form: sorted, no duplicates, no stored zeros.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const a = sparse.fromDense([[0, 1.5], [2, 0]], { format: "csc" });
 * assert.equal(a.format, "csc");
 * assert.equal(a.nnz, 2);
 * assert.deepEqual(a.toDense().toArray(), [[0, 1.5], [2, 0]]);
 * ```
 */
export function fromDense(a: ArrayLike, opts: FromDenseOpts & { format: "csc" }): CSC;
export function fromDense(a: ArrayLike, opts: FromDenseOpts & { format: "coo" }): COO;
export function fromDense(a: ArrayLike, opts?: FromDenseOpts & { format?: "csr" }): CSR;
export function fromDense(a: ArrayLike, opts?: FromDenseOpts): SparseMatrix;
export function fromDense(a: ArrayLike, opts: FromDenseOpts = {}): SparseMatrix {
  const format = checkFormat(opts.format ?? "csr", "fromDense");
  let x = toArray(a, "fromDense");
  if (x.ndim === 1) x = new NDArray(x.dtype, x.data, [1, x.shape[0]], [0, x.strides[0]], x.offset);
  if (x.ndim !== 2) {
    throw new TypeError(`fromDense: expected a 2-D array, got shape [${x.shape.join(",")}]`);
  }
  if (opts.dtype !== undefined) x = astype(x, checkSparseDType(opts.dtype, "fromDense"));
  checkSparseDType(x.dtype, "fromDense");
  const shape = checkShape2([x.shape[0], x.shape[1]], "fromDense");
  const [m, n] = shape;
  const colMajor = format === "csc";
  const nMajor = colMajor ? n : m, nMinor = colMajor ? m : n;
  const sMajor = x.strides[colMajor ? 1 : 0], sMinor = x.strides[colMajor ? 0 : 1];
  const lanes = DTYPES[x.dtype].lanes, d = x.data;
  const indptr = new Int32Array(nMajor + 1), idx: number[] = [], pos: number[] = [];
  for (let i = 0; i < nMajor; i++) {
    const base = x.offset + i * sMajor;
    for (let j = 0; j < nMinor; j++) {
      const p = base + j * sMinor;
      const nz = lanes === 2 ? d[2 * p] !== 0 || d[2 * p + 1] !== 0 : d[p] != 0;
      if (nz) {
        idx.push(j);
        pos.push(p);
      }
    }
    indptr[i + 1] = idx.length;
  }
  const nnz = idx.length;
  const data = wrapData(x.dtype, gather(x.dtype, d, Int32Array.from(pos)), nnz);
  const indices = Int32Array.from(idx), flags = { canonical: true };
  if (format === "csr") return newCsr(data, indices, indptr, shape, flags);
  if (format === "csc") return newCsc(data, indices, indptr, shape, flags);
  return newCoo(data, expandIndptr(indptr, m), indices, shape, flags);
}
