// Products: sparse × dense vector/matrix (spmv, spmm), sparse × sparse (spgemm), and the
// adjoint product `rmatvec` (conj(A)ᵀ·x) that iterative solvers use.
import { NDArray } from "../core/ndarray.ts";
import { type DType, DTYPES, type TypedArray } from "../core/dtype.ts";
import { toArray } from "../core/asarray.ts";
import { astype, copy } from "../core/copy.ts";
import { resultType } from "../core/promotion.ts";
import { notEqual } from "../ops/elementwise.ts";
import { conj } from "../ops/elementwise.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { SparseMatrix } from "./_base.ts";
import type { Compressed } from "./_compressed.ts";
import { newCsc, newCsr } from "./_factory.ts";
import { castData, checkSparseDType, wrapData, zeroOf } from "./_values.ts";
import {
  csrSpmmComplex,
  csrSpmmF64,
  csrSpmmReal,
  csrSpmvF64,
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
import { allocInt32, allocOut } from "./_alloc.ts";

function isSparse(x: unknown): x is SparseMatrix {
  return typeof x === "object" && x !== null && "format" in x && "nnz" in x &&
    !(x instanceof NDArray);
}

function shapeText(s: readonly number[]): string {
  return `[${s.join(",")}]`;
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
 * `y = op(A)·x` over compressed parts: `gather` runs along segments (CSR rows), `scatter`
 * down them (CSC columns). `x` is C-contiguous with `k` columns, in the compute dtype.
 */
function denseProduct(
  mode: "gather" | "scatter",
  nMajor: number,
  nOut: number,
  k: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: NDArray,
  x: NDArray,
): TypedArray {
  const dtype = data.dtype;
  const out = allocOut(dtype, nOut * k);
  const xs = elements(x), ds = data.data;
  const cplx = DTYPES[dtype].lanes === 2;
  if (mode === "gather") {
    if (dtype === "float64" && k === 1) {
      csrSpmvF64(
        nMajor,
        indptr,
        indices,
        ds as Float64Array,
        xs as Float64Array,
        out as Float64Array,
      );
    } else if (dtype === "float64") {
      csrSpmmF64(
        nMajor,
        k,
        indptr,
        indices,
        ds as Float64Array,
        xs as Float64Array,
        out as Float64Array,
      );
    } else if (cplx) {
      csrSpmmComplex(
        nMajor,
        k,
        indptr,
        indices,
        ds as Float64Array,
        xs as Float64Array,
        out as Float64Array,
      );
    } else csrSpmmReal(nMajor, k, indptr, indices, ds, xs, out, zeroOf(dtype));
  } else {
    if (dtype === "float64") {
      scatterSpmmF64(
        nMajor,
        k,
        indptr,
        indices,
        ds as Float64Array,
        xs as Float64Array,
        out as Float64Array,
      );
    } else if (cplx) {
      scatterSpmmComplex(
        nMajor,
        k,
        indptr,
        indices,
        ds as Float64Array,
        xs as Float64Array,
        out as Float64Array,
      );
    } else scatterSpmmReal(nMajor, k, indptr, indices, ds, xs, out);
  }
  return out;
}

/** Checks and prepares a dense operand with `n` rows; returns it with its column count. */
function denseOperand(x: ArrayLike, n: number, where: string, aShape: readonly number[]) {
  const X = toArray(x, where);
  if (X.ndim === 0) {
    throw new TypeError(`${where}: scalar operands are not allowed: use multiply or mul`);
  }
  if (X.ndim > 2) {
    throw new TypeError(
      `${where}: expected a 1-D or 2-D dense operand, got shape ${shapeText(X.shape)}`,
    );
  }
  if (X.shape[0] !== n) {
    throw new TypeError(
      `${where}: cannot multiply shapes ${shapeText(aShape)} and ${shapeText(X.shape)}: ` +
        `inner dimensions ${n} and ${X.shape[0]} differ`,
    );
  }
  return { X, k: X.ndim === 1 ? 1 : X.shape[1] };
}

function finish(out: TypedArray, compute: DType, result: DType, shape: number[]): NDArray {
  const y = new NDArray(compute, out as never, shape);
  return result === compute ? y : astype(notEqual(y, 0), result);
}

/** `a @ x`: see `SparseMatrix.matmul`. */
export function matmul(a: SparseMatrix, x: ArrayLike | SparseMatrix): NDArray | SparseMatrix {
  if (isSparse(x)) return spgemm(a, x, "matmul");
  const [m, n] = a.shape;
  const { X, k } = denseOperand(x as ArrayLike, n, "matmul", a.shape);
  const result = checkSparseDType(resultType(a.dtype, X.dtype), "matmul");
  const compute = computeDType(result);
  const xc = prepare(X, compute);
  const shape = X.ndim === 1 ? [m] : [m, k];
  if (a.format === "csc") {
    const c = a as Compressed;
    const out = denseProduct(
      "scatter",
      n,
      m,
      k,
      c.indptr,
      c.indices,
      castData(c.data, compute),
      xc,
    );
    return finish(out, compute, result, shape);
  }
  const c = a.tocsr() as Compressed;
  const out = denseProduct("gather", m, m, k, c.indptr, c.indices, castData(c.data, compute), xc);
  return finish(out, compute, result, shape);
}

/** `a.dot(x)`: the same as {@linkcode matmul}. */
export function dot(a: SparseMatrix, x: ArrayLike | SparseMatrix): NDArray | SparseMatrix {
  return matmul(a, x);
}

/** `conj(a)ᵀ @ x` for a dense vector or matrix with `a.shape[0]` rows. */
export function rmatvec(a: SparseMatrix, x: ArrayLike): NDArray {
  const [m, n] = a.shape;
  const { X, k } = denseOperand(x, m, "rmatvec", [n, m]);
  const result = checkSparseDType(resultType(a.dtype, X.dtype), "rmatvec");
  const compute = computeDType(result);
  const xc = prepare(X, compute);
  const shape = X.ndim === 1 ? [n] : [n, k];
  let data = castData(a.data, compute);
  if (DTYPES[compute].lanes === 2) data = conj(data);
  if (a.format === "csc") {
    const c = a as Compressed;
    const out = denseProduct("gather", n, n, k, c.indptr, c.indices, data, xc);
    return finish(out, compute, result, shape);
  }
  const c = (a.format === "csr" ? a : a.tocsr()) as Compressed;
  if (c !== a) {
    data = castData(c.data, compute);
    if (DTYPES[compute].lanes === 2) data = conj(data);
  }
  const out = denseProduct("scatter", m, n, k, c.indptr, c.indices, data, xc);
  return finish(out, compute, result, shape);
}

/** The first `n` elements: a view when that keeps at least half (SciPy's prune rule), else a copy. */
function keep<T extends TypedArray>(a: T, n: number): T {
  if (n === a.length) return a;
  return (2 * n >= a.length ? a.subarray(0, n) : a.slice(0, n)) as T;
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
      `${where}: cannot multiply shapes ${shapeText(a.shape)} and ${shapeText(b.shape)}: ` +
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
  let nnz: number;
  if (compute === "float64") {
    nnz = spgemmF64(
      rows,
      cols,
      A.indptr,
      A.indices,
      ax as Float64Array,
      B.indptr,
      B.indices,
      bx as Float64Array,
      cp,
      cj,
      cx as Float64Array,
    );
  } else if (DTYPES[compute].lanes === 2) {
    nnz = spgemmComplex(
      rows,
      cols,
      A.indptr,
      A.indices,
      ax as Float64Array,
      B.indptr,
      B.indices,
      bx as Float64Array,
      cp,
      cj,
      cx as Float64Array,
    );
  } else {
    nnz = spgemmReal(
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
  }
  const lanes = DTYPES[compute].lanes;
  let data = wrapData(compute, keep(cx, nnz * lanes), nnz);
  if (compute !== result) data = astype(data, result);
  const indices = keep(cj, nnz);
  return csc ? newCsc(data, indices, cp, [m, p]) : newCsr(data, indices, cp, [m, p]);
}
