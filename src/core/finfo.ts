/**
 * Machine limits of the numeric dtypes: {@linkcode finfo} for floating-point and complex
 * types, {@linkcode iinfo} for integer types (NumPy's `np.finfo` and `np.iinfo`).
 *
 * @module
 */

import { type DType, DTYPES, isDType } from "./dtype.ts";

/** The float dtypes (complex dtypes report the limits of their parts). */
export type FloatDType = "float16" | "float32" | "float64";
/** The dtypes {@linkcode finfo} accepts. */
export type InexactDType = FloatDType | "complex64" | "complex128";
/** The dtypes {@linkcode iinfo} accepts. */
export type IntDType =
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64";

/** Limits of a floating-point type, as NumPy's `finfo` (values are exact JS numbers). */
export interface FInfo {
  /** Bits of one (real) value. */
  readonly bits: number;
  /** The gap between 1 and the next larger representable number. */
  readonly eps: number;
  /** The largest finite value. */
  readonly max: number;
  /** The most negative finite value (`-max`). */
  readonly min: number;
  /** The smallest positive normal value (same as `smallestNormal`). */
  readonly tiny: number;
  /** The smallest positive normal value. */
  readonly smallestNormal: number;
  /** The smallest positive subnormal value. */
  readonly smallestSubnormal: number;
  /** `10 ** -precision`, rounded to the type. */
  readonly resolution: number;
  /** The approximate number of exact decimal digits. */
  readonly precision: number;
  /** The real float type these limits describe (`float32` for `complex64`). */
  readonly dtype: FloatDType;
}

/** Limits of an integer type, as NumPy's `iinfo`; bigints for the 64-bit types. */
export interface IInfo<D extends IntDType = IntDType> {
  /** Bits per value. */
  readonly bits: number;
  /** The smallest value. */
  readonly min: D extends "int64" | "uint64" ? bigint : number;
  /** The largest value. */
  readonly max: D extends "int64" | "uint64" ? bigint : number;
  /** The integer type. */
  readonly dtype: D;
}

function float(
  dtype: FloatDType,
  bits: number,
  mant: number,
  emin: number,
  max: number,
  precision: number,
  round: (x: number) => number,
): FInfo {
  return Object.freeze({
    bits,
    eps: 2 ** -mant,
    max,
    min: -max,
    tiny: 2 ** emin,
    smallestNormal: 2 ** emin,
    smallestSubnormal: 2 ** (emin - mant),
    resolution: round(10 ** -precision),
    precision,
    dtype,
  });
}

const F16 = float("float16", 16, 10, -14, 65504, 3, Math.f16round);
const F32 = float("float32", 32, 23, -126, (2 - 2 ** -23) * 2 ** 127, 6, Math.fround);
const F64 = float("float64", 64, 52, -1022, Number.MAX_VALUE, 15, (x) => x);
const FINFO: Record<InexactDType, FInfo> = {
  float16: F16,
  float32: F32,
  float64: F64,
  complex64: F32,
  complex128: F64,
};

function dtypeOf(x: unknown, where: string): DType {
  const d = typeof x === "object" && x !== null && "dtype" in x
    ? (x as { dtype: unknown }).dtype
    : x;
  if (!isDType(d)) {
    throw new TypeError(`${where}: unknown dtype ${JSON.stringify(d) ?? String(d)}`);
  }
  return d;
}

/**
 * Machine limits of a float or complex dtype (or of an array's dtype). For complex dtypes the
 * limits are those of the real and imaginary parts.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import { finfo } from "./finfo.ts";
 * import assert from "node:assert/strict";
 * const f = finfo("float32");
 * assert(f.eps === 2 ** -23 && f.bits === 32 && f.precision === 6);
 * assert(finfo("float16").max === 65504);
 * assert(finfo("complex128").dtype === "float64");
 * assert(finfo(nd.zeros([2])).smallestSubnormal === 5e-324);
 * ```
 */
export function finfo(dtype: InexactDType | DType | { readonly dtype: DType }): FInfo {
  const d = dtypeOf(dtype, "finfo");
  const k = DTYPES[d].kind;
  if (k !== "f" && k !== "c") {
    throw new TypeError(`finfo: data type ${d} is not inexact: use iinfo for integer types`);
  }
  return FINFO[d as InexactDType];
}

/**
 * Machine limits of an integer dtype (or of an array's dtype): `min` and `max` are bigints
 * for int64 and uint64, numbers otherwise.
 *
 * @example
 * ```ts
 * import { iinfo } from "./finfo.ts";
 * import assert from "node:assert/strict";
 * const i = iinfo("int8");
 * assert(i.min === -128 && i.max === 127 && i.bits === 8);
 * assert(iinfo("uint64").max === 2n ** 64n - 1n);
 * ```
 */
export function iinfo<D extends IntDType>(dtype: D | { readonly dtype: D }): IInfo<D> {
  const d = dtypeOf(dtype, "iinfo");
  const k = DTYPES[d].kind;
  if (k !== "i" && k !== "u") {
    throw new TypeError(`iinfo: invalid integer data type ${d}: use finfo for float types`);
  }
  const bits = DTYPES[d].itemsize * 8;
  const b = BigInt(bits);
  const min = k === "u" ? 0n : -(1n << (b - 1n));
  const max = k === "u" ? (1n << b) - 1n : (1n << (b - 1n)) - 1n;
  const big = DTYPES[d].bigint;
  return Object.freeze({
    bits,
    min: big ? min : Number(min),
    max: big ? max : Number(max),
    dtype: d,
  }) as unknown as IInfo<D>;
}
