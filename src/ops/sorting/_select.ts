// Selection (the kernel of partition/argpartition) on Float64Array lanes: NaNs are first moved
// to the end (they are the largest values in NumPy's order), then each requested order
// statistic is found by Floyd-Rivest selection (quickselect with pivots pre-selected in a
// sample), insertion sort on short ranges, and a full sort of the range once an iteration
// budget is spent (so the worst case stays O(n log n)).

const SHORT = 16;

/** Moves the NaNs of `x[0..n)` (and their payloads in `ix`) to the end; returns the NaN-free length. */
export function nansLast(x: Float64Array, ix: Int32Array | null, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) if (x[i] === x[i]) m++;
  if (m === n) return n;
  // Stable compaction through a temporary copy of the NaN-holding tail.
  const nanX: number[] = [], nanI: number[] = [];
  let o = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v === v) {
      x[o] = v;
      if (ix) ix[o] = ix[i];
      o++;
    } else {
      nanX.push(v);
      if (ix) nanI.push(ix[i]);
    }
  }
  for (let j = 0; j < nanX.length; j++) {
    x[o + j] = nanX[j];
    if (ix) ix[o + j] = nanI[j];
  }
  return m;
}

/**
 * Rearranges `x[0..m)` (NaN-free) so that each position in `kth` (ascending, distinct, all
 * `< m`) holds the value a sort would put there, with no larger value before it and no smaller
 * one after it. `ix`, when given, moves along with `x`.
 */
export function selectAll(
  x: Float64Array,
  ix: Int32Array | null,
  m: number,
  kth: readonly number[],
) {
  let lo = 0;
  for (const k of kth) {
    if (k >= m) break;
    if (ix) selectIdx(x, ix, lo, m - 1, k);
    else selectVal(x, lo, m - 1, k);
    lo = k + 1;
  }
}

function depthLimit(n: number): number {
  return 4 * Math.ceil(Math.log2(n + 1));
}

const SAMPLE_MIN = 600; // longer ranges first select within a sample (Floyd and Rivest)

/** The window around `k` that a sample-based pre-selection narrows `[lo, hi]` to. */
function window(lo: number, hi: number, k: number): [number, number] {
  const n = hi - lo + 1, i = k - lo + 1;
  const z = Math.log(n);
  const s = 0.5 * Math.exp((2 * z) / 3);
  const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i < n / 2 ? -1 : 1);
  return [
    Math.max(lo, Math.floor(k - (i * s) / n + sd)),
    Math.min(hi, Math.floor(k + ((n - i) * s) / n + sd)),
  ];
}

// Floyd-Rivest selection: on long ranges the element at k is first selected within a sample
// window (which makes it a pivot close to the answer), then the range is partitioned around
// it. An iteration budget bounds the worst case: past it, the range is sorted instead.
function selectVal(x: Float64Array, lo: number, hi: number, k: number): void {
  let budget = depthLimit(hi - lo + 1);
  while (hi > lo) {
    if (hi - lo < SHORT) return insertionVal(x, lo, hi);
    if (budget-- === 0) {
      x.subarray(lo, hi + 1).sort();
      return;
    }
    if (hi - lo > SAMPLE_MIN) {
      const [a, b] = window(lo, hi, k);
      selectVal(x, a, b, k);
    }
    const t = x[k];
    let i = lo, j = hi;
    swapV(x, lo, k);
    if (x[hi] > t) swapV(x, hi, lo);
    while (i < j) {
      swapV(x, i, j);
      i++;
      j--;
      while (x[i] < t) i++;
      while (x[j] > t) j--;
    }
    if (x[lo] === t) swapV(x, lo, j);
    else {
      j++;
      swapV(x, j, hi);
    }
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
  }
}

function insertionVal(x: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = x[i];
    let j = i - 1;
    while (j >= lo && x[j] > v) {
      x[j + 1] = x[j];
      j--;
    }
    x[j + 1] = v;
  }
}

function swapV(x: Float64Array, a: number, b: number): void {
  const t = x[a];
  x[a] = x[b];
  x[b] = t;
}

function swapI(x: Float64Array, ix: Int32Array, a: number, b: number): void {
  const t = x[a];
  x[a] = x[b];
  x[b] = t;
  const u = ix[a];
  ix[a] = ix[b];
  ix[b] = u;
}

function selectIdx(x: Float64Array, ix: Int32Array, lo: number, hi: number, k: number): void {
  let budget = depthLimit(hi - lo + 1);
  while (hi > lo) {
    if (hi - lo < SHORT) return insertionIdx(x, ix, lo, hi);
    if (budget-- === 0) {
      heapSort(x, ix, lo, hi);
      return;
    }
    if (hi - lo > SAMPLE_MIN) {
      const [a, b] = window(lo, hi, k);
      selectIdx(x, ix, a, b, k);
    }
    const t = x[k];
    let i = lo, j = hi;
    swapI(x, ix, lo, k);
    if (x[hi] > t) swapI(x, ix, hi, lo);
    while (i < j) {
      swapI(x, ix, i, j);
      i++;
      j--;
      while (x[i] < t) i++;
      while (x[j] > t) j--;
    }
    if (x[lo] === t) swapI(x, ix, lo, j);
    else {
      j++;
      swapI(x, ix, j, hi);
    }
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
  }
}

function insertionIdx(x: Float64Array, ix: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = x[i], w = ix[i];
    let j = i - 1;
    while (j >= lo && x[j] > v) {
      x[j + 1] = x[j];
      ix[j + 1] = ix[j];
      j--;
    }
    x[j + 1] = v;
    ix[j + 1] = w;
  }
}

/** In-place heap sort of `x[lo..hi]` with `ix` moving along. */
function heapSort(x: Float64Array, ix: Int32Array, lo: number, hi: number): void {
  const n = hi - lo + 1;
  const sift = (root: number, end: number) => {
    for (;;) {
      let c = 2 * root + 1;
      if (c >= end) return;
      if (c + 1 < end && x[lo + c] < x[lo + c + 1]) c++;
      if (!(x[lo + root] < x[lo + c])) return;
      swapI(x, ix, lo + root, lo + c);
      root = c;
    }
  };
  for (let i = (n >> 1) - 1; i >= 0; i--) sift(i, n);
  for (let end = n - 1; end > 0; end--) {
    swapI(x, ix, lo, lo + end);
    sift(0, end);
  }
}
