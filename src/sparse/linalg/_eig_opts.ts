/**
 * Option handling shared by `eigsh` and `svds`: the starting vector, the random generator
 * and the integer options.
 *
 * @module
 */

import type { ArrayLike } from "../../core/_array_like.ts";
import { toArray } from "../../core/asarray.ts";
import { isComplex } from "../../core/dtype.ts";
import { fmtShape } from "../../core/shape.ts";
import { defaultRng, type Generator } from "../../random/generator.ts";
import { toFloat64 } from "./_operator.ts";

/** A seed or an nd Generator (SciPy's `rng`). */
export type RngLike = number | Generator;

/** The Generator for `rng` (seed 0 when omitted, so results are reproducible). */
export function generatorOf(rng: RngLike | undefined, where: string): Generator {
  if (rng === undefined) return defaultRng(0);
  if (typeof rng === "number") {
    if (!Number.isInteger(rng) || rng < 0) {
      throw new RangeError(
        `${where}: rng must be a non-negative integer seed or a Generator, got ${rng}`,
      );
    }
    return defaultRng(rng);
  }
  if (typeof rng !== "object" || rng === null || typeof rng.uniform !== "function") {
    throw new TypeError(
      `${where}: rng must be a non-negative integer seed or a Generator, got ${typeof rng}`,
    );
  }
  return rng;
}

/** The starting vector: `v0` checked to have `n` real entries, not all zero. */
export function startVector(v0: ArrayLike, n: number, where: string): Float64Array {
  const a = toArray(v0, where);
  if (isComplex(a.dtype)) {
    throw new TypeError(`${where}: complex v0 is not supported, got dtype ${a.dtype}`);
  }
  if (a.ndim !== 1 || a.shape[0] !== n) {
    throw new TypeError(`${where}: v0 must have shape [${n}], got ${fmtShape(a.shape)}`);
  }
  const v = toFloat64(a);
  if (!v.some((x) => x !== 0)) throw new RangeError(`${where}: v0 must not be zero`);
  if (!v.every(Number.isFinite)) throw new RangeError(`${where}: v0 must be finite`);
  return v;
}

/** An integer option in `[lo, hi]` (`what` describes the range in the message). */
export function intIn(
  v: unknown,
  lo: number,
  hi: number,
  name: string,
  what: string,
  where: string,
): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi) {
    throw new RangeError(
      `${where}: ${name} must be an integer satisfying ${what}, got ${String(v)}`,
    );
  }
  return v;
}
