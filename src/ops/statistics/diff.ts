/**
 * Discrete differences: {@linkcode diff}.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { normalizeAxis } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { broadcastTo, view } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { notEqual, subtract } from "../elementwise.ts";
import { checkOpts } from "./_opts.ts";
import { concatAlong } from "./_concat.ts";

/** Options of {@linkcode diff}. */
export interface DiffOpts {
  /** How many times to take differences (default 1; 0 returns the input). */
  n?: number;
  /** The axis to take differences along (default -1, the last). */
  axis?: number;
  /** Values joined before `a` along the axis (a scalar is broadcast to one slice). */
  prepend?: ArrayLike;
  /** Values joined after `a` along the axis (a scalar is broadcast to one slice). */
  append?: ArrayLike;
}

/**
 * The n-th discrete difference along an axis: `out[i] = a[i + 1] - a[i]`, applied `n` times,
 * so the axis shrinks by `n` (to no less than 0). Bool arrays use `!=` (as NumPy); unsigned
 * integers wrap. Always a new array (except `n: 0`, which returns the input).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.diff([1, 2, 4, 7, 0]).toArray().join() === "1,2,3,-7");
 * console.assert(nd.diff([1, 2, 4, 7, 0], { n: 2 }).toArray().join() === "1,1,-10");
 * const m = nd.diff([[1, 3, 6], [0, 5, 6]], { axis: 0 });
 * console.assert(m.toArray().flat().join() === "-1,2,0");
 * console.assert(nd.diff([1, 3], { prepend: 0 }).toArray().join() === "1,2");
 * ```
 */
export function diff(a: ArrayLike, opts?: DiffOpts): NDArray {
  const o = checkOpts(opts, "diff");
  const n = o.n ?? 1;
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw new TypeError(`diff: n must be an integer, got ${String(n)}`);
  }
  let x = toArray(a, "diff");
  if (n === 0) return x;
  if (n < 0) throw new RangeError(`diff: order must be non-negative, got ${n}`);
  if (x.ndim === 0) {
    throw new TypeError("diff: input must be at least one dimensional, got a 0-d array");
  }
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, "diff");
  const edge = (v: ArrayLike): NDArray => {
    const e = toArray(v, "diff");
    if (e.ndim > 0) return e;
    const shape = x.shape.slice();
    shape[axis] = 1;
    return broadcastTo(e, shape);
  };
  const parts: NDArray[] = [];
  if (o.prepend !== undefined && o.prepend !== null) parts.push(edge(o.prepend));
  parts.push(x);
  if (o.append !== undefined && o.append !== null) parts.push(edge(o.append));
  if (parts.length > 1) x = concatAlong(parts, axis, "diff");
  const op = x.dtype === "bool" ? notEqual : subtract;
  for (let i = 0; i < n; i++) {
    const shape = x.shape.slice();
    shape[axis] = Math.max(shape[axis] - 1, 0);
    const hi = view(x, shape, x.strides, x.offset + (shape[axis] > 0 ? x.strides[axis] : 0));
    const lo = view(x, shape, x.strides, x.offset);
    x = op(hi, lo);
  }
  return x;
}
