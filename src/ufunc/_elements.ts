/**
 * Arrays of arbitrary JS values for `frompyfunc` and `vectorize` (NumPy's object arrays):
 * reading inputs of any kind element by element under broadcasting, and collecting results
 * into the tightest nd array that holds them, or a nested JS array when none does.
 *
 * @module
 */

import { allocate, type Complex, type DType, type TypedArray } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import { asarray } from "../core/asarray.ts";
import { broadcastShapes, broadcastStrides, cStrides, shapeSize } from "../core/shape.ts";
import { readScalar } from "../core/_scalar.ts";

/** An input seen as an array of JS values. */
export type Elements =
  | { kind: "nd"; a: NDArray }
  | { kind: "any"; shape: number[]; values: unknown[] };

function isComplexValue(v: unknown): v is Complex {
  return typeof v === "object" && v !== null && !Array.isArray(v) &&
    typeof (v as Complex).re === "number" && typeof (v as Complex).im === "number" &&
    Object.keys(v).length === 2;
}

/** The shape of a nested JS array and its leaves in C order (ragged nesting is refused). */
function nested(x: unknown[], where: string): { shape: number[]; values: unknown[] } {
  const shape: number[] = [];
  for (let v: unknown = x; Array.isArray(v); v = v[0]) {
    shape.push(v.length);
    if (v.length === 0) break;
  }
  const values: unknown[] = [];
  const walk = (v: unknown, d: number): void => {
    if (d === shape.length) {
      if (Array.isArray(v)) throw new TypeError(`${where}: inputs must not be ragged`);
      values.push(v);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[d]) {
      throw new TypeError(`${where}: inputs must not be ragged: expected ${shape[d]} items`);
    }
    for (const e of v) walk(e, d + 1);
  };
  walk(x, 0);
  return { shape, values };
}

/**
 * An input as elements, each element reaching the function as the JS value it is: NDArrays
 * as they are (int64 elements are bigints, bool booleans, complex `{re, im}`); JS numbers and
 * nested arrays of numbers as float64 (so a number stays the same number); booleans,
 * bigints and complex values likewise in bool, int64 and complex128; anything else (strings,
 * objects, mixed nesting) as an array of the values themselves.
 */
export function toElements(x: unknown, where: string): Elements {
  if (x instanceof NDArray) return { kind: "nd", a: x };
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
    return { kind: "nd", a: asarray(x as unknown as number[]) };
  }
  const n = Array.isArray(x) ? nested(x, where) : { shape: [], values: [x] };
  const vs = n.values;
  const every = (test: (v: unknown) => boolean) => vs.length > 0 && vs.every(test);
  const dtype: DType | null = every((v) => typeof v === "number")
    ? "float64"
    : every((v) => typeof v === "boolean")
    ? "bool"
    : every((v) => typeof v === "bigint" && v >= -(1n << 63n) && v < 1n << 63n)
    ? "int64"
    : every(isComplexValue)
    ? "complex128"
    : null;
  if (dtype === null) return { kind: "any", shape: n.shape, values: vs };
  return { kind: "nd", a: asarray(vs as number[], { dtype }).reshape(n.shape) };
}

/** The shape of an input. */
export function shapeOf(e: Elements): readonly number[] {
  return e.kind === "nd" ? e.a.shape : e.shape;
}

/** A reader of one input's elements by an offset that `broadcastOffsets` advances. */
export interface Reader {
  /** The element at offset `p` (in elements). */
  read(p: number): unknown;
  /** Offset of the first element. */
  start: number;
  /** Strides (in elements) over the broadcast shape. */
  strides: number[];
}

/** A reader over `e` broadcast to `shape`. */
export function readerOf(e: Elements, shape: readonly number[]): Reader {
  if (e.kind === "nd") {
    const a = e.a, d = a.data, dt = a.dtype;
    return {
      read: (p) => readScalar(d, dt, p),
      start: a.offset,
      strides: broadcastStrides(a.shape, a.strides, shape),
    };
  }
  const values = e.values;
  return {
    read: (p) => values[p],
    start: 0,
    strides: broadcastStrides(e.shape, cStrides(e.shape), shape),
  };
}

/** The broadcast shape of the inputs (NumPy's rules; the error names the shapes). */
export function broadcastOf(inputs: readonly Elements[]): number[] {
  return broadcastShapes(...inputs.map(shapeOf));
}

/**
 * Calls `visit(k)` for k = 0..size-1 over `shape` in C order, with `offs[i]` set to input i's
 * offset of the k-th element.
 */
export function forEachOffset(
  shape: readonly number[],
  readers: readonly Reader[],
  offs: number[],
  visit: (k: number) => void,
): void {
  const n = shape.length, size = shapeSize(shape);
  const idx = new Array<number>(n).fill(0);
  for (let i = 0; i < readers.length; i++) offs[i] = readers[i].start;
  for (let k = 0; k < size; k++) {
    visit(k);
    for (let d = n - 1; d >= 0; d--) {
      idx[d]++;
      for (let i = 0; i < readers.length; i++) offs[i] += readers[i].strides[d];
      if (idx[d] < shape[d]) break;
      for (let i = 0; i < readers.length; i++) offs[i] -= readers[i].strides[d] * shape[d];
      idx[d] = 0;
    }
  }
}

/** The dtype a JS result is stored in, or "any" when none holds it. */
export type Mode = "float64" | "bool" | "int64" | "complex128" | "any";

/** The dtype of one JS result: numbers float64, booleans bool, bigints int64, `{re, im}`. */
export function modeOf(v: unknown): Mode {
  switch (typeof v) {
    case "number":
      return "float64";
    case "boolean":
      return "bool";
    case "bigint":
      return v >= -(1n << 63n) && v < (1n << 63n) ? "int64" : "any";
  }
  return isComplexValue(v) ? "complex128" : "any";
}

/**
 * Collects `size` results in order. All numbers become float64, all booleans bool, all
 * bigints (within int64) int64, all `{re, im}` complex128; anything else, or a mix, a nested
 * JS array of the values themselves.
 */
export class Collector {
  #mode: Mode | null = null;
  #data: TypedArray | null = null;
  #values: unknown[] | null = null;
  readonly #size: number;

  constructor(size: number) {
    this.#size = size;
  }

  /** The k-th result (results arrive in order). */
  put(k: number, v: unknown): void {
    if (this.#mode === null) {
      this.#mode = modeOf(v);
      if (this.#mode === "any") this.#values = new Array(this.#size);
      else this.#data = allocate(this.#mode, this.#size);
    }
    const m = this.#mode;
    if (m !== "any" && modeOf(v) !== m) this.#toAny(k);
    switch (this.#mode) {
      case "float64":
      case "int64":
        this.#data![k] = v as number;
        return;
      case "bool":
        this.#data![k] = v ? 1 : 0;
        return;
      case "complex128":
        this.#data![2 * k] = (v as Complex).re;
        this.#data![2 * k + 1] = (v as Complex).im;
        return;
      default:
        this.#values![k] = v;
    }
  }

  #toAny(done: number): void {
    const m = this.#mode as DType, d = this.#data!;
    const vals = new Array<unknown>(this.#size);
    for (let i = 0; i < done; i++) vals[i] = readScalar(d, m, i);
    this.#values = vals;
    this.#data = null;
    this.#mode = "any";
  }

  /** The results with `shape`: an NDArray, or nested JS arrays (the value itself for 0-d). */
  result(shape: readonly number[]): NDArray | unknown {
    const m = this.#mode ?? "float64";
    if (m !== "any") {
      const data = this.#data ?? allocate(m, this.#size);
      return new NDArray(m, data as never, shape);
    }
    const vals = this.#values!;
    if (shape.length === 0) return vals[0];
    let k = 0;
    const build = (d: number): unknown[] =>
      Array.from({ length: shape[d] }, () => (d === shape.length - 1 ? vals[k++] : build(d + 1)));
    return build(0);
  }
}
