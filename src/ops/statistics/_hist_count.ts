// Assigning values to histogram bins and summing counts or weights per bin.
import { allocate, type DType, DTYPES } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { copy } from "../../core/copy.ts";
import { add } from "../elementwise.ts";
import { type Edge, edgeDelta, num } from "./_hist_edges.ts";
import { rounder } from "./_opts.ts";

/** Equal-width bins: the outer edges and the number of bins. */
export interface Uniform {
  first: Edge;
  last: Edge;
  nbins: number;
}

/**
 * The bin of each value for equal-width bins, or -1 outside `[first, last]` (NumPy's fast
 * path: an index computed in the bin dtype `bdt`, then corrected against the edges, with the
 * last bin closed on the right).
 */
export function uniformIndices(
  av: Float64Array,
  u: Uniform,
  edges: Float64Array,
  bdt: DType,
): Int32Array {
  const rB = rounder(bdt);
  const lo = num(u.first.v), hi = num(u.last.v);
  const firstB = rB(lo);
  const denom = rB(edgeDelta(u.first, u.last).v as number);
  const nb = u.nbins;
  const out = new Int32Array(av.length);
  const f64 = bdt === "float64";
  for (let i = 0; i < av.length; i++) {
    const x = av[i];
    if (!(x >= lo && x <= hi)) {
      out[i] = -1;
      continue;
    }
    let k: number;
    if (f64) k = Math.trunc(((x - firstB) / denom) * nb);
    else k = Math.trunc(rB(rB(rB(rB(x) - firstB) / denom) * nb));
    if (k >= nb) k = nb - 1;
    const xb = f64 ? x : rB(x);
    if (xb < edges[k]) k = Math.max(k - 1, 0);
    else if (k !== nb - 1 && xb >= edges[k + 1]) k++;
    out[i] = k;
  }
  return out;
}

/**
 * The bin of each value for explicit ascending edges `ev`, or -1: bin i holds
 * `ev[i] <= x < ev[i + 1]`, the last one also `x == ev[last]`; NaN is in no bin.
 *
 * A table over equal slices of [first, last] gives the few candidate bins of each value,
 * which are then searched, so evenly spread edges cost O(1) per value and any edges at most
 * O(log m).
 */
export function edgeIndices(av: Float64Array, ev: Float64Array): Int32Array {
  const m = ev.length - 1;
  const out = new Int32Array(av.length).fill(-1);
  if (m < 1) return out;
  const first = ev[0], last = ev[m];
  const slots = 2 * m;
  let scale = slots / (last - first);
  if (!Number.isFinite(scale)) scale = 0;
  const table = new Int32Array(slots + 2);
  for (let j = 0, i = 0; j <= slots; j++) {
    const t = scale === 0 ? last : first + j / scale;
    while (i < m && ev[i + 1] <= t) i++;
    table[j] = i;
  }
  table[slots + 1] = m;
  for (let i = 0; i < av.length; i++) {
    const x = av[i];
    if (!(x >= first && x <= last)) continue;
    const j = scale === 0 ? 0 : Math.min(((x - first) * scale) | 0, slots);
    let lo = scale === 0 ? 0 : table[j], hi = scale === 0 ? m : table[j + 1];
    // The largest k in [lo, hi] with ev[k] <= x.
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ev[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    // Guard against a slot misjudged by rounding.
    while (lo > 0 && ev[lo] > x) lo--;
    while (lo < m && ev[lo + 1] <= x) lo++;
    out[i] = lo < m ? lo : m - 1;
  }
  return out;
}

/** Counts per bin (int64). */
export function countBins(idx: Int32Array, nb: number): NDArray {
  const c = new Float64Array(nb);
  for (let i = 0; i < idx.length; i++) if (idx[i] >= 0) c[idx[i]]++;
  const out = new BigInt64Array(nb);
  for (let i = 0; i < nb; i++) out[i] = BigInt(c[i]);
  return new NDArray("int64", out, [nb]);
}

/**
 * Sums of the weights `w` (flat) per bin, in `w`'s dtype. Like NumPy, each block of `block`
 * values is summed in float64 (bincount), cast to the weights' dtype and added to the total.
 */
export function weighBins(idx: Int32Array, nb: number, w: NDArray, block: number): NDArray {
  const nt = w.dtype;
  const cplx = DTYPES[nt].kind === "c";
  const wv = copy(w, cplx ? "complex128" : "float64").data as Float64Array;
  const total = new NDArray(nt, allocate(nt, nb), [nb]);
  const lanes = cplx ? 2 : 1;
  for (let s = 0; s < idx.length || s === 0; s += block) {
    const sums = new Float64Array(nb * lanes);
    const end = Math.min(idx.length, s + block);
    for (let i = s; i < end; i++) {
      const k = idx[i];
      if (k < 0) continue;
      if (cplx) {
        sums[2 * k] += wv[2 * i];
        sums[2 * k + 1] += wv[2 * i + 1];
      } else sums[k] += wv[i];
    }
    const part = new NDArray(cplx ? "complex128" : "float64", sums, [nb]);
    add(total, copy(part, nt), { out: total });
    if (idx.length === 0) break;
  }
  return total;
}
