// What CSR and CSC share: `data`, `indices`, `indptr` over a major axis (rows for CSR,
// columns for CSC), the canonical-format flags and the in-place canonicalisation methods.
import type { NDArray } from "../core/ndarray.ts";
import type { DType } from "../core/dtype.ts";
import { SparseMatrix } from "./_base.ts";
import { type OrderFlags, type Shape2, TRUSTED } from "./_factory.ts";
import { checkCompressed, checkShape2 } from "./_check.ts";
import { checkDataPart, gather, lanesOf, segmentSum, withDataValues, wrapData } from "./_values.ts";
import {
  findDuplicates,
  nonzeroEntries,
  segmentsSorted,
  sortSegments,
  takeIndex,
} from "./_kernels_canonical.ts";

/** The CSR/CSC base: compressed major segments of minor indices. */
export abstract class Compressed<D extends DType = DType> extends SparseMatrix<D> {
  /** `"csr"` or `"csc"`. */
  abstract override readonly format: "csr" | "csc";
  #data: NDArray<D>;
  #indices: Int32Array;
  #indptr: Int32Array;
  #sorted: boolean | undefined;
  #canonical: boolean | undefined;

  /**
   * Wraps the parts; unless nd made them itself they are checked fully (a TypeError or
   * RangeError names the first problem), so no kernel can later read outside an array.
   */
  constructor(
    data: NDArray<D>,
    indices: Int32Array,
    indptr: Int32Array,
    shape: Shape2,
    flags: OrderFlags = {},
  ) {
    super(flags[TRUSTED] ? shape : checkShape2(shape, "sparse"));
    if (!flags[TRUSTED]) {
      const where = (this as { format: string }).format;
      checkDataPart(data, where);
      if (!(indices instanceof Int32Array) || !(indptr instanceof Int32Array)) {
        throw new TypeError(`${where}: indices and indptr must be Int32Arrays`);
      }
      this.#checkStructure(indices, indptr, data.size, `: use ${where}() to trim them`);
    }
    this.#data = data;
    this.#indices = indices;
    this.#indptr = indptr;
    this.#canonical = flags.canonical;
    this.#sorted = flags.canonical ? true : flags.sorted;
  }

  /** A matrix of this format from valid parts. */
  protected abstract make<T extends DType>(
    data: NDArray<T>,
    indices: Int32Array,
    indptr: Int32Array,
    shape: Shape2,
    flags?: OrderFlags,
  ): Compressed<T>;

  /** The stored values. */
  get data(): NDArray<D> {
    return this.#data;
  }
  /** The minor index (column for CSR, row for CSC) of each stored value. */
  get indices(): Int32Array {
    return this.#indices;
  }
  /** Segment `i` (row for CSR, column for CSC) holds entries `indptr[i] .. indptr[i+1]`. */
  get indptr(): Int32Array {
    return this.#indptr;
  }
  /** The number of stored entries. */
  get nnz(): number {
    return this.#indices.length;
  }
  /** Number of segments (rows for CSR, columns for CSC). */
  get nMajor(): number {
    return this.shape[this.format === "csr" ? 0 : 1];
  }
  /** Extent of the indices (columns for CSR, rows for CSC). */
  get nMinor(): number {
    return this.shape[this.format === "csr" ? 1 : 0];
  }
  /** What is known of the index order (for the kernels; the flags carry over to copies). */
  get orderFlags(): OrderFlags {
    return { sorted: this.#sorted, canonical: this.#canonical };
  }

  /** Whether the indices of every segment are non-decreasing. */
  get hasSortedIndices(): boolean {
    this.#sorted ??= segmentsSorted(this.#indices, this.#indptr, this.nMajor, false);
    return this.#sorted;
  }
  /** Whether every segment's indices are increasing: sorted without duplicates. */
  get hasCanonicalFormat(): boolean {
    if (this.#canonical === undefined) {
      this.#canonical = this.hasSortedIndices &&
        segmentsSorted(this.#indices, this.#indptr, this.nMajor, true);
    }
    return this.#canonical;
  }

  /** Replaces the parts (in-place operations). */
  #replace(data: NDArray<D>, indices: Int32Array, indptr: Int32Array, flags: OrderFlags): void {
    this.#data = data;
    this.#indices = indices;
    this.#indptr = indptr;
    this.#sorted = flags.canonical ? true : flags.sorted;
    this.#canonical = flags.canonical;
  }

  /** Sorts the indices within each segment (stably), in place. */
  sortIndices(): this {
    if (this.#sorted) return this;
    const r = sortSegments(this.#indices, this.#indptr, this.nMajor);
    if (r !== null) {
      const d = this.#data;
      const vals = wrapData(d.dtype, gather(d.dtype, d.data, r.perm), r.perm.length);
      this.#replace(vals as NDArray<D>, r.indices, this.#indptr, { sorted: true });
    } else this.#sorted = true;
    return this;
  }

  /** Sums duplicate entries (sorting the indices first), in place. */
  sumDuplicates(): this {
    if (this.hasCanonicalFormat) return this;
    this.sortIndices();
    const r = findDuplicates(this.#indices, this.#indptr, this.nMajor);
    if (r === null) {
      this.#canonical = true;
      return this;
    }
    const d = this.#data, ident = new Int32Array(d.size);
    for (let k = 0; k < ident.length; k++) ident[k] = k;
    const vals = segmentSum(d.dtype, d.data, ident, r.seg, r.nnz);
    this.#replace(wrapData(d.dtype, vals, r.nnz) as NDArray<D>, r.indices, r.indptr, {
      canonical: true,
    });
    return this;
  }

  /** Removes stored zeros, in place (the index order is kept). */
  eliminateZeros(): this {
    const d = this.#data;
    const r = nonzeroEntries(d.data, lanesOf(d.dtype), this.#indptr, this.nMajor, this.nnz);
    if (r === null) return this;
    const vals = wrapData(d.dtype, gather(d.dtype, d.data, r.keep), r.nnz);
    this.#replace(vals as NDArray<D>, takeIndex(this.#indices, r.keep), r.indptr!, {
      sorted: this.#sorted,
      canonical: this.#canonical,
    });
    return this;
  }

  /** Checks the structure fully (after the arrays were changed by hand, say). */
  check(): this {
    this.#checkStructure(this.#indices, this.#indptr, this.#data.size, "");
    return this;
  }

  /** `checkCompressed`, and `indptr` must end at the last index (`hint` ends the message). */
  #checkStructure(indices: Int32Array, indptr: Int32Array, size: number, hint: string): void {
    const nMajor = this.nMajor, csr = this.format === "csr";
    checkCompressed(indices, indptr, size, nMajor, this.nMinor, csr, this.format);
    if (indptr[nMajor] !== indices.length) {
      throw new RangeError(
        `${this.format}: indptr ends at ${
          indptr[nMajor]
        } but there are ${indices.length} indices${hint}`,
      );
    }
  }

  /** The same structure with new values (sharing the index arrays). */
  withData<T extends DType>(data: NDArray<T>): Compressed<T> {
    const d = withDataValues(data, this.nnz);
    return this.make(d, this.#indices, this.#indptr, this.shape, this.orderFlags);
  }

  /** A deep copy. */
  copy(): Compressed<D> {
    return this.make(
      wrapData(this.dtype, this.#data.data.slice(), this.nnz) as NDArray<D>,
      this.#indices.slice(),
      this.#indptr.slice(),
      this.shape,
      this.orderFlags,
    );
  }

  /** This matrix with its own index arrays. */
  protected copyIndices(): Compressed<D> {
    return this.make(
      this.#data,
      this.#indices.slice(),
      this.#indptr.slice(),
      this.shape,
      this.orderFlags,
    );
  }
}
