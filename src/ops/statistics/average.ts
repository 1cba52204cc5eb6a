/**
 * Weighted average: {@linkcode average}.
 *
 * @module
 */

import { DTYPES } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { resultType } from "../../core/promotion.ts";
import { fmtShape, normalizeAxis, shapesEqual } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import { broadcastTo, reshape, transpose } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { full } from "../creation.ts";
import { divide, equal, multiply } from "../elementwise.ts";
import { any, sum } from "../reduce/reductions.ts";
import { mean } from "../reduce/moments.ts";
import { checkOpts } from "./_opts.ts";

/** Options of {@linkcode average}. */
export interface AverageOpts {
  /** Axis or axes to average over; all when omitted or null. */
  axis?: number | readonly number[] | null;
  /**
   * Weights: the shape of `a`, or (with `axis`) the sizes of `a` along the axes, in the order
   * the axes are given. Equal weights when omitted.
   */
  weights?: ArrayLike | null;
  /** Also return the sum of the weights (broadcast to the result's shape). */
  returned?: boolean;
  /** Keep reduced axes as size-1 dimensions. */
  keepdims?: boolean;
}

function axesOf(axis: AverageOpts["axis"], ndim: number): number[] | null {
  if (axis === undefined || axis === null) return null;
  const list = typeof axis === "number" ? [axis] : axis;
  if (!Array.isArray(list)) {
    throw new TypeError(
      `average: axis must be a number or an array of numbers, got ${String(axis)}`,
    );
  }
  const out = list.map((ax) => normalizeAxis(ax, ndim, "average"));
  if (new Set(out).size !== out.length) {
    throw new RangeError(`average: repeated axis in [${list.join(", ")}]`);
  }
  return out;
}

/**
 * Weighted average along the given axes: `sum(a * w) / sum(w)`; without weights, the mean.
 * Integer and bool inputs average in float64. With `returned: true`, returns
 * `[average, sumOfWeights]`. Always new arrays.
 *
 * Throws a TypeError when `weights` does not fit `a` (as NumPy's rules), and a RangeError
 * when the weights sum to zero.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([[0, 1, 2], [3, 4, 5]]);
 * console.assert(nd.average(a).item() === 2.5);
 * const w = nd.average(a, { axis: 1, weights: [3, 0, 1] });
 * console.assert(w.toArray().join() === "0.5,3.5");
 * const [avg, sw] = nd.average([1, 2, 3], { weights: [1, 1, 2], returned: true });
 * console.assert(avg.item() === 2.25 && sw.item() === 4);
 * ```
 */
export function average(a: ArrayLike, opts?: AverageOpts & { returned?: false }): NDArray;
/**
 * {@linkcode average} with `returned: true`: `[average, sumOfWeights]`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const [avg, sw] = nd.average([[1, 3], [5, 7]], { axis: 0, returned: true });
 * console.assert(avg.toArray().join() === "3,5" && sw.toArray().join() === "2,2");
 * ```
 */
export function average(a: ArrayLike, opts: AverageOpts & { returned: true }): [NDArray, NDArray];
/**
 * {@linkcode average} when `returned` is not known statically.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const opts: nd.AverageOpts = { weights: [1, 3] };
 * console.assert((nd.average([0, 4], opts) as nd.NDArray).item() === 3);
 * ```
 */
export function average(a: ArrayLike, opts?: AverageOpts): NDArray | [NDArray, NDArray];
export function average(a: ArrayLike, opts?: AverageOpts): NDArray | [NDArray, NDArray] {
  const o = checkOpts(opts, "average");
  const x = toArray(a, "average");
  const axes = axesOf(o.axis, x.ndim);
  const keepdims = o.keepdims ?? false;
  if (o.weights === undefined || o.weights === null) {
    const avg = mean(x, { axis: axes, keepdims });
    if (!o.returned) return avg;
    return [avg, full(avg.shape, x.size / avg.size, { dtype: avg.dtype })];
  }
  const w = toArray(o.weights, "average");
  const k = DTYPES[x.dtype].kind;
  const rdt = k === "b" || k === "i" || k === "u"
    ? resultType(x.dtype, w.dtype, "float64")
    : resultType(x.dtype, w.dtype);
  let wb = w;
  if (!shapesEqual(x.shape, w.shape)) {
    if (axes === null) {
      throw new TypeError(
        `average: axis must be specified when shapes of a and weights differ: a has shape ${
          fmtShape(x.shape)
        }, weights ${fmtShape(w.shape)}`,
      );
    }
    const expected = axes.map((ax) => x.shape[ax]);
    if (!shapesEqual(w.shape, expected)) {
      throw new TypeError(
        `average: shape of weights must be consistent with shape of a along the specified axis: expected ${
          fmtShape(expected)
        }, got ${fmtShape(w.shape)}`,
      );
    }
    const order = axes.map((_, i) => i).sort((i, j) => axes[i] - axes[j]);
    wb = reshape(
      transpose(w, { axes: order }),
      x.shape.map((s, i) => (axes.includes(i) ? s : 1)),
    );
  }
  const scl = sum(wb, { axis: axes, dtype: rdt, keepdims });
  if (any(equal(scl, 0)).item()) {
    throw new RangeError("average: weights sum to zero, can't be normalized");
  }
  const num = sum(multiply(x, wb, { dtype: rdt }), { axis: axes, keepdims });
  const avg = divide(num, scl);
  if (!o.returned) return avg;
  const s = shapesEqual(scl.shape, avg.shape) ? scl : copy(broadcastTo(scl, avg.shape));
  return [avg, s];
}
