// Selection (quickselect) on rows of a contiguous work buffer, used by the median and
// quantile functions. Each row is a run `d[p .. p + n)` of a Float64Array, Float32Array,
// BigInt64Array or BigUint64Array. Kernels are compiled once per buffer kind so that V8 keeps
// each one monomorphic.
//
// Floats: NaNs are first moved to the end of the row (`nanToEnd`), so selection only ever
// compares ordered values. Selection is Floyd and Rivest's algorithm (a sampled pivot, about
// n + min(k, n - k) comparisons), with insertion sort for short ranges and the native
// typed-array sort if partitioning degenerates. Several order statistics are placed middle
// first, each narrowing the range of the others.
import { NDArray } from "../../core/ndarray.ts";
import { type DType, DTYPES, type TypedArray } from "../../core/dtype.ts";
import { compile } from "../../core/_kernel.ts";
import { copy } from "../../core/copy.ts";
import { transpose } from "../../core/views.ts";

/** The buffer kinds rows are selected in. */
export type WorkDType = "float64" | "float32" | "int64" | "uint64";

/** The selection kernels for one buffer kind. */
export interface Selector {
  /** Moves the NaNs of `d[p .. p + n)` to its end; returns the number of other values. */
  nanToEnd(d: TypedArray, p: number, n: number): number;
  /**
   * Partially orders `d[p .. p + n)` so that each relative index in `ks` (ascending, distinct)
   * holds the value it would hold if the row were sorted.
   */
  selectAll(d: TypedArray, p: number, n: number, ks: readonly number[]): void;
  /** The largest value of `d[p .. p + n)` (`n >= 1`, no NaN). */
  maxOf(d: TypedArray, p: number, n: number): number | bigint;
}

const SRC = `
function insertion(d, lo, hi) {
  for (let i = lo + 1; i <= hi; i++) {
    const v = d[i];
    let j = i - 1;
    while (j >= lo && d[j] > v) { d[j + 1] = d[j]; j--; }
    d[j + 1] = v;
  }
}
function select(d, left, right, k, depth) {
  // Floyd and Rivest's SELECT: partition around d[k] after recursively placing k inside a
  // small sample, so that each pass discards most of the range.
  if (depth === undefined) depth = 2 * (32 - Math.clz32(right - left + 1)) + 8;
  while (right > left) {
    if (right - left < 24) { insertion(d, left, right); return; }
    if (--depth < 0) { d.subarray(left, right + 1).sort(); return; }
    if (right - left > 600) {
      const n = right - left + 1, i = k - left + 1, z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      const nl = Math.max(left, Math.floor(k - (i * s) / n + sd));
      const nr = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd));
      select(d, nl, nr, k, depth);
    }
    const t = d[k];
    let i = left, j = right, tmp = d[left];
    d[left] = t; d[k] = tmp;
    if (d[right] > t) { tmp = d[right]; d[right] = d[left]; d[left] = tmp; }
    while (i < j) {
      tmp = d[i]; d[i] = d[j]; d[j] = tmp; i++; j--;
      while (d[i] < t) i++;
      while (d[j] > t) j--;
    }
    if (d[left] === t) { tmp = d[left]; d[left] = d[j]; d[j] = tmp; }
    else { j++; tmp = d[j]; d[j] = d[right]; d[right] = tmp; }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}
function multi(d, lo, hi, ks, a, b) {
  // Places ks[a..b) (absolute, ascending, inside [lo, hi]): the middle one first, then the
  // left ones inside [lo, k) and the right ones inside (k, hi].
  while (a < b) {
    let k = ks[a];
    if (k === lo) {
      // The smallest of the range: one scan.
      let m = lo;
      for (let i = lo + 1; i <= hi; i++) if (d[i] < d[m]) m = i;
      const t = d[lo]; d[lo] = d[m]; d[m] = t;
      lo++; a++;
      continue;
    }
    const mid = (a + b) >> 1;
    k = ks[mid];
    select(d, lo, hi, k);
    if (mid > a) multi(d, lo, k - 1, ks, a, mid);
    lo = k + 1; a = mid + 1;
  }
}
function selectAll(d, p, n, ks) {
  const m = ks.length;
  if (m === 0 || n < 2) return;
  if (m > 64) { d.subarray(p, p + n).sort(); return; }
  const abs = new Array(m);
  for (let q = 0; q < m; q++) abs[q] = p + ks[q];
  multi(d, p, p + n - 1, abs, 0, m);
}
function nanToEnd(d, p, n) {
  let i = p, j = p + n - 1;
  while (i <= j) {
    const v = d[i];
    if (v !== v) { d[i] = d[j]; d[j] = v; j--; } else i++;
  }
  return j - p + 1;
}
function maxOf(d, p, n) {
  let m = d[p];
  for (let i = p + 1; i < p + n; i++) if (d[i] > m) m = d[i];
  return m;
}
return { selectAll, nanToEnd, maxOf };
`;

const SELECTORS = new Map<WorkDType, Selector>();

/** The selection kernels for buffers of `work`. */
export function selector(work: WorkDType): Selector {
  let s = SELECTORS.get(work);
  if (!s) {
    s = compile(`// statistics select ${work}\n${SRC}`) as Selector;
    SELECTORS.set(work, s);
  }
  return s;
}

/** The buffer kind rows of dtype `d` are selected in (exact for every value of `d`). */
export function workDType(d: DType): WorkDType {
  if (d === "float32" || d === "float16") return "float32";
  if (d === "int64" || d === "uint64") return d;
  return "float64";
}

/** A contiguous copy of `a` with the reduced axes last, as `rows` rows of `n` values. */
export interface Rows {
  data: TypedArray;
  rows: number;
  n: number;
  /** The shape of the result without reduced axes. */
  keptShape: number[];
  /** The shape of the result with reduced axes kept as size 1. */
  keepShape: number[];
}

/** Copies `a` into a work buffer of dtype `work`, one row per output element. */
export function gatherRows(a: NDArray, axes: readonly number[], work: DType): Rows {
  const kept = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const keptShape = kept.map((i) => a.shape[i]);
  const keepShape = a.shape.map((s, i) => (axes.includes(i) ? 1 : s));
  const n = axes.reduce((p, i) => p * a.shape[i], 1);
  const rows = keptShape.reduce((p, s) => p * s, 1);
  const t = transpose(a, { axes: [...kept, ...axes] });
  const c = copy(t, work);
  return { data: c.data, rows, n, keptShape, keepShape };
}

/** A new array of `dtype` and `shape` over `data` (already filled). */
export function wrap(dtype: DType, data: TypedArray, shape: readonly number[]): NDArray {
  return new NDArray(dtype, data as never, shape);
}

/** Whether `d` holds floating-point values that may be NaN. */
export function isFloat(d: DType): boolean {
  return DTYPES[d].kind === "f";
}
