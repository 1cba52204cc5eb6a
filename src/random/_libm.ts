/**
 * `log` and `log1p` exactly as NumPy computes them on Linux x86-64: NumPy's samplers call the C
 * library, and glibc's results differ from V8's `Math.log`/`Math.log1p` in the last bit for
 * about 1 input in 1,000 (`log`) and 1 in 14 (`log1p`). Where a result becomes a sample (the
 * legacy Gaussian's `log(r²)`, the ziggurat tails' `log1p(-u)`), matching NumPy bit for bit
 * needs glibc's own algorithms, evaluated in the same order and with the same fused
 * multiply-adds as the FMA builds glibc selects on current x86-64 CPUs:
 *
 * - `log`: glibc ≥ 2.28 (Arm's optimized-routines algorithm), with every `a*b + c` contracted
 *   to one fma, as GCC compiles `e_log-fma.c`;
 * - `log1p`: fdlibm's algorithm with Shimizu's pipelined polynomial (glibc's `s_log1p.c`),
 *   with the contractions read from glibc 2.36's `__log1p_fma`.
 *
 * Both were checked against glibc 2.36 on millions of inputs (tests/random/libm.test.ts keeps
 * a NumPy-written sample). The fma is emulated exactly (Boldo and Melquiond's algorithm with
 * a round-to-odd sum).
 *
 * @module
 */

import { A, B, INVC, LN2_HI, LN2_LO, LOGC } from "./_log_data.ts";

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // [low word, high word] (little-endian hosts)
const SPLIT = 134217729; // 2^27 + 1

/** `a·b + c` rounded once (no overflow or underflow in the operands' range here). */
export function fma(a: number, b: number, c: number): number {
  // a·b = ph + pl exactly (Dekker)
  const ph = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const pl = ((ah * bh - ph) + ah * bl + al * bh) + al * bl;
  // c + ph = sh + sl exactly (Knuth)
  const sh = c + ph;
  let bb = sh - c;
  const sl = (c - (sh - bb)) + (ph - bb);
  // v = sl + pl rounded to odd
  let v = sl + pl;
  bb = v - sl;
  const err = (sl - (v - bb)) + (pl - bb);
  if (err !== 0) {
    f64[0] = v;
    if ((u32[0] & 1) === 0) {
      // even: step to the neighbour on the side of the exact value
      const away = (v > 0) === (err > 0);
      if (away) {
        if (u32[0] === 0xffffffff) u32[1]++;
        u32[0]++;
      } else {
        if (u32[0] === 0) u32[1]--;
        u32[0]--;
      }
      v = f64[0];
    }
  }
  return sh + v;
}

const LOG_LO_BITS = 0x3fee0000; // high word of 1 - 2^-4
const LOG_NEAR = 0x3ff10900 - LOG_LO_BITS; // up to 1 + 0x1.09p-4 (high words; low words are 0)

/** glibc's `log(x)` (FMA build). */
export function glibcLog(x: number): number {
  f64[0] = x;
  let lo = u32[0], hi = u32[1];
  if (((hi - LOG_LO_BITS) >>> 0) < LOG_NEAR) {
    if (x === 1) return 0;
    // near 1: a polynomial in r = x - 1 with a careful r - r²/2
    const r = x - 1, r2 = r * r, r3 = r * r2;
    const inner = fma(r3, B[10], fma(r2, B[9], fma(r, B[8], B[7])));
    const mid = fma(r3, inner, fma(r2, B[6], fma(r, B[5], B[4])));
    const outer = fma(r3, mid, fma(r2, B[3], fma(r, B[2], B[1])));
    let w = r * 134217728;
    const rhi = r + w - w, rlo = r - rhi;
    w = rhi * rhi * B[0];
    const h = r + w;
    let l = r - h + w;
    l = fma(B[0] * rlo, rhi + r, l);
    return fma(r3, outer, l) + h;
  }
  if ((((hi >>> 16) - 0x10) >>> 0) >= 0x7fe0) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (!(x > 0)) return NaN;
    // subnormal: scale into the normal range
    f64[0] = x * 4503599627370496;
    lo = u32[0];
    hi = u32[1] - (52 << 20);
  }
  const tmp = (hi - 0x3fe60000) | 0;
  const i = (tmp >>> 13) & 127;
  const k = tmp >> 20;
  u32[0] = lo;
  u32[1] = hi - (tmp & 0xfff00000);
  const z = f64[0];
  const r = fma(z, INVC[i], -1), kd = k;
  const w = fma(kd, LN2_HI, LOGC[i]);
  const h = w + r;
  const l = fma(kd, LN2_LO, w - h + r);
  const r2 = r * r;
  const p = fma(r2, fma(r, A[4], A[3]), fma(r, A[2], A[1]));
  return fma(r * r2, p, fma(r2, A[0], l)) + h;
}

const LN2_HI_1P = 6.93147180369123816490e-01, LN2_LO_1P = 1.90821492927058770002e-10;
const LP1 = 6.666666666666735130e-01, LP2 = 3.999999999940941908e-01;
const LP3 = 2.857142874366239149e-01, LP4 = 2.222219843214978396e-01;
const LP5 = 1.818357216161805012e-01, LP6 = 1.531383769920937332e-01;
const LP7 = 1.479819860511658591e-01;

function withHigh(x: number, high: number): number {
  f64[0] = x;
  u32[1] = high;
  return f64[0];
}

/** glibc's `log1p(x)` (FMA build). */
export function glibcLog1p(x: number): number {
  f64[0] = x;
  const hx = u32[1] | 0, ax = hx & 0x7fffffff;
  let k = 1, f = 0, c = 0, hu = 0;
  if (hx < 0x3fda827a) {
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN; // x <= -1
    if (ax < 0x3e200000) return ax < 0x3c900000 ? x : fma(-(x * x), 0.5, x); // |x| < 2^-29
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      f64[0] = u;
      hu = u32[1];
      k = (hu >> 20) - 1023;
      c = (k > 0 ? 1 - (u - x) : x - (u - 1)) / u;
    } else {
      u = x;
      hu = hx;
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) u = withHigh(u, hu | 0x3ff00000);
    else {
      k += 1;
      u = withHigh(u, hu | 0x3fe00000);
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    if (f === 0) return k === 0 ? 0 : fma(k, LN2_HI_1P, fma(k, LN2_LO_1P, c));
    const R = fma(-f, 0.66666666666666666, 1) * hfsq;
    if (k === 0) return f - R;
    return fma(k, LN2_HI_1P, -((R - fma(k, LN2_LO_1P, c)) - f));
  }
  const s = f / (2 + f), z = s * s;
  const z2 = z * z, z4 = z2 * z2, z6 = z2 * z4;
  const R2 = fma(z, LP3, LP2), R3 = fma(z, LP5, LP4), R4 = fma(z, LP7, LP6);
  const R = fma(z6, R4, fma(z4, R3, fma(z, LP1, z2 * R2)));
  const t = s * (hfsq + R);
  if (k === 0) return f - (hfsq - t);
  return fma(k, LN2_HI_1P, -((hfsq - (fma(k, LN2_LO_1P, c) + t)) - f));
}
