// Scalar helpers that generated elementwise kernels call by name (registered in HELPERS).
import { HELPERS } from "../core/_kernel.ts";

/** Python's float modulo: the result has the sign of the divisor (NumPy's npy_remainder). */
function pyMod(a: number, b: number): number {
  if (b === 0) return NaN;
  let m = a % b;
  if (m !== 0) {
    if ((b < 0) !== (m < 0)) m += b;
  } else m = b < 0 ? -0 : 0;
  return m;
}

/** Python's float floor division (NumPy's npy_floor_divide). */
function pyFloorDiv(a: number, b: number): number {
  if (b === 0) return a / b;
  const m = a % b;
  let div = (a - m) / b;
  if (m !== 0 && (b < 0) !== (m < 0)) div -= 1;
  if (div !== 0) {
    let f = Math.floor(div);
    if (div - f > 0.5) f += 1;
    return f;
  }
  return (a / b) < 0 ? -0 : 0;
}

/** C's pow: 1**y and x**0 are 1 even for NaN, (-1)**±inf is 1. */
function fpow(a: number, b: number): number {
  if (b === 0 || a === 1) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return a ** b;
}

/** Integer power wrapping modulo 2**32 (narrower types wrap again when stored). */
function ipow(a: number, b: number): number {
  if (b < 0) throw new RangeError("power: integers to negative integer powers are not allowed");
  let r = 1;
  a |= 0;
  while (b > 0) {
    if (b & 1) r = Math.imul(r, a);
    a = Math.imul(a, a);
    b = Math.floor(b / 2);
  }
  return r;
}

/** 64-bit integer power wrapping modulo 2**64. */
function ipow64(a: bigint, b: bigint, unsigned: boolean): bigint {
  if (b < 0n) throw new RangeError("power: integers to negative integer powers are not allowed");
  let r = 1n;
  const wrap = unsigned
    ? (x: bigint) => BigInt.asUintN(64, x)
    : (x: bigint) => BigInt.asIntN(64, x);
  while (b > 0n) {
    if (b & 1n) r = wrap(r * a);
    a = wrap(a * a);
    b >>= 1n;
  }
  return r;
}

/** Python's floor division of bigints; 0 for a zero divisor, as NumPy's integer loops. */
function bigFloorDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Python's modulo of bigints; 0 for a zero divisor. */
function bigMod(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const m = a % b;
  return (m !== 0n && (m < 0n) !== (b < 0n)) ? m + b : m;
}

/** Python's floor division of small integers; 0 for a zero divisor. */
function intFloorDiv(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor(a / b);
}

/** Python's modulo of small integers; 0 for a zero divisor. */
function intMod(a: number, b: number): number {
  if (b === 0) return 0;
  const m = a % b;
  return (m !== 0 && (m < 0) !== (b < 0)) ? m + b : m;
}

function copysign(a: number, b: number): number {
  const neg = b < 0 || (b === 0 && 1 / b < 0);
  const abs = Math.abs(a);
  return neg ? -abs : abs;
}

function signbit(a: number): number {
  return a < 0 || (a === 0 && 1 / a < 0) ? 1 : 0;
}

Object.assign(HELPERS, {
  pyMod,
  pyFloorDiv,
  fpow,
  ipow,
  ipow64,
  bigFloorDiv,
  bigMod,
  intFloorDiv,
  intMod,
  copysign,
  signbit,
});
