/**
 * Functions that rewrite an array's metadata and return a view sharing its buffer:
 * `reshape` (a copy when the layout does not allow a view), `transpose`, `swapaxes`,
 * `moveaxis`, `squeeze`, `expandDims`, `broadcastTo`, `broadcastArrays`.
 *
 * @module
 */

import type { DType } from "./dtype.ts";
import { NDArray } from "./ndarray.ts";
import {
  broadcastShapes,
  broadcastStrides,
  checkShape,
  fmtShape,
  normalizeAxes,
  normalizeAxis,
  type Shape,
  shapeSize,
} from "./shape.ts";
import { copy } from "./copy.ts";
import { toArray } from "./asarray.ts";
import type { ArrayLike } from "./_array_like.ts";

/** A view of `a` with new shape/strides/offset; `base` points at the owner of the buffer. */
export function view<D extends DType>(
  a: NDArray<D>,
  shape: Shape,
  strides: readonly number[],
  offset: number = a.offset,
  writeable: boolean = a.flags.writeable,
): NDArray<D> {
  return new NDArray(a.dtype, a.data, shape, strides, offset, a.base ?? a, writeable);
}

/** Strides for viewing `a` with `newShape` without copying, or null when impossible. */
function reshapeStrides(a: NDArray, newShape: Shape): number[] | null {
  // Drop size-1 axes of the old shape, then match runs of old axes to new axes.
  const oldS: number[] = [], oldT: number[] = [];
  a.shape.forEach((s, i) => {
    if (s !== 1) {
      oldS.push(s);
      oldT.push(a.strides[i]);
    }
  });
  const out = new Array<number>(newShape.length).fill(0);
  let oi = 0, ni = 0;
  while (ni < newShape.length && oi < oldS.length) {
    if (newShape[ni] === 1) {
      out[ni++] = 0;
      continue;
    }
    let np = newShape[ni], op = oldS[oi];
    const nStart = ni, oStart = oi;
    while (np !== op) {
      if (np < op) np *= newShape[++ni];
      else op *= oldS[++oi];
    }
    // Old axes oStart..oi must be one contiguous run.
    for (let k = oStart; k < oi; k++) if (oldT[k] !== oldT[k + 1] * oldS[k + 1]) return null;
    out[ni] = oldT[oi];
    for (let k = ni - 1; k >= nStart; k--) out[k] = out[k + 1] * newShape[k + 1];
    ni++;
    oi++;
  }
  for (; ni < newShape.length; ni++) out[ni] = 0;
  return out;
}

/** Resolves one -1 in a requested shape against `size`, or throws naming both. */
export function resolveShape(
  shape: number | readonly number[],
  size: number,
  where: string,
): number[] {
  const req = typeof shape === "number" ? [shape] : Array.from(shape);
  let unknown = -1, known = 1;
  req.forEach((s, i) => {
    if (!Number.isInteger(s) || s < -1) {
      throw new RangeError(`${where}: invalid shape entry ${s} in [${req.join(", ")}]`);
    }
    if (s === -1) {
      if (unknown >= 0) {
        throw new RangeError(`${where}: can only specify one unknown dimension (-1)`);
      }
      unknown = i;
    } else known *= s;
  });
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new TypeError(
        `${where}: cannot reshape array of size ${size} into shape [${req.join(",")}]`,
      );
    }
    req[unknown] = size / known;
  }
  if (shapeSize(req) !== size) {
    throw new TypeError(
      `${where}: cannot reshape array of size ${size} into shape [${req.join(",")}]`,
    );
  }
  return req;
}

/**
 * Gives `a` a new shape with the same number of elements (one entry may be -1). Returns a
 * view when the memory layout allows, otherwise a C-order copy, as NumPy does.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.arange(6);
 * const b = nd.reshape(a, [2, -1]);
 * assert(b.shape.join() === "2,3" && b.base === a);
 * ```
 */
export function reshape<D extends DType>(
  a: NDArray<D>,
  shape: number | readonly number[],
): NDArray<D> {
  const newShape = resolveShape(shape, a.size, "reshape");
  const st = a.size === 0 ? null : reshapeStrides(a, newShape);
  if (st) return view(a, newShape, st);
  return new NDArray(a.dtype, copy(a).data, newShape);
}

/**
 * Permutes the axes (reversed by default). Always a view.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.zeros([2, 3, 4]);
 * assert(nd.transpose(a, { axes: [1, 0, 2] }).shape.join() === "3,2,4");
 * ```
 */
export function transpose<D extends DType>(
  a: NDArray<D>,
  opts: { axes?: readonly number[] } | readonly number[] = {},
): NDArray<D> {
  const axesOpt = Array.isArray(opts) ? opts : (opts as { axes?: readonly number[] }).axes;
  const n = a.ndim;
  const axes = axesOpt === undefined
    ? Array.from({ length: n }, (_, i) => n - 1 - i)
    : axesOpt.map((x) => normalizeAxis(x, n, "transpose"));
  if (axes.length !== n || new Set(axes).size !== n) {
    throw new RangeError(
      `transpose: axes [${axesOpt}] are not a permutation of the ${n} axes of shape ${
        fmtShape(a.shape)
      }`,
    );
  }
  return view(a, axes.map((i) => a.shape[i]), axes.map((i) => a.strides[i]));
}

/**
 * Interchanges two axes. A view.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.swapaxes(nd.zeros([2, 3, 4]), 0, 2).shape.join() === "4,3,2");
 * ```
 */
export function swapaxes<D extends DType>(a: NDArray<D>, axis1: number, axis2: number): NDArray<D> {
  const i = normalizeAxis(axis1, a.ndim, "swapaxes"), j = normalizeAxis(axis2, a.ndim, "swapaxes");
  const axes = a.shape.map((_, k) => k);
  axes[i] = j;
  axes[j] = i;
  return transpose(a, { axes });
}

/**
 * Moves axes to new positions, keeping the order of the others. A view.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.moveaxis(nd.zeros([3, 4, 5]), 0, -1).shape.join() === "4,5,3");
 * ```
 */
export function moveaxis<D extends DType>(
  a: NDArray<D>,
  source: number | readonly number[],
  destination: number | readonly number[],
): NDArray<D> {
  const src = (typeof source === "number" ? [source] : source).map((x) =>
    normalizeAxis(x, a.ndim, "moveaxis")
  );
  const dst = (typeof destination === "number" ? [destination] : destination).map((x) =>
    normalizeAxis(x, a.ndim, "moveaxis")
  );
  if (src.length !== dst.length) {
    throw new RangeError(
      `moveaxis: source [${src}] and destination [${dst}] must have the same number of elements`,
    );
  }
  if (new Set(src).size !== src.length || new Set(dst).size !== dst.length) {
    throw new RangeError(`moveaxis: repeated axis in source [${src}] or destination [${dst}]`);
  }
  const order = a.shape.map((_, i) => i).filter((i) => !src.includes(i));
  const pairs = dst.map((d, k) => [d, src[k]]).sort((x, y) => x[0] - y[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return transpose(a, { axes: order });
}

/**
 * Removes size-1 axes: all of them, or those in `axis` (which must have size 1). A view.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.squeeze(nd.zeros([1, 3, 1])).shape.join() === "3");
 * ```
 */
export function squeeze<D extends DType>(
  a: NDArray<D>,
  opts: { axis?: number | readonly number[] } = {},
): NDArray<D> {
  const drop = opts.axis === undefined
    ? a.shape.map((s, i) => (s === 1 ? i : -1)).filter((i) => i >= 0)
    : normalizeAxes(opts.axis, a.ndim, "squeeze");
  for (const i of drop) {
    if (a.shape[i] !== 1) {
      throw new RangeError(
        `squeeze: cannot select an axis to squeeze out which has size not equal to one: axis ${i} has size ${
          a.shape[i]
        }`,
      );
    }
  }
  const keep = a.shape.map((_, i) => i).filter((i) => !drop.includes(i));
  return view(a, keep.map((i) => a.shape[i]), keep.map((i) => a.strides[i]));
}

/**
 * Inserts size-1 axes at the given positions of the result. A view.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.expandDims(nd.zeros([3]), [0, 2]).shape.join() === "1,3,1");
 * ```
 */
export function expandDims<D extends DType>(
  a: NDArray<D>,
  axis: number | readonly number[],
): NDArray<D> {
  const n = a.ndim + (typeof axis === "number" ? 1 : axis.length);
  const axes = normalizeAxes(axis, n, "expandDims");
  const shape: number[] = [], strides: number[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (axes.includes(i)) {
      shape.push(1);
      strides.push(0);
    } else {
      shape.push(a.shape[k]);
      strides.push(a.strides[k++]);
    }
  }
  return view(a, shape, strides);
}

/**
 * A read-only view of `a` broadcast to `shape` (stride 0 along repeated axes).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const b = nd.broadcastTo(nd.arange(3), [2, 3]);
 * assert(b.strides.join() === "0,1" && !b.flags.writeable);
 * ```
 */
export function broadcastTo<D extends DType>(
  a: NDArray<D> | ArrayLike,
  shape: readonly number[],
): NDArray<D> {
  const arr = toArray(a as ArrayLike, "broadcastTo") as NDArray<D>;
  const target = checkShape(shape, "broadcastTo");
  const ok = target.length >= arr.ndim &&
    arr.shape.every((s, i) => s === 1 || s === target[target.length - arr.ndim + i]);
  if (!ok) {
    throw new TypeError(
      `broadcastTo: cannot broadcast array of shape ${fmtShape(arr.shape)} to shape ${
        fmtShape(target)
      }`,
    );
  }
  return view(arr, target, broadcastStrides(arr.shape, arr.strides, target), arr.offset, false);
}

/**
 * Broadcasts several arrays against each other; returns read-only views.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const [x, y] = nd.broadcastArrays(nd.zeros([3, 1]), nd.zeros([4]));
 * assert(x.shape.join() === "3,4" && y.shape.join() === "3,4");
 * ```
 */
export function broadcastArrays(...arrays: ArrayLike[]): NDArray[] {
  const as = arrays.map((a) => toArray(a, "broadcastArrays"));
  const shape = broadcastShapes(...as.map((a) => a.shape));
  return as.map((a) => broadcastTo(a, shape));
}
