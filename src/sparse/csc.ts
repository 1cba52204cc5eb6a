/**
 * Compressed Sparse Column matrices: {@linkcode CSC} and {@linkcode csc}.
 *
 * @module
 */
import type { NDArray } from "../core/ndarray.ts";
import type { DType } from "../core/dtype.ts";
import { Compressed } from "./_compressed.ts";
import { FACTORY, newCoo, newCsr, type OrderFlags, type Shape2, TRUSTED } from "./_factory.ts";
import { type CompressedInit, compressedParts } from "./_init.ts";
import { majorOfEntries, swapCompressed } from "./_convert.ts";
import type { CSR } from "./csr.ts";
import type { COO } from "./coo.ts";
import { SparseMatrix } from "./_base.ts";

export type { CompressedInit };

/**
 * A Compressed Sparse Column matrix (SciPy's `csc_matrix`): column `j` holds the entries
 * `indptr[j] .. indptr[j+1]` of `indices` (their rows) and `data` (their values). Fast column
 * access and products with the transpose. Build one with {@linkcode csc}, `fromDense` or
 * `tocsc()`; the constructor takes the parts as they are and checks them.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const a = sparse.csc({ data: [1, 2, 3], indices: [0, 1, 0], indptr: [0, 2, 2, 3], shape: [2, 3] });
 * assert.deepEqual(a.toDense().toArray(), [[1n, 0n, 3n], [2n, 0n, 0n]]);
 * assert.equal(a.T.format, "csr");
 * ```
 */
export class CSC<D extends DType = DType> extends Compressed<D> {
  /** `"csc"`. */
  get format(): "csc" {
    return "csc";
  }
  protected make<T extends DType>(
    data: NDArray<T>,
    indices: Int32Array,
    indptr: Int32Array,
    shape: Shape2,
    flags: OrderFlags = {},
  ): CSC<T> {
    return new CSC(data, indices, indptr, shape, { ...flags, [TRUSTED]: true });
  }
  /** The transpose: a CSR matrix over the same arrays. */
  get T(): CSR<D> {
    return newCsr(
      this.data,
      this.indices,
      this.indptr,
      [this.shape[1], this.shape[0]],
      this.orderFlags,
    ) as CSR<D>;
  }
  /** CSR format, by a counting sort over the rows (duplicates kept). */
  tocsr(): CSR<D> {
    const p = swapCompressed(this);
    return newCsr(p.data, p.indices, p.indptr, this.shape, p.flags) as CSR<D>;
  }
  /** This matrix. */
  tocsc(): CSC<D> {
    return this;
  }
  /** COO format (column-major order), sharing `data` and `indices` (as `row`). */
  tocoo(): COO<D> {
    return newCoo(this.data, this.indices, majorOfEntries(this), this.shape, {}) as COO<D>;
  }
  /** A deep copy. */
  override copy(): CSC<D> {
    return super.copy() as CSC<D>;
  }
  /** The same structure with new values. */
  override withData<T extends DType>(data: NDArray<T>): CSC<T> {
    return super.withData(data) as CSC<T>;
  }
  /** A copy with values cast to `dtype`. */
  override astype<T extends DType>(dtype: T): CSC<T> {
    return super.astype(dtype) as CSC<T>;
  }
}

FACTORY.csc = (data, indices, indptr, shape, flags) =>
  new CSC(data, indices, indptr, shape, { ...flags, [TRUSTED]: true });

/**
 * A CSC matrix from `{ data, indices, indptr, shape }` (SciPy's
 * `csc_matrix((data, indices, indptr), shape)`: `indices` are rows, `indptr` runs over the
 * columns), or a sparse matrix converted to CSC. Inputs are converted and checked as by
 * `csr()`.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const a = sparse.csc({ data: [5, 6], indices: [1, 0], indptr: [0, 1, 2], shape: [2, 2] });
 * assert.equal(a.get(1, 0), 5n);
 * assert.throws(
 *   () => sparse.csc({ data: [1], indices: [0], indptr: [0, 1], shape: [1, 3] }),
 *   { name: "TypeError", message: "csc: indptr has length 2, expected 4 (columns + 1)" },
 * );
 * ```
 */
export function csc(init: CompressedInit | SparseMatrix): CSC {
  if (init instanceof SparseMatrix) return init.tocsc();
  const p = compressedParts(init, "csc");
  return new CSC(p.data, p.indices, p.indptr, p.shape, { [TRUSTED]: true });
}
