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
  return copysign(0, a / b);
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

// ---- complex inverse trigonometric and hyperbolic functions ----
// Each writes its result to CT[0] (real) and CT[1] (imaginary). The inverse functions use
// Kahan's formulas ("Branch cuts for complex elementary functions", 1987), which keep the
// branch cuts on the signed zeros and avoid squaring z.

const CT = new Float64Array(2);
const SQ = new Float64Array(2);

/** Principal square root of (x, y) into SQ, respecting the sign of a zero imaginary part. */
function csqrt(x: number, y: number): void {
  if (x === 0 && y === 0) {
    SQ[0] = 0;
    SQ[1] = y;
    return;
  }
  if (y === Infinity || y === -Infinity) {
    SQ[0] = Infinity;
    SQ[1] = y;
    return;
  }
  const t = Math.sqrt((Math.abs(x) + Math.hypot(x, y)) / 2);
  if (x >= 0) {
    SQ[0] = t;
    SQ[1] = y / (2 * t);
  } else {
    SQ[0] = Math.abs(y) / (2 * t);
    SQ[1] = copysign(t, y);
  }
}

/** tanh(x + iy), Kahan's algorithm; large |x| avoids overflowing sinh. */
function cTanh(x: number, y: number): void {
  if (Number.isNaN(x)) {
    CT[0] = x;
    CT[1] = y === 0 ? y : NaN;
    return;
  }
  if (Math.abs(x) > 22) {
    CT[0] = copysign(1, x);
    CT[1] = Number.isFinite(y) ? copysign(0, Math.sin(y) * Math.cos(y)) : copysign(0, y);
    return;
  }
  if (!Number.isFinite(y)) {
    CT[0] = x === 0 ? x : NaN;
    CT[1] = NaN;
    return;
  }
  const t = Math.tan(y), beta = 1 + t * t, s = Math.sinh(x), rho = Math.sqrt(1 + s * s);
  const den = 1 + beta * s * s;
  CT[0] = (beta * rho * s) / den;
  CT[1] = t / den;
}

/** exp(x + iy) with C99's values for infinite and NaN parts. */
function cExp(x: number, y: number): void {
  if (y === 0) {
    CT[0] = Math.exp(x);
    CT[1] = y;
  } else if (!Number.isFinite(y)) {
    CT[0] = x === Infinity ? Infinity : x === -Infinity ? 0 : NaN;
    CT[1] = x === -Infinity ? 0 : NaN;
  } else {
    const e = Math.exp(x);
    CT[0] = e * Math.cos(y);
    CT[1] = e * Math.sin(y);
  }
}

/** sinh(x + iy) = sinh x cos y + i cosh x sin y, keeping C99's values where a part is 0. */
function cSinh(x: number, y: number): void {
  CT[0] = x === 0 && !Number.isFinite(y) ? x : y === 0 ? Math.sinh(x) : Math.sinh(x) * Math.cos(y);
  CT[1] = y === 0 ? y : x === 0 && !Number.isFinite(y) ? NaN : Math.cosh(x) * Math.sin(y);
}

/** cosh(x + iy) = cosh x cos y + i sinh x sin y, keeping C99's values where a part is 0. */
function cCosh(x: number, y: number): void {
  CT[0] = y === 0 ? Math.cosh(x) : Math.cosh(x) * Math.cos(y);
  CT[1] = y === 0
    ? (Number.isFinite(x) ? Math.sinh(x) * y : Number.isNaN(x) ? y : copysign(0, x * y))
    : x === 0
    ? (Number.isFinite(y) ? x * Math.sin(y) : 0)
    : Math.sinh(x) * Math.sin(y);
}

/** sin(z) = -i sinh(iz). */
function cSin(x: number, y: number): void {
  cSinh(-y, x);
  const re = CT[1];
  CT[1] = -CT[0];
  CT[0] = re;
}

/** cos(z) = cosh(iz). */
function cCos(x: number, y: number): void {
  cCosh(-y, x);
}

/** tan(z) = -i tanh(iz). */
function cTan(x: number, y: number): void {
  cTanh(-y, x);
  const re = CT[1];
  CT[1] = -CT[0];
  CT[0] = re;
}

const inf = (v: number): boolean => v === Infinity || v === -Infinity;

/** C99 Annex G values of asinh(x + iy) when a part is infinite or NaN (false otherwise). */
function asinhSpecial(x: number, y: number): boolean {
  if (Number.isFinite(x) && Number.isFinite(y)) return false;
  if (Number.isNaN(x)) {
    CT[0] = inf(y) ? Infinity : NaN;
    CT[1] = y === 0 ? y : NaN;
  } else if (inf(x)) {
    CT[0] = x;
    CT[1] = Number.isNaN(y) ? NaN : inf(y) ? copysign(Math.PI / 4, y) : copysign(0, y);
  } else if (Number.isNaN(y)) {
    CT[0] = NaN;
    CT[1] = NaN;
  } else {
    CT[0] = copysign(Infinity, x);
    CT[1] = copysign(Math.PI / 2, y);
  }
  return true;
}

/** asin(z): re = atan2(x, Re(sqrt(1-z) sqrt(1+z))), im = asinh(Im(conj(sqrt(1-z)) sqrt(1+z))). */
function cAsin(x: number, y: number): void {
  if (asinhSpecial(-y, x)) {
    const re = CT[1];
    CT[1] = -CT[0];
    CT[0] = re;
    return;
  }
  csqrt(1 - x, -y);
  const ar = SQ[0], ai = SQ[1];
  csqrt(1 + x, y);
  const br = SQ[0], bi = SQ[1];
  CT[0] = Math.atan2(x, ar * br - ai * bi);
  CT[1] = Math.asinh(ar * bi - ai * br);
}

/** asinh(z) = -i asin(iz). */
function cAsinh(x: number, y: number): void {
  if (asinhSpecial(x, y)) return;
  cAsin(-y, x);
  const re = CT[1];
  CT[1] = -CT[0];
  CT[0] = re;
}

/** acos(z): re = 2 atan2(Re sqrt(1-z), Re sqrt(1+z)), im = asinh(Im(conj(sqrt(1+z)) sqrt(1-z))). */
function cAcos(x: number, y: number): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    // C99 Annex G (and glibc) values.
    if (Number.isNaN(x)) {
      CT[0] = NaN;
      CT[1] = inf(y) ? -y : NaN;
    } else if (inf(x)) {
      CT[0] = Number.isNaN(y)
        ? NaN
        : inf(y)
        ? (x > 0 ? Math.PI / 4 : 3 * Math.PI / 4)
        : x > 0
        ? 0
        : Math.PI;
      CT[1] = Number.isNaN(y) ? Infinity : -copysign(Infinity, y);
    } else if (Number.isNaN(y)) {
      CT[0] = x === 0 ? Math.PI / 2 : NaN;
      CT[1] = NaN;
    } else {
      CT[0] = Math.PI / 2;
      CT[1] = -y;
    }
    return;
  }
  csqrt(1 - x, -y);
  const ar = SQ[0], ai = SQ[1];
  csqrt(1 + x, y);
  const br = SQ[0], bi = SQ[1];
  CT[0] = 2 * Math.atan2(ar, br);
  CT[1] = Math.asinh(br * ai - bi * ar);
}

/** acosh(z): re = asinh(Re(conj(sqrt(z-1)) sqrt(z+1))), im = 2 atan2(Im sqrt(z-1), Re sqrt(z+1)). */
function cAcosh(x: number, y: number): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    // C99 Annex G values; NaN + iπ/2 for ±0 + iNaN as glibc (and so NumPy) gives.
    if (inf(y)) {
      CT[0] = Infinity;
      CT[1] = Number.isNaN(x)
        ? NaN
        : copysign(inf(x) ? (x > 0 ? Math.PI / 4 : 3 * Math.PI / 4) : Math.PI / 2, y);
    } else if (inf(x)) {
      CT[0] = Infinity;
      CT[1] = Number.isNaN(y) ? NaN : copysign(x > 0 ? 0 : Math.PI, y);
    } else {
      CT[0] = NaN;
      CT[1] = x === 0 ? Math.PI / 2 : NaN;
    }
    return;
  }
  csqrt(x - 1, y);
  const ar = SQ[0], ai = SQ[1];
  csqrt(x + 1, y);
  const br = SQ[0], bi = SQ[1];
  CT[0] = Math.asinh(ar * br + ai * bi);
  CT[1] = 2 * Math.atan2(ai, br);
}

/** atanh(z): re = log1p(4x / ((1-x)² + y²)) / 4, im = atan2(2y, (1-x)(1+x) - y²) / 2. */
function cAtanh(x: number, y: number): void {
  if (inf(x) || inf(y)) {
    // C99 Annex G: ±0 + i(±π/2), with NaN imaginary parts for infinite x and NaN y.
    CT[0] = Number.isNaN(x) ? 0 : copysign(0, x);
    CT[1] = Number.isNaN(y) ? NaN : copysign(Math.PI / 2, y);
    return;
  }
  if (Number.isNaN(x) || Number.isNaN(y)) {
    CT[0] = x === 0 ? x : NaN;
    CT[1] = NaN;
    return;
  }
  const d = (1 - x) * (1 - x) + y * y;
  CT[0] = y === 0 && (x === 1 || x === -1) ? copysign(Infinity, x) : Math.log1p((4 * x) / d) / 4;
  CT[1] = Math.atan2(2 * y, (1 - x) * (1 + x) - y * y) / 2;
}

/** atan(z) = -i atanh(iz). */
function cAtan(x: number, y: number): void {
  cAtanh(-y, x);
  const re = CT[1];
  CT[1] = -CT[0];
  CT[0] = re;
}

// exp(x) = 2**(k/N) * exp(r) with |r| <= ln2 / (2N): a table of 2**(j/N), a degree-5
// polynomial, and a table of powers of two for the exponent. Within 1 ulp of the correctly
// rounded result (as NumPy's own SIMD exp is) and faster than V8's Math.exp (the exp row of
// `deno task bench:compare`, whose "plain JS" column is a Math.exp loop); NaN,
// infinities and arguments near overflow or underflow go to Math.exp.
const EXP_N = 256;
const EXP_T = Float64Array.from({ length: EXP_N }, (_, j) => Math.pow(2, j / EXP_N));
const EXP_P2 = Float64Array.from({ length: 2099 }, (_, i) => Math.pow(2, i - 1074));
const EXP_INV = EXP_N / Math.LN2;
const EXP_LN2HI = 6.93147180369123816490e-01 / EXP_N;
const EXP_LN2LO = 1.90821492927058770002e-10 / EXP_N;
const EXP_SHIFT = 6755399441055744; // 1.5 * 2**52: adding and subtracting it rounds to an integer

/** Fast exp, within 1 ulp. */
export function fexp(x: number): number {
  if (!(x > -708 && x < 709)) return Math.exp(x);
  const kf = (x * EXP_INV + EXP_SHIFT) - EXP_SHIFT;
  const r = (x - kf * EXP_LN2HI) - kf * EXP_LN2LO;
  const k = kf | 0;
  const j = k & (EXP_N - 1);
  const q = r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  const t = EXP_T[j];
  return (t + t * q) * EXP_P2[(k >> 8) + 1074]; // k >> 8 = floor(k / EXP_N)
}

Object.assign(HELPERS, {
  fexp,
  CT,
  cExp,
  cSinh,
  cCosh,
  cSin,
  cCos,
  cTanh,
  cTan,
  cAsin,
  cAcos,
  cAcosh,
  cAsinh,
  cAtanh,
  cAtan,
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
