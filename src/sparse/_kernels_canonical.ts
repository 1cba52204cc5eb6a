// Index-only kernels behind SciPy's canonical format: checking and sorting the indices of
// each major segment (a CSR row or CSC column), merging duplicates, dropping explicit zeros.
// They return permutations of the stored entries; the values follow with gather/segmentSum.
import type { TypedArray } from "../core/dtype.ts";
import { isZeroAt } from "./_values.ts";

/**
 * Whether the indices of every segment are non-decreasing (`strict` false, SciPy's
 * `has_sorted_indices`) or increasing (`strict` true: sorted without duplicates, SciPy's
 * `has_canonical_format`).
 */
export function segmentsSorted(
  indices: Int32Array,
  indptr: Int32Array,
  nMajor: number,
  strict: boolean,
): boolean {
  for (let i = 0; i < nMajor; i++) {
    const e = indptr[i + 1];
    if (strict) {
      for (let k = indptr[i] + 1; k < e; k++) if (indices[k - 1] >= indices[k]) return false;
    } else {
      for (let k = indptr[i] + 1; k < e; k++) if (indices[k - 1] > indices[k]) return false;
    }
  }
  return true;
}

/**
 * Sorts the indices within each segment, stably (equal indices keep their order). Returns the
 * new indices and `perm` (new position → old position), or null when already sorted.
 */
export function sortSegments(
  indices: Int32Array,
  indptr: Int32Array,
  nMajor: number,
): { indices: Int32Array; perm: Int32Array } | null {
  if (segmentsSorted(indices, indptr, nMajor, false)) return null;
  const nnz = indptr[nMajor];
  const perm = new Int32Array(nnz), out = new Int32Array(nnz);
  for (let k = 0; k < nnz; k++) perm[k] = k;
  let keys = new Float64Array(0);
  for (let i = 0; i < nMajor; i++) {
    const s = indptr[i], e = indptr[i + 1], len = e - s;
    let sorted = true;
    for (let k = s + 1; k < e; k++) {
      if (indices[k - 1] > indices[k]) {
        sorted = false;
        break;
      }
    }
    if (sorted) continue;
    if (len <= 32) {
      // insertion sort of the positions by index (stable)
      for (let k = s + 1; k < e; k++) {
        const p = perm[k], v = indices[p];
        let q = k - 1;
        while (q >= s && indices[perm[q]] > v) {
          perm[q + 1] = perm[q];
          q--;
        }
        perm[q + 1] = p;
      }
    } else if (len < 1 << 22) {
      // keys index·len + offset are exact in a double and sort stably by index
      if (keys.length < len) keys = new Float64Array(len);
      const ks = keys.subarray(0, len);
      for (let t = 0; t < len; t++) ks[t] = indices[s + t] * len + t;
      ks.sort();
      for (let t = 0; t < len; t++) perm[s + t] = s + (ks[t] % len);
    } else {
      const local = Array.from({ length: len }, (_, t) => s + t);
      local.sort((a, b) => indices[a] - indices[b] || a - b);
      for (let t = 0; t < len; t++) perm[s + t] = local[t];
    }
  }
  for (let k = 0; k < nnz; k++) out[k] = indices[perm[k]];
  return { indices: out, perm };
}

/**
 * Runs of equal indices in sorted segments: the deduplicated indices and indptr, and `seg`
 * (output entry t sums the sorted entries `seg[t] .. seg[t+1]`). Null when there are none.
 */
export function findDuplicates(
  indices: Int32Array,
  indptr: Int32Array,
  nMajor: number,
): { indices: Int32Array; indptr: Int32Array; seg: Int32Array; nnz: number } | null {
  if (segmentsSorted(indices, indptr, nMajor, true)) return null;
  const nnz = indptr[nMajor];
  const outIdx = new Int32Array(nnz), outPtr = new Int32Array(nMajor + 1);
  const seg = new Int32Array(nnz + 1);
  let w = 0;
  for (let i = 0; i < nMajor; i++) {
    const e = indptr[i + 1];
    let last = -1;
    for (let k = indptr[i]; k < e; k++) {
      const j = indices[k];
      if (j !== last) {
        seg[w] = k;
        outIdx[w++] = j;
        last = j;
      }
    }
    outPtr[i + 1] = w;
  }
  seg[w] = nnz;
  return { indices: outIdx.slice(0, w), indptr: outPtr, seg, nnz: w };
}

/**
 * The stored entries to keep when dropping explicit zeros: `keep` (new → old position) and
 * the new indptr, or null when no stored value is zero. With `indptr` null, one segment.
 */
export function nonzeroEntries(
  data: TypedArray,
  lanes: number,
  indptr: Int32Array | null,
  nMajor: number,
  nnz: number,
): { keep: Int32Array; indptr: Int32Array | null; nnz: number } | null {
  let zeros = 0;
  for (let k = 0; k < nnz; k++) if (isZeroAt(data, lanes, k)) zeros++;
  if (zeros === 0) return null;
  const keep = new Int32Array(nnz - zeros);
  let w = 0;
  if (indptr === null) {
    for (let k = 0; k < nnz; k++) if (!isZeroAt(data, lanes, k)) keep[w++] = k;
    return { keep, indptr: null, nnz: w };
  }
  const outPtr = new Int32Array(nMajor + 1);
  for (let i = 0; i < nMajor; i++) {
    for (let k = indptr[i], e = indptr[i + 1]; k < e; k++) {
      if (!isZeroAt(data, lanes, k)) keep[w++] = k;
    }
    outPtr[i + 1] = w;
  }
  return { keep, indptr: outPtr, nnz: w };
}

/** `indices` taken at `keep` (a new Int32Array). */
export function takeIndex(a: Int32Array, keep: Int32Array): Int32Array {
  const out = new Int32Array(keep.length);
  for (let t = 0; t < keep.length; t++) out[t] = a[keep[t]];
  return out;
}
