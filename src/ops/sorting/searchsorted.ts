/**
 * Binary search in a sorted array: {@linkcode searchsorted}.
 *
 * @module
 */

import { type DType, DTYPES, type TypedArray } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import { fmtShape } from "../../core/shape.ts";
import { promoteTypes } from "../../core/promotion.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { newIndexArray } from "./_lanes.ts";
import { words } from "./_keys.ts";
import { complexLess } from "./_complex_sort.ts";

/** Options of {@linkcode searchsorted}. */
export interface SearchsortedOpts {
  /** `"left"` (default): the first suitable index; `"right"`: the last. */
  side?: "left" | "right";
  /** Indices that sort `a` (as `argsort(a)` gives), when `a` itself is not sorted. */
  sorter?: ArrayLike;
}

/**
 * The indices where the elements of `v` would be inserted into the sorted 1-D array `a` to keep
 * it sorted, as `np.searchsorted`. With `side: "left"` the result `i` satisfies
 * `a[i-1] < v <= a[i]`; with `"right"`, `a[i-1] <= v < a[i]`. The order is the one `sort` uses
 * (NaNs last). Both are compared in their promoted dtype (`promoteTypes(a.dtype, v.dtype)`; JS
 * numbers count as int64 or float64, as NumPy's Python scalars do here). Returns an int64 array
 * of `v`'s shape: 0-d for a scalar `v`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([1, 2, 2, 3]);
 * console.assert(nd.searchsorted(a, 2).item() === 1n);
 * console.assert(nd.searchsorted(a, 2, { side: "right" }).item() === 3n);
 * console.assert(nd.searchsorted(a, [0, 2.5, 9]).toArray().join() === "0,3,4");
 * ```
 */
export function searchsorted(
  a: ArrayLike,
  v: ArrayLike,
  opts: SearchsortedOpts = {},
): NDArray<"int64"> {
  const arr = toArray(a, "searchsorted");
  if (arr.ndim !== 1) {
    throw new TypeError(`searchsorted: a must be 1-D, got shape ${fmtShape(arr.shape)}`);
  }
  const side = opts.side ?? "left";
  if (side !== "left" && side !== "right") {
    throw new RangeError(
      `searchsorted: side must be "left" or "right", got ${JSON.stringify(side)}`,
    );
  }
  const keys = toArray(v, "searchsorted");
  const n = arr.size;
  const perm = opts.sorter === undefined ? null : sorterIndices(opts.sorter, n);
  const common = promoteTypes(arr.dtype, keys.dtype);
  const [out, w] = newIndexArray(keys.shape);
  const m = keys.size;
  if (m === 0) return out;
  const right = side === "right";
  const info = DTYPES[common];
  if (info.kind === "c") {
    const ad = arr.dtype === common ? arr : copy(arr, common);
    const kd = copy(keys, "complex128").data as Float64Array;
    searchComplex(ad.data as Float64Array, ad.offset, ad.strides[0], n, perm, kd, m, right, w);
  } else if (info.bigint) {
    const ad = arr.dtype === common ? arr : copy(arr, common);
    const kd = words(copy(keys, common).data);
    const flip = common === "int64" ? 0x80000000 : 0;
    search64(words(ad.data), ad.offset, ad.strides[0], n, perm, kd, m, flip, right, w);
  } else {
    const ad = arr.dtype === common || arr.dtype === "float64" ? arr : copy(arr, common);
    const kd = toFloat64(keys, common);
    searchNum(ad.data, ad.offset, ad.strides[0], n, perm, kd, m, right, w);
  }
  return out;
}

/** The values of `x` cast to `common` (a real, non-int64 dtype), held exactly as float64. */
function toFloat64(x: NDArray, common: DType): Float64Array {
  const c = x.dtype === common ? x : copy(x, common);
  return copy(c, "float64").data as Float64Array;
}

function sorterIndices(sorter: ArrayLike, n: number): Int32Array {
  const s = toArray(sorter, "searchsorted");
  if (s.ndim !== 1 || s.size !== n) {
    throw new TypeError(
      `searchsorted: sorter must be 1-D with the size of a (${n}), got shape ${fmtShape(s.shape)}`,
    );
  }
  const k = DTYPES[s.dtype].kind;
  if (k !== "i" && k !== "u") {
    throw new TypeError(`searchsorted: sorter must hold integers, got dtype ${s.dtype}`);
  }
  const f = copy(s, "float64").data as Float64Array;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const j = f[i];
    if (j < 0 || j >= n) {
      throw new RangeError(`searchsorted: sorter index ${j} is out of range for size ${n}`);
    }
    out[i] = j;
  }
  return out;
}

// The three searches below follow one scheme: binary search per key, narrowing the bounds from
// the previous key's answer when the keys come in increasing order (as NumPy does).

function searchNum(
  a: TypedArray,
  off: number,
  st: number,
  n: number,
  perm: Int32Array | null,
  keys: Float64Array,
  m: number,
  right: boolean,
  w: Int32Array,
): void {
  let lo = 0, hi = n;
  let last = keys[0];
  for (let q = 0; q < m; q++) {
    const key = keys[q];
    // lt(last, key): NumPy's `<` with NaN largest.
    if (last < key || (key !== key && last === last)) hi = n;
    else {
      lo = 0;
      hi = hi < n ? hi + 1 : n;
    }
    last = key;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = a[off + (perm ? perm[mid] : mid) * st] as number;
      // left: go right while x < key; right: while !(key < x)
      const goRight = right
        ? !(key < x || (x !== x && key === key))
        : x < key || (key !== key && x === x);
      if (goRight) lo = mid + 1;
      else hi = mid;
    }
    w[2 * q] = lo;
  }
}

function search64(
  a: Uint32Array,
  off: number,
  st: number,
  n: number,
  perm: Int32Array | null,
  keys: Uint32Array,
  m: number,
  flip: number,
  right: boolean,
  w: Int32Array,
): void {
  let lo = 0, hi = n;
  let lh = (keys[1] ^ flip) >>> 0, ll = keys[0];
  for (let q = 0; q < m; q++) {
    const kh = (keys[2 * q + 1] ^ flip) >>> 0, kl = keys[2 * q];
    if (lh < kh || (lh === kh && ll < kl)) hi = n;
    else {
      lo = 0;
      hi = hi < n ? hi + 1 : n;
    }
    lh = kh;
    ll = kl;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = 2 * (off + (perm ? perm[mid] : mid) * st);
      const xh = (a[p + 1] ^ flip) >>> 0, xl = a[p];
      const goRight = right
        ? !(kh < xh || (kh === xh && kl < xl))
        : xh < kh || (xh === kh && xl < kl);
      if (goRight) lo = mid + 1;
      else hi = mid;
    }
    w[2 * q] = lo;
  }
}

function searchComplex(
  a: Float64Array | Float32Array,
  off: number,
  st: number,
  n: number,
  perm: Int32Array | null,
  keys: Float64Array,
  m: number,
  right: boolean,
  w: Int32Array,
): void {
  let lo = 0, hi = n;
  let lr = keys[0], li = keys[1];
  for (let q = 0; q < m; q++) {
    const kr = keys[2 * q], ki = keys[2 * q + 1];
    if (complexLess(lr, li, kr, ki)) hi = n;
    else {
      lo = 0;
      hi = hi < n ? hi + 1 : n;
    }
    lr = kr;
    li = ki;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = 2 * (off + (perm ? perm[mid] : mid) * st);
      const xr = a[p], xi = a[p + 1];
      const goRight = right ? !complexLess(kr, ki, xr, xi) : complexLess(xr, xi, kr, ki);
      if (goRight) lo = mid + 1;
      else hi = mid;
    }
    w[2 * q] = lo;
  }
}
