// Binary search in an ascending Float64Array with NumPy's NaN order (NaN after everything).

/** The index where `v` goes in `s` (ascending, NaNs last): before equal values unless `right`. */
export function searchSorted(s: Float64Array, v: number, right: boolean): number {
  let lo = 0, hi = s.length;
  if (v !== v) {
    // NaN sorts last: after every number, and after NaNs too when `right`.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = s[mid];
      if (e === e || right) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const e = s[mid];
    // e < v (left) or e <= v (right); a NaN e is never before a number.
    if (right ? e <= v : e < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
