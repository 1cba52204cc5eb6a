/**
 * Type promotion and casting rules, exactly as NumPy 2 (NEP 50).
 *
 * Arrays and dtypes are "strong"; JS numbers, bigints and `{re, im}` objects are "weak"
 * scalars that take the array's type where their kind allows (`uint8` array + 3 stays
 * `uint8`, `float32` array + 0.5 stays `float32`). A JS number that is an integer (including
 * `2.0`, which JS cannot tell from `2`) of magnitude below 2**63 is a weak integer; other
 * numbers (and `-0`, which only a float can hold) are weak floats.
 *
 * @module
 */

import { type DType, DTYPE_NAMES, DTYPES, isDType } from "./dtype.ts";

/** Casting rules accepted by {@linkcode canCast}. */
export type Casting = "no" | "equiv" | "safe" | "same_kind" | "unsafe";

/** The kind of a weak scalar. */
export type WeakKind = "int" | "float" | "complex" | "bool";

const KIND_RANK: Record<string, number> = { b: 0, u: 1, i: 2, f: 3, c: 4 };
const INT_BITS: Partial<Record<DType, number>> = {
  int8: 8,
  int16: 16,
  int32: 32,
  int64: 64,
  uint8: 8,
  uint16: 16,
  uint32: 32,
  uint64: 64,
};
/** Mantissa-ish capacity: the widest integer a float/complex holds safely, in bits. */
const FLOAT_INT_BITS: Partial<Record<DType, number>> = {
  float16: 8,
  float32: 16,
  float64: 64,
  complex64: 16,
  complex128: 64,
};
const FLOAT_BITS: Partial<Record<DType, number>> = {
  float16: 16,
  float32: 32,
  float64: 64,
  complex64: 32,
  complex128: 64,
};

function safe(from: DType, to: DType): boolean {
  if (from === to) return true;
  const f = DTYPES[from].kind, t = DTYPES[to].kind;
  if (f === "b") return true;
  if (t === "b") return false;
  if (f === "i" || f === "u") {
    const bits = INT_BITS[from]!;
    if (t === "i" || t === "u") {
      if (f === "i" && t === "u") return false;
      const tb = INT_BITS[to]!;
      return f === t ? tb >= bits : tb > bits;
    }
    // to float/complex: int8/uint8 → 16-bit floats up, int16 → 32, wider → 64.
    return FLOAT_INT_BITS[to]! >= (bits === 64 ? 64 : bits === 32 ? 64 : bits);
  }
  if (f === "f") {
    if (t === "f") return FLOAT_BITS[to]! >= FLOAT_BITS[from]!;
    if (t === "c") return FLOAT_BITS[to]! >= FLOAT_BITS[from]!;
    return false;
  }
  // complex
  return t === "c" && FLOAT_BITS[to]! >= FLOAT_BITS[from]!;
}

const PROMOTE_ORDER: readonly DType[] = [
  "bool",
  "int8",
  "uint8",
  "int16",
  "uint16",
  "int32",
  "uint32",
  "int64",
  "uint64",
  "float16",
  "float32",
  "float64",
  "complex64",
  "complex128",
];

const PROMOTE_TABLE: Map<string, DType> = new Map();
for (const a of DTYPE_NAMES) {
  for (const b of DTYPE_NAMES) {
    const r = PROMOTE_ORDER.find((t) => safe(a, t) && safe(b, t))!;
    PROMOTE_TABLE.set(a + "," + b, r);
  }
}

/**
 * The smallest dtype both `a` and `b` cast to safely (`np.promote_types`).
 *
 * @example
 * ```ts
 * import { promoteTypes } from "./promotion.ts";
 * import assert from "node:assert/strict";
 * assert(promoteTypes("int8", "uint8") === "int16");
 * assert(promoteTypes("float32", "int32") === "float64");
 * ```
 */
export function promoteTypes(a: DType, b: DType): DType {
  return PROMOTE_TABLE.get(a + "," + b)!;
}

/**
 * Whether a cast from one dtype to another is allowed under a casting rule (`np.can_cast`).
 * `casting` defaults to `"safe"`.
 *
 * @example
 * ```ts
 * import { canCast } from "./promotion.ts";
 * import assert from "node:assert/strict";
 * assert(canCast("int32", "float64"));
 * assert(!canCast("float64", "int64"));
 * assert(canCast("float64", "float32", { casting: "same_kind" }));
 * ```
 */
export function canCast(from: DType, to: DType, opts: { casting?: Casting } = {}): boolean {
  const casting = opts.casting ?? "safe";
  for (const [name, d] of [["from", from], ["to", to]] as const) {
    if (!isDType(d)) {
      throw new TypeError(`canCast: unknown dtype ${JSON.stringify(d)} for ${name}`);
    }
  }
  switch (casting) {
    case "no":
    case "equiv":
      return from === to;
    case "safe":
      return safe(from, to);
    case "same_kind":
      return safe(from, to) || KIND_RANK[DTYPES[from].kind] <= KIND_RANK[DTYPES[to].kind];
    case "unsafe":
      return true;
    default:
      throw new RangeError(
        `canCast: unknown casting ${
          JSON.stringify(casting)
        }: expected "no", "equiv", "safe", "same_kind" or "unsafe"`,
      );
  }
}

/** The weak kind of a JS scalar, or undefined if `x` is not a JS scalar. */
export function weakKind(x: unknown): WeakKind | undefined {
  switch (typeof x) {
    case "number":
      return Number.isInteger(x) && Math.abs(x) < 2 ** 63 && !Object.is(x, -0) ? "int" : "float";
    case "bigint":
      return "int";
    case "boolean":
      return "bool";
    case "object":
      if (
        x !== null && typeof (x as { re?: unknown }).re === "number" &&
        typeof (x as { im?: unknown }).im === "number"
      ) {
        return "complex";
      }
  }
  return undefined;
}

const WEAK_RANK: Record<WeakKind, number> = { bool: 0, int: 1, float: 2, complex: 3 };
const WEAK_DEFAULT: Record<WeakKind, DType> = {
  bool: "bool",
  int: "int64",
  float: "float64",
  complex: "complex128",
};

/**
 * Combines a strong dtype (or none) with the highest weak-scalar kind, as NEP 50 does.
 *
 * @example
 * ```ts
 * import { promoteWeak } from "./promotion.ts";
 * import assert from "node:assert/strict";
 * assert(promoteWeak("uint8", "int") === "uint8");
 * assert(promoteWeak("int8", "float") === "float64");
 * assert(promoteWeak("float32", "complex") === "complex64");
 * ```
 */
export function promoteWeak(strong: DType | undefined, weak: WeakKind | undefined): DType {
  if (strong === undefined) return WEAK_DEFAULT[weak ?? "float"];
  if (weak === undefined || weak === "bool") return strong;
  const k = DTYPES[strong].kind;
  if (weak === "int") return k === "b" ? "int64" : strong;
  if (weak === "float") return k === "f" || k === "c" ? strong : "float64";
  // complex
  if (k === "c") return strong;
  if (strong === "float16" || strong === "float32") return "complex64";
  return "complex128";
}

/** Anything {@linkcode resultType} accepts: a dtype name, an object with a dtype, or a JS scalar. */
export type DTypeLike = DType | { readonly dtype: DType } | number | bigint | boolean | {
  re: number;
  im: number;
};

/**
 * The dtype NumPy 2 gives an operation on these operands (`np.result_type`).
 * Dtype names and arrays are strong; JS numbers, bigints, booleans and `{re, im}` are weak.
 *
 * @example
 * ```ts
 * import { resultType } from "./promotion.ts";
 * import assert from "node:assert/strict";
 * assert(resultType("int8", "uint8") === "int16");
 * assert(resultType("uint8", 3) === "uint8");
 * assert(resultType("int32", 1.5) === "float64");
 * assert(resultType(1, 2) === "int64");
 * ```
 */
export function resultType(...args: DTypeLike[]): DType {
  if (args.length === 0) {
    throw new TypeError("resultType: at least one array, dtype or scalar is required");
  }
  let strong: DType | undefined;
  let weak: WeakKind | undefined;
  for (const a of args) {
    let d: DType | undefined;
    if (typeof a === "string") {
      if (!isDType(a)) throw new TypeError(`resultType: unknown dtype ${JSON.stringify(a)}`);
      d = a;
    } else if (typeof a === "object" && a !== null && "dtype" in a) {
      d = a.dtype;
    } else {
      const w = weakKind(a);
      if (w === undefined) {
        throw new TypeError(`resultType: cannot take the dtype of ${String(a)}`);
      }
      if (w === "bool") d = "bool";
      else if (weak === undefined || WEAK_RANK[w] > WEAK_RANK[weak]) weak = w;
    }
    if (d !== undefined) strong = strong === undefined ? d : promoteTypes(strong, d);
  }
  return promoteWeak(strong, weak);
}
