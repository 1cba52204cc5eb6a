/**
 * Shapes, strides, axes and broadcasting arithmetic (strides are counted in elements).
 *
 * @module
 */

/** A shape: non-negative integer sizes, one per dimension. */
export type Shape = readonly number[];

/**
 * The number of elements in a shape (1 for `[]`).
 *
 * @example
 * ```ts
 * import { shapeSize } from "./shape.ts";
 * import assert from "node:assert/strict";
 * assert(shapeSize([2, 3, 4]) === 24);
 * ```
 */
export function shapeSize(shape: Shape): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/**
 * C-order (row-major) strides in elements for a shape.
 *
 * @example
 * ```ts
 * import { cStrides } from "./shape.ts";
 * import assert from "node:assert/strict";
 * assert(cStrides([2, 3, 4]).join() === "12,4,1");
 * ```
 */
export function cStrides(shape: Shape): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return st;
}

/**
 * Fortran-order (column-major) strides in elements for a shape.
 *
 * @example
 * ```ts
 * import { fStrides } from "./shape.ts";
 * import assert from "node:assert/strict";
 * assert(fStrides([2, 3, 4]).join() === "1,2,6");
 * ```
 */
export function fStrides(shape: Shape): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = 0; i < shape.length; i++) {
    st[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return st;
}

/**
 * Validates a shape given by a user and returns it as a fresh array, or throws.
 *
 * @example
 * ```ts
 * import { checkShape } from "./shape.ts";
 * import assert from "node:assert/strict";
 * assert(checkShape(3, "zeros").join() === "3");
 * ```
 */
export function checkShape(shape: unknown, where: string): number[] {
  const arr = typeof shape === "number" ? [shape] : shape;
  if (!Array.isArray(arr)) {
    throw new TypeError(
      `${where}: shape must be a number or an array of numbers, got ${String(shape)}`,
    );
  }
  for (const s of arr) {
    if (typeof s !== "number" || !Number.isInteger(s) || s < 0) {
      throw new RangeError(
        `${where}: shape entries must be non-negative integers, got [${arr.join(", ")}]`,
      );
    }
  }
  if (shapeSize(arr) > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`${where}: shape [${arr.join(", ")}] is too large`);
  }
  return arr.slice();
}

/**
 * Normalizes a possibly negative axis against `ndim`, or throws a `RangeError`.
 *
 * @example
 * ```ts
 * import { normalizeAxis } from "./shape.ts";
 * import assert from "node:assert/strict";
 * assert(normalizeAxis(-1, 3, "sum") === 2);
 * ```
 */
export function normalizeAxis(axis: number, ndim: number, where: string): number {
  if (typeof axis !== "number" || !Number.isInteger(axis)) {
    throw new TypeError(`${where}: axis must be an integer, got ${String(axis)}`);
  }
  if (axis < -ndim || axis >= ndim) {
    throw new RangeError(
      `${where}: axis ${axis} is out of bounds for array of dimension ${ndim}`,
    );
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Normalizes an axis option (`undefined` = all axes) to a sorted list of distinct axes.
 *
 * @example
 * ```ts
 * import { normalizeAxes } from "./shape.ts";
 * import assert from "node:assert/strict";
 * assert(normalizeAxes([-1, 0], 3, "sum").join() === "0,2");
 * ```
 */
export function normalizeAxes(
  axis: number | readonly number[] | null | undefined,
  ndim: number,
  where: string,
): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : axis;
  if (!Array.isArray(list)) {
    throw new TypeError(
      `${where}: axis must be a number or an array of numbers, got ${String(axis)}`,
    );
  }
  const out = list.map((a) => normalizeAxis(a, ndim, where));
  const seen = new Set<number>();
  for (const a of out) {
    if (seen.has(a)) throw new RangeError(`${where}: repeated axis ${a} in [${list.join(", ")}]`);
    seen.add(a);
  }
  return out.sort((a, b) => a - b);
}

/**
 * The broadcast shape of several shapes (NumPy rules), or throws a `TypeError` naming them.
 *
 * @example
 * ```ts
 * import { broadcastShapes } from "./shape.ts";
 * import assert from "node:assert/strict";
 * assert(broadcastShapes([8, 1, 6, 1], [7, 1, 5]).join() === "8,7,6,5");
 * ```
 */
export function broadcastShapes(...shapes: Shape[]): number[] {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    const off = nd - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i], o = out[off + i];
      if (d === o || d === 1) continue;
      if (o === 1) out[off + i] = d;
      else {
        throw new TypeError(
          `broadcast: shapes ${shapes.map((x) => `[${x.join(",")}]`).join(" and ")} ` +
            `are not compatible: dimension ${off + i} has sizes ${o} and ${d}`,
        );
      }
    }
  }
  return out;
}

/**
 * Strides that make an array of `shape`/`strides` read as `target` (broadcast: stride 0 on
 * new or size-1 axes). Assumes the shapes are compatible.
 *
 * @example
 * ```ts
 * import { broadcastStrides } from "./shape.ts";
 * import assert from "node:assert/strict";
 * assert(broadcastStrides([3, 1], [1, 1], [2, 3, 4]).join() === "0,1,0");
 * ```
 */
export function broadcastStrides(
  shape: Shape,
  strides: readonly number[],
  target: Shape,
): number[] {
  const off = target.length - shape.length;
  const out = new Array<number>(target.length).fill(0);
  for (let i = 0; i < shape.length; i++) {
    out[off + i] = shape[i] === 1 && target[off + i] !== 1 ? 0 : strides[i];
  }
  return out;
}

/** Whether two shapes are equal. */
export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Formats a shape the way error messages show it: `[2,3]`. */
export function fmtShape(s: Shape): string {
  return `[${s.join(",")}]`;
}
