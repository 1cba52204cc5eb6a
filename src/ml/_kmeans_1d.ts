/**
 * Lloyd's k-means on one feature, as scikit-learn 1.2's `KMeans(n_clusters, init=centers,
 * n_init=1)` runs it for KBinsDiscretizer's "kmeans" strategy: the data centered on its mean,
 * tolerance `1e-4 · var`, labels by the smallest `|c|² - 2·x·c`, empty clusters moved to the
 * farthest points, stopping when the labels repeat or the squared center shift is within
 * tolerance (300 iterations at most). On float32 data it runs in float32 arithmetic, as
 * scikit-learn's float32 Lloyd iterations do (each operation rounded to float32): points
 * midway between two centers, common in binned data, go where float32 rounding sends them.
 *
 * @module
 */

import { argpartition } from "./_argpartition.ts";
import { npMean, npMean32, npVar, npVar32 } from "./_pairwise_sum.ts";

/**
 * The cluster centers (unsorted) that k-means converges to from `init`; with `f32`, `col` holds
 * float32 values and the arithmetic is float32.
 */
export function kmeans1d(col: Float64Array, init: Float64Array, f32 = false): Float64Array {
  const n = col.length, k = init.length;
  const r = f32 ? Math.fround : (v: number) => v;
  const tol = (f32 ? npVar32(col) : npVar(col)) * 1e-4;
  const mean = f32 ? npMean32(col) : npMean(col);
  const x = f32 ? col.map((v) => Math.fround(v - mean)) : col.map((v) => v - mean);
  let centers = init.map((c) => r(r(c) - mean));
  let next = new Float64Array(k);
  const labels = new Int32Array(n), old = new Int32Array(n).fill(-1);
  const weight = new Float64Array(k);
  for (let it = 0; it < 300; it++) {
    const sq = centers.map((c) => r(c * c));
    next.fill(0);
    weight.fill(0);
    (f32 ? assign32 : assign64)(x, centers, sq, labels, weight, next);
    relocateEmpty(x, centers, labels, next, weight, r);
    let shift = 0;
    for (let j = 0; j < k; j++) {
      if (weight[j] > 0) next[j] = r(next[j] * r(1 / weight[j])); // _average_centers: × 1/weight
      const s = r(next[j] - centers[j]);
      // float32: _center_shift's norm, squared again and summed in float32
      shift = f32
        ? Math.fround(shift + Math.fround(Math.fround(Math.sqrt(r(s * s))) ** 2))
        : shift + s * s;
    }
    [centers, next] = [next, centers];
    let same = true;
    for (let i = 0; i < n; i++) {
      if (labels[i] !== old[i]) {
        same = false;
        break;
      }
    }
    if (same || shift <= tol) break;
    old.set(labels);
  }
  return centers.map((c) => r(c + mean));
}

/**
 * The E step and the sums of the M step: each point's nearest center by `‖c‖² - 2·x·c` (as the
 * gemm computes it: the product, doubled exactly, then the sum), its weight and its sum.
 */
function assign64(
  x: Float64Array,
  centers: Float64Array,
  sq: Float64Array,
  labels: Int32Array,
  weight: Float64Array,
  sums: Float64Array,
): void {
  const n = x.length, k = centers.length;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    let best = 0, bestD = sq[0] - 2 * (xi * centers[0]);
    for (let j = 1; j < k; j++) {
      const d = sq[j] - 2 * (xi * centers[j]);
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    labels[i] = best;
    weight[best] += 1;
    sums[best] += xi;
  }
}

/** {@linkcode assign64} in float32 arithmetic (a separate loop, so that both stay fast). */
function assign32(
  x: Float64Array,
  centers: Float64Array,
  sq: Float64Array,
  labels: Int32Array,
  weight: Float64Array,
  sums: Float64Array,
): void {
  const n = x.length, k = centers.length, f = Math.fround;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    let best = 0, bestD = f(sq[0] - 2 * f(xi * centers[0]));
    for (let j = 1; j < k; j++) {
      const d = f(sq[j] - 2 * f(xi * centers[j]));
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    labels[i] = best;
    weight[best] += 1;
    sums[best] = f(sums[best] + xi);
  }
}

/**
 * scikit-learn's `_relocate_empty_clusters_dense`: the empty clusters take, in order, the points
 * farthest from their centers as `np.argpartition(distances, -nEmpty)[:-nEmpty-1:-1]` lists
 * them (NumPy's introselect, so that ties go to the same points).
 */
function relocateEmpty(
  x: Float64Array,
  centers: Float64Array,
  labels: Int32Array,
  sums: Float64Array,
  weight: Float64Array,
  r: (v: number) => number,
): void {
  const empty: number[] = [];
  weight.forEach((w, j) => {
    if (w === 0) empty.push(j);
  });
  if (!empty.length) return;
  const n = x.length;
  const dist = x.map((v, i) => {
    const d = r(v - centers[labels[i]]);
    return r(d * d);
  });
  const part = argpartition(dist, n - empty.length);
  empty.forEach((j, e) => {
    const i = part[n - 1 - e], from = labels[i];
    sums[from] = r(sums[from] - x[i]);
    sums[j] = x[i];
    weight[j] = 1;
    weight[from] -= 1;
  });
}
