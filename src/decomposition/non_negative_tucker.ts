/**
 * `nonNegativeTucker` and `NonNegativeTucker`: non-negative Tucker decomposition by
 * multiplicative updates (Kim & Choi 2007), after TensorLy's `non_negative_tucker`.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { matmul } from "../linalg/matmul.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { TuckerResult } from "./tucker_result.ts";
import type { RngLike } from "./random_tensors.ts";
import { checkRankLike, checkRanks, flat, multiModeProduct, workTensor } from "./_tucker_ops.ts";
import type { SvdMethod } from "./_tucker_svd.ts";
import { initTucker, type TuckerInit } from "./_tucker_init.ts";
import { checkNnTuckerOpts, nnTuckerSweeps } from "./_tucker_nn.ts";
import type { TuckerRank } from "./tucker.ts";

/** Options of {@link nonNegativeTucker} and {@link NonNegativeTucker}. */
export interface NonNegativeTuckerOpts {
  /** The most iterations (default 10, as TensorLy). */
  nIterMax?: number;
  /**
   * The starting point: `"svd"` (default: NNDSVDA of each unfolding's leading singular
   * vectors), `"random"` (uniform, seeded by `rng`), or a Tucker decomposition (absolute values
   * are taken).
   */
  init?: TuckerInit;
  /** Stop when the relative error changes by less than this (after at least 3 iterations; default 1e-4). */
  tol?: number;
  /** How the "svd" start computes singular vectors (default "symeig_svd", see `tucker`). */
  svd?: SvdMethod;
  /** The source of randomness for `init: "random"`. */
  rng?: RngLike;
  /** After each iteration, move the factors' column norms into the core (default false). */
  normalizeFactors?: boolean;
}

/** Multiplies `a` entrywise by max(num, eps) / max(den, eps), in place. */
function muStep(a: NDArray, num: NDArray, den: NDArray, eps: number): void {
  const x = flat(a), n = flat(num), d = flat(den);
  for (let i = 0; i < x.length; i++) x[i] *= Math.max(n[i], eps) / Math.max(d[i], eps);
}

/**
 * Non-negative Tucker decomposition by multiplicative updates (TensorLy's
 * `non_negative_tucker`): every factor, then the core, is multiplied entrywise by the ratio of
 * the negative and positive parts of its gradient (each clipped at 1e-11), which keeps every
 * entry ≥ 0 and never increases the error. The products over the tensor are formed as
 * `X ×ₘ Fₘᵀ` contracted with the core (never the Iₙ × ∏Rₘ matrix TensorLy builds), and the
 * error from small products. `rank` is one number for every mode or one per mode.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.random.defaultRng(0).random([5, 6, 7]).add(1);
 * const tk = nd.decomposition.nonNegativeTucker(t, 2, { nIterMax: 50 });
 * const errors = tk.errors;
 * assert.ok(nd.all(nd.greaterEqual(tk.core, 0)).item());
 * assert.ok(tk.factors.every((f) => nd.all(nd.greaterEqual(f, 0)).item()));
 * assert.ok(errors.at(-1)! <= errors[0] && errors.at(-1)! < 0.2);
 * ```
 */
export function nonNegativeTucker(
  t: ArrayLike,
  rank: TuckerRank,
  opts: NonNegativeTuckerOpts = {},
): TuckerResult {
  return nnTuckerImpl(t, rank, opts, "nonNegativeTucker");
}

function nnTuckerImpl(
  t: ArrayLike,
  rank: TuckerRank,
  opts: NonNegativeTuckerOpts,
  where: string,
): TuckerResult {
  const x = workTensor(t, where);
  const modes = x.shape.map((_, k) => k);
  const ranks = checkRanks(rank, x.shape, modes, where);
  const o = checkNnTuckerOpts(opts, { nIterMax: 10, tol: 1e-4 }, where);
  const eps = 1e-11;
  // The non-negative start is fresh arrays: the updates work on them in place.
  return nnTuckerSweeps(x, initTucker(x, ranks, modes, o, where), o, {
    factor(f, _mode, xb, btb) {
      muStep(f, xb, matmul(f, btb), eps);
      return f;
    },
    core(core, z, gramList) {
      muStep(core, z, multiModeProduct(core, gramList, false), eps);
      return core;
    },
  });
}

/**
 * Non-negative Tucker decomposition by multiplicative updates as an estimator (TensorLy's
 * `Tucker_NN`): `fitTransform(t)` runs {@link nonNegativeTucker} and keeps `decomposition`
 * and `errors`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const model = new nd.decomposition.NonNegativeTucker([2, 2], { nIterMax: 20 });
 * const tk = model.fitTransform(nd.random.defaultRng(1).random([6, 5]));
 * assert.deepEqual(tk.rank, [2, 2]);
 * assert.ok(model.errors.length > 0);
 * ```
 */
export class NonNegativeTucker {
  /** The rank given at construction. */
  readonly rank: TuckerRank;
  /** The options given at construction. */
  readonly opts: Readonly<NonNegativeTuckerOpts>;
  #last: TuckerResult | null = null;

  /** An estimator of the given rank and options. */
  constructor(rank: TuckerRank, opts: NonNegativeTuckerOpts = {}) {
    this.rank = checkRankLike(rank, "NonNegativeTucker");
    this.opts = { ...opts };
  }

  /** Decomposes `t`, keeps and returns the decomposition. */
  fitTransform(t: ArrayLike): TuckerResult {
    return (this.#last = nnTuckerImpl(t, this.rank, this.opts, "NonNegativeTucker.fitTransform"));
  }

  /** The last decomposition (null before the first fit). */
  get decomposition(): TuckerResult | null {
    return this.#last;
  }

  /** The last fit's relative errors, one per iteration (empty before the first fit). */
  get errors(): readonly number[] {
    return this.#last?.errors ?? [];
  }

  /** As TensorLy prints it. */
  toString(): string {
    return `Rank-${
      JSON.stringify(this.rank)
    } Non-Negative Tucker decomposition via multiplicative updates.`;
  }
}
