// Broadcasting against a sparse matrix: the values a dense operand takes at a matrix's stored
// entries, and the elementwise product of two sparse matrices whose shapes differ but
// broadcast (a 1×1, 1×n or m×1 operand), with SciPy 1.17's result formats and dtypes.
import type { NDArray } from "../core/ndarray.ts";
import { broadcastTo } from "../core/views.ts";
import { fmtShape } from "../core/shape.ts";
import { multiply as ndMultiply } from "../ops/elementwise.ts";
import { sum as ndSum } from "../ops/reduce/mod.ts";
import type { SparseMatrix } from "./_base.ts";
import type { Compressed } from "./_compressed.ts";
import { newCsr } from "./_factory.ts";
import { checkSparseDType, gather, MAX_INDEX, wrapData } from "./_values.ts";
import { coordinatesOf } from "./_convert.ts";

/**
 * The dense values of `x` (broadcast to `a`'s shape) at `a`'s stored entries, as a 1-D array
 * aligned with `a.data`.
 */
export function denseAtEntries(a: SparseMatrix, x: NDArray, where: string): NDArray {
  let X: NDArray;
  try {
    X = broadcastTo(x, a.shape);
  } catch {
    throw new TypeError(
      `${where}: cannot broadcast a dense operand of shape ${fmtShape(x.shape)} to the ` +
        `matrix shape ${fmtShape(a.shape)}`,
    );
  }
  const { rows, cols } = coordinatesOf(a);
  const n = rows.length, pos = new Int32Array(n);
  const [s0, s1] = X.strides, o = X.offset;
  for (let k = 0; k < n; k++) pos[k] = o + rows[k] * s0 + cols[k] * s1;
  return wrapData(X.dtype, gather(X.dtype, X.data, pos), n);
}

/**
 * `m` in `format` as SciPy's product kernels receive it: COO is converted (duplicates summed
 * in its own dtype), CSR/CSC keep their duplicates, which the product then sums in the
 * result's dtype.
 */
function operandAs(m: SparseMatrix, format: "csr" | "csc"): Compressed {
  return m.asformat(format) as Compressed;
}

/** The format SciPy gives a product it computes through `m`: COO becomes CSR. */
function compressedFormat(m: SparseMatrix): "csr" | "csc" {
  return m.format === "csc" ? "csc" : "csr";
}

/** `m`'s stored values times a 0-d array (strong: NumPy 2 promotes both dtypes); same structure. */
function scaled(m: SparseMatrix, s: NDArray, where: string): SparseMatrix {
  const vals = ndMultiply(m.data, s);
  checkSparseDType(vals.dtype, where);
  return m.withData(vals);
}

/** `m`, whose values are products, with duplicates summed (in storage order), zeros dropped. */
function finish(m: Compressed): Compressed {
  if (!m.hasCanonicalFormat) m.sumDuplicates();
  return m.eliminateZeros();
}

/**
 * `m` times the 1×n or m×1 vector `v` (broadcast, duplicates summed), in `format`: every
 * stored entry times its vector value, then duplicates summed and zero products dropped
 * (SciPy multiplies by a diagonal matrix).
 */
function scaledBy(
  m: SparseMatrix,
  v: SparseMatrix,
  format: "csr" | "csc",
  where: string,
): SparseMatrix {
  const c = operandAs(m, format);
  const vals = ndMultiply(c.data, denseAtEntries(c, v.toDense(), where));
  checkSparseDType(vals.dtype, where);
  return finish(c.withData(vals) as Compressed);
}

/**
 * The outer product of the m×1 `col` and the 1×n `row`: every stored entry of one times every
 * stored entry of the other, duplicates summed, zero products dropped, in `col`'s compressed
 * format (SciPy computes `col @ row`).
 */
function outer(col: SparseMatrix, row: SparseMatrix, where: string): SparseMatrix {
  const c = operandAs(col, "csc"), r = operandAs(row, "csr");
  const rows = c.indices, cols = r.indices, p = rows.length, q = cols.length;
  const m = col.shape[0], n = row.shape[1];
  if (p * q > MAX_INDEX) {
    throw new RangeError(
      `${where}: the product has ${p * q} stored entries, more than ${MAX_INDEX}, past the ` +
        "int32 indices",
    );
  }
  // the column's entries grouped by row (stably), each followed by the row's q entries
  const order = Int32Array.from({ length: p }, (_, k) => k).sort((x, y) =>
    rows[x] - rows[y] || x - y
  );
  const indptr = new Int32Array(m + 1);
  for (let k = 0; k < p; k++) indptr[rows[k] + 1] += q;
  for (let i = 0; i < m; i++) indptr[i + 1] += indptr[i];
  const nnz = p * q;
  const indices = new Int32Array(nnz), pa = new Int32Array(nnz), pb = new Int32Array(nnz);
  for (let i = 0, t = 0; i < p; i++) {
    for (let j = 0; j < q; j++, t++) {
      indices[t] = cols[j];
      pa[t] = order[i];
      pb[t] = j;
    }
  }
  const va = wrapData(c.dtype, gather(c.dtype, c.data.data, pa), nnz);
  const vb = wrapData(r.dtype, gather(r.dtype, r.data.data, pb), nnz);
  const vals = ndMultiply(va, vb);
  checkSparseDType(vals.dtype, where);
  return finish(newCsr(vals, indices, indptr, [m, n])).asformat(compressedFormat(col));
}

/**
 * Elementwise `a * b` for sparse matrices of different shapes that broadcast, as SciPy 1.17's
 * `multiply`: a 1×1 operand scales the other's stored values (structure kept; `a`'s format,
 * COO becoming CSR, when `b` is 1×1; `b`'s format when `a` is, by the sum of `a`'s values in
 * NumPy's sum dtype); a row or column vector scales the matrix's summed entries and zero
 * products are dropped (the matrix's format, COO becoming CSR, for a row; CSR for a column);
 * a column times a row is their outer product (the column's format, COO becoming CSR).
 * Other shapes throw a TypeError.
 */
export function multiplyBroadcast(a: SparseMatrix, b: SparseMatrix, where: string): SparseMatrix {
  const [am, an] = a.shape, [bm, bn] = b.shape;
  if (bm === 1 && bn === 1) {
    const s = b.toDense().reshape([]);
    return scaled(a.format === "coo" ? a.tocsr() : a, s, where);
  }
  if (am === 1 && an === 1) {
    return scaled(b, ndSum((a.format === "coo" ? a.tocsr() : a).data), where);
  }
  if (am === 1 && bn === 1) return outer(b, a, where);
  if (an === 1 && bm === 1) return outer(a, b, where);
  if (bm === 1 && an === bn) return scaledBy(a, b, compressedFormat(a), where);
  if (am === 1 && an === bn) return scaledBy(b, a, compressedFormat(b), where);
  if (bn === 1 && am === bm) return scaledBy(a, b, "csr", where);
  if (an === 1 && am === bm) return scaledBy(b, a, "csr", where);
  throw new TypeError(
    `${where}: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} cannot be broadcast ` +
      "together",
  );
}
