// Validation of shapes and of the index structure of COO, CSR and CSC matrices. Every check
// runs before any kernel reads an index, so malformed input fails here with the values that
// are wrong instead of reading outside an array later.
import { MAX_INDEX } from "./_values.ts";
import type { Shape2 } from "./_factory.ts";

/** A checked matrix shape: two non-negative integers that int32 indices can address. */
export function checkShape2(shape: unknown, where: string): Shape2 {
  const ok = Array.isArray(shape) && shape.length === 2 &&
    shape.every((d) => typeof d === "number" && Number.isInteger(d));
  if (!ok) {
    throw new TypeError(
      `${where}: shape must be a pair of integers [rows, cols], got ${show(shape)}`,
    );
  }
  const [m, n] = shape as number[];
  if (m < 0 || n < 0) {
    throw new RangeError(`${where}: shape must not be negative, got [${m}, ${n}]`);
  }
  if (m > MAX_INDEX || n > MAX_INDEX) {
    throw new RangeError(
      `${where}: shape [${m}, ${n}] is too large: each dimension must be at most ${MAX_INDEX}`,
    );
  }
  return [m, n];
}

function show(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map((v) => String(v)).join(", ")}]`;
  return x === null ? "null" : typeof x === "object" ? "an object" : String(x);
}

/** The largest value of `a[0..n)` plus one, or 0 when empty. */
export function extent(a: Int32Array, n = a.length): number {
  let mx = -1;
  for (let k = 0; k < n; k++) if (a[k] > mx) mx = a[k];
  return mx + 1;
}

/**
 * Checks a compressed structure: `indptr` has `nMajor + 1` entries, starts at 0, never
 * decreases and ends at `nnz` (at most the number of indices), and every index of the first
 * `nnz` lies in `[0, nMinor)`. `dataLength` must equal the number of indices. Returns `nnz`.
 * `rowsMajor`: indptr runs over the rows (CSR), else over the columns (CSC).
 */
export function checkCompressed(
  indices: Int32Array,
  indptr: Int32Array,
  dataLength: number,
  nMajor: number,
  nMinor: number,
  rowsMajor: boolean,
  where: string,
): number {
  const [major, minor] = rowsMajor ? ["rows", "columns"] : ["columns", "rows"];
  if (indptr.length !== nMajor + 1) {
    throw new TypeError(
      `${where}: indptr has length ${indptr.length}, expected ${nMajor + 1} (${major} + 1)`,
    );
  }
  if (dataLength !== indices.length) {
    throw new TypeError(
      `${where}: data and indices must have the same length, got ${dataLength} and ${indices.length}`,
    );
  }
  if (indptr[0] !== 0) {
    throw new RangeError(`${where}: indptr must start at 0, got indptr[0] = ${indptr[0]}`);
  }
  for (let i = 0; i < nMajor; i++) {
    if (indptr[i + 1] < indptr[i]) {
      throw new RangeError(
        `${where}: indptr must not decrease: indptr[${i + 1}] = ${indptr[i + 1]} is less than ` +
          `indptr[${i}] = ${indptr[i]}`,
      );
    }
  }
  const nnz = indptr[nMajor];
  if (nnz > indices.length) {
    throw new RangeError(
      `${where}: indptr ends at ${nnz} but there are only ${indices.length} indices`,
    );
  }
  checkRange(indices, nnz, nMinor, "indices", minor, where);
  return nnz;
}

/** Checks that `a[0..n)` lies in `[0, limit)`, naming the first offender. */
export function checkRange(
  a: Int32Array,
  n: number,
  limit: number,
  name: string,
  axis: string,
  where: string,
): void {
  for (let k = 0; k < n; k++) {
    const v = a[k];
    if (v < 0 || v >= limit) {
      throw new RangeError(
        v < 0
          ? `${where}: ${name}[${k}] = ${v} is negative`
          : `${where}: ${name}[${k}] = ${v} is out of range for ${limit} ${axis}`,
      );
    }
  }
}

/** Checks a COO structure: equal lengths and every coordinate inside the shape. */
export function checkCoo(
  row: Int32Array,
  col: Int32Array,
  dataLength: number,
  shape: Shape2,
  where: string,
): void {
  if (row.length !== col.length || row.length !== dataLength) {
    throw new TypeError(
      `${where}: row, col and data must have the same length, got ${row.length}, ` +
        `${col.length} and ${dataLength}`,
    );
  }
  checkRange(row, row.length, shape[0], "row", "rows", where);
  checkRange(col, col.length, shape[1], "col", "columns", where);
}
