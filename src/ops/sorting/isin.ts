/**
 * Membership tests: {@linkcode isin}.
 *
 * @module
 */

import { type DType, DTYPES } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import { promoteTypes } from "../../core/promotion.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { words } from "./_keys.ts";
import { sortRows } from "./_sort_rows.ts";

/** Options of {@linkcode isin}. */
export interface IsinOpts {
  /** Return the negation: true where an element is *not* in `testElements`. */
  invert?: boolean;
  /** Promise that both inputs hold distinct values (accepted; the result does not depend on it). */
  assumeUnique?: boolean;
}

/**
 * Whether each element of `element` occurs in `testElements` (flattened), as `np.isin`: a bool
 * array of `element`'s shape (0-d for a scalar). Values are compared with `==` in their promoted
 * dtype, so -0.0 is found as 0.0, and NaN is never found (NaN != NaN).
 *
 * Speed: the test values are sorted once and each element is found by binary search.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.isin([1, 2, 3, 4], [4, 2]).toArray().join() === "false,true,false,true");
 * console.assert(nd.isin(5, [5], { invert: true }).item() === false);
 * ```
 */
export function isin(
  element: ArrayLike,
  testElements: ArrayLike,
  opts: IsinOpts = {},
): NDArray<"bool"> {
  const e = toArray(element, "isin");
  const t = toArray(testElements, "isin");
  const common = promoteTypes(e.dtype, t.dtype);
  const m = e.size;
  const found = new Uint8Array(m);
  const info = DTYPES[common];
  if (m > 0 && t.size > 0) {
    if (info.kind === "c") findComplex(e, t, found);
    else if (info.bigint) findBig(copy(e, common), copy(t, common), common === "int64", found);
    else findNum(toF64(e, common), toF64(t, common), found);
  }
  if (opts.invert) { for (let i = 0; i < m; i++) found[i] ^= 1; }
  return new NDArray("bool", found, e.shape);
}

function toF64(x: NDArray, common: DType): Float64Array {
  const c = x.dtype === common ? x : copy(x, common);
  return copy(c, "float64").data as Float64Array;
}

function findNum(e: Float64Array, t: Float64Array, found: Uint8Array): void {
  sortRows("float64", t, 1, t.length); // NaNs go last; drop them: NaN equals nothing
  let n = t.length;
  while (n > 0 && t[n - 1] !== t[n - 1]) n--;
  for (let i = 0; i < e.length; i++) {
    const v = e[i];
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (t[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    found[i] = lo < n && t[lo] === v ? 1 : 0;
  }
}

function findBig(e: NDArray, t: NDArray, signed: boolean, found: Uint8Array): void {
  const sorted = t.data as BigInt64Array;
  sorted.sort();
  const tw = words(sorted), ew = words(e.data);
  const flip = signed ? 0x80000000 : 0;
  const n = sorted.length;
  for (let i = 0; i < e.size; i++) {
    const vh = (ew[2 * i + 1] ^ flip) >>> 0, vl = ew[2 * i];
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const xh = (tw[2 * mid + 1] ^ flip) >>> 0, xl = tw[2 * mid];
      if (xh < vh || (xh === vh && xl < vl)) lo = mid + 1;
      else hi = mid;
    }
    found[i] = lo < n && tw[2 * lo] === vl && tw[2 * lo + 1] === ew[2 * i + 1] ? 1 : 0;
  }
}

function findComplex(e: NDArray, t: NDArray, found: Uint8Array): void {
  const td = copy(t, "complex128").data as Float64Array;
  const ed = copy(e, "complex128").data as Float64Array;
  const set = new Set<string>();
  // Adding 0 turns -0 into 0 so that both spell the same key; NaN-holding values never match.
  for (let i = 0; i < td.length; i += 2) {
    const r = td[i], m = td[i + 1];
    if (r === r && m === m) set.add(`${r + 0},${m + 0}`);
  }
  for (let i = 0; i < found.length; i++) {
    found[i] = set.has(`${ed[2 * i] + 0},${ed[2 * i + 1] + 0}`) ? 1 : 0;
  }
}
