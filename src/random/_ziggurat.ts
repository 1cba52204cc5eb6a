/**
 * NumPy's ziggurat samplers for the Generator's standard normal (float64 and float32) and
 * standard exponential (`random_standard_normal`, `random_standard_normal_f`,
 * `random_standard_exponential` in numpy/random/src/distributions/distributions.c): one 64-bit
 * draw picks a layer and a point in it, accepted 99% of the time; the tails use `log1p`, taken
 * from glibc so that they match NumPy bit for bit (see `_libm.ts`).
 *
 * @module
 */

import type { BitGen } from "./_bitgen.ts";
import { glibcLog1p } from "./_libm.ts";
import {
  FE_DOUBLE,
  FI_DOUBLE,
  FI_FLOAT,
  KE_DOUBLE,
  KI_DOUBLE,
  KI_FLOAT,
  WE_DOUBLE,
  WI_DOUBLE,
  WI_FLOAT,
} from "./_ziggurat_tables.ts";

const NOR_R = 3.6541528853610087963519472518;
const NOR_INV_R = 0.27366123732975827203338247596;
const EXP_R = 7.6971174701310497140446280481;
const NOR_R_F = Math.fround(NOR_R), NOR_INV_R_F = Math.fround(NOR_INV_R);

/** The tail beyond the base layer (x > r), reached about once in 4,000 draws. */
function normalTail(bg: BitGen, negative: boolean): number {
  for (;;) {
    const xx = -NOR_INV_R * glibcLog1p(-bg.nextDouble());
    const yy = -glibcLog1p(-bg.nextDouble());
    if (yy + yy > xx * xx) return negative ? -(NOR_R + xx) : NOR_R + xx;
  }
}

/** One standard normal draw (float64). */
export function standardNormal(bg: BitGen): number {
  for (;;) {
    bg.next64();
    const lo = bg.lo, idx = lo & 0xff;
    // rabs = bits 9..60 of the draw (52 bits), sign = bit 8
    const rabs = (bg.hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * WI_DOUBLE[idx];
    if (lo & 0x100) x = -x;
    if (rabs < KI_DOUBLE[idx]) return x;
    if (idx === 0) return normalTail(bg, ((lo >>> 17) & 1) === 1);
    if (
      (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * bg.nextDouble() + FI_DOUBLE[idx] <
        Math.exp(-0.5 * x * x)
    ) {
      return x;
    }
  }
}

/** Fills `out[start .. start + n)` with standard normal draws (float64). */
export function fillStandardNormal(bg: BitGen, out: Float64Array, start: number, n: number): void {
  const end = start + n;
  for (let i = start; i < end; i++) {
    bg.next64();
    const lo = bg.lo, idx = lo & 0xff;
    const rabs = (bg.hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    const x = rabs * WI_DOUBLE[idx];
    if (rabs < KI_DOUBLE[idx]) out[i] = lo & 0x100 ? -x : x;
    else out[i] = slowNormal(bg, idx, lo, lo & 0x100 ? -x : x);
  }
}

/** The rest of a draw that missed the fast path. */
function slowNormal(bg: BitGen, idx: number, lo: number, x: number): number {
  if (idx === 0) return normalTail(bg, ((lo >>> 17) & 1) === 1);
  if (
    (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * bg.nextDouble() + FI_DOUBLE[idx] <
      Math.exp(-0.5 * x * x)
  ) {
    return x;
  }
  return standardNormal(bg);
}

/** A float in [0, 1): the top 24 bits of a 32-bit draw (NumPy's `next_float`). */
export function nextFloat(bg: BitGen): number {
  return (bg.next32() >>> 8) * 5.9604644775390625e-8;
}

/**
 * One standard normal draw (float32, from 32-bit draws). The tail (about 1 draw in 4,000) uses
 * double-precision `log1p` rounded to float32 where NumPy calls the C library's `log1pf`.
 */
export function standardNormalF(bg: BitGen): number {
  for (;;) {
    const r = bg.next32(), idx = r & 0xff;
    const rabs = (r >>> 9) & 0x7fffff;
    let x = Math.fround(rabs * WI_FLOAT[idx]);
    if ((r >>> 8) & 1) x = -x;
    if (rabs < KI_FLOAT[idx]) return x;
    if (idx === 0) {
      for (;;) {
        const xx = Math.fround(-NOR_INV_R_F * Math.fround(Math.log1p(-nextFloat(bg))));
        const yy = -Math.fround(Math.log1p(-nextFloat(bg)));
        if (Math.fround(yy + yy) > Math.fround(xx * xx)) {
          const v = Math.fround(NOR_R_F + xx);
          return (rabs >>> 8) & 1 ? -v : v;
        }
      }
    }
    const f = Math.fround(
      Math.fround(Math.fround(FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * nextFloat(bg)) + FI_FLOAT[idx],
    );
    if (f < Math.exp(-0.5 * x * x)) return x;
  }
}

/** One standard exponential draw (float64). */
export function standardExponential(bg: BitGen): number {
  for (;;) {
    bg.next64();
    // ri = draw >> 3; idx = ri & 0xff; ri >>= 8: bits 11..63 (53 bits)
    const lo = bg.lo, hi = bg.hi;
    const idx = (lo >>> 3) & 0xff;
    const ri = hi * 2097152 + (lo >>> 11);
    const x = ri * WE_DOUBLE[idx];
    if (ri < KE_DOUBLE[idx]) return x;
    if (idx === 0) return EXP_R - glibcLog1p(-bg.nextDouble());
    if ((FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * bg.nextDouble() + FE_DOUBLE[idx] < Math.exp(-x)) {
      return x;
    }
  }
}
