/**
 * The interface the distributions draw from, implemented by {@link PCG64} and {@link MT19937}
 * (NumPy's `bitgen_t`).
 *
 * @module
 */

/** A source of raw random bits. */
export interface BitGen {
  /** Low 32 bits of the last `next64()` draw. */
  lo: number;
  /** High 32 bits of the last `next64()` draw. */
  hi: number;
  /** Draws 64 bits into `lo` and `hi` (NumPy's `next_uint64`). */
  next64(): void;
  /** Draws 32 bits (NumPy's `next_uint32`). */
  next32(): number;
  /** A double in [0, 1) (NumPy's `next_double`). */
  nextDouble(): number;
  /** Fills `out[start .. start + n)` with `nextDouble()` draws. */
  fillDoubles(out: Float64Array, start: number, n: number): void;
}

/** 2⁻⁵³. */
export const TWO_M53 = 1.1102230246251565e-16;
/** 2³². */
export const TWO32 = 4294967296;
