/**
 * NumPy's `interp` and `linspace` on plain float64 arrays, with NumPy 1.24's exact arithmetic
 * (QuantileTransformer maps values through its quantiles with them).
 *
 * @module
 */

/**
 * `np.interp(x, xp, fp)` for an increasing `xp`: `fp[0]` left of `xp[0]`, `fp[n-1]` right of
 * `xp[n-1]`; inside, the interval is found as NumPy's binary search finds it (the last `j` with
 * `xp[j] <= x`, so repeated `xp` values take their last `fp`), and
 * `slope * (x - xp[j]) + fp[j]` with `slope = (fp[j+1] - fp[j]) / (xp[j+1] - xp[j])`.
 */
export function interp(x: number, xp: Float64Array, fp: Float64Array): number {
  const n = xp.length;
  if (n === 1) return fp[0]; // NumPy's single-point branch (even for NaN)
  if (x !== x) return x;
  if (x > xp[n - 1]) return fp[n - 1];
  if (x < xp[0]) return fp[0];
  let lo = 0, hi = n; // first index with xp[i] > x
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (x >= xp[mid]) lo = mid + 1;
    else hi = mid;
  }
  const j = lo - 1;
  if (j === n - 1 || xp[j] === x) return fp[j];
  const slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
  let r = slope * (x - xp[j]) + fp[j];
  if (r !== r) {
    r = slope * (x - xp[j + 1]) + fp[j + 1];
    if (r !== r && fp[j] === fp[j + 1]) r = fp[j];
  }
  return r;
}

/** `np.linspace(start, stop, num)` (endpoint included): `i * step + start`, the last = stop. */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const y = new Float64Array(num);
  const div = num - 1;
  const delta = stop - start;
  if (div > 0) {
    const step = delta / div;
    if (step === 0) { for (let i = 0; i < num; i++) y[i] = i / div * delta + start; }
    else for (let i = 0; i < num; i++) y[i] = i * step + start;
    y[num - 1] = stop;
  } else {
    for (let i = 0; i < num; i++) y[i] = i * delta + start;
  }
  return y;
}
