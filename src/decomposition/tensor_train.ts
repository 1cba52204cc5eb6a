/**
 * `tensorTrain` and `TensorTrain`: tensor-train decomposition by successive truncated SVDs
 * (TT-SVD, Oseledets 2011), after TensorLy's `tensor_train`.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { matmul } from "../linalg/matmul.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { TTTensor } from "./tt_tensor.ts";
import { checkRankLike, sqNorm, workTensor } from "./_tucker_ops.ts";
import { checkSvd, leadingSvd, type SvdMethod } from "./_tucker_svd.ts";

/** Options of {@link tensorTrain} and {@link TensorTrain}. */
export interface TensorTrainOpts {
  /**
   * How the truncated SVDs are computed: `"symeig_svd"` (default: eigenvectors of the smaller
   * Gram matrix of each unfolding) or `"truncated_svd"` (LAPACK's SVD, TensorLy's default).
   */
  svd?: SvdMethod;
}

/** TT ranks: one inner rank for every bond, or the N + 1 ranks with first and last 1. */
export type TTRank = number | readonly number[];

function checkTtRank(rank: unknown, n: number, where: string): number[] {
  const ranks = typeof rank === "number" ? [1, ...new Array(n - 1).fill(rank), 1] : rank;
  if (!Array.isArray(ranks) || ranks.length !== n + 1) {
    throw new TypeError(
      `${where}: rank must be a number or ${n + 1} ranks for a tensor with ${n} modes, got ` +
        (Array.isArray(rank) ? `${rank.length} ranks` : String(rank)),
    );
  }
  ranks.forEach((r, k) => {
    if (typeof r !== "number" || !Number.isInteger(r) || r < 1) {
      throw new RangeError(`${where}: rank ${k} must be a positive integer, got ${r}`);
    }
  });
  if (ranks[0] !== 1 || ranks[n] !== 1) {
    throw new RangeError(
      `${where}: the first and last TT ranks must be 1, got [${ranks.join(",")}]`,
    );
  }
  return ranks.slice();
}

/** The TT cores of the C-contiguous `x` and the relative error of the fit. */
function ttSvd(
  x: NDArray,
  ranks: readonly number[],
  method: SvdMethod,
): { factors: NDArray[]; error: number } {
  const shape = x.shape, n = shape.length;
  const normX2 = sqNorm(x);
  const factors: NDArray[] = [];
  let rest = x, rPrev = 1;
  for (let k = 0; k < n - 1; k++) {
    const rows = rPrev * shape[k];
    const m = rest.reshape([rows, -1]);
    const r = Math.min(rows, m.shape[1], ranks[k + 1]);
    const { U } = leadingSvd(m, r, method);
    factors.push(U.reshape([rPrev, shape[k], r]));
    rest = matmul(U.T, m); // the coefficients of the projection: S·Vh
    rPrev = r;
  }
  const last = rest.reshape([rPrev, shape[n - 1], 1]);
  factors.push(last);
  // The first cores are orthonormal: the fit is an orthogonal projection of x.
  const err = normX2 > 0 ? Math.sqrt(Math.max(normX2 - sqNorm(last), 0) / normX2) : 0;
  return { factors, error: err };
}

/**
 * Tensor-train decomposition by TT-SVD (TensorLy's `tensor_train`): cores (r_{k−1}, n_k, r_k)
 * from successive truncated SVDs of the unfoldings, each rank capped at what the unfolding
 * allows (`min(rows, columns, rank[k])`). `rank` is one inner rank for every bond or the N + 1
 * ranks `[1, r₁, …, r_{N−1}, 1]`. Exact (to rounding) when the ranks are at least the tensor's
 * TT ranks. The first N − 1 cores have orthonormal unfoldings.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.randomTt([4, 5, 6], [1, 2, 3, 1], { full: true, rng: 0 }) as nd.NDArray;
 * const tt = nd.decomposition.tensorTrain(t, [1, 2, 3, 1]);
 * assert.deepEqual(tt.factors.map((f) => f.shape), [[1, 4, 2], [2, 5, 3], [3, 6, 1]]);
 * nd.testing.assertAllClose(tt.toTensor(), t, { atol: 1e-10 });
 * ```
 */
export function tensorTrain(t: ArrayLike, rank: TTRank, opts: TensorTrainOpts = {}): TTTensor {
  return trainImpl(t, rank, opts, "tensorTrain").tt;
}

function trainImpl(
  t: ArrayLike,
  rank: TTRank,
  opts: TensorTrainOpts,
  where: string,
): { tt: TTTensor; error: number } {
  const x = workTensor(t, where);
  const ranks = checkTtRank(rank, x.ndim, where);
  const method = checkSvd(opts.svd, where, "symeig_svd");
  const { factors, error } = ttSvd(x, ranks, method);
  return { tt: new TTTensor(factors), error };
}

/**
 * TT-SVD as an estimator (TensorLy's `TensorTrain`): `fitTransform(t)` runs
 * {@link tensorTrain}, keeps the result in `decomposition` and the relative error of the fit in
 * `errors` (one entry: TT-SVD does not iterate).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const model = new nd.decomposition.TensorTrain(2);
 * const tt = model.fitTransform(nd.random.defaultRng(0).random([3, 4, 5]));
 * assert.deepEqual(tt.rank, [1, 2, 2, 1]);
 * assert.equal(model.errors.length, 1);
 * ```
 */
export class TensorTrain {
  /** The rank given at construction. */
  readonly rank: TTRank;
  /** The options given at construction. */
  readonly opts: Readonly<TensorTrainOpts>;
  #last: TTTensor | null = null;
  #errors: number[] = [];

  /** An estimator of the given rank and options. */
  constructor(rank: TTRank, opts: TensorTrainOpts = {}) {
    this.rank = checkRankLike(rank, "TensorTrain");
    this.opts = { ...opts };
  }

  /** Decomposes `t`, keeps and returns the decomposition. */
  fitTransform(t: ArrayLike): TTTensor {
    const { tt, error } = trainImpl(t, this.rank, this.opts, "TensorTrain.fitTransform");
    this.#errors = [error];
    return (this.#last = tt);
  }

  /** The last decomposition (null before the first fit). */
  get decomposition(): TTTensor | null {
    return this.#last;
  }

  /** The relative error of the last fit, one entry (empty before the first fit). */
  get errors(): readonly number[] {
    return this.#errors;
  }

  /** A short description. */
  toString(): string {
    return `Rank-${JSON.stringify(this.rank)} tensor-train decomposition via TT-SVD.`;
  }
}
