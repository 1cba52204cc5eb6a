// Turning the arguments of csr()/csc()/coo() into checked parts.
import type { NDArray } from "../core/ndarray.ts";
import type { DType } from "../core/dtype.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { emptyData, lanesOf, toData, toIndex, wrapData } from "./_values.ts";
import type { Shape2 } from "./_factory.ts";
import { checkCompressed, checkCoo, checkShape2, extent } from "./_check.ts";

/** The arguments of `csr()` and `csc()`. */
export interface CompressedInit {
  /** The stored values (length nnz). Omit all three arrays for an empty matrix. */
  data?: ArrayLike;
  /** The minor index of each value (columns for CSR, rows for CSC). */
  indices?: ArrayLike;
  /** Segment offsets: length rows + 1 (CSR) or cols + 1 (CSC), starting at 0. */
  indptr?: ArrayLike;
  /** `[rows, cols]`; inferred from indptr and the largest index when omitted. */
  shape?: readonly number[];
  /** Cast the values to this dtype. */
  dtype?: DType;
  /** Copy the arrays instead of using Int32Array/contiguous inputs as they are (false). */
  copy?: boolean;
}

/** The arguments of `coo()`. */
export interface CooInit {
  /** The stored values (length nnz). Omit the three arrays for an empty matrix. */
  data?: ArrayLike;
  /** The row of each value. */
  row?: ArrayLike;
  /** The column of each value. */
  col?: ArrayLike;
  /** `[rows, cols]`; the largest row and column plus one when omitted. */
  shape?: readonly number[];
  /** Cast the values to this dtype. */
  dtype?: DType;
  /** Copy the arrays instead of using Int32Array/contiguous inputs as they are (false). */
  copy?: boolean;
}

function isRecord(x: unknown): boolean {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x);
}

/** Checked CSR/CSC parts: for CSR indptr runs over the rows, for CSC over the columns. */
export function compressedParts(
  init: CompressedInit,
  where: "csr" | "csc",
): { data: NDArray; indices: Int32Array; indptr: Int32Array; shape: Shape2 } {
  const rowsMajor = where === "csr";
  if (!isRecord(init)) {
    throw new TypeError(
      `${where}: expected { data, indices, indptr, shape }, got ${
        init === null ? "null" : typeof init
      }`,
    );
  }
  const given = [init.data, init.indices, init.indptr].filter((v) => v !== undefined).length;
  if (given === 0) {
    if (init.shape === undefined) {
      throw new TypeError(`${where}: an empty matrix needs a shape`);
    }
    const shape = checkShape2(init.shape, where);
    const nMajor = rowsMajor ? shape[0] : shape[1];
    return {
      data: emptyData(init.dtype ?? "float64"),
      indices: new Int32Array(0),
      indptr: new Int32Array(nMajor + 1),
      shape,
    };
  }
  if (given !== 3) {
    throw new TypeError(`${where}: data, indices and indptr must be given together`);
  }
  const copy = init.copy ?? false;
  const indptr = toIndex(init.indptr, "indptr", copy, where);
  const indices = toIndex(init.indices, "indices", copy, where);
  const data = toData(init.data!, init.dtype, copy, where);
  let shape: Shape2;
  if (init.shape !== undefined) shape = checkShape2(init.shape, where);
  else {
    if (indptr.length === 0) throw new TypeError(`${where}: indptr must not be empty`);
    const nMajor = indptr.length - 1;
    const nnz = Math.max(0, Math.min(indptr[nMajor], indices.length));
    const nMinor = extent(indices, nnz);
    shape = checkShape2(rowsMajor ? [nMajor, nMinor] : [nMinor, nMajor], where);
  }
  const nMajor = rowsMajor ? shape[0] : shape[1], nMinor = rowsMajor ? shape[1] : shape[0];
  const nnz = checkCompressed(indices, indptr, data.shape[0], nMajor, nMinor, rowsMajor, where);
  if (nnz < indices.length) {
    // SciPy's prune: entries past indptr[-1] are not part of the matrix
    return {
      data: wrapData(data.dtype, data.data.slice(0, nnz * lanesOf(data.dtype)), nnz),
      indices: indices.slice(0, nnz),
      indptr,
      shape,
    };
  }
  return { data, indices, indptr, shape };
}

/** Checked COO parts. */
export function cooParts(
  init: CooInit,
  where: string,
): { data: NDArray; row: Int32Array; col: Int32Array; shape: Shape2 } {
  if (!isRecord(init)) {
    throw new TypeError(
      `${where}: expected { data, row, col, shape }, got ${init === null ? "null" : typeof init}`,
    );
  }
  const given = [init.data, init.row, init.col].filter((v) => v !== undefined).length;
  if (given === 0) {
    if (init.shape === undefined) throw new TypeError(`${where}: an empty matrix needs a shape`);
    return {
      data: emptyData(init.dtype ?? "float64"),
      row: new Int32Array(0),
      col: new Int32Array(0),
      shape: checkShape2(init.shape, where),
    };
  }
  if (given !== 3) throw new TypeError(`${where}: data, row and col must be given together`);
  const copy = init.copy ?? false;
  const row = toIndex(init.row, "row", copy, where);
  const col = toIndex(init.col, "col", copy, where);
  const data = toData(init.data!, init.dtype, copy, where);
  const shape = init.shape !== undefined
    ? checkShape2(init.shape, where)
    : checkShape2([extent(row), extent(col)], where);
  checkCoo(row, col, data.shape[0], shape, where);
  return { data, row, col, shape };
}
