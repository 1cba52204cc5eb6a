/**
 * Padding an array: {@linkcode pad}, with NumPy's "constant", "edge", "reflect",
 * "symmetric", "wrap" and "empty" modes.
 *
 * @module
 */

import { DTYPES } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { fmtShape } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { copyInto } from "../../core/copy.ts";
import { broadcastTo, reshape, view } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { multiply, subtract } from "../elementwise.ts";
import { copyBlock } from "./_kernels.ts";
import { empty, reverseAxis, sliceAxis } from "./_util.ts";

/** How {@linkcode pad} fills the new elements. */
export type PadMode = "constant" | "edge" | "reflect" | "symmetric" | "wrap" | "empty";

/** Options of {@linkcode pad}. */
export interface PadOpts {
  /** The fill rule (default "constant"). */
  mode?: PadMode;
  /**
   * "constant" mode: the fill values (default 0), given like `padWidth`: one value, a
   * `[before, after]` pair, or one pair per axis. Cast unsafely to the array's dtype.
   */
  constantValues?: ArrayLike;
  /**
   * "reflect" and "symmetric" modes: "even" (default) mirrors the values; "odd" mirrors
   * them through the edge value (`2 * edge - value`).
   */
  reflectType?: "even" | "odd";
}

const MODES: readonly PadMode[] = ["constant", "edge", "reflect", "symmetric", "wrap", "empty"];

/** NumPy's `_as_pairs`: `x` broadcast to one (before, after) pair per axis, shape [ndim, 2]. */
function asPairs(x: NDArray, ndim: number, what: string): NDArray {
  let v = x;
  if (
    v.ndim < 3 && (v.size === 1 || (v.size === 2 && !(v.ndim === 2 && v.shape[0] === 2 &&
      v.shape[1] === 1)))
  ) {
    v = reshape(v, [-1]);
  }
  try {
    return broadcastTo(v, [ndim, 2]);
  } catch {
    throw new TypeError(
      `pad: ${what} of shape ${
        fmtShape(x.shape)
      } cannot be broadcast to one (before, after) pair per axis, shape [${ndim},2]`,
    );
  }
}

function widths(padWidth: ArrayLike, ndim: number): [number, number][] {
  const w = Array.isArray(padWidth) && padWidth.length === 0
    ? new NDArray("float64", new Float64Array(0), [0])
    : toArray(padWidth, "pad");
  const k = DTYPES[w.dtype].kind;
  if (k !== "i" && k !== "u") {
    throw new TypeError(`pad: padWidth must be of integral type, got ${w.dtype}`);
  }
  const flat = reshape(w, [-1]);
  for (let i = 0; i < flat.size; i++) {
    if (Number(flat.get(i)) < 0) {
      throw new RangeError(`pad: padWidth can't contain negative values, got ${flat.get(i)}`);
    }
  }
  const p = asPairs(w, ndim, "padWidth");
  const out: [number, number][] = [];
  for (let i = 0; i < ndim; i++) out.push([Number(p.get(i, 0)), Number(p.get(i, 1))]);
  return out;
}

/** Writes `src` into `dst`; `odd` maps each value v to `2 * edge - v` first. */
function put(dst: NDArray, src: NDArray, edge: NDArray | null): void {
  if (dst.size === 0) return;
  if (edge) copyInto(dst, subtract(multiply(2, edge), src));
  else copyBlock(dst, src, true); // pad areas never overlap the areas they are read from
}

/** One pass of reflection on both sides of `axis` (NumPy's iterative scheme). */
function reflectBoth(
  r: NDArray,
  axis: number,
  left: number,
  right: number,
  odd: boolean,
  period: number,
  includeEdge: boolean,
): [number, number] {
  const L = r.shape[axis];
  let old = L - right - left, edgeOffset = 0;
  if (includeEdge) {
    old = Math.floor(old / period) * period;
    edgeOffset = 1;
  } else {
    old = Math.floor((old - 1) / (period - 1)) * (period - 1) + 1 - 1;
  }
  if (left > 0) {
    const chunk = Math.min(old, left);
    const stop = left - edgeOffset;
    const src = reverseAxis(sliceAxis(r, axis, stop + 1, stop + chunk + 1), axis);
    put(
      sliceAxis(r, axis, left - chunk, left),
      src,
      odd ? sliceAxis(r, axis, left, left + 1) : null,
    );
    left -= chunk;
  }
  if (right > 0) {
    const chunk = Math.min(old, right);
    const hi = L - right + edgeOffset - 1; // one past the first (highest) source index
    const src = reverseAxis(sliceAxis(r, axis, hi - chunk, hi), axis);
    const e = L - right;
    put(sliceAxis(r, axis, e, e + chunk), src, odd ? sliceAxis(r, axis, e - 1, e) : null);
    right -= chunk;
  }
  return [left, right];
}

/** One pass of wrapping on both sides of `axis` (NumPy's iterative scheme). */
function wrapBoth(
  r: NDArray,
  axis: number,
  left: number,
  right: number,
  original: number,
): [number, number] {
  const L = r.shape[axis];
  const period = Math.floor((L - right - left) / original) * original;
  let newLeft = 0, newRight = 0;
  if (left > 0) {
    const end = left + period;
    const src = sliceAxis(r, axis, end - Math.min(period, left), end);
    if (left > period) {
      put(sliceAxis(r, axis, left - period, left), src, null);
      newLeft = left - period;
    } else {
      put(sliceAxis(r, axis, 0, left), src, null);
    }
  }
  if (right > 0) {
    const start = L - right - period;
    const src = sliceAxis(r, axis, start, start + Math.min(period, right));
    if (right > period) {
      put(sliceAxis(r, axis, L - right, L - right + period), src, null);
      newRight = right - period;
    } else {
      put(sliceAxis(r, axis, L - right, L), src, null);
    }
  }
  return [newLeft, newRight];
}

/**
 * Pads an array (`np.pad`). `padWidth` is one width for every side, a `[before, after]`
 * pair for every axis, or one pair per axis (`[[1, 2], [0, 3]]`). Modes: "constant"
 * (`constantValues`, default 0), "edge" (repeat the edge value), "reflect" (mirror without
 * repeating the edge), "symmetric" (mirror including the edge), "wrap" (periodic),
 * "empty" (unspecified; nd gives zeros). Pads wider than the array repeat the pattern
 * exactly as NumPy's iterative algorithm does. Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([1, 2, 3]);
 * console.assert(nd.pad(a, [2, 1]).toArray().join() === "0,0,1,2,3,0");
 * console.assert(nd.pad(a, 2, { mode: "reflect" }).toArray().join() === "3,2,1,2,3,2,1");
 * console.assert(nd.pad(a, 2, { mode: "symmetric" }).toArray().join() === "2,1,1,2,3,3,2");
 * console.assert(nd.pad(a, 2, { mode: "wrap" }).toArray().join() === "2,3,1,2,3,1,2");
 * console.assert(nd.pad(a, 1, { mode: "edge" }).toArray().join() === "1,1,2,3,3");
 * const m = nd.pad(nd.ones([2, 2]), [[1, 0], [0, 2]], { constantValues: 9 });
 * console.assert(m.shape.join() === "3,4" && m.get(0, 0) === 9 && m.get(1, 1) === 1);
 * ```
 */
export function pad(a: ArrayLike, padWidth: ArrayLike, opts: PadOpts = {}): NDArray {
  const arr = toArray(a, "pad");
  const mode = opts.mode ?? "constant";
  if (!MODES.includes(mode)) {
    throw new RangeError(
      `pad: mode ${JSON.stringify(mode)} is not supported: expected one of ${
        MODES.map((m) => JSON.stringify(m)).join(", ")
      }`,
    );
  }
  if (opts.constantValues !== undefined && mode !== "constant") {
    throw new TypeError(`pad: constantValues is not supported with mode "${mode}"`);
  }
  if (opts.reflectType !== undefined) {
    if (mode !== "reflect" && mode !== "symmetric") {
      throw new TypeError(`pad: reflectType is not supported with mode "${mode}"`);
    }
    if (opts.reflectType !== "even" && opts.reflectType !== "odd") {
      throw new RangeError(
        `pad: reflectType must be "even" or "odd", got ${JSON.stringify(opts.reflectType)}`,
      );
    }
  }
  const nd = arr.ndim;
  const w = widths(padWidth, nd);
  const values = mode === "constant" && opts.constantValues !== undefined
    ? asPairs(toArray(opts.constantValues, "pad"), nd, "constantValues")
    : null;
  if (mode !== "constant" && mode !== "empty" && arr.size === 0) {
    w.forEach(([b, af], ax) => {
      if (arr.shape[ax] === 0 && (b > 0 || af > 0)) {
        throw new RangeError(
          `pad: can't extend empty axis ${ax} using modes other than "constant" or "empty"`,
        );
      }
    });
  }
  const out = empty(arr.dtype, arr.shape.map((n, i) => n + w[i][0] + w[i][1]));
  let centre: NDArray = out;
  for (let i = 0; i < nd; i++) centre = sliceAxis(centre, i, w[i][0], w[i][0] + arr.shape[i]);
  if (centre.size > 0) copyBlock(centre, arr);
  if (mode === "empty" || arr.size === 0 && mode !== "constant") return out;
  // Axis by axis; the region of interest spans the padded range of the axes already done and
  // the original range of the others, so corners are filled from the earlier axes' pads.
  const roi = (axis: number): NDArray => {
    let r: NDArray = out;
    for (let k = axis + 1; k < nd; k++) r = sliceAxis(r, k, w[k][0], w[k][0] + arr.shape[k]);
    return r;
  };
  const value = (axis: number, side: 0 | 1): NDArray => {
    const p = values!;
    return view(p, [], [], p.offset + axis * p.strides[0] + side * p.strides[1]);
  };
  const odd = opts.reflectType === "odd";
  for (let axis = 0; axis < nd; axis++) {
    let [left, right] = w[axis];
    if (left === 0 && right === 0) continue;
    const r = roi(axis), L = r.shape[axis], n = arr.shape[axis];
    if (mode === "constant") {
      if (values) {
        put(sliceAxis(r, axis, 0, left), value(axis, 0), null);
        put(sliceAxis(r, axis, L - right, L), value(axis, 1), null);
      }
    } else if (mode === "edge" || (n === 1 && (mode === "reflect" || mode === "symmetric"))) {
      put(sliceAxis(r, axis, 0, left), sliceAxis(r, axis, left, left + 1), null);
      put(sliceAxis(r, axis, L - right, L), sliceAxis(r, axis, L - right - 1, L - right), null);
    } else if (mode === "wrap") {
      while (left > 0 || right > 0) [left, right] = wrapBoth(r, axis, left, right, n);
    } else {
      const sym = mode === "symmetric";
      while (left > 0 || right > 0) {
        [left, right] = reflectBoth(r, axis, left, right, odd, n, sym);
      }
    }
  }
  return out;
}
