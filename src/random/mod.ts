/**
 * `nd.random`: NumPy's random numbers, bit for bit. `defaultRng(seed)` is a {@link Generator}
 * on PCG64 seeded through {@link SeedSequence} exactly as `np.random.default_rng(seed)`; the
 * legacy API (`seed`, `rand`, `randn`, `randint`, {@link RandomState}) runs MT19937 with
 * NumPy's legacy seeding and samplers. The same seed and the same sequence of calls give
 * NumPy's numbers (checked against NumPy 2.4 in tests/random/).
 *
 * Without `size`, samplers return one JS number (a bigint for 64-bit integers) where NumPy
 * returns a scalar; with it, an NDArray.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const rng = nd.random.defaultRng(42);
 * assert.equal(rng.random(), 0.7739560485559633);
 * nd.random.seed(0);
 * assert.equal(nd.random.rand(), 0.5488135039273248);
 * ```
 *
 * @module
 */

export { defaultRng, Generator } from "./generator.ts";
export type { AxisOpts, FloatOpts, IntegersOpts, SampleOpts } from "./generator.ts";
export { RandomState } from "./random_state.ts";
export type { LegacySizeOpts, RandintOpts, RandomStateState } from "./random_state.ts";
export { rand, randint, randn, randomSample, seed } from "./legacy.ts";
export { PCG64 } from "./pcg64.ts";
export type { PCG64State } from "./pcg64.ts";
export { MT19937 } from "./mt19937.ts";
export type { LegacySeed, MT19937State } from "./mt19937.ts";
export { SeedSequence } from "./seed_sequence.ts";
export type { SeedLike, SeedSequenceOpts } from "./seed_sequence.ts";
export type { ChoiceOpts } from "./_choice.ts";
export type { IntegerBound, IntegerDType, IntegerScalar } from "./_integers.ts";
export type { Param, Size } from "./_common.ts";
export type { BitGen } from "./_bitgen.ts";
