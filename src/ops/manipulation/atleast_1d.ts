/**
 * {@linkcode atleast1d}, {@linkcode atleast2d}, {@linkcode atleast3d}: views with at least
 * one, two or three dimensions.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { atleast } from "./_util.ts";

function apply(args: ArrayLike[], n: 1 | 2 | 3, where: string): NDArray | NDArray[] {
  const out = args.map((x) => atleast(toArray(x, where), n));
  return out.length === 1 ? out[0] : out;
}

/**
 * `a` as an array with at least one dimension: a 0-d array becomes shape `[1]` (a view);
 * other arrays are returned as they are. Several arguments give a list.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const s = nd.array(5);
 * const v = nd.atleast1d(s);
 * console.assert(v.shape.join() === "1" && v.base === s);
 * const [x, y] = nd.atleast1d(1, [2, 3]);
 * console.assert(x.shape.join() === "1" && y.shape.join() === "2");
 * ```
 */
export function atleast1d(a: ArrayLike): NDArray;
export function atleast1d(...arrays: ArrayLike[]): NDArray[];
export function atleast1d(...arrays: ArrayLike[]): NDArray | NDArray[] {
  return apply(arrays, 1, "atleast1d");
}

/**
 * `a` viewed with at least two dimensions: 0-d → `[1, 1]`, `[N]` → `[1, N]`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.atleast2d(nd.arange(3)).shape.join() === "1,3");
 * console.assert(nd.atleast2d(7).shape.join() === "1,1");
 * ```
 */
export function atleast2d(a: ArrayLike): NDArray;
export function atleast2d(...arrays: ArrayLike[]): NDArray[];
export function atleast2d(...arrays: ArrayLike[]): NDArray | NDArray[] {
  return apply(arrays, 2, "atleast2d");
}

/**
 * `a` viewed with at least three dimensions: 0-d → `[1, 1, 1]`, `[N]` → `[1, N, 1]`,
 * `[M, N]` → `[M, N, 1]`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.atleast3d(nd.arange(3)).shape.join() === "1,3,1");
 * console.assert(nd.atleast3d(nd.zeros([2, 3])).shape.join() === "2,3,1");
 * ```
 */
export function atleast3d(a: ArrayLike): NDArray;
export function atleast3d(...arrays: ArrayLike[]): NDArray[];
export function atleast3d(...arrays: ArrayLike[]): NDArray | NDArray[] {
  return apply(arrays, 3, "atleast3d");
}
