/**
 * Compressed Sparse Row matrices: {@linkcode CSR} and {@linkcode csr}.
 *
 * @module
 */
import type { NDArray } from "../core/ndarray.ts";
import type { DType } from "../core/dtype.ts";
import { Compressed } from "./_compressed.ts";
import { FACTORY, newCoo, newCsc, type OrderFlags, type Shape2, TRUSTED } from "./_factory.ts";
import { type CompressedInit, compressedParts } from "./_init.ts";
import { majorOfEntries, swapCompressed } from "./_convert.ts";
import type { CSC } from "./csc.ts";
import type { COO } from "./coo.ts";
import { SparseMatrix } from "./_base.ts";

export type { CompressedInit };

/**
 * A Compressed Sparse Row matrix (SciPy's `csr_matrix`): row `i` holds the entries
 * `indptr[i] .. indptr[i+1]` of `indices` (their columns) and `data` (their values). Fast row
 * access and matrix-vector products. Build one with {@linkcode csr}, `fromDense` or `tocsr()`;
 * the constructor takes the parts as they are and checks them.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const a = sparse.csr({ data: [1, 2, 3], indices: [0, 2, 1], indptr: [0, 2, 3], shape: [2, 3] });
 * assert.deepEqual(a.toDense().toArray(), [[1n, 0n, 2n], [0n, 3n, 0n]]);
 * assert.equal(a.T.format, "csc"); // no copy: the transpose shares the arrays
 * assert.equal(a.T.indices, a.indices);
 * ```
 */
export class CSR<D extends DType = DType> extends Compressed<D> {
  /** `"csr"`. */
  get format(): "csr" {
    return "csr";
  }
  protected make<T extends DType>(
    data: NDArray<T>,
    indices: Int32Array,
    indptr: Int32Array,
    shape: Shape2,
    flags: OrderFlags = {},
  ): CSR<T> {
    return new CSR(data, indices, indptr, shape, { ...flags, [TRUSTED]: true });
  }
  /** The transpose: a CSC matrix over the same arrays. */
  get T(): CSC<D> {
    return newCsc(
      this.data,
      this.indices,
      this.indptr,
      [this.shape[1], this.shape[0]],
      this.orderFlags,
    ) as CSC<D>;
  }
  /** This matrix. */
  tocsr(): CSR<D> {
    return this;
  }
  /** CSC format, by a counting sort over the columns (duplicates kept). */
  tocsc(): CSC<D> {
    const p = swapCompressed(this);
    return newCsc(p.data, p.indices, p.indptr, this.shape, p.flags) as CSC<D>;
  }
  /** COO format, sharing `data` and `indices` (as `col`). */
  tocoo(): COO<D> {
    return newCoo(
      this.data,
      majorOfEntries(this),
      this.indices,
      this.shape,
      this.orderFlags,
    ) as COO<D>;
  }
  /** A deep copy. */
  override copy(): CSR<D> {
    return super.copy() as CSR<D>;
  }
  /** The same structure with new values. */
  override withData<T extends DType>(data: NDArray<T>): CSR<T> {
    return super.withData(data) as CSR<T>;
  }
  /** A copy with values cast to `dtype`. */
  override astype<T extends DType>(dtype: T): CSR<T> {
    return super.astype(dtype) as CSR<T>;
  }
}

FACTORY.csr = (data, indices, indptr, shape, flags) =>
  new CSR(data, indices, indptr, shape, { ...flags, [TRUSTED]: true });

/**
 * A CSR matrix from `{ data, indices, indptr, shape }` (SciPy's
 * `csr_matrix((data, indices, indptr), shape)`), or a sparse matrix converted to CSR. Index
 * arrays are Int32Array (others are converted); Int32Array and contiguous data are used
 * without copying unless `copy`. The structure is checked: `indptr` must have rows + 1
 * entries, start at 0 and not decrease, and every index must be a valid column; a TypeError
 * or RangeError says which value is wrong. Duplicates and unsorted columns are allowed, as in
 * SciPy (see `sumDuplicates`, `sortIndices`).
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const a = sparse.csr({ data: [5, 6], indices: [1, 0], indptr: [0, 1, 2], shape: [2, 2], dtype: "float32" });
 * assert.equal(a.dtype, "float32");
 * assert.equal(a.get(0, 1), 5);
 * assert.throws(
 *   () => sparse.csr({ data: [1], indices: [3], indptr: [0, 1], shape: [1, 3] }),
 *   { name: "RangeError", message: "csr: indices[0] = 3 is out of range for 3 columns" },
 * );
 * ```
 */
export function csr(init: CompressedInit | SparseMatrix): CSR {
  if (init instanceof SparseMatrix) return init.tocsr();
  const p = compressedParts(init, "csr");
  return new CSR(p.data, p.indices, p.indptr, p.shape, { [TRUSTED]: true });
}
