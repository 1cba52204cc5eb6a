// Exact decimal formatting of binary floats (float16/32/64) the way NumPy's Dragon4 printer
// does it: shortest round-trip digits ("unique" mode) or exact digits, an optional cutoff
// counted in fractional or total digits, a minimum digit count, IEEE round-half-even of the
// last digit, then positional or scientific layout with trimming and padding.
//
// The digit generator follows Steele & White / Burger & Dybvig with big-integer arithmetic
// (JS BigInt); the boundary rules (inclusive margins for even mantissas, unequal margins
// at powers of two, the fractional-cutoff clamp of the first digit) are those NumPy uses,
// so that array printing matches NumPy character for character.

/** Bits of each binary float format: mantissa bits (without the hidden bit), exponent bias. */
export type FloatBits = 16 | 32 | 64;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const F32 = new Float32Array(1);
const U32f = new Uint32Array(F32.buffer);
const F16 = new Float16Array(1);
const U16 = new Uint16Array(F16.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

interface Parts {
  neg: boolean;
  m: bigint;
  e: number;
  mbit: number;
  unequal: boolean;
}

function bitLength(m: bigint): number {
  return m.toString(2).length;
}

/** Splits a finite float of the given format into `m * 2^e` (NumPy's factorisation). */
function decompose(x: number, bits: FloatBits): Parts {
  let neg: boolean, fe: number, fm: bigint, mbits: number, bias: number;
  if (bits === 64) {
    F64[0] = x;
    const hi = U32[LITTLE ? 1 : 0], lo = U32[LITTLE ? 0 : 1];
    neg = hi >>> 31 === 1;
    fe = (hi >>> 20) & 0x7ff;
    fm = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    mbits = 52;
    bias = 1023;
  } else if (bits === 32) {
    F32[0] = x;
    const u = U32f[0];
    neg = u >>> 31 === 1;
    fe = (u >>> 23) & 0xff;
    fm = BigInt(u & 0x7fffff);
    mbits = 23;
    bias = 127;
  } else {
    F16[0] = x;
    const u = U16[0];
    neg = u >>> 15 === 1;
    fe = (u >>> 10) & 0x1f;
    fm = BigInt(u & 0x3ff);
    mbits = 10;
    bias = 15;
  }
  if (fe !== 0) {
    return {
      neg,
      m: fm | (1n << BigInt(mbits)),
      e: fe - bias - mbits,
      mbit: mbits,
      unequal: fe !== 1 && fm === 0n,
    };
  }
  return {
    neg,
    m: fm,
    e: 1 - bias - mbits,
    mbit: fm === 0n ? 0 : bitLength(fm) - 1,
    unequal: false,
  };
}

const POW10: bigint[] = [1n];
function pow10(k: number): bigint {
  while (POW10.length <= k) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[k];
}

const LOG10_2 = 0.30102999566398119521373889472449;

interface Digits {
  digits: string;
  /** Decimal exponent of the first digit. */
  exp: number;
}

/**
 * Generates the decimal digits of `m * 2^e`. `cutMax`/`cutMin` (-1 for none) bound the digits
 * printed, counted after the decimal point when `fraction`, else in total.
 */
function dragon4(
  p: Parts,
  unique: boolean,
  fraction: boolean,
  cutMax: number,
  cutMin: number,
): Digits {
  const { m, e, unequal } = p;
  if (m === 0n) return { digits: "0", exp: 0 };
  const isEven = (m & 1n) === 0n;
  let value: bigint, scale: bigint, low: bigint;
  if (e > 0) {
    value = m << BigInt(e + (unequal ? 2 : 1));
    scale = unequal ? 4n : 2n;
    low = 1n << BigInt(e);
  } else {
    value = m << (unequal ? 2n : 1n);
    scale = 1n << BigInt(-e + (unequal ? 2 : 1));
    low = 1n;
  }
  let k = Math.ceil((p.mbit + e) * LOG10_2 - 0.69);
  if (cutMax >= 0 && fraction && k <= -cutMax) k = -cutMax + 1;
  if (k > 0) scale *= pow10(k);
  else if (k < 0) {
    const t = pow10(-k);
    value *= t;
    low *= t;
  }
  if (value >= scale) k++;
  else {
    value *= 10n;
    low *= 10n;
  }
  let high = unequal ? low * 2n : low;
  let cutMaxExp = k - 1_000_000;
  if (cutMax >= 0) {
    const want = fraction ? -cutMax : k - cutMax;
    if (want > cutMaxExp) cutMaxExp = want;
  }
  let cutMinExp = k;
  if (cutMin >= 0) {
    const want = fraction ? -cutMin : k - cutMin;
    if (want < cutMinExp) cutMinExp = want;
  }
  let outExp = k - 1;
  const out: number[] = [];
  let lowHit = false, highHit = false, digit = 0;
  if (unique) {
    for (;;) {
      k--;
      digit = Number(value / scale);
      value %= scale;
      lowHit = isEven ? value <= low : value < low;
      const up = value + high;
      highHit = isEven ? up >= scale : up > scale;
      if (((lowHit || highHit) && k <= cutMinExp) || k === cutMaxExp) break;
      out.push(digit);
      value *= 10n;
      low *= 10n;
      high = unequal ? low * 2n : low;
    }
  } else {
    for (;;) {
      k--;
      digit = Number(value / scale);
      value %= scale;
      if (value === 0n || k === cutMaxExp) break;
      out.push(digit);
      value *= 10n;
    }
  }
  let roundDown = lowHit;
  if (lowHit === highHit) {
    const twice = value * 2n;
    roundDown = twice < scale || (twice === scale && (digit & 1) === 0);
  }
  if (roundDown) out.push(digit);
  else if (digit < 9) out.push(digit + 1);
  else {
    // carry: drop trailing nines and increment the digit before them
    while (out.length > 0 && out[out.length - 1] === 9) out.pop();
    if (out.length === 0) {
      out.push(1);
      outExp++;
    } else out[out.length - 1]++;
  }
  return { digits: out.join(""), exp: outExp };
}

/** How trailing zeros are treated: `k` keeps them, `.` trims them but keeps the point, `0`
 * keeps one zero after the point, `-` trims zeros and the point. */
export type Trim = "k" | "." | "0" | "-";

/** Options shared by {@linkcode positional} and {@linkcode scientific} (NumPy's names). */
export interface Dragon4Opts {
  /** Maximum digits (after the point for positional, after the first digit for
   * scientific); -1 for as many as uniqueness needs. */
  precision: number;
  /** Minimum digits, -1 for none (unique mode only). */
  minDigits?: number;
  /** Shortest round-trip digits (true) or exact digits (false). */
  unique: boolean;
  /** Trimming of trailing zeros. */
  trim: Trim;
  /** Print `+` for non-negative values. */
  sign?: boolean;
  /** Pad with spaces until this many characters precede the point. */
  padLeft?: number;
  /** Pad with spaces until this many characters follow the point (positional). */
  padRight?: number;
  /** Minimum exponent digits (scientific), -1 for the default of 2. */
  expDigits?: number;
  /** Positional only: precision counts digits after the point (default) or in total. */
  fractional?: boolean;
}

function trimFraction(frac: string, trim: Trim): string {
  if (trim === "k" || frac.length === 0) return frac;
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
  if (end === 0 && trim === "0") return "0";
  return frac.slice(0, end);
}

/** A finite float in positional notation, NumPy's `format_float_positional`. */
export function positional(x: number, bits: FloatBits, o: Dragon4Opts): string {
  const p = decompose(x, bits);
  const fractional = o.fractional ?? true;
  const minDigits = o.minDigits ?? -1;
  const d = dragon4(p, o.unique, fractional, o.precision, minDigits);
  const signStr = p.neg ? "-" : o.sign ? "+" : "";
  let whole: string, frac: string;
  if (d.exp >= 0) {
    const nWhole = d.exp + 1;
    if (d.digits.length <= nWhole) {
      whole = d.digits + "0".repeat(nWhole - d.digits.length);
      frac = "";
    } else {
      whole = d.digits.slice(0, nWhole);
      frac = d.digits.slice(nWhole);
    }
  } else {
    whole = "0";
    frac = "0".repeat(-(d.exp + 1)) + d.digits;
  }
  const add = o.unique ? minDigits : o.precision;
  const want = fractional ? Math.max(add, 0) : add - whole.length;
  if (o.trim === "0" && frac.length === 0) frac = "0";
  else if (o.trim === "k" && want > frac.length) frac += "0".repeat(want - frac.length);
  frac = trimFraction(frac, o.trim);
  let s = whole + (o.trim === "-" && frac.length === 0 ? "" : ".") + frac;
  const padRight = o.padRight ?? -1;
  if (padRight >= frac.length) {
    if (o.trim === "-" && frac.length === 0) s += " ";
    s += " ".repeat(padRight - frac.length);
  }
  const padLeft = o.padLeft ?? -1;
  const lead = whole.length + signStr.length;
  return (padLeft > lead ? " ".repeat(padLeft - lead) : "") + signStr + s;
}

/** A finite float in scientific notation, NumPy's `format_float_scientific`. */
export function scientific(x: number, bits: FloatBits, o: Dragon4Opts): string {
  const p = decompose(x, bits);
  const minDigits = o.minDigits ?? -1;
  const d = dragon4(
    p,
    o.unique,
    false,
    o.precision < 0 ? -1 : o.precision + 1,
    minDigits < 0 ? -1 : minDigits + 1,
  );
  const signStr = p.neg ? "-" : o.sign ? "+" : "";
  const padLeft = o.padLeft ?? -1;
  const lead = 1 + signStr.length;
  let s = (padLeft > lead ? " ".repeat(padLeft - lead) : "") + signStr + d.digits[0];
  let frac = d.digits.slice(1);
  const add = Math.max(o.unique ? minDigits : o.precision, 0);
  const bare = frac.length === 0; // NumPy drops the point in "-" mode only when no digit followed
  if (o.trim === "0" && bare) frac = "0";
  else if (o.trim === "k" && add > frac.length) frac += "0".repeat(add - frac.length);
  frac = trimFraction(frac, o.trim);
  s += (o.trim === "-" && bare ? "" : ".") + frac;
  const ed = o.expDigits === undefined || o.expDigits < 0 ? 2 : Math.min(o.expDigits, 5);
  const ex = Math.abs(d.exp).toString();
  return s + "e" + (d.exp >= 0 ? "+" : "-") + "0".repeat(Math.max(0, ed - ex.length)) + ex;
}
