/**
 * `nonNegativeTuckerHals` and `NonNegativeTuckerHals`: non-negative Tucker decomposition with
 * HALS factor updates and a FISTA core update, after TensorLy's `non_negative_tucker_hals`.
 *
 * @module
 */

import { eigvalsh } from "../linalg/eigh.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { TuckerResult } from "./tucker_result.ts";
import { checkNonNeg, checkRankLike, checkRanks, workTensor } from "./_tucker_ops.ts";
import { checkFixedModes, initTucker } from "./_tucker_init.ts";
import { checkNnTuckerOpts, nnTuckerSweeps } from "./_tucker_nn.ts";
import { fista, halsNnls } from "./_tucker_nnls.ts";
import type { TuckerRank } from "./tucker.ts";
import type { NonNegativeTuckerOpts } from "./non_negative_tucker.ts";

/** Options of {@link nonNegativeTuckerHals} and {@link NonNegativeTuckerHals}. */
export interface NonNegativeTuckerHalsOpts extends NonNegativeTuckerOpts {
  // nIterMax defaults to 100 and tol to 1e-8 here (TensorLy's defaults).
  /** An l1 penalty on each factor: one for all modes or one per mode (null: none). */
  sparsityCoefficients?: number | readonly (number | null)[] | null;
  /** An l1 penalty on the core (its FISTA update). */
  coreSparsityCoefficient?: number | null;
  /**
   * Modes whose factors are not updated (kept as given by `init`, which must then be a
   * TuckerTensor or `{ core, factors }`).
   */
  fixedModes?: readonly number[];
  /** Solve each factor's NNLS to high precision instead of 100 HALS sweeps (default false). */
  exact?: boolean;
}

function checkSparsity(v: unknown, n: number, where: string): (number | null)[] {
  const list = Array.isArray(v) ? v : new Array(n).fill(v ?? null);
  if (list.length !== n) {
    throw new TypeError(
      `${where}: sparsityCoefficients must be a number or ${n} entries, got ${list.length}`,
    );
  }
  return list.map((s) => {
    if (s === null || s === undefined) return null;
    return checkNonNeg(s, "sparsityCoefficients", where);
  });
}

/**
 * Non-negative Tucker decomposition with hierarchical alternating least squares (TensorLy's
 * `non_negative_tucker_hals`): each factor is updated column by column (100 HALS sweeps of
 * its non-negative least-squares problem, or to high precision with `exact`), then the core by
 * FISTA with step 1/∏ₖ‖FₖᵀFₖ‖₂ (entries kept ≥ 1e-8). Defaults: 100 iterations, tol 1e-8,
 * "svd" (NNDSVDA) start. Optional l1 penalties on the factors and the core; `fixedModes` keep
 * the init's factors.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.random.defaultRng(0).random([5, 6, 7]).add(1);
 * const tk = nd.decomposition.nonNegativeTuckerHals(t, [2, 2, 2]);
 * const errors = tk.errors;
 * assert.ok(nd.all(nd.greaterEqual(tk.core, 0)).item());
 * assert.ok(errors.at(-1)! <= errors[0] && errors.at(-1)! < 0.2);
 * ```
 */
export function nonNegativeTuckerHals(
  t: ArrayLike,
  rank: TuckerRank,
  opts: NonNegativeTuckerHalsOpts = {},
): TuckerResult {
  return halsImpl(t, rank, opts, "nonNegativeTuckerHals");
}

function halsImpl(
  t: ArrayLike,
  rank: TuckerRank,
  opts: NonNegativeTuckerHalsOpts,
  where: string,
): TuckerResult {
  const x = workTensor(t, where);
  const n = x.ndim;
  const modes = x.shape.map((_, k) => k);
  const ranks = checkRanks(rank, x.shape, modes, where);
  const o = checkNnTuckerOpts(opts, { nIterMax: 100, tol: 1e-8 }, where);
  const sparsity = checkSparsity(opts.sparsityCoefficients, n, where);
  const coreSparsity = opts.coreSparsityCoefficient == null
    ? 0
    : checkNonNeg(opts.coreSparsityCoefficient, "coreSparsityCoefficient", where);
  o.fixed = checkFixedModes(opts.fixedModes, n, o.init, "fixedModes", where);
  return nnTuckerSweeps(x, initTucker(x, ranks, modes, o, where), o, {
    factor(f, mode, xb, btb) {
      const v = halsNnls(xb.T.copy(), btb, f.T.copy(), {
        nIterMax: 100,
        tol: 1e-8,
        sparsity: sparsity[mode],
        exact: opts.exact ?? false,
      });
      return v.T.copy();
    },
    core(core, z, gramList) {
      let lr = 1;
      for (const g of gramList) {
        const w = eigvalsh(g.dtype === "float64" ? g : g.astype("float64")).data as Float64Array;
        // A zero factor zeroes the gradient of the core: any step is fine, keep the others'.
        if (w[w.length - 1] > 0) lr /= w[w.length - 1];
      }
      return fista(z, gramList, core, {
        nIterMax: o.nIterMax,
        lr,
        sparsity: coreSparsity,
        tol: 1e-8,
        epsilon: 1e-8,
      });
    },
  });
}

/**
 * Non-negative Tucker decomposition by HALS as an estimator (TensorLy's `Tucker_NN_HALS`):
 * `fitTransform(t)` runs {@link nonNegativeTuckerHals} and keeps `decomposition` and `errors`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const model = new nd.decomposition.NonNegativeTuckerHals(2, { nIterMax: 20 });
 * const tk = model.fitTransform(nd.random.defaultRng(1).random([6, 5, 4]));
 * assert.deepEqual(tk.rank, [2, 2, 2]);
 * assert.ok(model.errors.length > 0);
 * ```
 */
export class NonNegativeTuckerHals {
  /** The rank given at construction. */
  readonly rank: TuckerRank;
  /** The options given at construction. */
  readonly opts: Readonly<NonNegativeTuckerHalsOpts>;
  #last: TuckerResult | null = null;

  /** An estimator of the given rank and options. */
  constructor(rank: TuckerRank, opts: NonNegativeTuckerHalsOpts = {}) {
    this.rank = checkRankLike(rank, "NonNegativeTuckerHals");
    this.opts = { ...opts };
  }

  /** Decomposes `t`, keeps and returns the decomposition. */
  fitTransform(t: ArrayLike): TuckerResult {
    return (this.#last = halsImpl(t, this.rank, this.opts, "NonNegativeTuckerHals.fitTransform"));
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
    return `Rank-${JSON.stringify(this.rank)} Non-Negative Tucker decomposition via HALS.`;
  }
}
