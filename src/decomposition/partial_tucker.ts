/**
 * `partialTucker`: a Tucker decomposition along some of a tensor's modes only (TensorLy's
 * `partial_tucker`, by higher-order orthogonal iteration).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { RngLike } from "./random_tensors.ts";
import { checkModes, checkRanks, workTensor } from "./_tucker_ops.ts";
import type { SvdMethod } from "./_tucker_svd.ts";
import { initTucker, type TuckerInit } from "./_tucker_init.ts";
import { checkHooiOpts, hooi } from "./_tucker_hooi.ts";

export type { TuckerInit } from "./_tucker_init.ts";
export type { SvdMethod } from "./_tucker_svd.ts";

/** Options shared by {@link partialTucker} and `tucker`. */
export interface HooiBaseOpts {
  /** The most sweeps of HOOI (default 100). */
  nIterMax?: number;
  /**
   * The starting point: `"svd"` (default: leading left singular vectors of each unfolding),
   * `"random"` (uniform factors, seeded by `rng`), or a decomposition to start from.
   */
  init?: TuckerInit;
  /** Stop when the relative error changes by less than this between sweeps (default 1e-4). */
  tol?: number;
  /**
   * How leading singular vectors are computed: `"symeig_svd"` (default: eigenvectors of the
   * unfolding's Gram matrix, accumulated from the tensor without forming the unfolding — the
   * fast route on the wide unfoldings of tensors) or `"truncated_svd"` (the SVD of the
   * unfolding, TensorLy's default; more accurate for the smallest kept singular values).
   */
  svd?: SvdMethod;
  /** The source of randomness for `init: "random"` (a Generator or a seed). */
  rng?: RngLike;
  /**
   * 1 (or true) where the tensor's values are known, 0 where they are missing: missing
   * entries are imputed from the current fit at every sweep.
   */
  mask?: ArrayLike;
  /** Imputation rounds of the masked SVD initialization (default 5). */
  svdMaskRepeats?: number;
}

/** Options of {@link partialTucker}. */
export interface PartialTuckerOpts extends HooiBaseOpts {
  /**
   * The modes to decompose (default: all), swept in this order; negative modes count from the
   * end. `rank`, the factors of `init` and the result's factors follow the same order.
   */
  modes?: readonly number[];
}

/** What {@link partialTucker} returns (TensorLy's `(core, factors), errors`). */
export interface PartialTuckerResult {
  /**
   * The core: `rank[i]` along `modes[i]`, the tensor's own size along every other mode
   * (`t ≈ multiModeDot(core, factors, { modes })`).
   */
  core: NDArray;
  /** One `shape[modes[i]] × rank[i]` factor with orthonormal columns per decomposed mode. */
  factors: NDArray[];
  /** The decomposed modes, in the order given (factors[i] belongs to modes[i]). */
  modes: number[];
  /** The relative reconstruction error after each sweep. */
  errors: number[];
}

/**
 * Tucker decomposition along `opts.modes` only, by higher-order orthogonal iteration (TensorLy's
 * `partial_tucker`): `t ≈ core ×ₘ₀ F₀ ×ₘ₁ F₁ …` over the decomposed modes mᵢ, the other modes
 * kept at full size in the core. `rank` is one number for every decomposed mode or one per
 * mode of `modes` (each at most the mode's size). Returns the core, the factors, the
 * modes and the error history. float32 tensors give float32 results; integers compute in
 * float64.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.random.defaultRng(0).random([3, 4, 5]);
 * const { core, factors, modes } = nd.decomposition.partialTucker(t, [2, 3], { modes: [1, 2] });
 * assert.deepEqual(core.shape, [3, 2, 3]);
 * assert.deepEqual(factors.map((f) => f.shape), [[4, 2], [5, 3]]);
 * const full = nd.decomposition.partialTucker(t, [4, 5], { modes: [1, 2] });
 * nd.testing.assertAllClose(nd.tenalg.multiModeDot(full.core, full.factors, { modes }), t);
 * ```
 */
export function partialTucker(
  t: ArrayLike,
  rank: number | readonly number[],
  opts: PartialTuckerOpts = {},
): PartialTuckerResult {
  const where = "partialTucker";
  const x = workTensor(t, where);
  const modes = checkModes(opts.modes, x.ndim, where);
  if (modes.length === 0) throw new RangeError(`${where}: modes must name at least one mode`);
  const ranks = checkRanks(rank, x.shape, modes, where);
  const o = checkHooiOpts(x, opts, where);
  const start = initTucker(x, ranks, modes, o, where);
  const st = { modes, ranks, ...start, update: modes.map(() => true) };
  const errors = hooi(x, st, o);
  return { core: st.core, factors: st.factors, modes, errors };
}
