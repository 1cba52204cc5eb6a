/**
 * COOrdinate matrices: {@linkcode COO} and {@linkcode coo}.
 *
 * @module
 */
import type { NDArray } from "../core/ndarray.ts";
import type { DType } from "../core/dtype.ts";
import { SparseMatrix } from "./_base.ts";
import { FACTORY, newCsc, newCsr, type OrderFlags, type Shape2, TRUSTED } from "./_factory.ts";
import { checkCoo, checkShape2 } from "./_check.ts";
import { type CooInit, cooParts } from "./_init.ts";
import { checkDataPart, gather, lanesOf, withDataValues, wrapData } from "./_values.ts";
import { cooSorted, cooToCompressed } from "./_convert.ts";
import { cooOrder, expandIndptr } from "./_kernels_convert.ts";
import { nonzeroEntries, takeIndex } from "./_kernels_canonical.ts";
import type { CSR } from "./csr.ts";
import type { CSC } from "./csc.ts";

export type { CooInit };

/**
 * A COOrdinate matrix (SciPy's `coo_matrix`): entry `k` is `data[k]` at `(row[k], col[k])`.
 * Entries may come in any order and repeat: duplicates stay stored until a conversion
 * (`tocsr`, `tocsc`, `toDense`) or `sumDuplicates` adds them up. Build one with
 * {@linkcode coo}; the constructor takes the parts as they are and checks them.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const a = sparse.coo({ data: [1, 2, 3], row: [0, 1, 0], col: [0, 1, 0], shape: [2, 2] });
 * assert.equal(a.nnz, 3); // the duplicate at (0, 0) is kept
 * const b = a.tocsr();
 * assert.equal(b.nnz, 2);
 * assert.deepEqual(b.toDense().toArray(), [[4n, 0n], [0n, 2n]]);
 * ```
 */
export class COO<D extends DType = DType> extends SparseMatrix<D> {
  #data: NDArray<D>;
  #row: Int32Array;
  #col: Int32Array;
  #sorted: boolean | undefined;
  #canonical: boolean | undefined;

  /** Wraps the parts; unless nd made them they are checked fully. */
  constructor(
    data: NDArray<D>,
    row: Int32Array,
    col: Int32Array,
    shape: Shape2,
    flags: OrderFlags = {},
  ) {
    super(flags[TRUSTED] ? shape : checkShape2(shape, "coo"));
    if (!flags[TRUSTED]) {
      checkDataPart(data, "coo");
      if (!(row instanceof Int32Array) || !(col instanceof Int32Array)) {
        throw new TypeError("coo: row and col must be Int32Arrays");
      }
      checkCoo(row, col, data.size, this.shape, "coo");
    }
    this.#data = data;
    this.#row = row;
    this.#col = col;
    this.#canonical = flags.canonical;
    this.#sorted = flags.canonical ? true : flags.sorted;
  }

  /** `"coo"`. */
  get format(): "coo" {
    return "coo";
  }
  /** The stored values. */
  get data(): NDArray<D> {
    return this.#data;
  }
  /** The row of each stored value. */
  get row(): Int32Array {
    return this.#row;
  }
  /** The column of each stored value. */
  get col(): Int32Array {
    return this.#col;
  }
  /** The number of stored entries (duplicates included). */
  get nnz(): number {
    return this.#row.length;
  }
  /** Whether entries are in row-major order (duplicates allowed). */
  get hasSortedIndices(): boolean {
    this.#sorted ??= cooSorted(this.#row, this.#col, false);
    return this.#sorted;
  }
  /** Whether entries are in row-major order without duplicates. */
  get hasCanonicalFormat(): boolean {
    if (this.#canonical === undefined) {
      this.#canonical = this.hasSortedIndices && cooSorted(this.#row, this.#col, true);
    }
    return this.#canonical;
  }
  #flags(): OrderFlags {
    return { sorted: this.#sorted, canonical: this.#canonical };
  }
  #make<T extends DType>(data: NDArray<T>, row: Int32Array, col: Int32Array, f: OrderFlags) {
    return new COO(data, row, col, this.shape, { ...f, [TRUSTED]: true });
  }

  /** The transpose: row and col swapped, sharing the arrays. */
  get T(): COO<D> {
    return new COO(this.#data, this.#col, this.#row, [this.shape[1], this.shape[0]], {
      [TRUSTED]: true,
    });
  }
  /** This matrix. */
  tocoo(): COO<D> {
    return this;
  }
  /** CSR format: a counting sort by column then row, duplicates summed (canonical result). */
  tocsr(): CSR<D> {
    const [m, n] = this.shape;
    const p = cooToCompressed(m, n, this.#row, this.#col, this.#data, this.#canonical === true);
    return newCsr(p.data, p.indices, p.indptr, this.shape, p.flags) as CSR<D>;
  }
  /** CSC format: a counting sort by row then column, duplicates summed (canonical result). */
  tocsc(): CSC<D> {
    const [m, n] = this.shape;
    const p = cooToCompressed(n, m, this.#col, this.#row, this.#data, false);
    return newCsc(p.data, p.indices, p.indptr, this.shape, p.flags) as CSC<D>;
  }

  /** Sorts the entries row-major and sums duplicates, in place. */
  sumDuplicates(): this {
    if (this.hasCanonicalFormat) return this;
    const [m, n] = this.shape;
    const p = cooToCompressed(m, n, this.#row, this.#col, this.#data, false);
    this.#data = p.data as NDArray<D>;
    this.#row = expandIndptr(p.indptr, m);
    this.#col = p.indices;
    this.#sorted = this.#canonical = true;
    return this;
  }
  /** Sorts the entries row-major (stably, duplicates kept), in place. */
  sortIndices(): this {
    if (this.hasSortedIndices) return this;
    const [m, n] = this.shape;
    const perm = cooOrder(m, n, this.#row, this.#col);
    const d = this.#data;
    this.#data = wrapData(d.dtype, gather(d.dtype, d.data, perm), perm.length) as NDArray<D>;
    this.#row = takeIndex(this.#row, perm);
    this.#col = takeIndex(this.#col, perm);
    this.#sorted = true;
    return this;
  }
  /** Removes stored zeros, in place. */
  eliminateZeros(): this {
    const d = this.#data;
    const r = nonzeroEntries(d.data, lanesOf(d.dtype), null, 0, this.nnz);
    if (r === null) return this;
    this.#data = wrapData(d.dtype, gather(d.dtype, d.data, r.keep), r.nnz) as NDArray<D>;
    this.#row = takeIndex(this.#row, r.keep);
    this.#col = takeIndex(this.#col, r.keep);
    return this;
  }
  /** Checks the structure fully. */
  check(): this {
    checkCoo(this.#row, this.#col, this.#data.size, this.shape, "coo");
    return this;
  }
  /** The same structure with new values (sharing row and col). */
  withData<T extends DType>(data: NDArray<T>): COO<T> {
    return this.#make(withDataValues(data, this.nnz), this.#row, this.#col, this.#flags());
  }
  /** A deep copy. */
  copy(): COO<D> {
    return this.#make(
      wrapData(this.dtype, this.#data.data.slice(), this.nnz) as NDArray<D>,
      this.#row.slice(),
      this.#col.slice(),
      this.#flags(),
    );
  }
  /** A copy with values cast to `dtype`. */
  override astype<T extends DType>(dtype: T): COO<T> {
    return super.astype(dtype) as COO<T>;
  }
  /** This matrix with its own row and col arrays. */
  protected copyIndices(): COO<D> {
    return this.#make(this.#data, this.#row.slice(), this.#col.slice(), this.#flags());
  }
}

FACTORY.coo = (data, row, col, shape, flags) =>
  new COO(data, row, col, shape, { ...flags, [TRUSTED]: true });

/**
 * A COO matrix from `{ data, row, col, shape }` (SciPy's `coo_matrix((data, (row, col)),
 * shape)`), or a sparse matrix converted to COO. Without `shape` the matrix is just large
 * enough for the largest row and column. Coordinates are checked (a RangeError names the
 * first one outside the shape); duplicates are allowed and summed on conversion.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const a = sparse.coo({ data: [1.5, 2], row: [2, 0], col: [1, 3] });
 * assert.deepEqual(a.shape, [3, 4]);
 * assert.throws(
 *   () => sparse.coo({ data: [1], row: [2], col: [0], shape: [2, 2] }),
 *   { name: "RangeError", message: "coo: row[0] = 2 is out of range for 2 rows" },
 * );
 * ```
 */
export function coo(init: CooInit | SparseMatrix): COO {
  if (init instanceof SparseMatrix) return init.tocoo();
  const p = cooParts(init, "coo");
  return new COO(p.data, p.row, p.col, p.shape, { [TRUSTED]: true });
}
