// Products: sparse × dense vector/matrix (spmv, spmm), sparse × sparse (spgemm), and the
// adjoint product `rmatvec` (conj(A)ᵀ·x) that iterative solvers use.
import { NDArray } from "../core/ndarray.ts";
import { type DType, DTYPES, type TypedArray } from "../core/dtype.ts";
import { toArray } from "../core/asarray.ts";
import { astype, copy } from "../core/copy.ts";
import { resultType } from "../core/promotion.ts";
import { fmtShape } from "../core/shape.ts";
import { conj, notEqual } from "../ops/elementwise.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { SparseMatrix } from "./_base.ts";
import type { Compressed } from "./_compressed.ts";
import { newCompressed } from "./_factory.ts";
import { asCompressed } from "./_convert.ts";
import { castData, checkSparseDType, wrapData, zeroOf } from "./_values.ts";
import {
  csrSpmmComplex,
  csrSpmmF64,
  csrSpmmReal,
  scatterSpmmComplex,
  scatterSpmmF64,
  scatterSpmmReal,
} from "./_kernels_spmv.ts";
import {
  spgemmComplex,
  spgemmF64,
  spgemmReal,
  spgemmSymbolic,
  spgemmUpperBound,
} from "./_kernels_spgemm.ts";
import { trim } from "./_kernels_convert.ts";
import { allocInt32, allocOut } from "./_alloc.ts";

function isSparse(x: unknown): x is SparseMatrix {
  return typeof x === "object" && x !== null && "format" in x && "nnz" in x &&
    !(x instanceof NDArray);
}

/** The contiguous elements of a C-contiguous array, from its first element. */
function elements(a: NDArray): TypedArray {
  const lanes = DTYPES[a.dtype].lanes;
  const start = a.offset * lanes, end = start + a.size * lanes;
  return start === 0 && end === a.data.length ? a.data : a.data.subarray(start, end);
}

/** The compute dtype for a result dtype: bool products are computed in float64. */
function computeDType(r: DType): DType {
  return r === "bool" ? "float64" : r;
}

/**
 * The kernel family of a compute dtype: float64's own monomorphic kernels (the benchmarked
 * path), the complex ones (interleaved pairs), or the generic real ones (`zero` is 0 or 0n).
 */
type Family = "f64" | "complex" | "real";

function familyOf(dtype: DType): Family {
  return dtype === "float64" ? "f64" : DTYPES[dtype].lanes === 2 ? "complex" : "real";
}

/** A sparse × dense kernel (see _kernels_spmv.ts); the f64 and complex ones ignore `zero`. */
type DenseKernel = (
  nMajor: number,
  k: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: TypedArray,
  x: TypedArray,
  y: TypedArray,
  zero: number | bigint,
) => void;

/** `gather` runs along segments (CSR rows), `scatter` down them (CSC columns). */
const DENSE_KERNELS = {
  gather: { f64: csrSpmmF64, complex: csrSpmmComplex, real: csrSpmmReal },
  scatter: { f64: scatterSpmmF64, complex: scatterSpmmComplex, real: scatterSpmmReal },
} as Record<"gather" | "scatter", Record<Family, DenseKernel>>;

/** The numeric pass of sparse × sparse (see _kernels_spgemm.ts); only `real` reads `zero`. */
type SpgemmKernel = (
  m: number,
  n: number,
  ap: Int32Array,
  aj: Int32Array,
  ax: TypedArray,
  bp: Int32Array,
  bj: Int32Array,
  bx: TypedArray,
  cp: Int32Array,
  cj: Int32Array,
  cx: TypedArray,
  zero: number | bigint,
) => number;

const SPGEMM_KERNELS = {
  f64: spgemmF64,
  complex: spgemmComplex,
  real: spgemmReal,
} as Record<Family, SpgemmKernel>;

/** Checks and prepares a dense operand with `n` rows; returns it with its column count. */
function denseOperand(x: ArrayLike, n: number, where: string, aShape: readonly number[]) {
  const X = toArray(x, where);
  if (X.ndim === 0) {
    throw new TypeError(`${where}: scalar operands are not allowed: use multiply or mul`);
  }
  if (X.ndim > 2) {
    throw new TypeError(
      `${where}: expected a 1-D or 2-D dense operand, got shape ${fmtShape(X.shape)}`,
    );
  }
  if (X.shape[0] !== n) {
    throw new TypeError(
      `${where}: cannot multiply shapes ${fmtShape(aShape)} and ${fmtShape(X.shape)}: ` +
        `inner dimensions ${n} and ${X.shape[0]} differ`,
    );
  }
  return { X, k: X.ndim === 1 ? 1 : X.shape[1] };
}

/**
 * `op(a) @ x` for a dense 1-D/2-D `x`, where `op(a)` is `a` or, with `adjoint`, `conj(a)ᵀ`:
 * the kernels gather along CSR rows and scatter down CSC columns (the other way round for
 * the adjoint), into a zeroed `y`.
 */
function denseMatmul(a: SparseMatrix, x: ArrayLike, adjoint: boolean, where: string): NDArray {
  const [m, n] = adjoint ? [a.shape[1], a.shape[0]] : a.shape;
  const { X, k } = denseOperand(x, n, where, [m, n]);
  const result = checkSparseDType(resultType(a.dtype, X.dtype), where);
  const compute = computeDType(result);
  const xs = elements(prepare(X, compute));
  const c = asCompressed(a);
  let data = castData(c.data, compute);
  if (adjoint && DTYPES[compute].lanes === 2) data = conj(data);
  const kernel = DENSE_KERNELS[(c.format === "csc") !== adjoint ? "scatter" : "gather"];
  const out = allocOut(compute, m * k);
  kernel[familyOf(compute)](c.nMajor, k, c.indptr, c.indices, data.data, xs, out, zeroOf(compute));
  const y = new NDArray(compute, out as never, X.ndim === 1 ? [m] : [m, k]);
  return result === compute ? y : astype(notEqual(y, 0), result);
}

/** `a @ x`: see `SparseMatrix.matmul`. */
export function matmul(a: SparseMatrix, x: ArrayLike | SparseMatrix): NDArray | SparseMatrix {
  return isSparse(x) ? spgemm(a, x, "matmul") : denseMatmul(a, x as ArrayLike, false, "matmul");
}

/** `a.dot(x)`: the same as {@linkcode matmul}. */
export function dot(a: SparseMatrix, x: ArrayLike | SparseMatrix): NDArray | SparseMatrix {
  return matmul(a, x);
}

/** `conj(a)ᵀ @ x` for a dense vector or matrix with `a.shape[0]` rows. */
export function rmatvec(a: SparseMatrix, x: ArrayLike): NDArray {
  return denseMatmul(a, x, true, "rmatvec");
}

/** `X` as a C-contiguous array of `dtype`. */
function prepare(X: NDArray, dtype: DType): NDArray {
  if (X.dtype !== dtype) return astype(X, dtype);
  return X.flags.cContiguous ? X : copy(X);
}

/** Sparse × sparse: CSC × anything gives CSC, other formats give CSR (as SciPy). */
function spgemm(a: SparseMatrix, b: SparseMatrix, where: string): SparseMatrix {
  const [m, n] = a.shape, [n2, p] = b.shape;
  if (n !== n2) {
    throw new TypeError(
      `${where}: cannot multiply shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)}: ` +
        `inner dimensions ${n} and ${n2} differ`,
    );
  }
  const result = checkSparseDType(resultType(a.dtype, b.dtype), where);
  const compute = computeDType(result);
  // CSC: Cᵀ = Bᵀ·Aᵀ, whose CSR parts are the CSC parts of C = A·B
  const csc = a.format === "csc";
  const A = (csc ? b.tocsc() : a.tocsr()) as Compressed;
  const B = (csc ? a : b.tocsr()) as Compressed;
  const rows = csc ? p : m, cols = csc ? m : p;
  // Capacity: the number of products when it is not far above the inputs' sizes (one numeric
  // pass into zeroed memory whose unused tail is never touched), else the exact count from
  // SciPy's symbolic pass.
  const upper = spgemmUpperBound(rows, A.indptr, A.indices, B.indptr);
  const onePass = upper <= 8 * (A.nnz + B.nnz + rows) && upper <= 0x7fffffff;
  const cp = onePass
    ? new Int32Array(rows + 1)
    : spgemmSymbolic(rows, cols, A.indptr, A.indices, B.indptr, B.indices);
  const cap = onePass ? upper : cp[rows];
  const cj = allocInt32(cap), cx = allocOut(compute, cap);
  const ax = castData(A.data, compute).data, bx = castData(B.data, compute).data;
  const nnz = SPGEMM_KERNELS[familyOf(compute)](
    rows,
    cols,
    A.indptr,
    A.indices,
    ax,
    B.indptr,
    B.indices,
    bx,
    cp,
    cj,
    cx,
    zeroOf(compute),
  );
  const lanes = DTYPES[compute].lanes;
  let data = wrapData(compute, trim(cx, nnz * lanes), nnz);
  if (compute !== result) data = astype(data, result);
  const indices = trim(cj, nnz);
  return newCompressed(csc ? "csc" : "csr", data, indices, cp, [m, p]);
}
