/**
 * Reads the arrays of a sparse matrix (nd's CSR/CSC/COO classes, or any object laid out as
 * SciPy's: `format`, `shape`, `data`, `indices`/`indptr` or `row`/`col`) into plain typed
 * arrays, so that the solvers can run their own kernels without allocating per product.
 *
 * The reading is defensive: anything unexpected (a missing field, complex data, an index
 * out of range, a non-monotone `indptr`) makes {@link compressedOf} return `null`, and the
 * callers fall back to the matrix's own `matmul`.
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import { copy } from "../../core/copy.ts";

/** A compressed sparse matrix with real data, read from a sparse matrix object. */
export interface Compressed {
  /** `"csr"`: `indptr` runs over rows; `"csc"`: over columns. */
  format: "csr" | "csc";
  /** Number of rows. */
  m: number;
  /** Number of columns. */
  n: number;
  /** Start of each row (CSR) or column (CSC) in `indices`/`data`, `major + 1` entries. */
  indptr: Int32Array;
  /** Column (CSR) or row (CSC) of each stored entry. */
  indices: Int32Array;
  /** The stored values (duplicates allowed: they add up). */
  data: Float64Array | Float32Array;
}

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === "object" && x !== null;
}

/** The `[m, n]` of an object with a two-entry `shape` of non-negative integers, or null. */
export function shapeOf(x: unknown): [number, number] | null {
  if (!isObj(x)) return null;
  const s = x.shape;
  if (!Array.isArray(s) || s.length !== 2) return null;
  const [m, n] = s;
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 0 || n < 0) return null;
  return [m, n];
}

/** A 1-D view or copy of an index array as Int32Array, or null when it is not one. */
function indexArray(v: unknown): Int32Array | null {
  if (v instanceof Int32Array) return v;
  if (v instanceof NDArray) {
    if (v.ndim !== 1) return null;
    if (v.dtype === "int32" && v.strides[0] === 1) {
      return (v.data as Int32Array).subarray(v.offset, v.offset + v.size);
    }
    if (v.dtype === "float32" || v.dtype === "float64" || v.dtype.startsWith("complex")) {
      return null;
    }
    if (v.dtype === "bool") return null;
    return copy(v, "int32").data as Int32Array;
  }
  if (
    v instanceof BigInt64Array || v instanceof BigUint64Array || v instanceof Uint32Array ||
    v instanceof Int16Array || v instanceof Uint16Array || v instanceof Int8Array ||
    v instanceof Uint8Array
  ) {
    const out = new Int32Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = Number(v[i]);
      if (x > 2147483647) return null;
      out[i] = x;
    }
    return out;
  }
  if (Array.isArray(v) && v.every((x) => Number.isInteger(x))) return Int32Array.from(v);
  return null;
}

/** The real values of a data array (a view when possible), or null (complex, unknown). */
function valueArray(v: unknown, dtype: unknown): Float64Array | Float32Array | null {
  if (typeof dtype === "string" && dtype.startsWith("complex")) return null;
  if (v instanceof Float64Array || v instanceof Float32Array) return v;
  if (v instanceof NDArray) {
    if (v.ndim !== 1 || v.dtype.startsWith("complex")) return null;
    if ((v.dtype === "float64" || v.dtype === "float32") && v.strides[0] === 1) {
      const d = v.data as Float64Array | Float32Array;
      return d.subarray(v.offset, v.offset + v.size);
    }
    return copy(v, "float64").data as Float64Array;
  }
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const t = v as unknown as ArrayLike<number | bigint>;
    const out = new Float64Array(t.length);
    for (let i = 0; i < t.length; i++) out[i] = Number(t[i]);
    return out;
  }
  if (Array.isArray(v) && v.every((x) => typeof x === "number")) return Float64Array.from(v);
  return null;
}

function validCompressed(c: Compressed): boolean {
  const major = c.format === "csr" ? c.m : c.n, minor = c.format === "csr" ? c.n : c.m;
  const { indptr, indices, data } = c;
  if (indptr.length !== major + 1 || indptr[0] !== 0) return false;
  for (let i = 0; i < major; i++) if (indptr[i + 1] < indptr[i]) return false;
  const nnz = indptr[major];
  if (nnz > indices.length || nnz > data.length) return false;
  for (let k = 0; k < nnz; k++) {
    const j = indices[k];
    if (!(j >= 0 && j < minor)) return false;
  }
  return true;
}

/** COO triplets as CSR (duplicates kept), by a counting sort on rows. */
function cooToCsr(
  m: number,
  n: number,
  row: Int32Array,
  col: Int32Array,
  val: Float64Array | Float32Array,
): Compressed | null {
  const nnz = row.length;
  if (col.length !== nnz || val.length !== nnz) return null;
  const indptr = new Int32Array(m + 1);
  for (let k = 0; k < nnz; k++) {
    const i = row[k], j = col[k];
    if (!(i >= 0 && i < m && j >= 0 && j < n)) return null;
    indptr[i + 1]++;
  }
  for (let i = 0; i < m; i++) indptr[i + 1] += indptr[i];
  const next = indptr.slice(0, m);
  const indices = new Int32Array(nnz), data = new Float64Array(nnz);
  for (let k = 0; k < nnz; k++) {
    const p = next[row[k]]++;
    indices[p] = col[k];
    data[p] = val[k];
  }
  return { format: "csr", m, n, indptr, indices, data };
}

/**
 * The compressed arrays of a sparse matrix object, or null when `x` is not one this module
 * can read (the caller then uses the object's own `matmul`). Returns views of the object's
 * arrays where possible: callers must not write into them.
 */
export function compressedOf(x: unknown): Compressed | null {
  if (!isObj(x) || x instanceof NDArray) return null;
  const shape = shapeOf(x);
  if (shape === null) return null;
  const [m, n] = shape;
  const fmt = x.format;
  try {
    if (fmt === "csr" || fmt === "csc") {
      const indptr = indexArray(x.indptr), indices = indexArray(x.indices);
      const data = valueArray(x.data, x.dtype);
      if (indptr === null || indices === null || data === null) return null;
      const c: Compressed = { format: fmt, m, n, indptr, indices, data };
      return validCompressed(c) ? c : null;
    }
    if (fmt === "coo") {
      const row = indexArray(x.row), col = indexArray(x.col);
      const data = valueArray(x.data, x.dtype);
      if (row === null || col === null || data === null) return null;
      return cooToCsr(m, n, row, col, data);
    }
  } catch {
    return null;
  }
  return null;
}

/** True when `x` looks like a sparse matrix with complex values. */
export function isComplexSparse(x: unknown): boolean {
  return isObj(x) && typeof x.dtype === "string" && x.dtype.startsWith("complex");
}
