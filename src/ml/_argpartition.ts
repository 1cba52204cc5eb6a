/**
 * NumPy 1.24's `argpartition` of float64 values (introselect from npysort/selection.cpp, the
 * arg variant), ported step by step: median-of-3 pivots, unguarded partitions, selection sort
 * when `kth` is within 3 of the range's start, median of medians of 5 once the depth limit is
 * spent, and a plain scan for the maximum when `kth` is the last position. Where values tie,
 * which index lands where depends on exactly these steps; scikit-learn's k-means picks the
 * points for empty clusters this way.
 *
 * @module
 */

/** NumPy's `Tag::less` for doubles: NaN sorts last. */
function less(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}

/** The working state: values `v` looked up through the index array `t`. */
interface Sel {
  v: Float64Array;
  t: Int32Array;
}

function swap(t: Int32Array, i: number, j: number): void {
  const x = t[i];
  t[i] = t[j];
  t[j] = x;
}

/** `dumb_select`: selection sort of the first `kth + 1` of `t[off..off+num)`. */
function dumbSelect(s: Sel, off: number, num: number, kth: number): void {
  const { v, t } = s;
  for (let i = 0; i <= kth; i++) {
    let minidx = i, minval = v[t[off + i]];
    for (let k = i + 1; k < num; k++) {
      if (less(v[t[off + k]], minval)) {
        minidx = k;
        minval = v[t[off + k]];
      }
    }
    swap(t, off + i, off + minidx);
  }
}

function median3Swap(s: Sel, low: number, mid: number, high: number): void {
  const { v, t } = s;
  if (less(v[t[high]], v[t[mid]])) swap(t, high, mid);
  if (less(v[t[high]], v[t[low]])) swap(t, high, low);
  if (less(v[t[low]], v[t[mid]])) swap(t, low, mid); // the pivot to low
  swap(t, mid, low + 1); // the 3-lowest to low + 1
}

/** `median5`: the position (0..4) of the median of t[off..off+5), partly sorting them. */
function median5(s: Sel, off: number): number {
  const { v, t } = s;
  const at = (i: number) => v[t[off + i]];
  if (less(at(1), at(0))) swap(t, off + 1, off);
  if (less(at(4), at(3))) swap(t, off + 4, off + 3);
  if (less(at(3), at(0))) swap(t, off + 3, off);
  if (less(at(4), at(1))) swap(t, off + 4, off + 1);
  if (less(at(2), at(1))) swap(t, off + 2, off + 1);
  if (less(at(3), at(2))) return less(at(3), at(1)) ? 1 : 3;
  return 2;
}

/** `median_of_median5` of t[off..off+num): the offset of the chosen pivot. */
function medianOfMedian5(s: Sel, off: number, num: number): number {
  const right = num - 1;
  const nmed = Math.floor((right + 1) / 5);
  for (let i = 0, sub = 0; i < nmed; i++, sub += 5) {
    const m = median5(s, off + sub);
    swap(s.t, off + sub + m, off + i);
  }
  if (nmed > 2) introselect(s, off, nmed, Math.floor(nmed / 2));
  return Math.floor(nmed / 2);
}

/** `floor(log2(n))`, NumPy's `npy_get_msb`. */
function msb(n: number): number {
  let d = 0;
  while ((n >>= 1) > 0) d++;
  return d;
}

/** `introselect_` (arg variant) on t[off..off+num): puts the `kth` smallest at `off + kth`. */
function introselect(s: Sel, off: number, num: number, kth: number): void {
  const { v, t } = s;
  let low = 0, high = num - 1;
  if (kth - low < 3) {
    dumbSelect(s, off + low, high - low + 1, kth - low);
    return;
  }
  if (kth === num - 1) {
    // the largest value: a scan keeping the last of equal maxima
    let maxidx = low, maxval = v[t[off + low]];
    for (let k = low + 1; k < num; k++) {
      if (!less(v[t[off + k]], maxval)) {
        maxidx = k;
        maxval = v[t[off + k]];
      }
    }
    swap(t, off + kth, off + maxidx);
    return;
  }
  let depth = msb(num) * 2;
  while (low + 1 < high) {
    let ll = low + 1, hh = high;
    if (depth > 0 || hh - ll < 5) {
      const mid = low + Math.floor((high - low) / 2);
      median3Swap(s, off + low, off + mid, off + high);
    } else {
      const mid = ll + medianOfMedian5(s, off + ll, hh - ll);
      swap(t, off + mid, off + low);
      ll--;
      hh++;
    }
    depth--;
    // unguarded partition around the pivot at low
    const pivot = v[t[off + low]];
    for (;;) {
      do ll++; while (less(v[t[off + ll]], pivot));
      do hh--; while (less(pivot, v[t[off + hh]]));
      if (hh < ll) break;
      swap(t, off + ll, off + hh);
    }
    swap(t, off + low, off + hh);
    if (hh >= kth) high = hh - 1;
    if (hh <= kth) low = ll;
  }
  if (high === low + 1 && less(v[t[off + high]], v[t[off + low]])) {
    swap(t, off + high, off + low);
  }
}

/** `np.argpartition(v, kth)` for one kth in [0, n). */
export function argpartition(v: Float64Array, kth: number): Int32Array {
  const t = Int32Array.from({ length: v.length }, (_, i) => i);
  if (v.length > 0) introselect({ v, t }, 0, v.length, kth);
  return t;
}
