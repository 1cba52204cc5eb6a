// Reading entries: a diagonal, the trace, one value. Duplicates are summed on the fly (the
// matrix is not changed); unsorted indices are fine.
import { NDArray } from "../core/ndarray.ts";
import { sum as ndSum } from "../ops/reduce/mod.ts";
import type { SparseMatrix } from "./_base.ts";
import { asCompressed } from "./_convert.ts";
import { segmentSum } from "./_values.ts";

/**
 * Values at `(rows[t], cols[t])`, each the sum of the stored entries there, as a 1-D NDArray
 * of the matrix's dtype.
 */
function valuesAt(a: SparseMatrix, rows: Int32Array, cols: Int32Array): NDArray {
  const c = asCompressed(a);
  const csr = c.format === "csr";
  const ip = c.indptr, ix = c.indices, n = rows.length;
  const seg = new Int32Array(n + 1), hits: number[] = [];
  for (let t = 0; t < n; t++) {
    const major = csr ? rows[t] : cols[t], minor = csr ? cols[t] : rows[t];
    for (let k = ip[major], e = ip[major + 1]; k < e; k++) if (ix[k] === minor) hits.push(k);
    seg[t + 1] = hits.length;
  }
  const vals = segmentSum(c.dtype, c.data.data, Int32Array.from(hits), seg, n);
  return new NDArray(c.dtype, vals, [n]);
}

/** The `k`-th diagonal (above the main one for k > 0), dense; empty when out of range. */
export function diagonal(a: SparseMatrix, k = 0): NDArray {
  if (typeof k !== "number" || !Number.isInteger(k)) {
    throw new TypeError(`diagonal: k must be an integer, got ${String(k)}`);
  }
  const [m, n] = a.shape;
  const r0 = Math.max(0, -k);
  const len = Math.max(0, Math.min(m - r0, n - (r0 + k)));
  const rows = new Int32Array(len), cols = new Int32Array(len);
  for (let t = 0; t < len; t++) {
    rows[t] = r0 + t;
    cols[t] = r0 + t + k;
  }
  return valuesAt(a, rows, cols);
}

/** The sum of the `k`-th diagonal (NumPy's sum dtype: small integers give int64). */
export function trace(a: SparseMatrix, k = 0): NDArray {
  return ndSum(diagonal(a, k));
}

function index(i: number, n: number, axis: number, where: string): number {
  if (typeof i !== "number" || !Number.isInteger(i)) {
    throw new TypeError(`${where}: indices must be integers, got ${String(i)}`);
  }
  if (i < -n || i >= n) {
    throw new RangeError(`${where}: index ${i} is out of bounds for axis ${axis} with size ${n}`);
  }
  return i < 0 ? i + n : i;
}

/** The value at `(i, j)` as a JS scalar (negative indices count from the end). */
export function getValue(
  a: SparseMatrix,
  i: number,
  j: number,
): number | bigint | boolean | { re: number; im: number } {
  const r = index(i, a.shape[0], 0, "get"), c = index(j, a.shape[1], 1, "get");
  return valuesAt(a, Int32Array.of(r), Int32Array.of(c)).item(0) as never;
}
