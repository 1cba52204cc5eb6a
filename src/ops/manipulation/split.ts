/**
 * Splitting an array into views: {@linkcode split}, {@linkcode arraySplit},
 * {@linkcode hsplit}, {@linkcode vsplit}, {@linkcode dsplit}.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { normalizeAxis } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { intValues } from "./_indices.ts";
import { checkInt, sliceAxis } from "./_util.ts";

/** Options of {@linkcode split} and {@linkcode arraySplit}. */
export interface SplitOpts {
  /** The axis to split along (default 0). */
  axis?: number;
}

/** Sections (a count) or split points (indices along the axis) for {@linkcode split}. */
export type SectionsOrIndices = number | readonly number[] | NDArray;

function splitImpl(
  x: ArrayLike,
  spec: SectionsOrIndices,
  axisOpt: number,
  equal: boolean,
  where: string,
): NDArray[] {
  const a = toArray(x, where);
  const axis = normalizeAxis(axisOpt, a.ndim, where);
  const n = a.shape[axis];
  if (typeof spec === "number") {
    const sections = checkInt(spec, "the number of sections", where);
    if (sections <= 0) {
      throw new RangeError(`${where}: number sections must be larger than 0, got ${sections}`);
    }
    if (equal && n % sections !== 0) {
      throw new RangeError(
        `${where}: array split does not result in an equal division: axis ${axis} of size ${n} into ${sections} sections`,
      );
    }
    const each = Math.floor(n / sections), extra = n % sections;
    const out: NDArray[] = [];
    let start = 0;
    for (let i = 0; i < sections; i++) {
      const len = each + (i < extra ? 1 : 0);
      out.push(sliceAxis(a, axis, start, start + len));
      start += len;
    }
    return out;
  }
  const { values, shape } = intValues(spec as ArrayLike, "split indices", where);
  if (shape.length !== 1) {
    throw new TypeError(
      `${where}: split indices must be a 1-D list of integers, got shape [${shape}]`,
    );
  }
  // Python slice semantics for each [start:stop] between consecutive points.
  const clamp = (v: number) => (v < 0 ? Math.max(0, v + n) : Math.min(v, n));
  const points = [0, ...Array.from(values, clamp), n];
  const out: NDArray[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    out.push(sliceAxis(a, axis, points[i], Math.max(points[i], points[i + 1])));
  }
  return out;
}

/**
 * Splits `a` into views along an axis (`np.split`): into `n` equal sections (an error when
 * the axis length is not a multiple of `n`), or at the given indices (Python slice rules:
 * negative indices count from the end, out-of-range ones clip, decreasing ones give empty
 * pieces).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.arange(6);
 * const [x, y] = nd.split(a, 2);
 * console.assert(x.toArray().join() === "0,1,2" && y.base === a);
 * const parts = nd.split(a, [1, 4]);
 * console.assert(parts.map((p) => p.size).join() === "1,3,2");
 * ```
 */
export function split(
  a: ArrayLike,
  sectionsOrIndices: SectionsOrIndices,
  opts: SplitOpts = {},
): NDArray[] {
  return splitImpl(a, sectionsOrIndices, opts.axis ?? 0, true, "split");
}

/**
 * Like {@linkcode split}, but a number of sections need not divide the axis: the first
 * `len % n` pieces get one extra element (`np.array_split`). Views.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const parts = nd.arraySplit(nd.arange(5), 3);
 * console.assert(parts.map((p) => p.size).join() === "2,2,1");
 * ```
 */
export function arraySplit(
  a: ArrayLike,
  sectionsOrIndices: SectionsOrIndices,
  opts: SplitOpts = {},
): NDArray[] {
  return splitImpl(a, sectionsOrIndices, opts.axis ?? 0, false, "arraySplit");
}

/**
 * {@linkcode split} along axis 1 (axis 0 for 1-D arrays), as `np.hsplit`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const [l, r] = nd.hsplit(nd.zeros([2, 4]), 2);
 * console.assert(l.shape.join() === "2,2" && r.shape.join() === "2,2");
 * ```
 */
export function hsplit(a: ArrayLike, sectionsOrIndices: SectionsOrIndices): NDArray[] {
  const arr = toArray(a, "hsplit");
  if (arr.ndim === 0) {
    throw new RangeError("hsplit: only works on arrays of 1 or more dimensions, got 0");
  }
  return splitImpl(arr, sectionsOrIndices, arr.ndim > 1 ? 1 : 0, true, "hsplit");
}

/**
 * {@linkcode split} along axis 0 of an array of 2 or more dimensions, as `np.vsplit`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const [t, b] = nd.vsplit(nd.zeros([4, 2]), 2);
 * console.assert(t.shape.join() === "2,2" && b.shape.join() === "2,2");
 * ```
 */
export function vsplit(a: ArrayLike, sectionsOrIndices: SectionsOrIndices): NDArray[] {
  const arr = toArray(a, "vsplit");
  if (arr.ndim < 2) {
    throw new RangeError(`vsplit: only works on arrays of 2 or more dimensions, got ${arr.ndim}`);
  }
  return splitImpl(arr, sectionsOrIndices, 0, true, "vsplit");
}

/**
 * {@linkcode split} along axis 2 of an array of 3 or more dimensions, as `np.dsplit`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const parts = nd.dsplit(nd.zeros([1, 2, 4]), [1]);
 * console.assert(parts[1].shape.join() === "1,2,3");
 * ```
 */
export function dsplit(a: ArrayLike, sectionsOrIndices: SectionsOrIndices): NDArray[] {
  const arr = toArray(a, "dsplit");
  if (arr.ndim < 3) {
    throw new RangeError(`dsplit: only works on arrays of 3 or more dimensions, got ${arr.ndim}`);
  }
  return splitImpl(arr, sectionsOrIndices, 2, true, "dsplit");
}
