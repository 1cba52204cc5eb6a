/**
 * `nd.sparse`: SciPy-style sparse matrices (COO, CSR, CSC) with SciPy's data model and
 * canonical-format rules, typed-array kernels for products and conversions, constructors,
 * `.npz` files in SciPy's `save_npz` layout and a Jupyter display; `linalg` is
 * `scipy.sparse.linalg` (solvers, eigensolvers, norms; see its own module).
 *
 * **Data model.** `data` is a 1-D NDArray of any nd dtype but float16 (SciPy refuses float16
 * too); indices are `Int32Array`s, so each dimension and the number of stored entries are at
 * most 2³¹ − 1 (int64 index arrays, from SciPy files say, are converted after a range check).
 * COO keeps duplicates until a conversion or `sumDuplicates` adds them; CSR/CSC may hold
 * unsorted indices and duplicates (`hasSortedIndices`, `hasCanonicalFormat`). Every
 * constructor checks the structure, so malformed input fails with a TypeError/RangeError
 * naming the bad value instead of reading outside an array later; `check()` re-checks
 * arrays changed by hand. In-place methods (`sumDuplicates`, `sortIndices`,
 * `eliminateZeros`, and the functions that sum duplicates first, as SciPy's do) replace a
 * matrix's arrays and never write into arrays another matrix (a transpose) shares.
 *
 * **Semantics** follow SciPy's sparse matrices, with these differences: axis reductions
 * (`sum`, `mean`, `max`, `min`, `countNonzero`) return dense 1-D NDArrays and full
 * reductions 0-d NDArrays (nd's convention); `slice(rows, cols)` selects rows and columns
 * independently (NumPy's `np.ix_`) and keeps an integer index as a size-1 dimension;
 * `multiply` by a dense array keeps the matrix's format (SciPy returns COO); `div` by an
 * array gives a dense result as NumPy would compute it; `getCol` returns CSC; `eye` and
 * `diags` default to CSR (SciPy's default, DIA, is not implemented); `toDense` refuses
 * results above 2²⁸ elements unless `maxSize` allows them. Products of integer matrices are
 * accumulated in doubles (or bigints for 64-bit integers) and wrap like NumPy's only while
 * partial sums stay below 2⁵³.
 *
 * **Speed.** Products and conversions are typed-array kernels: spmv/spmm gather along rows
 * (spmm kernels are generated per column count up to 32), COO → CSR and CSR ↔ CSC are
 * counting sorts (no comparison sort), sparse × sparse is SciPy's two-pass Gustavson
 * algorithm. `bench/_sparse.ts` times them against SciPy.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = sparse.coo({ data: [2, 3, 4], row: [0, 1, 1], col: [0, 0, 2], shape: [2, 3] }).tocsr();
 * const y = a.matmul(nd.array([1, 10, 100]));
 * assert.deepEqual(y.toArray(), [2n, 403n]);
 * assert.equal(a.toString().split("\n")[0], "<Compressed Sparse Row sparse matrix of dtype 'int64'");
 * ```
 *
 * @module
 */
import "./csr.ts";
import "./csc.ts";
import "./coo.ts";

export { SparseMatrix } from "./_base.ts";
export type { SparseFormat, UnaryMethods, UnaryName } from "./_base.ts";
export { Compressed } from "./_compressed.ts";
export { CSR, csr } from "./csr.ts";
export type { CompressedInit } from "./csr.ts";
export { CSC, csc } from "./csc.ts";
export { COO, coo } from "./coo.ts";
export type { CooInit } from "./coo.ts";
export type { OrderFlags, Shape2 } from "./_factory.ts";
export type { SparseDType } from "./_values.ts";
export { MAX_DENSE_SIZE } from "./to_dense.ts";
export type { ToDenseOpts } from "./to_dense.ts";
export type { MeanOpts, MinMaxOpts, SumOpts } from "./reductions.ts";
export { fromDense } from "./from_dense.ts";
export type { FromDenseOpts } from "./from_dense.ts";
export { eye } from "./eye.ts";
export type { EyeOpts } from "./eye.ts";
export { diags } from "./diags.ts";
export type { DiagsOpts } from "./diags.ts";
export { random } from "./random.ts";
export type { RandomOpts } from "./random.ts";
export { blockDiag, hstack, vstack } from "./stack.ts";
export type { StackOpts } from "./stack.ts";
export { kron } from "./kron.ts";
export type { KronOpts } from "./kron.ts";
export { tril, triu } from "./triangular.ts";
export type { TriangleOpts } from "./triangular.ts";
export { fromNpzBytes, loadNpz, saveNpz, toNpzBytes } from "./npz.ts";
export type { SaveNpzOpts } from "./npz.ts";
export * as linalg from "./linalg/mod.ts";
