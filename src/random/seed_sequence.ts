/**
 * `SeedSequence`: NumPy's seeding algorithm (O'Neill's seed_seq design as NumPy implements
 * it): the seed's 32-bit words are hashed into a pool of four words, from which any number
 * of well-mixed state words are drawn.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";

const INIT_A = 0x43b0d7e5, MULT_A = 0x931e8875, INIT_B = 0x8b51f9dd, MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd, MIX_MULT_R = 0x4973f715;

/** What a seed may be: a non-negative integer, or an array of them (any nesting). */
export type SeedLike = number | bigint | readonly SeedLike[] | Uint32Array;

/** Options of {@link SeedSequence}. */
export interface SeedSequenceOpts {
  /** Extra words identifying a spawned child (default none). */
  spawnKey?: readonly (number | bigint)[];
  /** Size of the entropy pool in 32-bit words (default 4). */
  poolSize?: number;
}

/**
 * The 32-bit words (least significant first) of a non-negative integer seed, or of each
 * element of an array seed in turn, as NumPy's `_coerce_to_uint32_array` makes them.
 */
export function seedWords(seed: SeedLike, where: string): number[] {
  if (seed instanceof Uint32Array) return Array.from(seed);
  if (Array.isArray(seed)) return seed.flatMap((s) => seedWords(s, where));
  if (typeof seed === "number") {
    if (!Number.isInteger(seed)) {
      throw new TypeError(`${where}: seed must be an integer, got ${seed}`);
    }
    if (!Number.isSafeInteger(seed)) {
      throw new RangeError(
        `${where}: seed ${seed} is not a safe integer: pass it as a bigint`,
      );
    }
    seed = BigInt(seed);
  }
  if (typeof seed !== "bigint") {
    throw new TypeError(
      `${where}: seed must be a non-negative integer or an array of them, got ${
        seed === null ? "null" : typeof seed
      }`,
    );
  }
  if (seed < 0n) throw new RangeError(`${where}: seed must be non-negative, got ${seed}`);
  const words: number[] = [];
  let n = seed;
  do {
    words.push(Number(n & 0xffffffffn));
    n >>= 32n;
  } while (n > 0n);
  return words;
}

function hashmix(value: number, hash: { c: number }): number {
  value = (value ^ hash.c) >>> 0;
  hash.c = Math.imul(hash.c, MULT_A) >>> 0;
  value = Math.imul(value, hash.c) >>> 0;
  return (value ^ (value >>> 16)) >>> 0;
}

function mix(x: number, y: number): number {
  const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
  return (r ^ (r >>> 16)) >>> 0;
}

/**
 * NumPy's `SeedSequence`: hashes a seed (an integer, a bigint or an array of them) into an
 * entropy pool and draws state words from it. `defaultRng(seed)` seeds PCG64 from
 * `new SeedSequence(seed).generateState(4, { dtype: "uint64" })`, as NumPy does.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const words = new nd.random.SeedSequence(0).generateState(2).toArray();
 * assert.deepEqual(words, [2968811710, 3677149159]); // np.random.SeedSequence(0).generate_state(2)
 * ```
 */
export class SeedSequence {
  /** The seed as given (an integer drawn from the OS when none was). */
  readonly entropy: bigint | readonly SeedLike[] | number;
  /** The spawn key (empty unless this sequence was spawned). */
  readonly spawnKey: readonly (number | bigint)[];
  /** Size of the pool in 32-bit words. */
  readonly poolSize: number;
  /** The mixed entropy pool. */
  readonly pool: Uint32Array;
  #spawned = 0;

  /** Hashes `entropy` (fresh OS entropy when omitted) into the pool. */
  constructor(entropy?: SeedLike, opts: SeedSequenceOpts = {}) {
    const poolSize = opts.poolSize ?? 4;
    if (!Number.isInteger(poolSize) || poolSize < 4) {
      throw new RangeError(`SeedSequence: poolSize must be an integer >= 4, got ${poolSize}`);
    }
    if (entropy === undefined) {
      const w = crypto.getRandomValues(new Uint32Array(4));
      entropy = w.reduce((acc, x, i) => acc | (BigInt(x) << BigInt(32 * i)), 0n);
    }
    const run = seedWords(entropy, "SeedSequence");
    const spawnKey = opts.spawnKey ?? [];
    const spawn = seedWords(spawnKey as SeedLike, "SeedSequence");
    // NumPy pads the run entropy to the pool size only when there is a spawn key (gh-16539).
    while (spawn.length > 0 && run.length < poolSize) run.push(0);
    this.entropy = entropy instanceof Uint32Array ? Array.from(entropy) : entropy;
    this.spawnKey = spawnKey.slice();
    this.poolSize = poolSize;
    this.pool = mixEntropy(poolSize, [...run, ...spawn]);
  }

  /** `nWords` state words as a Uint32Array (the uint32 form of {@link generateState}). */
  words(nWords: number): Uint32Array {
    const out = new Uint32Array(nWords);
    let hash = INIT_B;
    for (let i = 0; i < nWords; i++) {
      let v = this.pool[i % this.poolSize];
      v = (v ^ hash) >>> 0;
      hash = Math.imul(hash, MULT_B) >>> 0;
      v = Math.imul(v, hash) >>> 0;
      out[i] = (v ^ (v >>> 16)) >>> 0;
    }
    return out;
  }

  /**
   * `nWords` words of state drawn from the pool: uint32 words, or uint64 words made of pairs of
   * them (low word first), as NumPy's `generate_state`.
   */
  generateState(
    nWords: number,
    opts: { dtype?: "uint32" | "uint64" } = {},
  ): NDArray<"uint32" | "uint64"> {
    if (!Number.isInteger(nWords) || nWords < 0) {
      throw new RangeError(
        `generateState: nWords must be a non-negative integer, got ${nWords}`,
      );
    }
    const dtype = opts.dtype ?? "uint32";
    if (dtype === "uint32") return new NDArray("uint32", this.words(nWords), [nWords]);
    if (dtype !== "uint64") {
      throw new TypeError(`generateState: dtype must be "uint32" or "uint64", got ${dtype}`);
    }
    const w = this.words(2 * nWords);
    return new NDArray("uint64", new BigUint64Array(w.buffer), [nWords]);
  }

  /** `n` independent child sequences (the same entropy, spawn keys extended by 0, 1, ...). */
  spawn(n: number): SeedSequence[] {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`spawn: n must be a non-negative integer, got ${n}`);
    }
    const out: SeedSequence[] = [];
    for (let i = 0; i < n; i++) {
      out.push(
        new SeedSequence(this.entropy as SeedLike, {
          spawnKey: [...this.spawnKey, this.#spawned + i],
          poolSize: this.poolSize,
        }),
      );
    }
    this.#spawned += n;
    return out;
  }
}

function mixEntropy(poolSize: number, entropy: readonly number[]): Uint32Array {
  const pool = new Uint32Array(poolSize);
  const hash = { c: INIT_A };
  for (let i = 0; i < poolSize; i++) {
    pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hash);
  }
  for (let src = 0; src < poolSize; src++) {
    for (let dst = 0; dst < poolSize; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src], hash));
    }
  }
  for (let src = poolSize; src < entropy.length; src++) {
    for (let dst = 0; dst < poolSize; dst++) {
      pool[dst] = mix(pool[dst], hashmix(entropy[src], hash));
    }
  }
  return pool;
}
