/**
 * Lloyd's k-means on one feature, as scikit-learn 1.2's `KMeans(n_clusters, init=centers,
 * n_init=1)` runs it for KBinsDiscretizer's "kmeans" strategy: the data centered on its mean,
 * tolerance `1e-4 · var`, labels by the smallest `|c|² - 2·x·c`, empty clusters moved to the
 * farthest points, stopping when the labels repeat or the squared center shift is within
 * tolerance (300 iterations at most).
 *
 * @module
 */

import { argpartition } from "./_argpartition.ts";
import { npMean, npVar } from "./_pairwise_sum.ts";

/** The cluster centers (unsorted) that k-means converges to from `init`. */
export function kmeans1d(col: Float64Array, init: Float64Array): Float64Array {
  const n = col.length, k = init.length;
  const tol = npVar(col) * 1e-4;
  const mean = npMean(col);
  const x = col.map((v) => v - mean);
  let centers = init.map((c) => c - mean);
  let next = new Float64Array(k);
  const labels = new Int32Array(n), old = new Int32Array(n).fill(-1);
  const weight = new Float64Array(k);
  for (let it = 0; it < 300; it++) {
    const sq = centers.map((c) => c * c);
    next.fill(0);
    weight.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      let best = 0, bestD = sq[0] - 2 * xi * centers[0];
      for (let j = 1; j < k; j++) {
        const d = sq[j] - 2 * xi * centers[j];
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      }
      labels[i] = best;
      weight[best] += 1;
      next[best] += xi;
    }
    relocateEmpty(x, centers, labels, next, weight);
    let shift = 0;
    for (let j = 0; j < k; j++) {
      if (weight[j] > 0) next[j] *= 1 / weight[j]; // _average_centers multiplies by 1/weight
      const s = next[j] - centers[j];
      shift += s * s;
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
  return centers.map((c) => c + mean);
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
): void {
  const empty: number[] = [];
  weight.forEach((w, j) => {
    if (w === 0) empty.push(j);
  });
  if (!empty.length) return;
  const n = x.length;
  const dist = x.map((v, i) => {
    const d = v - centers[labels[i]];
    return d * d;
  });
  const part = argpartition(dist, n - empty.length);
  empty.forEach((j, e) => {
    const i = part[n - 1 - e], from = labels[i];
    sums[from] -= x[i];
    sums[j] = x[i];
    weight[j] = 1;
    weight[from] -= 1;
  });
}
