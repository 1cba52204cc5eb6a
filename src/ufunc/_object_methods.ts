/**
 * `reduce`, `accumulate` and `outer` of a binary `frompyfunc` ufunc over any JS values, with
 * the semantics NumPy gives object arrays: a reduction folds the elements in C order starting
 * from the first one (from `initial` when given; the identity is used only for an empty
 * reduction), an accumulation keeps every partial fold, and an outer product calls the
 * function on every pair. Results are collected as the plain call collects them: an NDArray
 * when they all fit one dtype, nested JS arrays otherwise (the value itself for 0-d).
 *
 * @module
 */

import { cStrides, shapeSize } from "../core/shape.ts";
import {
  Collector,
  type Elements,
  forEachOffset,
  readerOf,
  shapeOf,
  toElements,
} from "./_elements.ts";

/** A binary function on JS values. */
type Fn2 = (x: unknown, y: unknown) => unknown;

/** Options of the object-path `reduce`. */
export interface ObjectReduceOpts {
  /** Axis or axes to reduce (default 0; null: all). */
  axis?: number | readonly number[] | null;
  /** Keep the reduced axes as size 1. */
  keepdims?: boolean;
  /** The value the fold starts from. */
  initial?: unknown;
}

/** The elements of `e` in C order, with its shape. */
function flat(e: Elements): { shape: number[]; values: unknown[] } {
  const shape = shapeOf(e).slice();
  if (e.kind === "any") return { shape, values: e.values };
  const values = new Array<unknown>(shapeSize(shape));
  const r = readerOf(e, shape), offs = [0];
  forEachOffset(shape, [r], offs, (k) => {
    values[k] = r.read(offs[0]);
  });
  return { shape, values };
}

function checkAxis(ax: unknown, ndim: number, where: string): number {
  if (typeof ax !== "number" || !Number.isInteger(ax)) {
    throw new TypeError(`${where}: axis must be an integer, got ${String(ax)}`);
  }
  if (ax < -ndim || ax >= ndim) {
    throw new RangeError(`${where}: axis ${ax} is out of bounds for array of dimension ${ndim}`);
  }
  return ax < 0 ? ax + ndim : ax;
}

/** The reduced axes, sorted, from NumPy's `axis` argument. */
function reducedAxes(axis: ObjectReduceOpts["axis"], ndim: number, where: string): number[] {
  if (axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : [...(axis ?? [0])];
  const axes = list.map((a) => checkAxis(a, ndim, where));
  if (new Set(axes).size !== axes.length) {
    throw new RangeError(`${where}: duplicate value in axis ${JSON.stringify(list)}`);
  }
  return axes.sort((a, b) => a - b);
}

/** Offsets (in C order of `dims`) of every position over the given axes of `shape`. */
function offsetsOver(shape: readonly number[], dims: readonly number[]): number[] {
  const st = cStrides(shape);
  let offs = [0];
  for (const d of dims) {
    const next: number[] = [];
    for (const o of offs) for (let i = 0; i < shape[d]; i++) next.push(o + i * st[d]);
    offs = next;
  }
  return offs;
}

/**
 * NumPy's object-array `ufunc.reduce`.
 * @param f The binary function.
 * @param where The method's name, for errors.
 * @param identity The ufunc's identity (used only for empty reductions), or null.
 * @param a The input (any JS values).
 * @param opts `axis`, `keepdims`, `initial`.
 *
 * @example
 * ```ts
 * import { objectReduce } from "./_object_methods.ts";
 * import assert from "node:assert/strict";
 * const cat = (x: unknown, y: unknown) => `${x}${y}`;
 * assert.equal(objectReduce(cat, "cat.reduce", null, ["a", "b", "c"], {}), "abc");
 * ```
 */
export function objectReduce(
  f: Fn2,
  where: string,
  identity: unknown,
  a: unknown,
  opts: ObjectReduceOpts,
): unknown {
  const { shape, values } = flat(toElements(a, where));
  const axes = reducedAxes(opts.axis === undefined ? 0 : opts.axis, shape.length, where);
  const kept = shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const outShape = opts.keepdims === true
    ? shape.map((n, i) => (axes.includes(i) ? 1 : n))
    : kept.map((i) => shape[i]);
  const bases = offsetsOver(shape, kept), inner = offsetsOver(shape, axes);
  const hasInitial = opts.initial !== undefined;
  if (inner.length === 0 && !hasInitial && identity === null && bases.length > 0) {
    throw new RangeError(`${where}: zero-size array to reduction operation which has no identity`);
  }
  const out = new Collector(bases.length);
  bases.forEach((b, k) => {
    let acc: unknown, i0: number;
    if (hasInitial) acc = opts.initial, i0 = 0;
    else if (inner.length === 0) acc = identity, i0 = 0;
    else acc = values[b + inner[0]], i0 = 1;
    for (let i = i0; i < inner.length; i++) acc = f(acc, values[b + inner[i]]);
    out.put(k, acc);
  });
  return out.result(outShape);
}

/**
 * NumPy's object-array `ufunc.accumulate` along one axis (default 0).
 * @param f The binary function.
 * @param where The method's name, for errors.
 * @param a The input (any JS values).
 * @param opts `axis`.
 *
 * @example
 * ```ts
 * import { objectAccumulate } from "./_object_methods.ts";
 * import assert from "node:assert/strict";
 * const cat = (x: unknown, y: unknown) => `${x}${y}`;
 * assert.deepEqual(objectAccumulate(cat, "cat.accumulate", ["a", "b", "c"], {}), ["a", "ab", "abc"]);
 * ```
 */
export function objectAccumulate(
  f: Fn2,
  where: string,
  a: unknown,
  opts: { axis?: number },
): unknown {
  const { shape, values } = flat(toElements(a, where));
  if (shape.length === 0) throw new TypeError(`${where}: cannot accumulate on a scalar`);
  const axis = checkAxis(opts.axis ?? 0, shape.length, where);
  const st = cStrides(shape)[axis], n = shape[axis];
  const res = new Array<unknown>(values.length);
  const others = shape.map((_, i) => i).filter((i) => i !== axis);
  for (const b of offsetsOver(shape, others)) {
    let acc: unknown;
    for (let i = 0; i < n; i++) {
      const v = values[b + i * st];
      acc = i === 0 ? v : f(acc, v);
      res[b + i * st] = acc;
    }
  }
  const out = new Collector(res.length);
  res.forEach((v, k) => out.put(k, v));
  return out.result(shape);
}

/**
 * NumPy's object-array `ufunc.outer`: `f(a[i…], b[j…])` with shape `a.shape + b.shape`.
 * @param f The binary function.
 * @param where The method's name, for errors.
 * @param a The first input (any JS values).
 * @param b The second input (any JS values).
 *
 * @example
 * ```ts
 * import "../../mod.ts";
 * import { objectOuter } from "./_object_methods.ts";
 * import assert from "node:assert/strict";
 * const cat = (x: unknown, y: unknown) => `${x}${y}`;
 * assert.deepEqual(objectOuter(cat, "cat.outer", ["a", "b"], [1, 2]), [["a1", "a2"], ["b1", "b2"]]);
 * ```
 */
export function objectOuter(f: Fn2, where: string, a: unknown, b: unknown): unknown {
  const x = flat(toElements(a, where)), y = flat(toElements(b, where));
  const out = new Collector(x.values.length * y.values.length);
  let k = 0;
  for (const u of x.values) for (const v of y.values) out.put(k++, f(u, v));
  return out.result([...x.shape, ...y.shape]);
}
