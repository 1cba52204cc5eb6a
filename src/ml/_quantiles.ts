/**
 * Percentiles and medians of single columns exactly as NumPy 1.24 computes them
 * (`nanpercentile` with the default "linear" method, and `nanmedian`): the column's non-NaN
 * values sorted once, then the same virtual index, bounds and lerp arithmetic.
 *
 * @module
 */

/** The non-NaN values of column `j` of the row-major `rows × cols` matrix `d`, sorted. */
export function sortedColumn(d: Float64Array, rows: number, cols: number, j: number): Float64Array {
  const col = new Float64Array(rows);
  let n = 0;
  for (let i = 0, k = j; i < rows; i++, k += cols) {
    const v = d[k];
    if (v === v) col[n++] = v;
  }
  return col.subarray(0, n).sort();
}

/**
 * NumPy's linear percentile `q` (in percent, as `np.percentile(x, q)`) of the sorted values
 * `s` (NaN when `s` is empty). With `f32`, `s` holds float32 values and the difference of the
 * two values interpolated between is rounded to float32, as NumPy's `_lerp` subtracts them
 * before it multiplies by the float64 fraction: the result is float64.
 */
export function percentileSorted(s: Float64Array, q: number, f32 = false): number {
  const n = s.length;
  if (n === 0) return NaN;
  const quant = q / 100; // np.true_divide(q, 100)
  const virtual = (n - 1) * quant;
  let prev = Math.floor(virtual), next = prev + 1;
  let pi = prev, ni = next;
  if (virtual >= n - 1) {
    prev = -1; // NumPy's index -1: the last value, kept for gamma
    next = -1;
    pi = ni = n - 1;
  }
  if (virtual < 0) {
    prev = next = 0;
    pi = ni = 0;
  }
  const gamma = virtual - prev;
  return lerp(s[pi], s[ni], gamma, f32);
}

/**
 * NumPy's `_lerp`: `a + (b - a) t`, or `b - (b - a)(1 - t)` for t ≥ 0.5 (`b - a` rounded to
 * float32 with `f32`).
 */
export function lerp(a: number, b: number, t: number, f32 = false): number {
  const diff = f32 ? Math.fround(b - a) : b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** NumPy's median of the sorted values `s`: the middle one, or the mean of the two middle ones. */
export function medianSorted(s: Float64Array): number {
  const n = s.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
