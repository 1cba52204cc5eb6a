/**
 * `integers`/`randint`: bounds checking per dtype and the bounded draws of `_bounded.ts`,
 * returned as NumPy returns them (a scalar without size: bigint for 64-bit types, boolean for
 * bool, a number otherwise).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { shapeSize } from "../core/shape.ts";
import type { BitGen } from "./_bitgen.ts";
import { boundedFill32, boundedFill64, boundedFillSmall } from "./_bounded.ts";
import { type Size, sizeShape } from "./_common.ts";

/** The dtypes `integers` can produce. */
export type IntegerDType =
  | "int64"
  | "int32"
  | "int16"
  | "int8"
  | "uint64"
  | "uint32"
  | "uint16"
  | "uint8"
  | "bool";

/** A scalar integer result: bigint (64-bit types), boolean (bool) or number. */
export type IntegerScalar = bigint | number | boolean;

const BITS: Record<IntegerDType, { bits: number; signed: boolean }> = {
  int64: { bits: 64, signed: true },
  int32: { bits: 32, signed: true },
  int16: { bits: 16, signed: true },
  int8: { bits: 8, signed: true },
  uint64: { bits: 64, signed: false },
  uint32: { bits: 32, signed: false },
  uint16: { bits: 16, signed: false },
  uint8: { bits: 8, signed: false },
  bool: { bits: 1, signed: false },
};

function bound(where: string, name: string, v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") {
    if (!Number.isInteger(v)) throw new TypeError(`${where}: ${name} must be an integer, got ${v}`);
    if (!Number.isSafeInteger(v)) {
      throw new RangeError(`${where}: ${name} ${v} is not a safe integer: pass it as a bigint`);
    }
    return BigInt(v);
  }
  throw new TypeError(
    `${where}: ${name} must be an integer number or a bigint, got ${
      v === null ? "null" : Array.isArray(v) ? "an array" : typeof v
    }`,
  );
}

/**
 * Draws integers in [low, high) (or [low, high] with `closed`) of `dtype`; `high` undefined
 * means [0, low). `masked` selects the legacy masked rejection instead of Lemire's method.
 */
export function drawIntegers(
  bg: BitGen,
  where: string,
  lowIn: unknown,
  highIn: unknown,
  size: Size | undefined,
  dtype: IntegerDType,
  closed: boolean,
  masked: boolean,
): IntegerScalar | NDArray {
  const info = BITS[dtype as IntegerDType];
  if (!info) {
    throw new TypeError(
      `${where}: dtype must be an integer dtype or "bool", got ${String(dtype)}`,
    );
  }
  const shape = sizeShape(size, where);
  if (shape !== null && shapeSize(shape) === 0) return empty(dtype, shape);
  let low = bound(where, highIn === undefined ? "high" : "low", lowIn);
  let high: bigint;
  if (highIn === undefined) {
    high = low;
    low = 0n;
  } else high = bound(where, "high", highIn);
  const hiClosed = closed ? high : high - 1n;
  const bits = BigInt(info.bits === 1 ? 1 : info.bits);
  const lb = info.signed ? -(1n << (bits - 1n)) : 0n;
  const ub = info.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  if (low < lb) throw new RangeError(`${where}: low ${low} is out of bounds for ${dtype}`);
  if (hiClosed > ub) throw new RangeError(`${where}: high ${high} is out of bounds for ${dtype}`);
  if (low > hiClosed) {
    throw new RangeError(
      `${where}: low must be ${
        closed ? "at most" : "less than"
      } high: got low ${low}, high ${high}`,
    );
  }
  const rng = hiClosed - low;
  const n = shape === null ? 1 : shapeSize(shape);
  const mod = 1n << bits;
  const off = ((low % mod) + mod) % mod;
  let data: NDArray["data"];
  if (info.bits === 64) {
    const w = boundedFill64(bg, off, rng, n, masked);
    data = info.signed ? new BigInt64Array(w.buffer) : new BigUint64Array(w.buffer);
  } else if (info.bits === 32) {
    const w = boundedFill32(bg, Number(off), Number(rng), n, masked);
    data = info.signed ? new Int32Array(w.buffer) : w;
  } else {
    const w = boundedFillSmall(bg, info.bits as 16 | 8 | 1, Number(off), Number(rng), n, masked);
    data = dtype === "bool"
      ? Uint8Array.from(w)
      : info.bits === 16
      ? (info.signed ? Int16Array.from(w) : Uint16Array.from(w))
      : (info.signed ? Int8Array.from(w) : Uint8Array.from(w));
  }
  if (shape === null) {
    const v = data[0];
    return dtype === "bool" ? v === 1 : v;
  }
  return new NDArray(dtype, data, shape);
}

function empty(dtype: IntegerDType, shape: number[]): NDArray {
  const ctor = {
    int64: BigInt64Array,
    int32: Int32Array,
    int16: Int16Array,
    int8: Int8Array,
    uint64: BigUint64Array,
    uint32: Uint32Array,
    uint16: Uint16Array,
    uint8: Uint8Array,
    bool: Uint8Array,
  }[dtype];
  return new NDArray(dtype, new ctor(0), shape);
}
