/**
 * scikit-learn's `check_random_state` over nd's legacy `RandomState` (MT19937, bit-exact with
 * NumPy's): a seed gives `RandomState(seed)`, an instance is used as is, nothing means the
 * global state behind `nd.random.seed` (NumPy's `np.random.mtrand._rand`).
 *
 * @module
 */

import { RandomState } from "../random/random_state.ts";
import { globalState } from "../random/legacy.ts";
import { describe } from "./_validation.ts";

/** What a `randomState` option accepts: a seed, a RandomState, or null for the global one. */
export type RandomStateLike = number | RandomState | null;

/** The RandomState `rs` stands for (see {@linkcode RandomStateLike}). */
export function checkRandomState(rs: RandomStateLike | undefined, name: string): RandomState {
  if (rs === null || rs === undefined) return globalState();
  if (rs instanceof RandomState) return rs;
  if (typeof rs === "number" && Number.isInteger(rs) && rs >= 0 && rs < 2 ** 32) {
    return new RandomState(rs);
  }
  throw new TypeError(
    `${name}: randomState must be an integer seed in [0, 2**32), an nd.random.RandomState or ` +
      `null, got ${describe(rs)}`,
  );
}

/** `rs.permutation(n)` as numbers. */
export function permutation(rs: RandomState, n: number): Float64Array {
  const p = rs.permutation(n).data as BigInt64Array;
  return Float64Array.from(p, (v) => Number(v));
}

/** NumPy's legacy `choice(n, size, replace=False)`: the first `size` of a permutation. */
export function choiceWithoutReplacement(rs: RandomState, n: number, size: number): Float64Array {
  return permutation(rs, n).subarray(0, size);
}
