/**
 * The entries of a matrix argument as a canonical CSC matrix (sorted row indices, duplicates
 * summed), for the routines that need the entries themselves: `spsolve`/`splu` and `norm`.
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import { isComplex } from "../../core/dtype.ts";
import { fmtShape } from "../../core/shape.ts";
import { type Compressed, compressedOf, isComplexSparse, shapeOf } from "./_compressed.ts";
import { toFloat64 } from "./_operator.ts";
import { LinearOperator } from "./linear_operator.ts";

/** A canonical compressed-sparse-column matrix of float64 values. */
export interface Csc {
  /** Rows. */
  m: number;
  /** Columns. */
  n: number;
  /** Column pointers (`n + 1`). */
  p: Int32Array;
  /** Row indices, ascending within each column, no duplicates. */
  i: Int32Array;
  /** Values. */
  x: Float64Array;
  /** The dtype of the source (for result dtypes). */
  dtype: string;
}

/** Transposes compressed arrays: rows of the result come sorted within each major slice. */
function transposeArrays(
  major: number,
  minor: number,
  p: Int32Array,
  idx: Int32Array,
  val: ArrayLike<number>,
): { p: Int32Array; i: Int32Array; x: Float64Array } {
  const nnz = p[major];
  const tp = new Int32Array(minor + 1);
  for (let k = 0; k < nnz; k++) tp[idx[k] + 1]++;
  for (let j = 0; j < minor; j++) tp[j + 1] += tp[j];
  const next = tp.slice(0, minor);
  const ti = new Int32Array(nnz), tx = new Float64Array(nnz);
  for (let r = 0; r < major; r++) {
    for (let k = p[r]; k < p[r + 1]; k++) {
      const q = next[idx[k]]++;
      ti[q] = r;
      tx[q] = val[k];
    }
  }
  return { p: tp, i: ti, x: tx };
}

/** Sums adjacent duplicates of sorted columns in place; returns the compacted arrays. */
function sumDuplicates(n: number, p: Int32Array, i: Int32Array, x: Float64Array) {
  let w = 0;
  for (let j = 0; j < n; j++) {
    const start = p[j], end = p[j + 1];
    p[j] = w;
    let last = -1;
    for (let k = start; k < end; k++) {
      if (i[k] === last) x[w - 1] += x[k];
      else {
        i[w] = i[k];
        x[w] = x[k];
        last = i[k];
        w++;
      }
    }
  }
  p[n] = w;
  return { p, i: i.subarray(0, w), x: x.subarray(0, w) };
}

function fromCompressed(c: Compressed, dtype: string): Csc {
  const { m, n } = c;
  let t;
  if (c.format === "csr") t = transposeArrays(m, n, c.indptr, c.indices, c.data);
  else {
    const r = transposeArrays(n, m, c.indptr, c.indices, c.data); // CSR, sorted
    t = transposeArrays(m, n, r.p, r.i, r.x);
  }
  const s = sumDuplicates(n, t.p, t.i, t.x);
  return { m, n, p: s.p, i: s.i, x: s.x, dtype };
}

function fromDense(a: NDArray): Csc {
  const [m, n] = a.shape;
  const d = toFloat64(a);
  let nnz = 0;
  for (let k = 0; k < d.length; k++) if (d[k] !== 0) nnz++;
  const p = new Int32Array(n + 1), i = new Int32Array(nnz), x = new Float64Array(nnz);
  let w = 0;
  for (let j = 0; j < n; j++) {
    for (let r = 0; r < m; r++) {
      const v = d[r * n + j];
      if (v !== 0) {
        i[w] = r;
        x[w++] = v;
      }
    }
    p[j + 1] = w;
  }
  return { m, n, p, i, x, dtype: a.dtype };
}

/**
 * The canonical CSC of a sparse matrix or a 2-D dense array; LinearOperators and complex
 * matrices are refused with a TypeError naming `where` and the argument `name`.
 */
export function cscOf(A: unknown, where: string, name: string): Csc {
  if (A instanceof LinearOperator) {
    throw new TypeError(
      `${where}: ${name} must be a sparse matrix or a dense array, got a LinearOperator`,
    );
  }
  if (isComplexSparse(A)) {
    throw new TypeError(
      `${where}: complex ${name} is not supported, got dtype ${(A as { dtype: string }).dtype}`,
    );
  }
  const shape = shapeOf(A);
  if (shape !== null && !(A instanceof NDArray)) {
    const dt = String((A as { dtype?: unknown }).dtype ?? "float64");
    let c = compressedOf(A);
    const obj = A as Record<string, unknown>;
    if (c === null && typeof obj.tocsc === "function") c = compressedOf(obj.tocsc());
    if (c === null && typeof obj.tocsr === "function") c = compressedOf(obj.tocsr());
    if (c !== null) return fromCompressed(c, dt);
    if (typeof obj.toDense === "function") return cscOf(obj.toDense(), where, name);
    throw new TypeError(
      `${where}: ${name} must be a sparse matrix or a dense array: cannot read the entries of ${
        (A as object).constructor?.name ?? "Object"
      } of shape ${fmtShape(shape)}`,
    );
  }
  let a: NDArray;
  try {
    a = toArray(A as NDArray, where);
  } catch {
    throw new TypeError(
      `${where}: ${name} must be a sparse matrix or a dense array, got ${typeof A}`,
    );
  }
  if (isComplex(a.dtype)) {
    throw new TypeError(`${where}: complex ${name} is not supported, got dtype ${a.dtype}`);
  }
  if (a.ndim !== 2) {
    throw new TypeError(`${where}: ${name} must be 2-D, got shape ${fmtShape(a.shape)}`);
  }
  return fromDense(a);
}

/** `A − sigma·I` for a square canonical CSC (diagonal entries inserted where missing). */
export function shiftDiagonal(A: Csc, sigma: number): Csc {
  const n = A.n;
  const p = new Int32Array(n + 1), i = new Int32Array(A.p[n] + n), x = new Float64Array(A.p[n] + n);
  let w = 0;
  for (let j = 0; j < n; j++) {
    let done = false;
    for (let k = A.p[j]; k < A.p[j + 1]; k++) {
      const r = A.i[k];
      if (!done && r >= j) {
        if (r > j) {
          i[w] = j;
          x[w++] = -sigma;
        }
        done = true;
      }
      i[w] = r;
      x[w++] = r === j ? A.x[k] - sigma : A.x[k];
    }
    if (!done) {
      i[w] = j;
      x[w++] = -sigma;
    }
    p[j + 1] = w;
  }
  return { m: n, n, p, i: i.subarray(0, w), x: x.subarray(0, w), dtype: A.dtype };
}

/** Canonical compressed entries: a canonical CSR/CSC read in place, else a CSC copy. */
export interface Entries {
  /** Rows. */
  m: number;
  /** Columns. */
  n: number;
  /** True when the slices are rows (CSR), false for columns (CSC). */
  byRow: boolean;
  /** Slice pointers. */
  p: Int32Array;
  /** Minor indices (columns for CSR, rows for CSC), sorted, without duplicates. */
  idx: Int32Array;
  /** Values. */
  x: Float64Array | Float32Array;
}

function isCanonical(c: Compressed): boolean {
  const major = c.format === "csr" ? c.m : c.n;
  const { indptr, indices } = c;
  for (let s = 0; s < major; s++) {
    for (let k = indptr[s] + 1; k < indptr[s + 1]; k++) {
      if (indices[k] <= indices[k - 1]) return false;
    }
  }
  return true;
}

/** The entries of a matrix argument without copying when it is already canonical. */
export function entriesOf(A: unknown, where: string, name: string): Entries {
  if (!isComplexSparse(A) && !(A instanceof NDArray) && !(A instanceof LinearOperator)) {
    const c = compressedOf(A);
    if (c !== null && c.indptr[0] === 0 && isCanonical(c)) {
      return { m: c.m, n: c.n, byRow: c.format === "csr", p: c.indptr, idx: c.indices, x: c.data };
    }
  }
  const s = cscOf(A, where, name);
  return { m: s.m, n: s.n, byRow: false, p: s.p, idx: s.i, x: s.x };
}
