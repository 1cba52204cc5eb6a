/**
 * Joining arrays along a new or an existing axis: {@linkcode stack}, {@linkcode hstack},
 * {@linkcode vstack}, {@linkcode dstack}, {@linkcode columnStack}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import type { Casting } from "../../core/promotion.ts";
import { normalizeAxis, shapesEqual } from "../../core/shape.ts";
import { view } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { concatArrays } from "./_concat.ts";
import { arrayList, atleast } from "./_util.ts";

/** Options of {@linkcode stack}. */
export interface StackOpts {
  /** Position of the new axis in the result (default 0; negative counts from the end). */
  axis?: number;
  /** The result dtype (default: the promoted dtype of the inputs). Not with `out`. */
  dtype?: DType;
  /** An array of the result's exact shape to write into (returned). Not with `dtype`. */
  out?: NDArray;
  /** Casting rule from each input to the result dtype (default "same_kind"). */
  casting?: Casting;
}

/** Options of {@linkcode hstack}, {@linkcode vstack} and {@linkcode dstack}. */
export interface StackDTypeOpts {
  /** The result dtype (default: the promoted dtype of the inputs). */
  dtype?: DType;
  /** Casting rule from each input to the result dtype (default "same_kind"). */
  casting?: Casting;
}

/**
 * Joins arrays of the same shape along a new axis (`np.stack`); a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.array([1, 2, 3]), b = nd.array([4, 5, 6]);
 * console.assert(nd.stack([a, b]).shape.join() === "2,3");
 * const c = nd.stack([a, b], { axis: -1 });
 * console.assert(c.shape.join() === "3,2" && c.get(2, 1) === 6n);
 * ```
 */
export function stack(arrays: readonly ArrayLike[] | NDArray, opts: StackOpts = {}): NDArray {
  const { arrays: as } = arrayList(arrays, "stack");
  if (as.length === 0) throw new TypeError("stack: need at least one array to stack");
  const shape = as[0].shape;
  for (let i = 1; i < as.length; i++) {
    if (!shapesEqual(as[i].shape, shape)) {
      throw new TypeError(
        `stack: all input arrays must have the same shape: the array at index 0 has shape [${shape}] and the array at index ${i} has shape [${
          as[i].shape
        }]`,
      );
    }
  }
  const axis = normalizeAxis(opts.axis ?? 0, shape.length + 1, "stack");
  const expanded = as.map((a) =>
    view(
      a,
      [...a.shape.slice(0, axis), 1, ...a.shape.slice(axis)],
      [...a.strides.slice(0, axis), 0, ...a.strides.slice(axis)],
    )
  );
  return concatArrays(expanded, expanded, { ...opts, axis }, "stack");
}

/**
 * Joins arrays column-wise (`np.hstack`): along axis 1, or axis 0 for 1-D inputs. 0-d
 * inputs count as 1-D.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.hstack([[1, 2], [3]]).toArray().join() === "1,2,3");
 * console.assert(nd.hstack([nd.zeros([2, 1]), nd.ones([2, 2])]).shape.join() === "2,3");
 * ```
 */
export function hstack(arrays: readonly ArrayLike[] | NDArray, opts: StackDTypeOpts = {}): NDArray {
  const as = arrayList(arrays, "hstack").arrays.map((a) => atleast(a, 1));
  const axis = as.length > 0 && as[0].ndim === 1 ? 0 : 1;
  return concatArrays(as, as, { ...opts, axis }, "hstack");
}

/**
 * Joins arrays row-wise (`np.vstack`): along axis 0 after making every input at least 2-D
 * (`[N]` becomes `[1, N]`).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.vstack([[1, 2], [3, 4]]).shape.join() === "2,2");
 * ```
 */
export function vstack(arrays: readonly ArrayLike[] | NDArray, opts: StackDTypeOpts = {}): NDArray {
  const as = arrayList(arrays, "vstack").arrays.map((a) => atleast(a, 2));
  return concatArrays(as, as, { ...opts, axis: 0 }, "vstack");
}

/**
 * Joins arrays depth-wise (`np.dstack`): along axis 2 after making every input at least 3-D
 * (`[N]` becomes `[1, N, 1]`, `[M, N]` becomes `[M, N, 1]`).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.dstack([[1, 2], [3, 4]]).shape.join() === "1,2,2");
 * ```
 */
export function dstack(arrays: readonly ArrayLike[] | NDArray, opts: StackDTypeOpts = {}): NDArray {
  const as = arrayList(arrays, "dstack").arrays.map((a) => atleast(a, 3));
  return concatArrays(as, as, { ...opts, axis: 2 }, "dstack");
}

/**
 * Joins 1-D arrays as the columns of a 2-D array (`np.column_stack`); 2-D inputs are joined
 * as they are, along axis 1.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const c = nd.columnStack([[1, 2, 3], [4, 5, 6]]);
 * console.assert(c.shape.join() === "3,2" && c.get(0, 1) === 4n);
 * ```
 */
export function columnStack(arrays: readonly ArrayLike[] | NDArray): NDArray {
  const as = arrayList(arrays, "columnStack").arrays.map((a) => {
    if (a.ndim === 0) return view(a, [1, 1], [0, 0]);
    if (a.ndim === 1) return view(a, [a.shape[0], 1], [a.strides[0], 0]);
    return a;
  });
  return concatArrays(as, as, { axis: 1 }, "columnStack");
}
