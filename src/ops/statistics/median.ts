/**
 * Medians: {@linkcode median} and the NaN-ignoring {@linkcode nanmedian}.
 *
 * Each slice is copied once into a contiguous buffer and the middle element(s) are found by
 * selection (quickselect), not by a full sort. The middle pair is averaged as NumPy's `mean`
 * does, so integers give float64 and float16/float32 keep their dtype.
 *
 * @module
 */

import { allocate, DTYPES } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { normalizeAxes } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { gatherRows, isFloat, selector, workDType, wrap } from "./_select.ts";
import { complexMedianRow } from "./_median_complex.ts";
import { checkOpts, meanDType } from "./_opts.ts";

/** Options of {@linkcode median} and {@linkcode nanmedian}. */
export interface MedianOpts {
  /** Axis or axes along which the medians are taken; all axes when omitted or null. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as size-1 dimensions. */
  keepdims?: boolean;
}

function medianOf(x: ArrayLike, opts: MedianOpts | undefined, skipNan: boolean): NDArray {
  const where = skipNan ? "nanmedian" : "median";
  const o = checkOpts(opts, where);
  const a = toArray(x, where);
  const axes = normalizeAxes(o.axis, a.ndim, where);
  const outDtype = meanDType(a.dtype);
  if (DTYPES[a.dtype].kind === "c") {
    const g = gatherRows(a, axes, "complex128");
    const out = allocate(outDtype, g.rows) as Float64Array;
    const r = outDtype === "complex64" ? Math.fround : (v: number) => v;
    for (let k = 0; k < g.rows; k++) {
      complexMedianRow(g.data as Float64Array, k * g.n, g.n, out, k, r, skipNan);
    }
    return wrap(outDtype, out, o.keepdims ? g.keepShape : g.keptShape);
  }
  const work = workDType(a.dtype);
  const g = gatherRows(a, axes, work);
  const sel = selector(work);
  const d = g.data, n = g.n;
  const out = allocate(outDtype, g.rows) as Float64Array;
  // NumPy's mean sums from +0 in the accumulator dtype (float32 for float16), then divides.
  const f32 = a.dtype === "float32" || a.dtype === "float16";
  const float = isFloat(a.dtype);
  const big = work === "int64" || work === "uint64";
  const ks = [0];
  for (let k = 0; k < g.rows; k++) {
    const p = k * n;
    let m = n;
    if (float) {
      m = sel.nanToEnd(d, p, n);
      if (m < n && !skipNan) {
        out[k] = NaN;
        continue;
      }
    }
    if (m === 0) {
      out[k] = NaN;
      continue;
    }
    const h = m >> 1;
    ks[0] = h;
    sel.selectAll(d, p, m, ks);
    const hi = big ? Number(d[p + h]) : d[p + h] as number;
    let v: number;
    if (m % 2 === 1) v = 0 + hi;
    else {
      const lo = big ? Number(sel.maxOf(d, p, h)) : sel.maxOf(d, p, h) as number;
      v = f32 ? Math.fround(Math.fround(Math.fround(0 + lo) + hi) / 2) : (0 + lo + hi) / 2;
    }
    out[k] = v;
  }
  return wrap(outDtype, out, o.keepdims ? g.keepShape : g.keptShape);
}

/**
 * Median along the given axes (all by default). A slice holding a NaN gives NaN; an empty
 * slice gives NaN. Integer and bool inputs give float64; float16/float32/complex keep their
 * dtype. Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.median([3, 1, 4, 1, 5]).item() === 3);
 * console.assert(nd.median([[10, 7, 4], [3, 2, 1]], { axis: 1 }).toArray().join() === "7,2");
 * console.assert(Number.isNaN(nd.median([1, NaN, 3]).item()));
 * ```
 */
export function median(a: ArrayLike, opts?: MedianOpts): NDArray {
  return medianOf(a, opts, false);
}

/**
 * Median ignoring NaNs; a slice of only NaNs (or an empty slice) gives NaN. Non-float inputs
 * behave as {@linkcode median}.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.nanmedian([1, NaN, 3, 4]).item() === 3);
 * console.assert(nd.nanmedian([[1, NaN], [2, 5]], { axis: 0 }).toArray().join() === "1.5,5");
 * ```
 */
export function nanmedian(a: ArrayLike, opts?: MedianOpts): NDArray {
  return medianOf(a, opts, true);
}
