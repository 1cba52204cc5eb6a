/**
 * `MT19937`: the Mersenne Twister with NumPy's legacy seeding (`np.random.seed`,
 * `RandomState(seed)`): an integer seed fills the state with Knuth's `init_genrand` recurrence,
 * an array seed goes through `init_by_array`.
 *
 * @module
 */

import type { BitGen } from "./_bitgen.ts";

const N = 624, M = 397, MATRIX_A = 0x9908b0df;

/** A legacy seed: an integer in [0, 2³² - 1], or a non-empty array of them. */
export type LegacySeed = number | bigint | readonly (number | bigint)[];

/** The state of an {@link MT19937}, in NumPy's `bit_generator.state` layout. */
export interface MT19937State {
  /** The bit generator's name. */
  bitGenerator: "MT19937";
  /** The 624 state words and the position of the next one to temper. */
  state: { key: Uint32Array; pos: number };
}

function word(where: string, v: unknown): number {
  const n = typeof v === "bigint" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw new TypeError(
      `${where}: seed must be an integer or an array of integers, got ${String(v)}`,
    );
  }
  if (n < 0 || n > 0xffffffff) {
    throw new RangeError(`${where}: seed must be between 0 and 2**32 - 1, got ${String(v)}`);
  }
  return n;
}

/**
 * NumPy's `MT19937` bit generator as `RandomState` uses it. `next64` is two 32-bit draws, high
 * word first; `nextDouble` is `((a >> 5)·2²⁶ + (b >> 6)) / 2⁵³` from two draws.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const mt = new nd.random.MT19937(0);
 * assert.equal(mt.next32(), 2357136044); // the first word of np.random.MT19937 seeded by np.random.seed(0)
 * ```
 */
export class MT19937 implements BitGen {
  /** Low half of the last 64-bit draw. */
  lo = 0;
  /** High half of the last 64-bit draw. */
  hi = 0;
  #key = new Uint32Array(N);
  #pos = N;

  /** Seeds as `np.random.seed(seed)` does (OS entropy when omitted). */
  constructor(seed?: LegacySeed) {
    this.seed(seed);
  }

  /** Re-seeds: `init_genrand(seed)` for an integer, `init_by_array(seed)` for an array. */
  seed(seed?: LegacySeed): void {
    if (seed === undefined) {
      this.#initByArray(Array.from(crypto.getRandomValues(new Uint32Array(N))));
    } else if (Array.isArray(seed)) {
      if (seed.length === 0) throw new RangeError("seed: seed array must not be empty");
      this.#initByArray(seed.map((s) => word("seed", s)));
    } else this.#initGenrand(word("seed", seed));
  }

  #initGenrand(s: number): void {
    const key = this.#key;
    for (let i = 0; i < N; i++) {
      key[i] = s;
      const x = (s ^ (s >>> 30)) >>> 0;
      // 1812433253·x + i + 1 mod 2³²
      s = (Math.imul(1812433253, x) + i + 1) >>> 0;
    }
    this.#pos = N;
  }

  #initByArray(init: readonly number[]): void {
    const mt = this.#key, len = init.length;
    this.#initGenrand(19650218);
    let i = 1, j = 0;
    for (let k = Math.max(N, len); k > 0; k--) {
      const prev = (mt[i - 1] ^ (mt[i - 1] >>> 30)) >>> 0;
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) >>> 0) + init[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = (mt[i - 1] ^ (mt[i - 1] >>> 30)) >>> 0;
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) >>> 0) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.#pos = N;
  }

  #generate(): void {
    const key = this.#key;
    let i = 0, y: number;
    for (; i < N - M; i++) {
      y = (key[i] & 0x80000000) | (key[i + 1] & 0x7fffffff);
      key[i] = key[i + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; i < N - 1; i++) {
      y = (key[i] & 0x80000000) | (key[i + 1] & 0x7fffffff);
      key[i] = key[i + M - N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (key[N - 1] & 0x80000000) | (key[0] & 0x7fffffff);
    key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.#pos = 0;
  }

  /** The state in NumPy's layout (a copy). */
  get state(): MT19937State {
    return { bitGenerator: "MT19937", state: { key: this.#key.slice(), pos: this.#pos } };
  }

  /** Restores a state from {@link state} (or NumPy's `get_state()` key and pos). */
  set state(st: MT19937State) {
    const key = st?.state?.key, pos = st?.state?.pos;
    if (st?.bitGenerator !== "MT19937" || !key || key.length !== N || !(pos >= 0 && pos <= N)) {
      throw new TypeError(
        'MT19937: state must be {bitGenerator: "MT19937", state: {key (624 words), pos}}',
      );
    }
    this.#key.set(key);
    this.#pos = pos;
  }

  /** The next 32-bit output (tempered). */
  next32(): number {
    if (this.#pos === N) this.#generate();
    let y = this.#key[this.#pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    return (y ^ (y >>> 18)) >>> 0;
  }

  /** Two outputs as one 64-bit draw, the first one high. */
  next64(): void {
    this.hi = this.next32();
    this.lo = this.next32();
  }

  /** A double in [0, 1) with 53 random bits from two outputs. */
  nextDouble(): number {
    const a = this.next32() >>> 5, b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Fills `out[start .. start + n)` with {@link nextDouble} draws. */
  fillDoubles(out: Float64Array, start: number, n: number): void {
    for (let i = start, end = start + n; i < end; i++) {
      const a = this.next32() >>> 5, b = this.next32() >>> 6;
      out[i] = (a * 67108864 + b) / 9007199254740992;
    }
  }
}
