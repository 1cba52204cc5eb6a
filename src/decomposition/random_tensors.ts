/**
 * Random factorized tensors (TensorLy's `random_cp`, `random_tucker`, `random_tt`): factors
 * with entries uniform in [0, 1) from a seeded generator.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { checkShape } from "../core/shape.ts";
import { defaultRng, Generator } from "../random/generator.ts";
import { qr } from "../linalg/qr.ts";
import { cpNormalize, CPTensor } from "./cp_tensor.ts";
import { TuckerTensor } from "./tucker_tensor.ts";
import { TTTensor } from "./tt_tensor.ts";

/** Where random factors come from: a Generator, a seed for `nd.random.defaultRng`, or none. */
export type RngLike = Generator | number | bigint | undefined;

/** The Generator an `rng` option stands for. */
export function toRng(rng: RngLike, where: string): Generator {
  if (rng instanceof Generator) return rng;
  if (rng === undefined || typeof rng === "number" || typeof rng === "bigint") {
    return defaultRng(rng);
  }
  throw new TypeError(`${where}: rng must be an nd.random.Generator or a seed, got ${typeof rng}`);
}

/** Options shared by the random tensors. */
export interface RandomTensorOpts {
  /** Return the full tensor instead of the factorized one (default false). */
  full?: boolean;
  /** The source of randomness (default: fresh entropy). */
  rng?: RngLike;
  /** Orthonormal factor columns (QR of the random factors; default false). */
  orthogonal?: boolean;
  /** float64 (default) or float32. */
  dtype?: "float64" | "float32";
}

/** Options of {@link randomCp}. */
export interface RandomCpOpts extends RandomTensorOpts {
  /**
   * Normalize the factors' columns into the weights (default true, as TensorLy). The same
   * spelling as `parafac`'s option.
   */
  normalizeFactors?: boolean;
  /** TensorLy's spelling of {@link RandomCpOpts.normalizeFactors} (either may be given). */
  normaliseFactors?: boolean;
}

function checkRank(rank: unknown, where: string): number {
  if (typeof rank !== "number" || !Number.isInteger(rank) || rank < 1) {
    throw new RangeError(`${where}: rank must be a positive integer, got ${String(rank)}`);
  }
  return rank;
}

function factor(rng: Generator, rows: number, cols: number, o: RandomTensorOpts): NDArray {
  const f = rng.random([rows, cols], { dtype: o.dtype ?? "float64" }) as NDArray;
  return o.orthogonal ? (qr(f) as { Q: NDArray }).Q : f;
}

/**
 * A random CP tensor of `shape` and `rank` (weights one, factors uniform in [0, 1),
 * normalized into the weights by default), or with `full` its full tensor.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const cp = nd.decomposition.randomCp([3, 4, 5], 2, { rng: 0 }) as nd.decomposition.CPTensor;
 * assert.deepEqual(cp.shape, [3, 4, 5]);
 * const full = nd.decomposition.randomCp([3, 4, 5], 2, { rng: 0, full: true }) as nd.NDArray;
 * nd.testing.assertAllClose(full, cp.toTensor());
 * ```
 */
export function randomCp(
  shape: readonly number[],
  rank: number,
  opts: RandomCpOpts = {},
): CPTensor | NDArray {
  const s = checkShape(shape, "randomCp"), r = checkRank(rank, "randomCp");
  const rng = toRng(opts.rng, "randomCp");
  const cp = new CPTensor(null, s.map((n) => factor(rng, n, r, opts)));
  if (opts.full) return cp.toTensor();
  const { normalizeFactors: z, normaliseFactors: s2 } = opts;
  if (z !== undefined && s2 !== undefined && z !== s2) {
    throw new TypeError(
      `randomCp: normalizeFactors (${z}) and normaliseFactors (${s2}) disagree: give one`,
    );
  }
  return (z ?? s2) === false ? cp : cpNormalize(cp);
}

/**
 * A random Tucker tensor: core of shape `rank` (one rank for every mode, or one per mode) and
 * factors uniform in [0, 1) (orthonormal columns with `orthogonal`), or its full tensor.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const tk = nd.decomposition.randomTucker([4, 5], [2, 3], { rng: 1 });
 * assert.deepEqual((tk as nd.decomposition.TuckerTensor).rank, [2, 3]);
 * ```
 */
export function randomTucker(
  shape: readonly number[],
  rank: number | readonly number[],
  opts: RandomTensorOpts = {},
): TuckerTensor | NDArray {
  const s = checkShape(shape, "randomTucker");
  const ranks = typeof rank === "number" ? s.map(() => rank) : rank;
  if (!Array.isArray(ranks) || ranks.length !== s.length) {
    throw new TypeError(
      `randomTucker: rank must be a number or one per mode (${s.length}), got ${String(rank)}`,
    );
  }
  ranks.forEach((r) => checkRank(r, "randomTucker"));
  const rng = toRng(opts.rng, "randomTucker");
  const core = rng.random(ranks, { dtype: opts.dtype ?? "float64" }) as NDArray;
  const tk = new TuckerTensor(core, s.map((n, k) => factor(rng, n, ranks[k], opts)));
  return opts.full ? tk.toTensor() : tk;
}

/**
 * A random tensor train: TT ranks `rank` (one inner rank, or the N + 1 ranks with ends 1) and
 * cores uniform in [0, 1), or its full tensor.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const tt = nd.decomposition.randomTt([3, 4, 5], 2, { rng: 2 }) as nd.decomposition.TTTensor;
 * assert.deepEqual(tt.rank, [1, 2, 2, 1]);
 * ```
 */
export function randomTt(
  shape: readonly number[],
  rank: number | readonly number[],
  opts: Omit<RandomTensorOpts, "orthogonal"> = {},
): TTTensor | NDArray {
  const s = checkShape(shape, "randomTt");
  const ranks = typeof rank === "number" ? [1, ...s.slice(1).map(() => rank), 1] : rank;
  if (
    !Array.isArray(ranks) || ranks.length !== s.length + 1 || ranks[0] !== 1 || ranks.at(-1) !== 1
  ) {
    throw new TypeError(
      `randomTt: rank must be a number or ${s.length + 1} ranks starting and ending with 1, ` +
        `got ${String(rank)}`,
    );
  }
  ranks.forEach((r) => checkRank(r, "randomTt"));
  const rng = toRng(opts.rng, "randomTt");
  const cores = s.map((n, k) =>
    rng.random([ranks[k], n, ranks[k + 1]], { dtype: opts.dtype ?? "float64" }) as NDArray
  );
  const tt = new TTTensor(cores);
  return opts.full ? tt.toTensor() : tt;
}
