// Kernels of `unique`: where a sorted sequence starts a new group of equal values (NumPy's
// `==`, so -0.0 equals 0.0 and NaN equals nothing unless NaNs are collapsed), and the sort of
// the rows of a 2-D array in lexicographic order.
import { type DType, DTYPES, type TypedArray } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { copy } from "../../core/copy.ts";
import { LaneSorter, words } from "./_keys.ts";

/**
 * For a C-contiguous 1-D array `s` already in sorted order (NaNs last), 1 where element `j`
 * differs from element `j-1` (always 1 at 0). With `equalNan`, all NaNs (for complex: all
 * values holding a NaN) form one group.
 */
export function groupStarts(s: NDArray, equalNan: boolean): Uint8Array {
  const n = s.size;
  const mask = new Uint8Array(n);
  if (n === 0) return mask;
  mask[0] = 1;
  const kind = DTYPES[s.dtype].kind;
  if (kind === "f") {
    const f = s.dtype === "float64" ? s : copy(s, "float64");
    const x = f.data as Float64Array, o = f.offset;
    for (let j = 1; j < n; j++) mask[j] = x[o + j] !== x[o + j - 1] ? 1 : 0;
    if (equalNan) {
      let f = 0;
      while (f < n && x[o + f] === x[o + f]) f++;
      for (let j = f + 1; j < n; j++) mask[j] = 0;
    }
  } else if (kind === "c") {
    const x = copy(s, "complex128").data as Float64Array;
    for (let j = 1; j < n; j++) {
      mask[j] = x[2 * j] !== x[2 * j - 2] || x[2 * j + 1] !== x[2 * j - 1] ? 1 : 0;
    }
    if (equalNan) {
      let f = 0;
      while (f < n && x[2 * f] === x[2 * f] && x[2 * f + 1] === x[2 * f + 1]) f++;
      for (let j = f + 1; j < n; j++) mask[j] = 0;
    }
  } else {
    bitwiseStarts(s.dtype, s.data, s.offset, n, mask);
  }
  return mask;
}

/** Integer and bool equality is equality of the bits. */
function bitwiseStarts(dtype: DType, data: TypedArray, off: number, n: number, mask: Uint8Array) {
  const size = DTYPES[dtype].itemsize;
  if (size === 8) {
    const w = words(data);
    for (let j = 1; j < n; j++) {
      const p = 2 * (off + j);
      mask[j] = w[p] !== w[p - 2] || w[p + 1] !== w[p - 1] ? 1 : 0;
    }
  } else if (size === 4) {
    const w = words(data);
    for (let j = 1; j < n; j++) mask[j] = w[off + j] !== w[off + j - 1] ? 1 : 0;
  } else if (size === 2) {
    const h = new Uint16Array(data.buffer, data.byteOffset, data.byteLength >>> 1);
    for (let j = 1; j < n; j++) mask[j] = h[off + j] !== h[off + j - 1] ? 1 : 0;
  } else {
    const b = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    for (let j = 1; j < n; j++) mask[j] = b[off + j] !== b[off + j - 1] ? 1 : 0;
  }
}

/**
 * The stable lexicographic order of the rows of the C-contiguous `[rows, cols]` array `m`
 * (column 0 most significant), each column ordered as `sort` orders values.
 */
export function rowOrder(m: NDArray, rows: number, cols: number): Int32Array {
  const perm = new Int32Array(rows);
  for (let i = 0; i < rows; i++) perm[i] = i;
  if (rows < 2) return perm;
  const sorter = new LaneSorter(m.dtype, m.data, rows);
  for (let c = cols - 1; c >= 0; c--) {
    sorter.load(m.offset + c, cols, perm);
    sorter.sort();
    perm.set(sorter.ix);
  }
  return perm;
}

/**
 * For the rows of the C-contiguous `[rows, cols]` array `m` taken in the order `perm`, 1 where a
 * row differs from the previous one in some column (NumPy's `==`: NaN never equal).
 */
export function rowGroupStarts(
  m: NDArray,
  rows: number,
  cols: number,
  perm: Int32Array,
): Uint8Array {
  const mask = new Uint8Array(rows);
  if (rows === 0) return mask;
  mask[0] = 1;
  const info = DTYPES[m.dtype];
  if (info.bigint) {
    const w = words(m.data);
    for (let j = 1; j < rows; j++) {
      const a = 2 * (m.offset + perm[j] * cols), b = 2 * (m.offset + perm[j - 1] * cols);
      for (let c = 0; c < 2 * cols; c++) {
        if (w[a + c] !== w[b + c]) {
          mask[j] = 1;
          break;
        }
      }
    }
    return mask;
  }
  const lanes = info.lanes;
  const x = copy(m, lanes === 2 ? "complex128" : "float64").data as Float64Array;
  const width = lanes * cols;
  for (let j = 1; j < rows; j++) {
    const a = perm[j] * width, b = perm[j - 1] * width;
    for (let c = 0; c < width; c++) {
      if (x[a + c] !== x[b + c]) {
        mask[j] = 1;
        break;
      }
    }
  }
  return mask;
}
