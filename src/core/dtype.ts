/**
 * Data types: names, storage, kinds and sizes.
 *
 * Every dtype maps to one typed array through {@linkcode DTypeMap}. bool is stored as 0/1 in a
 * `Uint8Array`; int64/uint64 use `BigInt64Array`/`BigUint64Array`; float16 uses the native
 * `Float16Array`; complex64/complex128 are interleaved `(re, im)` pairs in a
 * `Float32Array`/`Float64Array`, so their `data` holds two numbers per element.
 *
 * @module
 */

import { noteAllocation } from "./malloc_tuning.ts";

/** The name of an element type, as NumPy spells it. */
export type DType =
  | "float64"
  | "float32"
  | "float16"
  | "int64"
  | "int32"
  | "int16"
  | "int8"
  | "uint64"
  | "uint32"
  | "uint16"
  | "uint8"
  | "bool"
  | "complex128"
  | "complex64";

/** The typed array that stores each dtype. */
export interface DTypeMap {
  float64: Float64Array;
  float32: Float32Array;
  float16: Float16Array;
  int64: BigInt64Array;
  int32: Int32Array;
  int16: Int16Array;
  int8: Int8Array;
  uint64: BigUint64Array;
  uint32: Uint32Array;
  uint16: Uint16Array;
  uint8: Uint8Array;
  bool: Uint8Array;
  complex128: Float64Array;
  complex64: Float32Array;
}

/** A complex number as returned by `item()` for complex arrays. */
export interface Complex {
  re: number;
  im: number;
}

/** The JS value of one element of each dtype (what `item()` returns). */
export interface ScalarMap {
  float64: number;
  float32: number;
  float16: number;
  int64: bigint;
  int32: number;
  int16: number;
  int8: number;
  uint64: bigint;
  uint32: number;
  uint16: number;
  uint8: number;
  bool: boolean;
  complex128: Complex;
  complex64: Complex;
}

/** Any typed array that backs an NDArray. */
export type TypedArray = DTypeMap[DType];

/** NumPy's kind letters: bool, signed int, unsigned int, float, complex. */
export type DTypeKind = "b" | "i" | "u" | "f" | "c";

/** Static facts about one dtype. */
export interface DTypeInfo {
  /** The dtype's name. */
  readonly name: DType;
  /** NumPy's kind letter. */
  readonly kind: DTypeKind;
  /** Bytes per element (both parts for complex). */
  readonly itemsize: number;
  /** Typed-array slots per element: 2 for complex, else 1. */
  readonly lanes: 1 | 2;
  /** NumPy's one-letter type code (`d`, `f`, `e`, `q`, ...). */
  readonly char: string;
  /** True where elements are JS bigints (int64, uint64). */
  readonly bigint: boolean;
}

type Ctor = new (
  bufferOrLength: ArrayBufferLike | number,
  byteOffset?: number,
  length?: number,
) => TypedArray;

const CTORS: Record<DType, Ctor> = {
  float64: Float64Array,
  float32: Float32Array,
  float16: Float16Array,
  int64: BigInt64Array,
  int32: Int32Array,
  int16: Int16Array,
  int8: Int8Array,
  uint64: BigUint64Array,
  uint32: Uint32Array,
  uint16: Uint16Array,
  uint8: Uint8Array,
  bool: Uint8Array,
  complex128: Float64Array,
  complex64: Float32Array,
} as unknown as Record<DType, Ctor>;

function info(
  name: DType,
  kind: DTypeKind,
  itemsize: number,
  char: string,
): DTypeInfo {
  return Object.freeze({
    name,
    kind,
    itemsize,
    lanes: kind === "c" ? 2 : 1,
    char,
    bigint: name === "int64" || name === "uint64",
  });
}

/** Facts about every dtype, keyed by name. */
export const DTYPES: Readonly<Record<DType, DTypeInfo>> = Object.freeze({
  bool: info("bool", "b", 1, "?"),
  int8: info("int8", "i", 1, "b"),
  uint8: info("uint8", "u", 1, "B"),
  int16: info("int16", "i", 2, "h"),
  uint16: info("uint16", "u", 2, "H"),
  int32: info("int32", "i", 4, "i"),
  uint32: info("uint32", "u", 4, "I"),
  int64: info("int64", "i", 8, "q"),
  uint64: info("uint64", "u", 8, "Q"),
  float16: info("float16", "f", 2, "e"),
  float32: info("float32", "f", 4, "f"),
  float64: info("float64", "f", 8, "d"),
  complex64: info("complex64", "c", 8, "F"),
  complex128: info("complex128", "c", 16, "D"),
});

/** Every dtype name, in NumPy's type-number order. */
export const DTYPE_NAMES: readonly DType[] = Object.freeze(Object.keys(DTYPES) as DType[]);

const BY_CHAR: Record<string, DType> = Object.fromEntries(
  DTYPE_NAMES.map((d) => [DTYPES[d].char, d]),
);
BY_CHAR["l"] = "int64";
BY_CHAR["L"] = "uint64";

/**
 * The dtype of a NumPy one-letter type code (`"d"` → `"float64"`), or undefined.
 *
 * @example
 * ```ts
 * import { dtypeFromChar } from "./dtype.ts";
 * import assert from "node:assert/strict";
 * assert(dtypeFromChar("f") === "float32");
 * ```
 */
export function dtypeFromChar(c: string): DType | undefined {
  return BY_CHAR[c];
}

/**
 * Whether a string names a dtype.
 *
 * @example
 * ```ts
 * import { isDType } from "./dtype.ts";
 * import assert from "node:assert/strict";
 * assert(isDType("int8") && !isDType("int128"));
 * ```
 */
export function isDType(x: unknown): x is DType {
  return typeof x === "string" && Object.hasOwn(DTYPES, x);
}

/**
 * Checks that `x` names a dtype and returns it, or throws a `TypeError` naming the caller.
 *
 * @example
 * ```ts
 * import { checkDType } from "./dtype.ts";
 * import assert from "node:assert/strict";
 * assert(checkDType("float32", "zeros") === "float32");
 * ```
 */
export function checkDType(x: unknown, where: string): DType {
  if (!isDType(x)) {
    throw new TypeError(
      `${where}: unknown dtype ${JSON.stringify(x)}: expected one of ${DTYPE_NAMES.join(", ")}`,
    );
  }
  return x;
}

/**
 * Allocates a zeroed typed array for `n` elements of `dtype` (2n slots for complex).
 *
 * @example
 * ```ts
 * import { allocate } from "./dtype.ts";
 * import assert from "node:assert/strict";
 * assert(allocate("complex64", 3).length === 6);
 * ```
 */
export function allocate<D extends DType>(dtype: D, n: number): DTypeMap[D] {
  if (n >= 1 << 17) noteAllocation(n * DTYPES[dtype].itemsize);
  return new CTORS[dtype](n * DTYPES[dtype].lanes) as DTypeMap[D];
}

/**
 * A typed array of `dtype` over `n` elements of an existing buffer at `byteOffset`.
 * Works on ArrayBuffer and SharedArrayBuffer alike.
 *
 * @example
 * ```ts
 * import { viewBuffer } from "./dtype.ts";
 * import assert from "node:assert/strict";
 * const v = viewBuffer("int32", new ArrayBuffer(16), 4, 2);
 * assert(v.length === 2);
 * ```
 */
export function viewBuffer<D extends DType>(
  dtype: D,
  buffer: ArrayBufferLike,
  byteOffset: number,
  n: number,
): DTypeMap[D] {
  return new CTORS[dtype](buffer, byteOffset, n * DTYPES[dtype].lanes) as DTypeMap[D];
}

/**
 * The dtype whose storage a typed array is (`Uint8Array` → `"uint8"`), or undefined.
 *
 * @example
 * ```ts
 * import { dtypeOfTypedArray } from "./dtype.ts";
 * import assert from "node:assert/strict";
 * assert(dtypeOfTypedArray(new Float32Array(2)) === "float32");
 * ```
 */
export function dtypeOfTypedArray(a: unknown): DType | undefined {
  if (a instanceof Float64Array) return "float64";
  if (a instanceof Float32Array) return "float32";
  if (a instanceof Float16Array) return "float16";
  if (a instanceof BigInt64Array) return "int64";
  if (a instanceof Int32Array) return "int32";
  if (a instanceof Int16Array) return "int16";
  if (a instanceof Int8Array) return "int8";
  if (a instanceof BigUint64Array) return "uint64";
  if (a instanceof Uint32Array) return "uint32";
  if (a instanceof Uint16Array) return "uint16";
  if (a instanceof Uint8Array || a instanceof Uint8ClampedArray) return "uint8";
  return undefined;
}

/** True for float and complex dtypes. */
export function isInexact(d: DType): boolean {
  const k = DTYPES[d].kind;
  return k === "f" || k === "c";
}

/** True for signed and unsigned integer dtypes (not bool). */
export function isInteger(d: DType): boolean {
  const k = DTYPES[d].kind;
  return k === "i" || k === "u";
}

/** True for complex dtypes. */
export function isComplex(d: DType): boolean {
  return DTYPES[d].kind === "c";
}
