/**
 * Estimator classes of the CP decompositions (TensorLy's `CP`, `CP_NN`, `CP_NN_HALS`,
 * `RandomizedCP`): the rank and options are given once, `fitTransform(t)` decomposes, and
 * the last result stays in `decomposition` with its `errors`.
 *
 * @module
 */

import type { ArrayLike } from "../core/_array_like.ts";
import type { CPResult } from "./cp_result.ts";
import { parafac, type ParafacOpts } from "./parafac.ts";
import { nonNegativeParafac, type NonNegativeParafacOpts } from "./non_negative_parafac.ts";
import {
  nonNegativeParafacHals,
  type NonNegativeParafacHalsOpts,
} from "./non_negative_parafac_hals.ts";
import { randomisedParafac, type RandomisedParafacOpts } from "./randomised_parafac.ts";
import { checkRank } from "./_cp_opts.ts";

/**
 * CP decomposition by alternating least squares as an estimator: {@link parafac} with the
 * rank and options given at construction.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.randomCp([5, 6, 7], 2, { rng: 3, full: true }) as nd.NDArray;
 * const model = new nd.decomposition.CP(2, { nIterMax: 300, tol: 1e-12 });
 * assert.equal(model.decomposition, null);
 * const cp = model.fitTransform(t);
 * assert.equal(model.decomposition, cp);
 * assert.equal(model.errors, cp.errors);
 * assert.ok(model.errors.at(-1)! < 1e-5);
 * ```
 */
export class CP {
  /** The number of components. */
  readonly rank: number;
  /** The options passed to {@link parafac}. */
  readonly opts: Readonly<ParafacOpts>;
  #last: CPResult | null = null;

  /** An estimator of `rank` components. */
  constructor(rank: number, opts: ParafacOpts = {}) {
    this.rank = checkRank(rank, "CP");
    this.opts = { ...opts };
  }

  /** Decomposes `t`, keeps and returns the result. */
  fitTransform(t: ArrayLike): CPResult {
    return (this.#last = parafac(t, this.rank, this.opts));
  }

  /** The last decomposition (null before the first fit). */
  get decomposition(): CPResult | null {
    return this.#last;
  }

  /** The last decomposition's relative errors per iteration (empty before the first fit). */
  get errors(): readonly number[] {
    return this.#last?.errors ?? [];
  }

  /** `Rank-R CP decomposition.` as TensorLy prints it. */
  toString(): string {
    return `Rank-${this.rank} CP decomposition.`;
  }
}

/**
 * Non-negative CP decomposition by multiplicative updates as an estimator
 * ({@link nonNegativeParafac}).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.randomCp([6, 3, 12], 2, { rng: 4, full: true }) as nd.NDArray;
 * const model = new nd.decomposition.NonNegativeCP(2, { nIterMax: 200 });
 * const cp = model.fitTransform(t);
 * assert.ok(cp.factors.every((f) => (nd.min(f).item() as number) >= 0));
 * assert.equal(model.errors.length, cp.nIter);
 * ```
 */
export class NonNegativeCP {
  /** The number of components. */
  readonly rank: number;
  /** The options passed to {@link nonNegativeParafac}. */
  readonly opts: Readonly<NonNegativeParafacOpts>;
  #last: CPResult | null = null;

  /** An estimator of `rank` components. */
  constructor(rank: number, opts: NonNegativeParafacOpts = {}) {
    this.rank = checkRank(rank, "NonNegativeCP");
    this.opts = { ...opts };
  }

  /** Decomposes `t`, keeps and returns the result. */
  fitTransform(t: ArrayLike): CPResult {
    return (this.#last = nonNegativeParafac(t, this.rank, this.opts));
  }

  /** The last decomposition (null before the first fit). */
  get decomposition(): CPResult | null {
    return this.#last;
  }

  /** The last decomposition's relative errors per iteration (empty before the first fit). */
  get errors(): readonly number[] {
    return this.#last?.errors ?? [];
  }

  /** A one-line description. */
  toString(): string {
    return `Rank-${this.rank} Non-Negative CP decomposition.`;
  }
}

/**
 * Non-negative CP decomposition by HALS as an estimator ({@link nonNegativeParafacHals}).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.randomCp([6, 3, 12], 2, { rng: 4, full: true }) as nd.NDArray;
 * const model = new nd.decomposition.NonNegativeCPHals(2, { nIterMax: 100 });
 * const cp = model.fitTransform(t);
 * assert.ok(cp.factors.every((f) => (nd.min(f).item() as number) >= 0));
 * assert.ok(model.errors.at(-1)! < 0.07);
 * ```
 */
export class NonNegativeCPHals {
  /** The number of components. */
  readonly rank: number;
  /** The options passed to {@link nonNegativeParafacHals}. */
  readonly opts: Readonly<NonNegativeParafacHalsOpts>;
  #last: CPResult | null = null;

  /** An estimator of `rank` components. */
  constructor(rank: number, opts: NonNegativeParafacHalsOpts = {}) {
    this.rank = checkRank(rank, "NonNegativeCPHals");
    this.opts = { ...opts };
  }

  /** Decomposes `t`, keeps and returns the result. */
  fitTransform(t: ArrayLike): CPResult {
    return (this.#last = nonNegativeParafacHals(t, this.rank, this.opts));
  }

  /** The last decomposition (null before the first fit). */
  get decomposition(): CPResult | null {
    return this.#last;
  }

  /** The last decomposition's relative errors per iteration (empty before the first fit). */
  get errors(): readonly number[] {
    return this.#last?.errors ?? [];
  }

  /** A one-line description. */
  toString(): string {
    return `Rank-${this.rank} Non-Negative CP decomposition (HALS).`;
  }
}

/**
 * Randomised CP decomposition (sampled ALS) as an estimator ({@link randomisedParafac});
 * `nSamples` is part of the options.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.randomCp([8, 8, 8], 2, { rng: 5, full: true }) as nd.NDArray;
 * const model = new nd.decomposition.RandomisedCP(2, { nSamples: 40, rng: 1 });
 * const cp = model.fitTransform(t);
 * assert.deepEqual(cp.shape, [8, 8, 8]);
 * assert.ok(model.errors.at(-1)! < 0.05);
 * ```
 */
export class RandomisedCP {
  /** The number of components. */
  readonly rank: number;
  /** The options passed to {@link randomisedParafac}. */
  readonly opts: Readonly<RandomisedParafacOpts>;
  #last: CPResult | null = null;

  /** An estimator of `rank` components drawing `opts.nSamples` rows per update. */
  constructor(rank: number, opts: RandomisedParafacOpts) {
    this.rank = checkRank(rank, "RandomisedCP");
    if (typeof opts !== "object" || opts === null) {
      throw new TypeError(`RandomisedCP: options with nSamples are required, got ${String(opts)}`);
    }
    this.opts = { ...opts };
  }

  /** Decomposes `t`, keeps and returns the result. */
  fitTransform(t: ArrayLike): CPResult {
    return (this.#last = randomisedParafac(t, this.rank, this.opts));
  }

  /** The last decomposition (null before the first fit). */
  get decomposition(): CPResult | null {
    return this.#last;
  }

  /** The last decomposition's relative errors per iteration (empty before the first fit). */
  get errors(): readonly number[] {
    return this.#last?.errors ?? [];
  }

  /** A one-line description. */
  toString(): string {
    return `Rank-${this.rank} randomised CP decomposition.`;
  }
}
