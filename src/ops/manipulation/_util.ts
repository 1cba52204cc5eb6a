// Private helpers of the manipulation functions: views along one axis, input lists and
// casting checks.
import { allocate, type DType } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import {
  canCast,
  type Casting,
  type DTypeLike,
  resultType,
  weakKind,
} from "../../core/promotion.ts";
import { toArray } from "../../core/asarray.ts";
import { view } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";

/** A view of `a` restricted to `[start, stop)` along `axis` (both already in range). */
export function sliceAxis<D extends DType>(
  a: NDArray<D>,
  axis: number,
  start: number,
  stop: number,
): NDArray<D> {
  const shape = a.shape.slice();
  const len = Math.max(0, stop - start);
  shape[axis] = len;
  const offset = len > 0 ? a.offset + start * a.strides[axis] : a.offset;
  return view(a, shape, a.strides, offset);
}

/** A view of `a` with `axis` reversed. */
export function reverseAxis<D extends DType>(a: NDArray<D>, axis: number): NDArray<D> {
  const n = a.shape[axis];
  const strides = a.strides.slice();
  strides[axis] = -strides[axis];
  const offset = n > 0 ? a.offset + (n - 1) * a.strides[axis] : a.offset;
  return view(a, a.shape, strides, offset);
}

/** A view of `a[..., i, ...]` (axis `axis` removed). */
export function indexAxis<D extends DType>(a: NDArray<D>, axis: number, i: number): NDArray<D> {
  const shape = a.shape.filter((_, k) => k !== axis);
  const strides = a.strides.filter((_, k) => k !== axis);
  return view(a, shape, strides, a.offset + i * a.strides[axis]);
}

/** `a` with size-1 axes added so that it has at least `n` dimensions (NumPy's placement). */
export function atleast(a: NDArray, n: 1 | 2 | 3): NDArray {
  if (a.ndim >= n) return a;
  const sh = a.shape, st = a.strides;
  if (a.ndim === 0) return view(a, new Array(n).fill(1), new Array(n).fill(0));
  if (a.ndim === 1) {
    return n === 2 ? view(a, [1, sh[0]], [0, st[0]]) : view(a, [1, sh[0], 1], [0, st[0], 0]);
  }
  return view(a, [sh[0], sh[1], 1], [st[0], st[1], 0]);
}

/** A fresh C-contiguous array. */
export function empty<D extends DType>(dtype: D, shape: readonly number[]): NDArray<D> {
  let n = 1;
  for (const s of shape) n *= s;
  return new NDArray(dtype, allocate(dtype, n), shape);
}

/**
 * The arrays of a sequence argument (`concatenate`, `stack`, ...): a JS array of array-likes,
 * or an NDArray (iterated along its first axis, as NumPy does). JS scalars are kept aside as
 * weak operands of the result type.
 */
export function arrayList(
  seq: readonly ArrayLike[] | NDArray,
  where: string,
): { arrays: NDArray[]; dtypeArgs: DTypeLike[] } {
  if (seq instanceof NDArray) {
    if (seq.ndim === 0) throw new TypeError(`${where}: iteration over a 0-d array`);
    const arrays = Array.from({ length: seq.shape[0] }, (_, i) => indexAxis(seq, 0, i));
    return { arrays, dtypeArgs: arrays };
  }
  if (!Array.isArray(seq)) {
    throw new TypeError(`${where}: expected a sequence of arrays, got ${String(seq)}`);
  }
  const arrays: NDArray[] = [], dtypeArgs: DTypeLike[] = [];
  for (const x of seq as readonly ArrayLike[]) {
    const arr = toArray(x, where);
    arrays.push(arr);
    const w = weakKind(x);
    dtypeArgs.push(w !== undefined && w !== "bool" ? x as DTypeLike : arr);
  }
  return { arrays, dtypeArgs };
}

const CASTINGS: readonly Casting[] = ["no", "equiv", "safe", "same_kind", "unsafe"];

/** Validates a casting option. */
export function checkCasting(casting: unknown, where: string): Casting {
  if (!CASTINGS.includes(casting as Casting)) {
    throw new RangeError(
      `${where}: casting must be one of "no", "equiv", "safe", "same_kind" or "unsafe", got ${
        JSON.stringify(casting)
      }`,
    );
  }
  return casting as Casting;
}

/** Throws NumPy's error when `from` may not be cast to `to` under `casting`. */
export function checkCast(
  from: DType,
  to: DType,
  casting: Casting,
  where: string,
  what = "array data",
): void {
  if (!canCast(from, to, { casting })) {
    throw new TypeError(
      `${where}: cannot cast ${what} from ${from} to ${to} according to the rule "${casting}"`,
    );
  }
}

/** The result dtype of a list of operands (NEP 50: JS numbers are weak). */
export function commonType(args: readonly DTypeLike[]): DType {
  return resultType(...args);
}

/** Validates an integer argument. */
export function checkInt(x: unknown, what: string, where: string): number {
  if (typeof x !== "number" || !Number.isInteger(x)) {
    throw new TypeError(`${where}: ${what} must be an integer, got ${String(x)}`);
  }
  return x;
}
