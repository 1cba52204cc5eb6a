// The median of complex rows: NumPy orders complex numbers lexicographically (real part, then
// imaginary part) with NaNs last, and averages the middle pair as `mean` does.

/** NumPy's sort order class of a complex value: 0 no NaN, 1 NaN imag, 2 NaN real, 3 both. */
function nanClass(re: number, im: number): number {
  return (re !== re ? 2 : 0) + (im !== im ? 1 : 0);
}

/** Whether `(ar, ai)` sorts before `(br, bi)` in NumPy's complex order. */
function lessC(ar: number, ai: number, br: number, bi: number): boolean {
  const ca = nanClass(ar, ai), cb = nanClass(br, bi);
  if (ca !== cb) return ca < cb;
  if (ca === 0) return ar < br || (ar === br && ai < bi);
  if (ca === 1) return ar < br;
  if (ca === 2) return ai < bi;
  return false;
}

/**
 * Writes the median of the complex row `d[2p .. 2(p + n))` (interleaved pairs) to
 * `out[2k], out[2k + 1]`, rounding with `r` (Math.fround for complex64). With `skipNan`, elements
 * with a NaN part are left out first (`nanmedian`).
 */
export function complexMedianRow(
  d: Float64Array,
  p: number,
  n: number,
  out: Float32Array | Float64Array,
  k: number,
  r: (x: number) => number,
  skipNan: boolean,
): void {
  if (skipNan && n > 0) {
    const last = 2 * (p + n - 1);
    const lr = d[last], li = d[last + 1];
    let m = 0;
    for (let i = 0; i < n; i++) {
      const vr = d[2 * (p + i)], vi = d[2 * (p + i) + 1];
      if (vr === vr && vi === vi) {
        d[2 * (p + m)] = vr;
        d[2 * (p + m) + 1] = vi;
        m++;
      }
    }
    if (m === 0) {
      // NumPy returns the slice's last element (a NaN) for an all-NaN slice.
      out[2 * k] = lr;
      out[2 * k + 1] = li;
      return;
    }
    n = m;
  }
  if (n === 0) {
    out[2 * k] = NaN;
    out[2 * k + 1] = NaN;
    return;
  }
  // The largest element in NumPy's order; if it holds a NaN, the median is that element.
  let mr = d[2 * p], mi = d[2 * p + 1];
  for (let i = 1; i < n; i++) {
    const vr = d[2 * (p + i)], vi = d[2 * (p + i) + 1];
    if (lessC(mr, mi, vr, vi)) {
      mr = vr;
      mi = vi;
    }
  }
  if (nanClass(mr, mi) !== 0) {
    out[2 * k] = mr;
    out[2 * k + 1] = mi;
    return;
  }
  const idx = Array.from({ length: n }, (_, i) => p + i);
  idx.sort((x, y) => {
    const xr = d[2 * x], xi = d[2 * x + 1], yr = d[2 * y], yi = d[2 * y + 1];
    return lessC(xr, xi, yr, yi) ? -1 : lessC(yr, yi, xr, xi) ? 1 : 0;
  });
  const h = n >> 1;
  if (n % 2 === 1) {
    out[2 * k] = r(0 + d[2 * idx[h]]);
    out[2 * k + 1] = r(0 + d[2 * idx[h] + 1]);
  } else {
    const lo = idx[h - 1], hi = idx[h];
    out[2 * k] = r(r(r(0 + d[2 * lo]) + d[2 * hi]) / 2);
    out[2 * k + 1] = r(r(r(0 + d[2 * lo + 1]) + d[2 * hi + 1]) / 2);
  }
}
