/**
 * `SparseMatrix`: what COO, CSR and CSC have in common. The methods delegate to the operation
 * modules, which build their results through `_factory.ts` (never by importing a class
 * module), so this module can be loaded first without an import cycle.
 *
 * @module
 */
import type { NDArray } from "../core/ndarray.ts";
import type { DType } from "../core/dtype.ts";
import type { ArrayLike, Scalar } from "../core/_array_like.ts";
import type { Index } from "../core/_index_types.ts";
import type { CSR } from "./csr.ts";
import type { CSC } from "./csc.ts";
import type { COO } from "./coo.ts";
import type { Shape2 } from "./_factory.ts";
import { castData, checkSparseDType } from "./_values.ts";
import { dot, matmul, rmatvec } from "./matmul.ts";
import { add, div, multiply, neg, power, sub } from "./arithmetic.ts";
import { abs, conj, UNARY, type UnaryName } from "./elementwise.ts";
import {
  countNonzero,
  type MeanOpts,
  type MinMaxOpts,
  sparseMax,
  sparseMean,
  sparseMin,
  sparseSum,
  type SumOpts,
} from "./reductions.ts";
import { diagonal, getValue, trace } from "./diagonal.ts";
import { getCol, getRow, sliceMatrix } from "./slicing.ts";
import { toDense, type ToDenseOpts } from "./to_dense.ts";
import { displayBundle, sparseToString } from "./display.ts";

/** The storage formats. */
export type SparseFormat = "csr" | "csc" | "coo";

/**
 * A 2-D sparse matrix in SciPy's data model: `data` holds the stored values (a 1-D NDArray),
 * the index arrays are `Int32Array`s, and `nnz` counts stored entries (explicit zeros and, in
 * COO or non-canonical CSR/CSC, duplicates included; they are summed wherever values are
 * combined). Operations return new matrices; `sumDuplicates`, `eliminateZeros` and
 * `sortIndices` change the matrix in place, as SciPy's do, by replacing its arrays (arrays
 * shared with other matrices, such as a transpose, are never written to).
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const a = sparse.fromDense([[1, 0, 2], [0, 0, 3]]);
 * assert.equal(a.format, "csr");
 * assert.equal(a.nnz, 3);
 * assert.deepEqual(a.matmul([1, 1, 1]).toArray(), [3n, 3n]);
 * assert.deepEqual(a.T.toDense().toArray(), [[1n, 0n], [0n, 0n], [2n, 3n]]);
 * ```
 */
export abstract class SparseMatrix<D extends DType = DType> {
  /** The storage format. */
  abstract readonly format: SparseFormat;
  /** `[rows, cols]`. */
  readonly shape: Shape2;

  /** Sets the shape (subclasses check it first). */
  constructor(shape: Shape2) {
    this.shape = Object.freeze([shape[0], shape[1]]) as unknown as Shape2;
  }

  /** The stored values, a 1-D NDArray of length `nnz`. */
  abstract get data(): NDArray<D>;
  /** The number of stored entries (explicit zeros and duplicates included). */
  abstract get nnz(): number;
  /** Always 2. */
  get ndim(): 2 {
    return 2;
  }
  /** The dtype of the values. */
  get dtype(): D {
    return this.data.dtype;
  }

  /** The transpose, sharing this matrix's arrays (CSR ↔ CSC, COO → COO). */
  abstract get T(): SparseMatrix<D>;
  /** The transpose (the same as `T`). */
  transpose(): SparseMatrix<D> {
    return this.T;
  }
  /** COO format (sharing arrays where the formats allow). */
  abstract tocoo(): COO<D>;
  /** CSR format (this matrix itself if it is CSR; COO duplicates are summed). */
  abstract tocsr(): CSR<D>;
  /** CSC format (this matrix itself if it is CSC; COO duplicates are summed). */
  abstract tocsc(): CSC<D>;
  /** The matrix in `format`. */
  asformat(format: SparseFormat): SparseMatrix<D> {
    if (format === "csr") return this.tocsr();
    if (format === "csc") return this.tocsc();
    if (format === "coo") return this.tocoo();
    throw new RangeError(
      `asformat: format must be "csr", "csc" or "coo", got ${JSON.stringify(format)}`,
    );
  }
  /** A copy with the same structure and new values `data` (length `nnz`; shares the indices). */
  abstract withData<T extends DType>(data: NDArray<T>): SparseMatrix<T>;
  /** A deep copy. */
  abstract copy(): SparseMatrix<D>;
  /** Sums duplicate entries, in place (sorting the indices). Returns this matrix. */
  abstract sumDuplicates(): this;
  /** Removes stored zeros, in place. Returns this matrix. */
  abstract eliminateZeros(): this;
  /** Sorts the indices (CSR: within rows; CSC: within columns; COO: row-major), in place. */
  abstract sortIndices(): this;
  /** Whether indices are sorted (duplicates allowed). */
  abstract get hasSortedIndices(): boolean;
  /** Whether indices are sorted and there are no duplicates (SciPy's canonical format). */
  abstract get hasCanonicalFormat(): boolean;
  /** Checks the index structure fully; throws a TypeError/RangeError naming what is wrong. */
  abstract check(): this;

  /** A copy with values cast to `dtype` (indices copied too, as SciPy's `astype`). */
  astype<T extends DType>(dtype: T): SparseMatrix<T> {
    checkSparseDType(dtype, "astype");
    return this.withData(castData(this.data, dtype)).copyIndices() as SparseMatrix<T>;
  }
  /** This matrix with its own copies of the index arrays (values shared). */
  protected abstract copyIndices(): SparseMatrix<D>;

  /**
   * The dense matrix as an NDArray (duplicates summed). Throws a RangeError when it would
   * have more than `maxSize` elements (default 2²⁸: 2 GiB of float64).
   */
  toDense(opts?: ToDenseOpts): NDArray<D> {
    return toDense(this, opts) as NDArray<D>;
  }

  /** `this @ x`: a dense NDArray for a dense 1-D/2-D `x`, a sparse matrix for a sparse one. */
  matmul(x: SparseMatrix): SparseMatrix;
  /** `this @ x` with a dense vector or matrix. */
  matmul(x: ArrayLike): NDArray;
  matmul(x: ArrayLike | SparseMatrix): NDArray | SparseMatrix {
    return matmul(this, x);
  }
  /** The same as `matmul` (SciPy's `dot`). */
  dot(x: SparseMatrix): SparseMatrix;
  /** The same as `matmul` with a dense operand. */
  dot(x: ArrayLike): NDArray;
  dot(x: ArrayLike | SparseMatrix): NDArray | SparseMatrix {
    return dot(this, x);
  }
  /** `conj(this)ᵀ @ x` for a dense vector or matrix (the adjoint product iterative solvers use). */
  rmatvec(x: ArrayLike): NDArray {
    return rmatvec(this, x);
  }

  /** Sum: sparse with sparse (same shape) gives sparse; with a dense array gives dense. */
  add(x: SparseMatrix): SparseMatrix;
  /** Sum with a dense array (broadcast): a dense NDArray. Scalars other than 0 are refused. */
  add(x: ArrayLike): NDArray | SparseMatrix;
  add(x: ArrayLike | SparseMatrix): NDArray | SparseMatrix {
    return add(this, x);
  }
  /** Difference, as `add`. */
  sub(x: SparseMatrix): SparseMatrix;
  /** Difference with a dense array: a dense NDArray. */
  sub(x: ArrayLike): NDArray | SparseMatrix;
  sub(x: ArrayLike | SparseMatrix): NDArray | SparseMatrix {
    return sub(this, x);
  }
  /**
   * Elementwise product with a scalar, a dense array or a sparse matrix, broadcast as NumPy
   * broadcasts: sparse. A sparse operand of another shape must be 1×1, 1×n or m×1 (or this
   * matrix must be); the result's format and dtype are SciPy's (a row vector keeps the
   * matrix's format, a column vector gives CSR, COO becomes CSR).
   *
   * @example
   * ```ts
   * import * as sparse from "./mod.ts";
   * import assert from "node:assert/strict";
   * const a = sparse.fromDense([[1, 0, -2, 0], [0, 3, 0, 0], [-3, 4, 0, 5]]);
   * const p = a.multiply(sparse.fromDense([[1], [0], [3]]));
   * assert.equal(p.format, "csr");
   * assert.deepEqual(p.toDense().toArray(), [
   *   [1n, 0n, -2n, 0n],
   *   [0n, 0n, 0n, 0n],
   *   [-9n, 12n, 0n, 15n],
   * ]);
   * ```
   */
  multiply(x: ArrayLike | SparseMatrix): SparseMatrix {
    return multiply(this, x);
  }
  /** Product with a scalar (or elementwise with an array, as `multiply`). */
  mul(x: ArrayLike | SparseMatrix): SparseMatrix {
    return multiply(this, x);
  }
  /** True division: by a scalar gives sparse; by a dense or sparse array gives dense. */
  div(x: Scalar): SparseMatrix;
  /** True division by an array: dense, as NumPy would compute it. */
  div(x: ArrayLike | SparseMatrix): NDArray | SparseMatrix;
  div(x: ArrayLike | SparseMatrix): NDArray | SparseMatrix {
    return div(this, x);
  }
  /** Elementwise power of the stored values (`n` must not be 0). */
  power(n: number, opts?: { dtype?: DType }): SparseMatrix {
    return power(this, n, opts);
  }
  /** `-this` (refused for bool, as SciPy). */
  neg(): SparseMatrix<D> {
    return neg(this) as SparseMatrix<D>;
  }
  /** Absolute values (complex → real). */
  abs(): SparseMatrix {
    return abs(this);
  }
  /** Complex conjugate (a copy for real dtypes). */
  conj(): SparseMatrix<D> {
    return conj(this) as SparseMatrix<D>;
  }

  /** Sum of all entries (0-d NDArray) or along `axis` (1-D NDArray), SciPy's dtype rules. */
  sum(opts?: SumOpts): NDArray {
    return sparseSum(this, opts);
  }
  /** Mean over all entries or along `axis` (implicit zeros count). */
  mean(opts?: MeanOpts): NDArray {
    return sparseMean(this, opts);
  }
  /** Maximum over all entries or along `axis`, implicit zeros included (SciPy). */
  max(opts?: MinMaxOpts): NDArray<D> {
    return sparseMax(this, opts) as NDArray<D>;
  }
  /** Minimum over all entries or along `axis`, implicit zeros included (SciPy). */
  min(opts?: MinMaxOpts): NDArray<D> {
    return sparseMin(this, opts) as NDArray<D>;
  }
  /** Number of nonzero entries (duplicates summed first), overall or along `axis`. */
  countNonzero(opts?: { axis?: number }): number | NDArray<"int64"> {
    return countNonzero(this, opts);
  }
  /** The `k`-th diagonal as a dense 1-D NDArray (empty when out of range). */
  diagonal(k = 0): NDArray<D> {
    return diagonal(this, k) as NDArray<D>;
  }
  /** Sum of the `k`-th diagonal. */
  trace(k = 0): NDArray {
    return trace(this, k);
  }
  /** The value at `(i, j)` (duplicates summed; negative indices count from the end). */
  get(i: number, j: number): number | bigint | boolean | { re: number; im: number } {
    return getValue(this, i, j);
  }
  /** Row `i` as a 1×n CSR matrix. */
  getRow(i: number): CSR<D> {
    return getRow(this, i) as CSR<D>;
  }
  /** Column `j` as an m×1 CSC matrix. */
  getCol(j: number): CSC<D> {
    return getCol(this, j) as CSC<D>;
  }
  /**
   * A submatrix: `rows` and `cols` are each an integer (one row/column, kept as a dimension),
   * a slice string (`"1:10:2"`, `":"`, `"::-1"`), `null` (all) or an integer array (fancy,
   * repeats allowed) or bool mask. Rows and columns are selected independently (NumPy's
   * `np.ix_`). CSC gives CSC; CSR and COO give CSR.
   */
  slice(rows: Index, cols: Index = null): SparseMatrix<D> {
    return sliceMatrix(this, rows, cols) as SparseMatrix<D>;
  }

  /** SciPy's `str`: the repr line, then up to 50 `(row, col)  value` lines. */
  toString(): string {
    return sparseToString(this);
  }
  /** The Jupyter MIME bundle: `text/plain` (as `toString`) and `text/html` (summary, entries). */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return displayBundle(this);
  }
  /** Shows `toString()` in `console.log` under Deno. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }
}

/** Names of the zero-preserving functions every matrix has as a method. */
export type { UnaryName };

// The zero-preserving functions as methods: sqrt, sin, tan, arcsin, ... (see elementwise.ts).
for (const name of Object.keys(UNARY) as UnaryName[]) {
  Object.defineProperty(SparseMatrix.prototype, name, {
    value: function (this: SparseMatrix): SparseMatrix {
      return UNARY[name](this);
    },
    writable: true,
    configurable: true,
  });
}

export interface SparseMatrix<D extends DType = DType> extends UnaryMethods {}

/** The zero-preserving elementwise functions (duplicates are summed first; SciPy's list). */
export interface UnaryMethods {
  /** Elementwise square root. */
  sqrt(): SparseMatrix;
  /** Elementwise sine. */
  sin(): SparseMatrix;
  /** Elementwise tangent. */
  tan(): SparseMatrix;
  /** Elementwise inverse sine. */
  arcsin(): SparseMatrix;
  /** Elementwise inverse tangent. */
  arctan(): SparseMatrix;
  /** Elementwise hyperbolic sine. */
  sinh(): SparseMatrix;
  /** Elementwise hyperbolic tangent. */
  tanh(): SparseMatrix;
  /** Elementwise inverse hyperbolic sine. */
  arcsinh(): SparseMatrix;
  /** Elementwise inverse hyperbolic tangent. */
  arctanh(): SparseMatrix;
  /** Elementwise `exp(x) - 1`. */
  expm1(): SparseMatrix;
  /** Elementwise `log(1 + x)`. */
  log1p(): SparseMatrix;
  /** Elementwise degrees to radians. */
  deg2rad(): SparseMatrix;
  /** Elementwise radians to degrees. */
  rad2deg(): SparseMatrix;
  /** Elementwise floor. */
  floor(): SparseMatrix;
  /** Elementwise ceiling. */
  ceil(): SparseMatrix;
  /** Elementwise truncation toward zero. */
  trunc(): SparseMatrix;
  /** Elementwise rounding to the nearest integer (ties to even). */
  rint(): SparseMatrix;
  /** Elementwise sign (-1, 0, 1). */
  sign(): SparseMatrix;
}
