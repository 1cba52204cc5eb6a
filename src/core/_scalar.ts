// Slow-path scalar reads and writes of single elements, with NumPy's conversions.
import { type Complex, type DType, DTYPES, type TypedArray } from "./dtype.ts";

/** A JS value that can be stored into an array element. */
export type ScalarLike = number | bigint | boolean | Complex;

/** Reads element `i` (in elements, not slots) of `data` as the dtype's JS value. */
export function readScalar(
  data: TypedArray,
  dtype: DType,
  i: number,
): number | bigint | boolean | Complex {
  if (dtype === "bool") return data[i] !== 0;
  if (DTYPES[dtype].lanes === 2) {
    return { re: data[2 * i] as number, im: data[2 * i + 1] as number };
  }
  return data[i];
}

/** Converts a JS scalar to a number the way NumPy casts to a float or small int. */
export function toNumber(v: ScalarLike): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "bigint") return Number(v);
  return v.re;
}

const I64_MIN = -(2n ** 63n);

/** Converts a JS scalar to a bigint the way NumPy casts to int64/uint64 (NaN → minimum). */
export function toBigInt(v: ScalarLike): bigint {
  if (typeof v === "bigint") return v;
  const x = toNumber(v);
  return Number.isFinite(x) ? BigInt(Math.trunc(x)) : I64_MIN;
}

/** Writes `v` into element `i` of `data`, converting as NumPy's unsafe cast does. */
export function writeScalar(data: TypedArray, dtype: DType, i: number, v: ScalarLike): void {
  const info = DTYPES[dtype];
  if (info.lanes === 2) {
    const c = typeof v === "object" ? v : { re: toNumber(v), im: 0 };
    data[2 * i] = c.re;
    data[2 * i + 1] = c.im;
  } else if (info.bigint) {
    (data as BigInt64Array)[i] = toBigInt(v);
  } else if (dtype === "bool") {
    const x = typeof v === "object"
      ? (v.re !== 0 || v.im !== 0)
      : typeof v === "bigint"
      ? v !== 0n
      : !!v || Number.isNaN(v);
    data[i] = x ? 1 : 0;
  } else {
    (data as Float64Array)[i] = typeof v === "bigint" && info.kind !== "f"
      ? Number(BigInt.asIntN(64, v) & 0xffffffffn)
      : toNumber(v);
  }
}
