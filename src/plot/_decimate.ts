/**
 * Line decimation for long series: M4 (first, min, max and last point of each pixel column),
 * which draws the same picture as all the points with at most four points a column.
 *
 * @module
 */

/** Whether `x` is non-decreasing (NaN-free). */
function sorted(x: Float64Array): boolean {
  for (let i = 1; i < x.length; i++) if (!(x[i] >= x[i - 1])) return false;
  return true;
}

/**
 * Indices of the points of `y` against sorted `x` to draw in `columns` pixel columns: all of
 * them when there are few, or when `x` is not sorted; NaN points are kept so gaps remain.
 */
export function m4(x: Float64Array, y: Float64Array, columns: number): number[] {
  const n = x.length;
  const all = () => Array.from({ length: n }, (_, i) => i);
  if (n <= 4 * columns || !sorted(x) || !(x[n - 1] > x[0])) return all();
  const k = columns / (x[n - 1] - x[0]);
  const out: number[] = [];
  let i = 0;
  while (i < n) {
    const col = Math.min(columns - 1, Math.floor((x[i] - x[0]) * k));
    let lo = -1, hi = -1, j = i;
    const first = i;
    for (; j < n && Math.min(columns - 1, Math.floor((x[j] - x[0]) * k)) === col; j++) {
      const v = y[j];
      if (Number.isNaN(v)) {
        out.push(j); // keep gaps
        continue;
      }
      if (lo < 0 || v < y[lo]) lo = j;
      if (hi < 0 || v > y[hi]) hi = j;
    }
    const last = j - 1;
    const keep = [first, lo, hi, last].filter((p) => p >= 0 && !Number.isNaN(y[p]));
    out.push(...keep);
    i = j;
  }
  return [...new Set(out)].sort((a, b) => a - b);
}
