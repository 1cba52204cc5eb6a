/**
 * `tucker` and the `Tucker` class: Tucker decomposition by higher-order orthogonal iteration
 * (HOOI), after TensorLy's `tucker`.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { TuckerResult } from "./tucker_result.ts";
import { checkRankLike, checkRanks, workTensor } from "./_tucker_ops.ts";
import { checkFixedModes, initTucker } from "./_tucker_init.ts";
import { checkHooiOpts, hooi } from "./_tucker_hooi.ts";
import type { HooiBaseOpts } from "./partial_tucker.ts";

/** Options of {@link tucker} and {@link Tucker}. */
export interface TuckerOpts extends HooiBaseOpts {
  /**
   * Modes whose factors stay exactly as given in `init` (which must then be a TuckerTensor or
   * `{ core, factors }`): the returned factors of these modes are the init's arrays
   * themselves. The other factors are fitted with the fixed ones in place.
   */
  fixedFactors?: readonly number[];
}

/** The rank of a Tucker decomposition: one for every mode, or one per mode. */
export type TuckerRank = number | readonly number[];

/**
 * Tucker decomposition `t ≈ core ×₀ F₀ ×₁ F₁ …` by higher-order orthogonal iteration (TensorLy's
 * `tucker`): factors with orthonormal columns (Iₖ × rank[k]) and the core `t ×ₖ Fₖᵀ`.
 * `rank` is one number for every mode or one per mode, each at most the mode's size. Starts
 * from the leading singular vectors of the unfoldings (`init: "svd"`), and sweeps until the
 * relative error `‖t − full‖/‖t‖` changes by less than `tol` (after at least 3 sweeps) or
 * `nIterMax` sweeps. With `mask`, missing entries are imputed from the fit at every sweep.
 * Returns a {@link TuckerResult}: the Tucker tensor with `errors` (one per sweep) and `nIter`.
 * float32 tensors give float32 results; integers compute in float64; memmapped tensors are
 * read in place.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.randomTucker([6, 7, 8], [2, 3, 2], { full: true, rng: 0 }) as nd.NDArray;
 * const tk = nd.decomposition.tucker(t, [2, 3, 2]);
 * assert.deepEqual(tk.rank, [2, 3, 2]);
 * nd.testing.assertAllClose(tk.toTensor(), t, { atol: 1e-10 });
 * const rank1 = nd.decomposition.tucker(t, 1);
 * assert.ok(rank1.nIter >= 3 && rank1.errors.at(-1)! > 0.01);
 * ```
 */
export function tucker(t: ArrayLike, rank: TuckerRank, opts: TuckerOpts = {}): TuckerResult {
  return tuckerImpl(t, rank, opts, "tucker");
}

function tuckerImpl(
  t: ArrayLike,
  rank: TuckerRank,
  opts: TuckerOpts,
  where: string,
): TuckerResult {
  const x = workTensor(t, where);
  const modes = x.shape.map((_, k) => k);
  const ranks = checkRanks(rank, x.shape, modes, where);
  const o = checkHooiOpts(x, opts, where);
  const fixed = checkFixedModes(opts.fixedFactors, x.ndim, o.init, "fixedFactors", where);
  const start = initTucker(x, ranks, modes, o, where);
  const update = modes.map((m) => !fixed.includes(m));
  const st = { modes, ranks, ...start, update };
  const errors = hooi(x, st, o);
  const factors: NDArray[] = st.factors.map((f, k) =>
    update[k] || typeof o.init === "string" ? f : toArray(o.init.factors[k], where)
  );
  return new TuckerResult(st.core, factors, errors);
}

/**
 * Tucker decomposition as an estimator (TensorLy's `Tucker`): `fitTransform(t)` runs
 * {@link tucker} with the rank and options given at construction; the last result stays in
 * `decomposition` with its `errors`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.randomTucker([5, 6, 7], 2, { full: true, rng: 1 }) as nd.NDArray;
 * const model = new nd.decomposition.Tucker([2, 2, 2], { tol: 1e-8 });
 * const tk = model.fitTransform(t);
 * assert.equal(model.decomposition, tk);
 * assert.ok(model.errors.at(-1)! < 1e-6);
 * ```
 */
export class Tucker {
  /** The rank given at construction. */
  readonly rank: TuckerRank;
  /** The options given at construction. */
  readonly opts: Readonly<TuckerOpts>;
  #last: TuckerResult | null = null;

  /** A Tucker estimator of the given rank and options. */
  constructor(rank: TuckerRank, opts: TuckerOpts = {}) {
    this.rank = checkRankLike(rank, "Tucker");
    this.opts = { ...opts };
  }

  /** Decomposes `t`, keeps and returns the decomposition. */
  fitTransform(t: ArrayLike): TuckerResult {
    return (this.#last = tuckerImpl(t, this.rank, this.opts, "Tucker.fitTransform"));
  }

  /** The last decomposition (null before the first fit). */
  get decomposition(): TuckerResult | null {
    return this.#last;
  }

  /** The last fit's relative errors, one per sweep (empty before the first fit). */
  get errors(): readonly number[] {
    return this.#last?.errors ?? [];
  }

  /** `Rank-[…] Tucker decomposition via HOOI.` as TensorLy prints it. */
  toString(): string {
    return `Rank-${JSON.stringify(this.rank)} Tucker decomposition via HOOI.`;
  }
}
