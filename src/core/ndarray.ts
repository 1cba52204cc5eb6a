/**
 * The NDArray class: a typed buffer plus `{ dtype, shape, strides, offset }`.
 *
 * @module
 */

import { type DType, type DTypeMap, DTYPES, type ScalarMap } from "./dtype.ts";
import { cStrides, fmtShape, type Shape, shapeSize } from "./shape.ts";
import { readScalar, writeScalar } from "./_scalar.ts";
import { methods } from "./_methods.ts";
import type { Index } from "./_index_types.ts";
import type { ArrayLike } from "./_array_like.ts";
import type { Scalar } from "./_array_like.ts";

/** Memory-layout flags of an NDArray, as NumPy's `a.flags`. */
export interface Flags {
  /** Elements are laid out in row-major order with no gaps. */
  readonly cContiguous: boolean;
  /** Elements are laid out in column-major order with no gaps. */
  readonly fContiguous: boolean;
  /** Whether writes through this array are allowed. */
  writeable: boolean;
}

/** Options of reductions that take an axis (`sum`, `mean`, `std`, ...). */
export interface ReduceOpts {
  /** Axis or axes to reduce; all when omitted. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as size-1 dimensions. */
  keepdims?: boolean;
  /** Accumulator and result dtype. */
  dtype?: DType;
  /** Delta degrees of freedom (`std`, `var`). */
  ddof?: number;
}

function isContiguous(shape: Shape, strides: readonly number[], order: "C" | "F"): boolean {
  if (shape.includes(0)) return true; // NumPy: empty arrays are both C- and F-contiguous
  let expected = 1;
  const n = shape.length;
  for (let k = 0; k < n; k++) {
    const i = order === "C" ? n - 1 - k : k;
    if (shape[i] !== 1 && strides[i] !== expected) return false;
    expected *= shape[i];
  }
  return true;
}

/**
 * An n-dimensional array over a typed buffer, NumPy's `ndarray`.
 *
 * Views (basic slicing, `transpose`, `reshape` of contiguous data, broadcasting) share the
 * buffer and have `base` set to the array they look into; copies have `base === null`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.arange(6).reshape([2, 3]);
 * assert(a.shape.join() === "2,3" && a.dtype === "int64");
 * assert(a.T.get(2, 1) === 5n);
 * ```
 */
export class NDArray<D extends DType = DType> {
  /** The element type. */
  readonly dtype: D;
  /** The typed array holding the elements (two slots per complex element). */
  readonly data: DTypeMap[D];
  /** Size of each dimension. */
  readonly shape: readonly number[];
  /** Step between neighbours along each dimension, in elements (may be 0 or negative). */
  readonly strides: readonly number[];
  /** Index of element `[0, 0, ...]` in `data`, in elements. */
  readonly offset: number;
  /** The array whose buffer this view looks into, or null for an array that owns its data. */
  readonly base: NDArray | null;
  #writeable: boolean;
  #flags?: Flags;

  /**
   * Wraps a typed array. Checks that every index the shape, strides and offset reach lies
   * inside `data`; views made by nd's own functions go through the same check.
   */
  constructor(
    dtype: D,
    data: DTypeMap[D],
    shape: Shape,
    strides?: readonly number[],
    offset = 0,
    base: NDArray | null = null,
    writeable = true,
  ) {
    const st = strides ?? cStrides(shape);
    if (st.length !== shape.length) {
      throw new TypeError(
        `NDArray: strides [${st.join(",")}] do not match shape ${fmtShape(shape)}`,
      );
    }
    const n = shapeSize(shape);
    if (n > 0) {
      let lo = offset, hi = offset;
      for (let i = 0; i < shape.length; i++) {
        const span = (shape[i] - 1) * st[i];
        if (span < 0) lo += span;
        else hi += span;
      }
      const len = data.length / DTYPES[dtype].lanes;
      if (lo < 0 || hi >= len || !Number.isInteger(lo) || !Number.isInteger(hi)) {
        throw new RangeError(
          `NDArray: shape ${fmtShape(shape)}, strides [${st.join(",")}] and offset ${offset} ` +
            `reach elements ${lo}..${hi} outside a buffer of ${len} elements`,
        );
      }
    }
    this.dtype = dtype;
    this.data = data;
    this.shape = Object.freeze(shape.slice());
    this.strides = Object.freeze(st.slice());
    this.offset = offset;
    this.base = base;
    this.#writeable = writeable && (base === null || base.flags.writeable);
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }
  /** Number of elements. */
  get size(): number {
    return shapeSize(this.shape);
  }
  /** Bytes per element. */
  get itemsize(): number {
    return DTYPES[this.dtype].itemsize;
  }
  /** Bytes the elements take (`size * itemsize`). */
  get nbytes(): number {
    return this.size * this.itemsize;
  }
  /** The transpose (a view with axes reversed). */
  get T(): NDArray<D> {
    return this.transpose();
  }

  /** Layout flags; `writeable` can be set to false (and back to true where the base allows). */
  get flags(): Flags {
    if (this.#flags) return this.#flags;
    const c = isContiguous(this.shape, this.strides, "C");
    const f = isContiguous(this.shape, this.strides, "F");
    const read = (): boolean => this.#writeable;
    const write = (v: boolean): void => {
      if (v && this.base !== null && !this.base.flags.writeable) {
        throw new TypeError("flags: cannot make writeable a view of a read-only array");
      }
      this.#writeable = !!v;
    };
    this.#flags = {
      cContiguous: c,
      fContiguous: f,
      get writeable(): boolean {
        return read();
      },
      set writeable(v: boolean) {
        write(v);
      },
    };
    return this.#flags;
  }

  /** Flat element index in `data` (in elements) of a full multi-index; throws when out of range. */
  #locate(index: readonly number[], where: string): number {
    assertLive(this, where);
    if (index.length !== this.ndim) {
      throw new RangeError(
        `${where}: expected ${this.ndim} indices for shape ${
          fmtShape(this.shape)
        }, got ${index.length}`,
      );
    }
    let p = this.offset;
    for (let i = 0; i < index.length; i++) {
      let k = index[i];
      const n = this.shape[i];
      if (typeof k !== "number" || !Number.isInteger(k)) {
        throw new TypeError(`${where}: indices must be integers, got ${String(k)}`);
      }
      if (k < -n || k >= n) {
        throw new RangeError(`${where}: index ${k} is out of bounds for axis ${i} with size ${n}`);
      }
      if (k < 0) k += n;
      p += k * this.strides[i];
    }
    return p;
  }

  /**
   * The element at a full multi-index, as a JS value (bigint for int64/uint64, boolean for
   * bool, `{re, im}` for complex).
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * assert(nd.array([[1.5, 2], [3, 4]]).get(1, -1) === 4);
   * ```
   */
  get(...index: number[]): ScalarMap[D] {
    return this.#read(index, "get");
  }

  #read(index: readonly number[], where: string): ScalarMap[D] {
    return readScalar(this.data, this.dtype, this.#locate(index, where)) as ScalarMap[D];
  }

  /**
   * Writes one element at a full multi-index, casting the value to the dtype.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const a = nd.zeros([2, 2]);
   * a.set([0, 1], 7);
   * assert(a.get(0, 1) === 7);
   * ```
   */
  set(index: readonly number[], value: Scalar): void {
    if (!this.#writeable) throw new TypeError("set: assignment destination is read-only");
    writeScalar(this.data, this.dtype, this.#locate(index, "set"), value);
  }

  /**
   * One element as a JS value: no arguments for a size-1 array, one flat (C-order) index, or
   * a full multi-index (NumPy's `item`).
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const a = nd.array([[1, 2], [3, 4]], { dtype: "float32" });
   * assert(a.item(3) === 4 && a.item(1, 0) === 3);
   * ```
   */
  item(...index: number[]): ScalarMap[D] {
    if (index.length === 0) {
      if (this.size !== 1) {
        throw new RangeError(`item: can only convert an array of size 1, not size ${this.size}`);
      }
      return this.#read(new Array<number>(this.ndim).fill(0), "item");
    }
    if (index.length === 1 && this.ndim !== 1) {
      let k = index[0];
      const n = this.size;
      if (!Number.isInteger(k)) throw new TypeError(`item: indices must be integers, got ${k}`);
      if (k < -n || k >= n) {
        throw new RangeError(`item: index ${k} is out of bounds for size ${n}`);
      }
      if (k < 0) k += n;
      const multi = new Array<number>(this.ndim);
      for (let i = this.ndim - 1; i >= 0; i--) {
        multi[i] = k % this.shape[i];
        k = Math.floor(k / this.shape[i]);
      }
      return this.#read(multi, "item");
    }
    return this.#read(index, "item");
  }

  /**
   * Nested JS arrays of the elements (NumPy's `tolist`); a 0-d array gives its scalar.
   * Typed `any` because the depth follows `ndim`: the leaves are `ScalarMap[D]` values.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * assert(JSON.stringify(nd.eye(2).toArray()) === "[[1,0],[0,1]]");
   * ```
   */
  // deno-lint-ignore no-explicit-any
  toArray(): any {
    assertLive(this, "toArray");
    const rec = (dim: number, p: number): NestedArray<ScalarMap[D]> => {
      if (dim === this.ndim) return readScalar(this.data, this.dtype, p) as ScalarMap[D];
      const out: NestedArray<ScalarMap[D]>[] = [];
      for (let i = 0; i < this.shape[dim]; i++) out.push(rec(dim + 1, p + i * this.strides[dim]));
      return out;
    };
    return rec(0, this.offset);
  }

  // ---- methods that delegate to the ops (wired in _methods.ts to avoid import cycles) ----

  /** NumPy indexing (see `nd.slice`): basic indices give a view, fancy/mask indices a copy. */
  slice(...index: Index[]): NDArray<D> {
    return methods.slice(this, index) as NDArray<D>;
  }
  /** Assigns `value` (broadcast) to `this[index]` in place. */
  setSlice(index: readonly Index[], value: ArrayLike): void {
    methods.setSlice(this, index, value);
  }
  /** A copy cast to `dtype` (unsafe casting, as NumPy's default). */
  astype<T extends DType>(dtype: T): NDArray<T> {
    return methods.astype(this, dtype) as NDArray<T>;
  }
  /** A C-contiguous copy that owns its data. */
  copy(): NDArray<D> {
    return methods.copy(this) as NDArray<D>;
  }
  /** New shape, one entry may be -1; a view when the layout allows, else a copy. */
  reshape(shape: number | readonly number[]): NDArray<D> {
    return methods.reshape(this, shape) as NDArray<D>;
  }
  /** A 1-D array of the elements in C order (a view when possible). */
  ravel(): NDArray<D> {
    return methods.reshape(this, [-1]) as NDArray<D>;
  }
  /** A 1-D copy of the elements in C order. */
  flatten(): NDArray<D> {
    const c = methods.copy(this);
    return new NDArray(this.dtype, c.data as DTypeMap[D], [c.size]);
  }
  /** Permutes axes (reverses them by default); a view. */
  transpose(axes?: readonly number[]): NDArray<D> {
    return methods.transpose(this, axes) as NDArray<D>;
  }
  /** Removes size-1 axes (all, or those given); a view. */
  squeeze(opts: { axis?: number | readonly number[] } = {}): NDArray<D> {
    return methods.squeeze(this, opts) as NDArray<D>;
  }

  /** Elementwise `this + b`. */
  add(b: ArrayLike): NDArray {
    return methods.ufunc("add", this, b);
  }
  /** Elementwise `this - b`. */
  sub(b: ArrayLike): NDArray {
    return methods.ufunc("subtract", this, b);
  }
  /** Elementwise `this * b`. */
  mul(b: ArrayLike): NDArray {
    return methods.ufunc("multiply", this, b);
  }
  /** Elementwise true division. */
  div(b: ArrayLike): NDArray {
    return methods.ufunc("divide", this, b);
  }
  /** Elementwise power. */
  pow(b: ArrayLike): NDArray {
    return methods.ufunc("power", this, b);
  }
  /** Elementwise remainder with the sign of the divisor (Python's `%`). */
  mod(b: ArrayLike): NDArray {
    return methods.ufunc("remainder", this, b);
  }
  /** Elementwise negation. */
  neg(): NDArray {
    return methods.ufunc("negative", this);
  }
  /** Elementwise absolute value. */
  abs(): NDArray {
    return methods.ufunc("absolute", this);
  }
  /** Elementwise `==` (bool array). */
  equal(b: ArrayLike): NDArray<"bool"> {
    return methods.ufunc("equal", this, b) as NDArray<"bool">;
  }
  /** Elementwise `!=`. */
  notEqual(b: ArrayLike): NDArray<"bool"> {
    return methods.ufunc("notEqual", this, b) as NDArray<"bool">;
  }
  /** Elementwise `<`. */
  less(b: ArrayLike): NDArray<"bool"> {
    return methods.ufunc("less", this, b) as NDArray<"bool">;
  }
  /** Elementwise `<=`. */
  lessEqual(b: ArrayLike): NDArray<"bool"> {
    return methods.ufunc("lessEqual", this, b) as NDArray<"bool">;
  }
  /** Elementwise `>`. */
  greater(b: ArrayLike): NDArray<"bool"> {
    return methods.ufunc("greater", this, b) as NDArray<"bool">;
  }
  /** Elementwise `>=`. */
  greaterEqual(b: ArrayLike): NDArray<"bool"> {
    return methods.ufunc("greaterEqual", this, b) as NDArray<"bool">;
  }

  /** Sum (see `nd.sum`). */
  sum(opts?: ReduceOpts): NDArray {
    return methods.reduce("sum", this, opts);
  }
  /** Product (see `nd.prod`). */
  prod(opts?: ReduceOpts): NDArray {
    return methods.reduce("prod", this, opts);
  }
  /** Arithmetic mean (see `nd.mean`). */
  mean(opts?: ReduceOpts): NDArray {
    return methods.reduce("mean", this, opts);
  }
  /** Standard deviation (see `nd.std`). */
  std(opts?: ReduceOpts): NDArray {
    return methods.reduce("std", this, opts);
  }
  /** Variance (see `nd.var`). */
  var(opts?: ReduceOpts): NDArray {
    return methods.reduce("var", this, opts);
  }
  /** Minimum (see `nd.min`). */
  min(opts?: ReduceOpts): NDArray<D> {
    return methods.reduce("min", this, opts) as NDArray<D>;
  }
  /** Maximum (see `nd.max`). */
  max(opts?: ReduceOpts): NDArray<D> {
    return methods.reduce("max", this, opts) as NDArray<D>;
  }
  /** Index of the minimum (see `nd.argmin`). */
  argmin(opts?: { axis?: number; keepdims?: boolean }): NDArray<"int64"> {
    return methods.reduce("argmin", this, opts) as NDArray<"int64">;
  }
  /** Index of the maximum (see `nd.argmax`). */
  argmax(opts?: { axis?: number; keepdims?: boolean }): NDArray<"int64"> {
    return methods.reduce("argmax", this, opts) as NDArray<"int64">;
  }
  /** Cumulative sum (see `nd.cumsum`). */
  cumsum(opts?: { axis?: number; dtype?: DType }): NDArray {
    return methods.reduce("cumsum", this, opts);
  }
  /** Matrix product (see `nd.matmul`). */
  matmul(b: ArrayLike): NDArray {
    return methods.matmul(this, b);
  }
  /** Dot product (see `nd.dot`). */
  dot(b: ArrayLike): NDArray {
    return methods.dot(this, b);
  }

  /**
   * NumPy-style repr: `array([[1., 2.],\n       [3., 4.]])`, precision 8, summarised beyond
   * 1000 elements.
   */
  toString(): string {
    assertLive(this, "toString");
    return methods.repr(this);
  }

  /** The MIME bundle Deno's Jupyter kernel displays (`text/plain` and `text/html`). */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return methods.display(this);
  }

  /** Shows the repr in `console.log` under Deno. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }
}

/** Nested arrays of `T` of any depth (the result of `toArray`). */
export type NestedArray<T> = T | NestedArray<T>[];

export type { Scalar };

/**
 * Throws when `a`'s memory was released (a closed memmap detaches its buffer: every view then
 * has a zero-length `data`), so that nd never reads or writes through a dead mapping.
 *
 * @example
 * ```ts
 * import { assertLive } from "./ndarray.ts";
 * import * as nd from "../../mod.ts";
 * assertLive(nd.zeros([2]), "example"); // a live array passes
 * ```
 */
export function assertLive(a: NDArray, where: string): void {
  if (a.data.length === 0 && a.size > 0) {
    throw new TypeError(
      `${where}: the array's memory was released (its memmap was closed): reopen the file`,
    );
  }
}
