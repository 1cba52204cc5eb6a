// Conversions between the formats on the level of parts, for any dtype: float64 values move
// inside the kernels; other dtypes follow through the permutation the kernels return.
import type { NDArray } from "../core/ndarray.ts";
import type { SparseMatrix } from "./_base.ts";
import type { Compressed } from "./_compressed.ts";
import type { OrderFlags } from "./_factory.ts";
import { gather, segmentSum, wrapData } from "./_values.ts";
import {
  cooSorted,
  cooToCompressedF64,
  cooToCompressedPerm,
  expandIndptr,
  transposeF64,
  transposePerm,
} from "./_kernels_convert.ts";

/** Compressed parts with their values. */
export interface Parts {
  data: NDArray;
  indices: Int32Array;
  indptr: Int32Array;
  flags: OrderFlags;
}

/**
 * The same matrix in the other compressed format (CSR → CSC parts, CSC → CSR parts): sorted
 * indices, duplicates kept (canonical when the input was).
 */
export function swapCompressed(m: Compressed): Parts {
  const { nMajor, nMinor, indptr, indices, data } = m;
  const flags: OrderFlags = { sorted: true, canonical: m.orderFlags.canonical };
  if (data.dtype === "float64") {
    const r = transposeF64(nMajor, nMinor, indptr, indices, data.data as Float64Array);
    return {
      data: wrapData("float64", r.data, r.data.length),
      indices: r.indices,
      indptr: r.indptr,
      flags,
    };
  }
  const r = transposePerm(nMajor, nMinor, indptr, indices);
  return {
    data: wrapData(data.dtype, gather(data.dtype, data.data, r.perm), r.perm.length),
    indices: r.indices,
    indptr: r.indptr,
    flags,
  };
}

/** The major coordinate of every entry of a compressed matrix (rows of CSR, cols of CSC). */
export function majorOfEntries(m: Compressed): Int32Array {
  return expandIndptr(m.indptr, m.nMajor);
}

/** The row and column of every stored entry, in storage order (COO's arrays are shared). */
export function coordinatesOf(a: SparseMatrix): { rows: Int32Array; cols: Int32Array } {
  if (a.format === "coo") {
    const c = a as unknown as { row: Int32Array; col: Int32Array };
    return { rows: c.row, cols: c.col };
  }
  const c = a as Compressed, major = majorOfEntries(c);
  return a.format === "csr" ? { rows: major, cols: c.indices } : { rows: c.indices, cols: major };
}

/** The compressed form to read from: CSR/CSC as they are, COO converted to CSR. */
export function asCompressed(a: SparseMatrix): Compressed {
  return (a.format === "csc" ? a : a.tocsr()) as Compressed;
}

/**
 * COO entries → compressed parts with sorted indices and duplicates summed (SciPy's
 * `tocsr`/`tocsc` of a COO matrix). `canonical`: already sorted by (major, minor), no duplicates.
 */
export function cooToCompressed(
  nMajor: number,
  nMinor: number,
  major: Int32Array,
  minor: Int32Array,
  data: NDArray,
  canonical: boolean,
): Parts {
  const flags: OrderFlags = { sorted: true, canonical: true };
  const canon = canonical || major.length < 2;
  if (data.dtype === "float64") {
    const r = cooToCompressedF64(
      nMajor,
      nMinor,
      major,
      minor,
      data.data as Float64Array,
      canon,
    );
    return {
      data: wrapData("float64", r.data, r.data.length),
      indices: r.indices,
      indptr: r.indptr,
      flags,
    };
  }
  const r = cooToCompressedPerm(nMajor, nMinor, major, minor, canon);
  const vals = r.seg === null
    ? gather(data.dtype, data.data, r.perm, r.nnz)
    : segmentSum(data.dtype, data.data, r.perm, r.seg, r.nnz);
  return { data: wrapData(data.dtype, vals, r.nnz), indices: r.indices, indptr: r.indptr, flags };
}

/** Whether COO entries are sorted by (major, minor), strictly or not. */
export { cooSorted };
