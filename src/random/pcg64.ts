/**
 * `PCG64`: O'Neill's permuted congruential generator with a 128-bit state and the XSL-RR
 * output, seeded as NumPy seeds it, so the same seed gives NumPy's stream bit for bit.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { checkShape, shapeSize } from "../core/shape.ts";
import type { BitGen } from "./_bitgen.ts";
import { TWO32, TWO_M53 } from "./_bitgen.ts";
import { CHUNK, fourStepIncrement, OUT, PCG_MULT, pcgKernel } from "./_pcg64_kernel.ts";
import { type SeedLike, SeedSequence } from "./seed_sequence.ts";

const MASK128 = (1n << 128n) - 1n;
/** Raw outputs generated ahead per refill of the single-draw buffer. */
const RAW = 1024;

/** The state of a {@link PCG64}, in NumPy's `bit_generator.state` layout. */
export interface PCG64State {
  /** The bit generator's name. */
  bitGenerator: "PCG64";
  /** The 128-bit LCG state and increment. */
  state: { state: bigint; inc: bigint };
  /** 1 when a 32-bit half of the last 64-bit draw is waiting to be used by `next32`. */
  hasUint32: 0 | 1;
  /** The waiting half. */
  uinteger: number;
}

function toWords(x: bigint, out: Uint32Array, at: number): void {
  for (let i = 0; i < 4; i++) out[at + i] = Number((x >> BigInt(32 * i)) & 0xffffffffn);
}

function fromWords(w: Uint32Array, at: number): bigint {
  let x = 0n;
  for (let i = 3; i >= 0; i--) x = (x << 32n) | BigInt(w[at + i]);
  return x;
}

/**
 * NumPy's `PCG64` bit generator. Seeded from a {@link SeedSequence}: four uint64 words
 * `[s0, s1, i0, i1]` give the initial state `s0·2⁶⁴ + s1` and increment `(i0·2⁶⁴ + i1)·2 + 1`
 * (NumPy's `pcg64_set_seed`). `next32` hands out the two halves of one 64-bit draw, low first,
 * as NumPy does.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const bg = new nd.random.PCG64(42);
 * assert.equal(bg.randomRaw(), 0xc621fbcd16d92688n); // np.random.PCG64(42).random_raw()
 * ```
 */
export class PCG64 implements BitGen {
  /** The seed sequence the state was drawn from. */
  readonly seedSeq: SeedSequence;
  /** Low half of the last 64-bit draw. */
  lo = 0;
  /** High half of the last 64-bit draw. */
  hi = 0;
  /** state (words 0..3), increment (4..7), four-step increment (8..11) */
  #st = new Uint32Array(12);
  /** The state before the first buffered output. */
  #base = new Uint32Array(4);
  #buf = new Uint32Array(2 * RAW);
  #pos = 0;
  #len = 0;
  #hasU32 = false;
  #u32 = 0;

  /** Seeds from an integer, an array of integers or a SeedSequence (OS entropy if omitted). */
  constructor(seed?: SeedLike | SeedSequence) {
    this.seedSeq = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    const w = this.seedSeq.words(8); // four uint64 words, low half first
    const u64 = (i: number) => (BigInt(w[2 * i + 1]) << 32n) | BigInt(w[2 * i]);
    const initState = (u64(0) << 64n) | u64(1);
    const initSeq = (u64(2) << 64n) | u64(3);
    const inc = ((initSeq << 1n) | 1n) & MASK128;
    let s = (inc * 1n) & MASK128; // step from state 0: 0·M + inc
    s = (s + initState) & MASK128;
    s = (s * PCG_MULT + inc) & MASK128;
    this.#setState(s, inc);
  }

  #setState(state: bigint, inc: bigint): void {
    /** One draw, or an array when a size is given. */
    toWords(state, this.#st, 0);
    /** One draw, or an array when a size is given. */
    toWords(inc, this.#st, 4);
    /** One draw, or an array when a size is given. */
    toWords(fourStepIncrement(inc), this.#st, 8);
    this.#pos = this.#len = 0;
  }

  /** The state in NumPy's layout (`bit_generator.state`). */
  get state(): PCG64State {
    const inc = fromWords(this.#st, 4);
    let s: bigint;
    if (this.#pos === this.#len) s = fromWords(this.#st, 0);
    else {
      s = fromWords(this.#base, 0);
      for (let i = 0; i < this.#pos; i++) s = (s * PCG_MULT + inc) & MASK128;
    }
    return {
      bitGenerator: "PCG64",
      state: { state: s, inc },
      hasUint32: this.#hasU32 ? 1 : 0,
      uinteger: this.#u32,
    };
  }

  /** Restores a state taken from {@link state} (or from NumPy's `bit_generator.state`). */
  set state(st: PCG64State) {
    const ok = st !== null && typeof st === "object" && st.bitGenerator === "PCG64" &&
      typeof st.state?.state === "bigint" && typeof st.state?.inc === "bigint";
    if (!ok) {
      throw new TypeError(
        'PCG64: state must be {bitGenerator: "PCG64", state: {state, inc} (bigints), ' +
          "hasUint32, uinteger}",
      );
    }
    this.#setState(st.state.state & MASK128, st.state.inc & MASK128);
    this.#hasU32 = st.hasUint32 === 1;
    this.#u32 = (st.uinteger ?? 0) >>> 0;
  }

  #refill(): void {
    const k = pcgKernel();
    this.#base.set(this.#st.subarray(0, 4));
    k.u32.set(this.#st, 0);
    k.raw(RAW);
    this.#st.set(k.u32.subarray(0, 4), 0);
    this.#buf.set(k.u32.subarray(OUT / 4, OUT / 4 + 2 * RAW));
    this.#pos = 0;
    this.#len = RAW;
  }

  /** Draws 64 bits into {@link lo} and {@link hi}. */
  next64(): void {
    if (this.#pos === this.#len) this.#refill();
    const p = 2 * this.#pos++;
    this.lo = this.#buf[p];
    this.hi = this.#buf[p + 1];
  }

  /** 32 bits: the low half of a fresh 64-bit draw, then its high half. */
  next32(): number {
    if (this.#hasU32) {
      this.#hasU32 = false;
      return this.#u32;
    }
    this.next64();
    this.#hasU32 = true;
    this.#u32 = this.hi;
    return this.lo;
  }

  /** A double in [0, 1): the top 53 bits of a 64-bit draw times 2⁻⁵³. */
  nextDouble(): number {
    this.next64();
    return (this.hi * 2097152 + (this.lo >>> 11)) * TWO_M53;
  }

  /** Fills `out[start .. start + n)` with doubles (the bulk path runs in WebAssembly). */
  fillDoubles(out: Float64Array, start: number, n: number): void {
    let i = start;
    const end = start + n;
    while (i < end && this.#pos < this.#len) out[i++] = this.nextDouble();
    if (i === end) return;
    const k = pcgKernel(), at = OUT / 8;
    k.u32.set(this.#st, 0);
    while (i < end) {
      const m = Math.min(CHUNK, end - i);
      k.dbl(m);
      out.set(k.f64.subarray(at, at + m), i);
      i += m;
    }
    this.#st.set(k.u32.subarray(0, 4), 0);
  }

  /** Fills `out` (pairs of words, low first) with `n` raw 64-bit draws. */
  fillRaw(out: Uint32Array, n: number): void {
    let i = 0;
    while (i < n && this.#pos < this.#len) {
      this.next64();
      out[2 * i] = this.lo;
      out[2 * i++ + 1] = this.hi;
    }
    if (i === n) return;
    const k = pcgKernel(), at = OUT / 4;
    k.u32.set(this.#st, 0);
    while (i < n) {
      const m = Math.min(CHUNK, n - i);
      k.raw(m);
      out.set(k.u32.subarray(at, at + 2 * m), 2 * i);
      i += m;
    }
    this.#st.set(k.u32.subarray(0, 4), 0);
  }

  /**
   * Raw 64-bit outputs (NumPy's `random_raw`): one bigint when `size` is omitted, else a uint64
   * array of that shape.
   */
  randomRaw(): bigint;
  /** Draws of the given shape. */
  randomRaw(size: number | readonly number[]): NDArray<"uint64">;
  randomRaw(size?: number | readonly number[]): bigint | NDArray<"uint64"> {
    if (size === undefined) {
      this.next64();
      return BigInt(this.hi) * BigInt(TWO32) + BigInt(this.lo);
    }
    const shape = checkShape(size, "randomRaw");
    const n = shapeSize(shape);
    const w = new Uint32Array(2 * n);
    this.fillRaw(w, n);
    return new NDArray("uint64", new BigUint64Array(w.buffer), shape);
  }
}
