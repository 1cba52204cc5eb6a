// Rounding to the float formats, to compute in an array's own dtype as NumPy does.

/** Bits of a binary float format. */
export type FloatBits = 16 | 32 | 64;

/** The float format of a real or complex dtype (integers are computed in float64). */
export function floatBits(dtype: string): FloatBits {
  return dtype === "float16" ? 16 : dtype === "float32" || dtype === "complex64" ? 32 : 64;
}

/** Rounds a double to the float format. */
export function roundTo(bits: FloatBits, x: number): number {
  return bits === 64 ? x : bits === 32 ? Math.fround(x) : Math.f16round(x);
}
