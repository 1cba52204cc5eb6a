/**
 * `nd.sparse`: SciPy-style sparse matrices (COO, CSR, CSC) with SciPy's data model and
 * canonical-format rules, typed-array kernels for products and conversions, constructors,
 * `.npz` files in SciPy's `save_npz` layout and a Jupyter display.
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
