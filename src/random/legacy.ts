/**
 * The legacy module-level functions (`np.random.seed`, `rand`, `randn`, `randint`, ...), all
 * drawing from one global {@link RandomState}, as NumPy's do.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { Size } from "./_common.ts";
import type { IntegerBound, IntegerScalar } from "./_integers.ts";
import type { LegacySeed } from "./mt19937.ts";
import { type RandintOpts, RandomState } from "./random_state.ts";

let global: RandomState | undefined;

/** The RandomState behind the module-level functions (seeded from the OS on first use). */
export function globalState(): RandomState {
  return global ??= new RandomState();
}

/**
 * Seeds the global RandomState like `np.random.seed(seed)`: an integer in [0, 2³² - 1] or an
 * array of them.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * nd.random.seed(0);
 * assert.equal(nd.random.rand(), 0.5488135039273248); // np.random.seed(0); np.random.rand()
 * ```
 */
export function seed(s?: LegacySeed): void {
  globalState().seed(s);
}

/**
 * Floats in [0, 1) of shape `dims` from the global RandomState (`rand()` is one number).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * nd.random.seed(0);
 * const x = nd.random.rand(2, 3);
 * assert.deepEqual(x.shape, [2, 3]);
 * ```
 */
export function rand(): number;
/** Draws of the given shape. */
export function rand(d0: number, ...dims: number[]): NDArray<"float64">;
export function rand(...dims: number[]): number | NDArray<"float64"> {
  return (globalState().rand as (...d: number[]) => number | NDArray<"float64">)(...dims);
}

/**
 * Standard normal draws of shape `dims` from the global RandomState (legacy polar method).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * nd.random.seed(0);
 * assert.equal(nd.random.randn(), 1.764052345967664); // np.random.seed(0); np.random.randn()
 * ```
 */
export function randn(): number;
/** Draws of the given shape. */
export function randn(d0: number, ...dims: number[]): NDArray<"float64">;
export function randn(...dims: number[]): number | NDArray<"float64"> {
  return (globalState().randn as (...d: number[]) => number | NDArray<"float64">)(...dims);
}

/**
 * Integers in [low, high) (or [0, low)) from the global RandomState (legacy masked rejection).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * nd.random.seed(0);
 * assert.equal(nd.random.randint(10), 5n); // np.random.seed(0); np.random.randint(10)
 * ```
 */
export function randint(
  low: IntegerBound,
  high?: IntegerBound | RandintOpts,
  opts?: RandintOpts,
): IntegerScalar | NDArray {
  return globalState().randint(low, high as IntegerBound | undefined, opts);
}

/** Floats in [0, 1) from the global RandomState (`np.random.random_sample`). */
export function randomSample(size?: Size): number | NDArray<"float64"> {
  return globalState().randomSample(size);
}
