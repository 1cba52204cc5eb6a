// Format conversions as counting sorts (no comparison sort anywhere):
// - COO → CSR/CSC: a stable counting sort by the minor index, then by the major index, gives
//   segments with sorted indices in which duplicates are adjacent; they are then summed.
// - CSR ↔ CSC: one counting sort by the minor index (SciPy's csr_tocsc); indices come out
//   sorted, duplicates are kept.
// Temporaries live in the kept scratch buffer (_scratch.ts). Each has a float64 version that moves the values along and an index-only version that
// returns the permutation, for the other dtypes (see gather/segmentSum in _values.ts).

import type { TypedArray } from "../core/dtype.ts";
import { align8, scratch } from "./_scratch.ts";
import { allocInt32, allocOut } from "./_alloc.ts";

/** A compressed structure with its float64 values. */
export interface CompressedF64 {
  indptr: Int32Array;
  indices: Int32Array;
  data: Float64Array;
}

/** A compressed structure whose values are `sum of src[perm[seg[t]..seg[t+1]]]`. */
export interface CompressedPerm {
  indptr: Int32Array;
  indices: Int32Array;
  perm: Int32Array;
  seg: Int32Array | null;
  nnz: number;
}

/** Counts of `a[0..n)` per value in `[0, m)`, as exclusive prefix sums of length m + 1. */
function prefixCounts(a: Int32Array, n: number, m: number): Int32Array {
  const ptr = new Int32Array(m + 1);
  for (let k = 0; k < n; k++) ptr[a[k] + 1]++;
  for (let i = 0; i < m; i++) ptr[i + 1] += ptr[i];
  return ptr;
}

/**
 * COO (float64) → compressed with sorted indices and duplicates summed. `major` are the
 * coordinates the segments run over (rows for CSR). `canonical`: the entries are already
 * sorted by (major, minor) without duplicates, so one pass suffices.
 */
export function cooToCompressedF64(
  nMajor: number,
  nMinor: number,
  major: Int32Array,
  minor: Int32Array,
  val: Float64Array,
  canonical: boolean,
): CompressedF64 {
  const nnz = major.length;
  if (canonical) {
    return { indptr: prefixCounts(major, nnz, nMajor), indices: minor.slice(), data: val.slice() };
  }
  // temporaries in the kept scratch buffer: 16-byte records, then the minor counts, then the
  // write positions per major index
  const recBytes = nnz * 16, cptrBytes = align8((nMinor + 1) * 4);
  const buf = scratch(recBytes + cptrBytes + nMajor * 4);
  const rv = new Float64Array(buf, 0, 2 * nnz), rm = new Int32Array(buf, 0, 4 * nnz);
  const cptr = new Int32Array(buf, recBytes, nMinor + 1).fill(0);
  const next = new Int32Array(buf, recBytes + cptrBytes, nMajor);
  const rptr = new Int32Array(nMajor + 1);
  for (let k = 0; k < nnz; k++) {
    cptr[minor[k] + 1]++;
    rptr[major[k] + 1]++;
  }
  for (let j = 0; j < nMinor; j++) cptr[j + 1] += cptr[j];
  for (let i = 0; i < nMajor; i++) rptr[i + 1] += rptr[i];
  // pass 1: by minor index, into 16-byte records (value, major): each write touches one line
  for (let k = 0; k < nnz; k++) {
    const p = cptr[minor[k]]++;
    rv[2 * p] = val[k];
    rm[4 * p + 2] = major[k];
  }
  // pass 2: by major index, in minor order: each segment comes out sorted
  next.set(rptr.subarray(0, nMajor));
  const indices = allocInt32(nnz), data = allocOut("float64", nnz);
  let q = 0;
  for (let j = 0; j < nMinor; j++) {
    const end = cptr[j];
    for (; q < end; q++) {
      const p = next[rm[4 * q + 2]]++;
      indices[p] = j;
      data[p] = rv[2 * q];
    }
  }
  // duplicates are adjacent: sum them, compacting in place
  let w = 0, s = 0;
  for (let i = 0; i < nMajor; i++) {
    const e = rptr[i + 1];
    let last = -1;
    for (let k = s; k < e; k++) {
      const j = indices[k];
      if (j === last) data[w - 1] += data[k];
      else {
        indices[w] = j;
        data[w++] = data[k];
        last = j;
      }
    }
    s = e;
    rptr[i + 1] = w;
  }
  return { indptr: rptr, indices: trim(indices, w), data: trim(data, w) };
}

/**
 * The first `n` elements: a view when it keeps at least half of the array (SciPy's
 * `_prune_array` rule), else a compact copy.
 */
export function trim<T extends TypedArray>(a: T, n: number): T {
  if (n === a.length) return a;
  return (2 * n >= a.length ? a.subarray(0, n) : a.slice(0, n)) as T;
}

/** COO → compressed for any dtype: the index part of {@linkcode cooToCompressedF64}. */
export function cooToCompressedPerm(
  nMajor: number,
  nMinor: number,
  major: Int32Array,
  minor: Int32Array,
  canonical: boolean,
): CompressedPerm {
  const nnz = major.length;
  if (canonical) {
    const perm = new Int32Array(nnz);
    for (let k = 0; k < nnz; k++) perm[k] = k;
    return {
      indptr: prefixCounts(major, nnz, nMajor),
      indices: minor.slice(),
      perm,
      seg: null,
      nnz,
    };
  }
  const cptr = prefixCounts(minor, nnz, nMinor), rptr = prefixCounts(major, nnz, nMajor);
  const tk = new Int32Array(nnz);
  for (let k = 0; k < nnz; k++) tk[cptr[minor[k]]++] = k;
  const next = rptr.slice(0, nMajor);
  const indices = new Int32Array(nnz), perm = new Int32Array(nnz);
  let q = 0;
  for (let j = 0; j < nMinor; j++) {
    const end = cptr[j];
    for (; q < end; q++) {
      const k = tk[q], p = next[major[k]]++;
      indices[p] = j;
      perm[p] = k;
    }
  }
  const seg = new Int32Array(nnz + 1);
  let w = 0, s = 0;
  for (let i = 0; i < nMajor; i++) {
    const e = rptr[i + 1];
    let last = -1;
    for (let k = s; k < e; k++) {
      const j = indices[k];
      if (j !== last) {
        seg[w] = k;
        indices[w++] = j;
        last = j;
      }
    }
    s = e;
    rptr[i + 1] = w;
  }
  seg[w] = nnz;
  return {
    indptr: rptr,
    indices: w === nnz ? indices : indices.slice(0, w),
    perm,
    seg: w === nnz ? null : seg,
    nnz: w,
  };
}

/** Compressed (float64) → the other compressed format: CSR → CSC or CSC → CSR. */
export function transposeF64(
  nMajor: number,
  nMinor: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
): CompressedF64 {
  const nnz = indptr[nMajor];
  const tp = prefixCounts(indices, nnz, nMinor);
  const ti = allocInt32(nnz), td = allocOut("float64", nnz);
  const next = new Int32Array(scratch(nMinor * 4), 0, nMinor);
  next.set(tp.subarray(0, nMinor));
  for (let i = 0; i < nMajor; i++) {
    for (let k = indptr[i], e = indptr[i + 1]; k < e; k++) {
      const p = next[indices[k]]++;
      ti[p] = i;
      td[p] = data[k];
    }
  }
  return { indptr: tp, indices: ti, data: td };
}

/** The index part of {@linkcode transposeF64}: values follow through `perm` (new → old). */
export function transposePerm(
  nMajor: number,
  nMinor: number,
  indptr: Int32Array,
  indices: Int32Array,
): { indptr: Int32Array; indices: Int32Array; perm: Int32Array } {
  const nnz = indptr[nMajor];
  const tp = prefixCounts(indices, nnz, nMinor);
  const ti = new Int32Array(nnz), perm = new Int32Array(nnz);
  const next = tp.slice(0, nMinor);
  for (let i = 0; i < nMajor; i++) {
    for (let k = indptr[i], e = indptr[i + 1]; k < e; k++) {
      const p = next[indices[k]]++;
      ti[p] = i;
      perm[p] = k;
    }
  }
  return { indptr: tp, indices: ti, perm };
}

/** The major index of every stored entry (CSR → COO rows): `indptr` expanded. */
export function expandIndptr(indptr: Int32Array, nMajor: number): Int32Array {
  const out = new Int32Array(indptr[nMajor]);
  for (let i = 0; i < nMajor; i++) out.fill(i, indptr[i], indptr[i + 1]);
  return out;
}

/** Whether COO entries are sorted by (major, minor): strictly (canonical) or not. */
export function cooSorted(major: Int32Array, minor: Int32Array, strict: boolean): boolean {
  for (let k = 1; k < major.length; k++) {
    const a = major[k - 1], b = major[k];
    if (a > b) return false;
    if (a === b && (strict ? minor[k - 1] >= minor[k] : minor[k - 1] > minor[k])) return false;
  }
  return true;
}

/** The stable row-major order of COO entries (new position → old), by two counting sorts. */
export function cooOrder(
  nMajor: number,
  nMinor: number,
  major: Int32Array,
  minor: Int32Array,
): Int32Array {
  const nnz = major.length;
  const cptr = prefixCounts(minor, nnz, nMinor), rptr = prefixCounts(major, nnz, nMajor);
  const tk = new Int32Array(nnz), perm = new Int32Array(nnz);
  for (let k = 0; k < nnz; k++) tk[cptr[minor[k]]++] = k;
  for (let q = 0; q < nnz; q++) {
    const k = tk[q];
    perm[rptr[major[k]]++] = k;
  }
  return perm;
}
