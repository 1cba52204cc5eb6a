/**
 * Bounded random integers as NumPy draws them (`random_bounded_uint64_fill` and its 32/16/8-bit
 * and bool siblings): a value in [0, rng] is drawn either with Lemire's multiply-and-reject
 * method (Generator) or by masking to the smallest covering power of two and rejecting
 * (legacy RandomState), then added to the offset modulo 2^bits. Ranges that fit in 32 bits
 * use 32-bit draws; 16-, 8- and 1-bit types cut each 32-bit draw into pieces.
 *
 * @module
 */

import type { BitGen } from "./_bitgen.ts";
import { TWO32 } from "./_bitgen.ts";

const MASK64 = (1n << 64n) - 1n;

/** The smallest 2^k - 1 at least `x` (x < 2³²). */
function mask32(x: number): number {
  let m = x >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

/** High 32 bits of x·y for 32-bit x, y. */
function mulHi32(x: number, y: number): number {
  const t = x * (y & 0xffff), u = x * (y >>> 16);
  return Math.floor((u + Math.floor(t / 65536)) / 65536);
}

/** Lemire's method on a 32-bit range [0, rng], rng < 2³² - 1. */
function lemire32(bg: BitGen, rng: number): number {
  const excl = rng + 1;
  let x = bg.next32();
  let left = Math.imul(x, excl) >>> 0;
  if (left < excl) {
    const threshold = (TWO32 - excl) % excl;
    while (left < threshold) {
      x = bg.next32();
      left = Math.imul(x, excl) >>> 0;
    }
  }
  return mulHi32(x, excl);
}

function masked32(bg: BitGen, rng: number, mask: number): number {
  let v: number;
  while ((v = (bg.next32() & mask) >>> 0) > rng);
  return v;
}

function lemire64(bg: BitGen, rng: bigint): bigint {
  const excl = rng + 1n;
  bg.next64();
  let m = ((BigInt(bg.hi) << 32n) | BigInt(bg.lo)) * excl;
  let left = m & MASK64;
  if (left < excl) {
    const threshold = (MASK64 - rng) % excl;
    while (left < threshold) {
      bg.next64();
      m = ((BigInt(bg.hi) << 32n) | BigInt(bg.lo)) * excl;
      left = m & MASK64;
    }
  }
  return m >> 64n;
}

function masked64(bg: BitGen, rng: bigint, mask: bigint): bigint {
  for (;;) {
    bg.next64();
    const v = ((BigInt(bg.hi) << 32n) | BigInt(bg.lo)) & mask;
    if (v <= rng) return v;
  }
}

/**
 * `n` draws in [off, off + rng] (64-bit, wrapping) as pairs of 32-bit words, low first:
 * NumPy's `random_bounded_uint64_fill`.
 */
export function boundedFill64(
  bg: BitGen,
  off: bigint,
  rng: bigint,
  n: number,
  masked: boolean,
): Uint32Array {
  const out = new Uint32Array(2 * n);
  const offLo = Number(off & 0xffffffffn), offHi = Number((off >> 32n) & 0xffffffffn);
  const put = (i: number, lo: number, hi: number) => {
    const s = offLo + lo;
    out[2 * i] = s >>> 0;
    out[2 * i + 1] = (offHi + hi + (s >= TWO32 ? 1 : 0)) >>> 0;
  };
  if (rng === 0n) {
    for (let i = 0; i < n; i++) put(i, 0, 0);
  } else if (rng <= 0xffffffffn) {
    const r = Number(rng);
    if (r === 0xffffffff) { for (let i = 0; i < n; i++) put(i, bg.next32(), 0); }
    else if (masked) {
      const m = mask32(r);
      for (let i = 0; i < n; i++) put(i, masked32(bg, r, m), 0);
    } else for (let i = 0; i < n; i++) put(i, lemire32(bg, r), 0);
  } else if (rng === MASK64) {
    for (let i = 0; i < n; i++) {
      bg.next64();
      put(i, bg.lo, bg.hi);
    }
  } else {
    let mask = rng;
    for (let s = 1n; s <= 32n; s <<= 1n) mask |= mask >> s;
    for (let i = 0; i < n; i++) {
      const v = masked ? masked64(bg, rng, mask) : lemire64(bg, rng);
      put(i, Number(v & 0xffffffffn), Number(v >> 32n));
    }
  }
  return out;
}

/** `n` draws in [off, off + rng] modulo 2³² (NumPy's `random_bounded_uint32_fill`). */
export function boundedFill32(
  bg: BitGen,
  off: number,
  rng: number,
  n: number,
  masked: boolean,
): Uint32Array {
  const out = new Uint32Array(n);
  if (rng === 0) out.fill(off);
  else if (rng === 0xffffffff) { for (let i = 0; i < n; i++) out[i] = off + bg.next32(); }
  else if (masked) {
    const m = mask32(rng);
    for (let i = 0; i < n; i++) out[i] = off + masked32(bg, rng, m);
  } else for (let i = 0; i < n; i++) out[i] = off + lemire32(bg, rng);
  return out;
}

/** One draw in [0, rng] for rng < 2³² (NumPy's `random_bounded_uint32` for one element). */
export function bounded32(bg: BitGen, rng: number, masked: boolean): number {
  if (rng === 0) return 0;
  if (rng === 0xffffffff) return bg.next32();
  return masked ? masked32(bg, rng, mask32(rng)) : lemire32(bg, rng);
}

/**
 * Bounded draws for 16-, 8- and 1-bit types one at a time, cutting each 32-bit draw into 2, 4
 * or 32 pieces; the buffer carries over from one draw to the next, as NumPy's `bcnt`/`buf` do
 * within a call. The broadcast path uses it (each element has its own range);
 * {@link boundedFillSmall} is the same algorithm for one fixed range, with the range's work
 * (mask, threshold) hoisted out of its loops.
 */
export class PieceDraws {
  private buf = 0;
  private cnt = 0;
  private readonly top: number;
  private readonly per: number;

  constructor(private readonly bg: BitGen, private readonly bits: 16 | 8 | 1) {
    this.top = bits === 1 ? 1 : (1 << bits) - 1;
    this.per = bits === 16 ? 1 : bits === 8 ? 3 : 31;
  }

  /** The next piece (NumPy's `buffered_uint16` and siblings). */
  piece(): number {
    if (this.cnt === 0) {
      this.buf = this.bg.next32();
      this.cnt = this.per;
    } else {
      this.buf >>>= this.bits;
      this.cnt--;
    }
    return this.buf & this.top;
  }

  /** One draw in [0, rng], rng < 2^bits: no piece for 0, a raw piece for the full range. */
  bounded(rng: number, masked: boolean): number {
    const top = this.top;
    if (rng === 0) return 0;
    if (rng === top) return this.piece();
    if (masked) {
      const m = mask32(rng);
      let v: number;
      while ((v = this.piece() & m) > rng);
      return v;
    }
    const excl = rng + 1;
    let m = this.piece() * excl;
    let left = m & top;
    if (left < excl) {
      const threshold = (top - rng) % excl;
      while (left < threshold) {
        m = this.piece() * excl;
        left = m & top;
      }
    }
    return m >>> this.bits;
  }
}

/**
 * `n` draws in [off, off + rng] modulo 2^bits for bits = 16, 8 or 1 (bool), cutting 32-bit draws
 * into 2, 4 or 32 pieces (NumPy's buffered `random_bounded_uint16_fill` and siblings).
 */
export function boundedFillSmall(
  bg: BitGen,
  bits: 16 | 8 | 1,
  off: number,
  rng: number,
  n: number,
  masked: boolean,
): Uint32Array {
  const out = new Uint32Array(n);
  const top = bits === 1 ? 1 : (1 << bits) - 1;
  let buf = 0, cnt = 0;
  const piece = (): number => {
    if (cnt === 0) {
      buf = bg.next32();
      cnt = bits === 16 ? 1 : bits === 8 ? 3 : 31;
    } else {
      buf >>>= bits;
      cnt--;
    }
    return buf & top;
  };
  if (bits === 1) {
    for (let i = 0; i < n; i++) out[i] = rng === 0 ? off : piece();
    return out;
  }
  const mod = top + 1;
  if (rng === 0) out.fill(off);
  else if (rng === top) { for (let i = 0; i < n; i++) out[i] = (off + piece()) % mod; }
  else if (masked) {
    const m = mask32(rng);
    for (let i = 0; i < n; i++) {
      let v: number;
      while ((v = piece() & m) > rng);
      out[i] = (off + v) % mod;
    }
  } else {
    const excl = rng + 1;
    for (let i = 0; i < n; i++) {
      let m = piece() * excl;
      let left = m & top;
      if (left < excl) {
        const threshold = (top - rng) % excl;
        while (left < threshold) {
          m = piece() * excl;
          left = m & top;
        }
      }
      out[i] = (off + (m >>> bits)) % mod;
    }
  }
  return out;
}

/** A uniform index in [0, max] by masked rejection (NumPy's `random_interval`, for shuffles). */
export function randomInterval(bg: BitGen, max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) {
    const m = mask32(max);
    let v: number;
    while ((v = (bg.next32() & m) >>> 0) > max);
    return v;
  }
  let mask = BigInt(max);
  for (let s = 1n; s <= 32n; s <<= 1n) mask |= mask >> s;
  return Number(masked64(bg, BigInt(max), mask));
}

/** A uniform value in [0, max] by Lemire's method (NumPy's `random_bounded_uint64(0, max)`). */
export function boundedIndex(bg: BitGen, max: number): number {
  if (max === 0) return 0;
  if (max < 0xffffffff) return lemire32(bg, max);
  if (max === 0xffffffff) return bg.next32();
  return Number(lemire64(bg, BigInt(max)));
}
