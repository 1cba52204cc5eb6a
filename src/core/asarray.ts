/**
 * Turning JS values into NDArrays: {@linkcode array} (always a copy) and
 * {@linkcode asarray} (no copy when it can be avoided).
 *
 * @module
 */

import {
  allocate,
  checkDType,
  type DType,
  dtypeOfTypedArray,
  DTYPES,
  type TypedArray,
} from "./dtype.ts";
import { assertLive, NDArray } from "./ndarray.ts";
import { promoteTypes, weakKind } from "./promotion.ts";
import type { ArrayLike, Scalar } from "./_array_like.ts";
import { type ScalarLike, writeScalar } from "./_scalar.ts";
import { copyInto } from "./copy.ts";

/** Options of {@linkcode array} and {@linkcode asarray}. */
export interface ArrayOpts<D extends DType = DType> {
  /** Element type; inferred from the data when omitted. */
  dtype?: D;
}

type Seq = { readonly length: number; readonly [i: number]: unknown };

function scalarDType(v: unknown, where: string): DType {
  const k = weakKind(v);
  switch (k) {
    case "bool":
      return "bool";
    case "int":
      if (typeof v === "bigint" && (v >= 2n ** 63n || v < -(2n ** 63n))) {
        // NumPy gives uint64 for Python ints in [2**63, 2**64) and objects beyond.
        if (v >= 0n && v < 2n ** 64n) return "uint64";
        throw new RangeError(`${where}: integer ${v} is out of bounds for int64 and uint64`);
      }
      return "int64";
    case "float":
      return "float64";
    case "complex":
      return "complex128";
  }
  throw new TypeError(`${where}: cannot make an array element from ${describe(v)}`);
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "object") return `an object (${Object.prototype.toString.call(v)})`;
  return `${typeof v} ${String(v)}`;
}

/** Walks nested arrays: the shape, the promoted dtype, and the flat list of leaves. */
function inspect(x: unknown, where: string): { shape: number[]; dtype: DType; leaves: unknown[] } {
  const shape: number[] = [];
  const leaves: unknown[] = [];
  let dtype: DType | undefined;
  let probe: unknown = x;
  while (Array.isArray(probe) || ArrayBuffer.isView(probe) || probe instanceof NDArray) {
    if (probe instanceof NDArray) {
      shape.push(...probe.shape);
      break;
    }
    const arr = probe as Seq;
    shape.push(arr.length);
    if (arr.length === 0) break;
    probe = arr[0];
  }
  const visit = (v: unknown, dim: number, path: string): void => {
    if (dim === shape.length) {
      if (Array.isArray(v) || ArrayBuffer.isView(v) || v instanceof NDArray) {
        throw new TypeError(
          `${where}: inhomogeneous nested arrays: element ${path} has extra dimensions`,
        );
      }
      const d = scalarDType(v, where);
      dtype = dtype === undefined ? d : promoteTypes(dtype, d);
      leaves.push(v);
      return;
    }
    if (v instanceof NDArray) {
      const rest = shape.slice(dim);
      if (v.ndim !== rest.length || v.shape.some((s, i) => s !== rest[i])) {
        throw new TypeError(
          `${where}: inhomogeneous nested arrays: element ${path} has shape [${v.shape}] where [${rest}] was expected`,
        );
      }
      dtype = dtype === undefined ? v.dtype : promoteTypes(dtype, v.dtype);
      const flat = v.toArray();
      const push = (u: unknown): void => {
        if (Array.isArray(u)) u.forEach(push);
        else leaves.push(u);
      };
      push(flat);
      return;
    }
    if (!Array.isArray(v) && !ArrayBuffer.isView(v)) {
      throw new TypeError(
        `${where}: inhomogeneous nested arrays: element ${path} is a scalar where a sequence of length ${
          shape[dim]
        } was expected`,
      );
    }
    const arr = v as unknown as Seq;
    if (arr.length !== shape[dim]) {
      throw new TypeError(
        `${where}: inhomogeneous nested arrays: element ${path} has length ${arr.length} where ${
          shape[dim]
        } was expected`,
      );
    }
    if (ArrayBuffer.isView(v) && dim === shape.length - 1) {
      const d = dtypeOfTypedArray(v);
      if (d === undefined) throw new TypeError(`${where}: unsupported typed array ${describe(v)}`);
      dtype = dtype === undefined ? d : promoteTypes(dtype, d);
      for (let i = 0; i < arr.length; i++) leaves.push(arr[i]);
      return;
    }
    for (let i = 0; i < arr.length; i++) visit(arr[i], dim + 1, `${path}[${i}]`);
  };
  visit(x, 0, "");
  return { shape, dtype: dtype ?? "float64", leaves };
}

function fill(data: TypedArray, dtype: DType, leaves: readonly unknown[]): void {
  const n = leaves.length;
  const info = DTYPES[dtype];
  if (info.kind === "f" || ((info.kind === "i" || info.kind === "u") && !info.bigint)) {
    const d = data as Float64Array;
    for (let i = 0; i < n; i++) {
      const v = leaves[i];
      if (typeof v === "number") d[i] = v;
      else writeScalar(data, dtype, i, v as ScalarLike);
    }
    return;
  }
  for (let i = 0; i < n; i++) writeScalar(data, dtype, i, leaves[i] as ScalarLike);
}

function fromValue<D extends DType>(x: unknown, dtype: D | undefined, where: string): NDArray<D> {
  if (x instanceof NDArray) {
    const out = new NDArray(dtype ?? x.dtype, allocate(dtype ?? x.dtype, x.size), x.shape);
    copyInto(out, x);
    return out as NDArray<D>;
  }
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
    const d0 = dtypeOfTypedArray(x);
    if (d0 === undefined) throw new TypeError(`${where}: unsupported typed array ${describe(x)}`);
    const src = new NDArray(d0, (x as TypedArray).slice() as TypedArray, [
      (x as TypedArray).length,
    ]);
    return dtype === undefined || dtype === d0 ? src as NDArray<D> : fromValue(src, dtype, where);
  }
  const { shape, dtype: inferred, leaves } = inspect(x, where);
  const d = (dtype ?? inferred) as D;
  const data = allocate(d, leaves.length);
  fill(data, d, leaves);
  return new NDArray(d, data, shape);
}

/**
 * A new array (always a copy) from nested JS arrays, a typed array, a scalar or an NDArray.
 * The dtype is inferred as NumPy does: booleans → bool, integers → int64, other numbers →
 * float64, `{re, im}` → complex128, typed arrays keep theirs.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.array([[1, 2], [3, 4]]);
 * assert(a.dtype === "int64" && a.shape.join() === "2,2");
 * assert(nd.array([1, 2.5]).dtype === "float64");
 * assert(nd.array([1, 2], { dtype: "float32" }).dtype === "float32");
 * ```
 */
export function array<D extends DType = DType>(
  data: ArrayLike,
  opts: ArrayOpts<D> = {},
): NDArray<D> {
  const dtype = opts.dtype === undefined ? undefined : checkDType(opts.dtype, "array") as D;
  return fromValue(data, dtype, "array");
}

/**
 * `a` itself when it is an NDArray of the requested dtype, else a new array. A typed array
 * is wrapped without copying (the NDArray shares its memory).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.zeros([3]);
 * assert(nd.asarray(a) === a);
 * const buf = new Float32Array([1, 2]);
 * assert(nd.asarray(buf).data === buf);
 * ```
 */
export function asarray<D extends DType = DType>(
  data: ArrayLike,
  opts: ArrayOpts<D> = {},
): NDArray<D> {
  const dtype = opts.dtype === undefined ? undefined : checkDType(opts.dtype, "asarray") as D;
  if (data instanceof NDArray && (dtype === undefined || data.dtype === dtype)) {
    return data as NDArray<D>;
  }
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
    const d0 = dtypeOfTypedArray(data);
    if (d0 !== undefined && (dtype === undefined || dtype === d0)) {
      return new NDArray(d0, data as TypedArray, [(data as TypedArray).length]) as NDArray<D>;
    }
  }
  return fromValue(data, dtype, "asarray");
}

/** Internal: `asarray` with the name of the calling function in error messages. */
export function toArray(x: ArrayLike, where: string, dtype?: DType): NDArray {
  if (x instanceof NDArray) {
    assertLive(x, where);
    if (dtype === undefined || x.dtype === dtype) return x;
  }
  try {
    return asarray(x, { dtype });
  } catch (e) {
    if (e instanceof TypeError) {
      throw new TypeError(e.message.replace(/^(array|asarray):/, `${where}:`));
    }
    throw e;
  }
}

/** The dtype a JS scalar becomes on its own. */
export function dtypeOfScalar(v: Scalar, where: string = "array"): DType {
  return scalarDType(v, where);
}
