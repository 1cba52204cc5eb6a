/**
 * `TRTensor`, `trToTensor`, `tensorRing` and `TensorRing`: tensors in tensor-ring form and
 * their decomposition by TR-SVD (Zhao et al. 2016), after TensorLy's `tensor_ring`.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { matmul } from "../linalg/matmul.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { asFloat } from "./cp_tensor.ts";
import { checkRankLike, flat, fromData, sqNorm, workTensor } from "./_tucker_ops.ts";
import { checkSvd, leadingSvd, type SvdMethod } from "./_tucker_svd.ts";

/**
 * A tensor ring: cores of shape (r_k, n_k, r_{k+1}) whose last rank wraps around to the first
 * (r_N = r₀); entry (i₀, …, i_{N−1}) is `trace(G₀[:, i₀, :] · G₁[:, i₁, :] ⋯)`. Construction
 * checks that neighbouring ranks agree. Immutable.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const tr = new nd.decomposition.TRTensor([nd.ones([2, 3, 2]), nd.ones([2, 4, 2])]);
 * assert.deepEqual(tr.shape, [3, 4]);
 * assert.deepEqual(tr.rank, [2, 2, 2]);
 * nd.testing.assertAllClose(tr.toTensor(), nd.full([3, 4], 4));
 * ```
 */
export class TRTensor {
  /** The cores, (r_k, n_k, r_{k+1}) each. */
  readonly factors: readonly NDArray[];

  /** A tensor ring from its cores. */
  constructor(factors: readonly ArrayLike[]) {
    if (!Array.isArray(factors) || factors.length === 0) {
      throw new TypeError("TRTensor: factors must be a non-empty array of 3-D cores");
    }
    const fs = factors.map((f) => asFloat(toArray(f, "TRTensor")));
    fs.forEach((f, k) => {
      if (f.ndim !== 3) {
        throw new TypeError(`TRTensor: core ${k} has shape ${fmtShape(f.shape)}: cores are 3-D`);
      }
      const next = fs[(k + 1) % fs.length];
      if (next.ndim === 3 && f.shape[2] !== next.shape[0]) {
        throw new TypeError(
          `TRTensor: core ${k} has shape ${fmtShape(f.shape)} and core ${
            (k + 1) % fs.length
          } has shape ${fmtShape(next.shape)}: ranks ${f.shape[2]} and ${next.shape[0]} differ`,
        );
      }
    });
    this.factors = Object.freeze(fs);
  }

  /** The full tensor's shape. */
  get shape(): number[] {
    return this.factors.map((f) => f.shape[1]);
  }

  /** The TR ranks r₀ … r_N (r_N = r₀). */
  get rank(): number[] {
    return [...this.factors.map((f) => f.shape[0]), this.factors[0].shape[0]];
  }

  /** The full tensor. */
  toTensor(): NDArray {
    return trToTensor(this);
  }

  /** A short description for notebooks. */
  toString(): string {
    return `TRTensor(shape=${fmtShape(this.shape)}, rank=${fmtShape(this.rank)})`;
  }

  /** Jupyter's display. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": this.toString(), "text/html": `<div>${this.toString()}</div>` };
  }
}

/**
 * The full tensor of a tensor ring: the cores contracted left to right, then the trace over
 * the wrapped rank.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.trToTensor([nd.ones([2, 2, 1]), nd.ones([1, 3, 2])]);
 * assert.deepEqual(t.shape, [2, 3]);
 * assert.equal(t.get(1, 2), 2);
 * ```
 */
export function trToTensor(tr: TRTensor | readonly ArrayLike[]): NDArray {
  const t = tr instanceof TRTensor ? tr : new TRTensor(tr);
  const f0 = t.factors[0];
  const r0 = f0.shape[0];
  let acc = f0.reshape([-1, f0.shape[2]]); // (r₀·n₀) × r₁
  for (let k = 1; k < t.factors.length; k++) {
    const f = t.factors[k];
    acc = matmul(acc, f.reshape([f.shape[0], -1])).reshape([-1, f.shape[2]]);
  }
  // acc is (r₀, P, r₀): the trace over the first and last index.
  const p = acc.size / (r0 * r0);
  const a = acc.dtype === "float32" || acc.dtype === "float64"
    ? flat(acc.flags.cContiguous ? acc : acc.copy())
    : flat(acc.astype("float64"));
  const out = a instanceof Float32Array ? new Float32Array(p) : new Float64Array(p);
  for (let i = 0; i < r0; i++) {
    const base = i * p * r0 + i;
    for (let j = 0; j < p; j++) out[j] += a[base + j * r0];
  }
  return fromData(out instanceof Float32Array ? "float32" : "float64", out, t.shape);
}

/** Options of {@link tensorRing} and {@link TensorRing}. */
export interface TensorRingOpts {
  /** The mode whose core is computed first (default 0). */
  mode?: number;
  /** How the truncated SVDs are computed (default "symeig_svd", see `tensorTrain`). */
  svd?: SvdMethod;
}

/** TR ranks: one for every bond, N ranks, or N + 1 ranks whose first and last agree. */
export type TRRank = number | readonly number[];

function checkTrRank(rank: unknown, n: number, where: string): number[] {
  let ranks = typeof rank === "number" ? new Array(n + 1).fill(rank) : rank;
  if (Array.isArray(ranks) && ranks.length === n) ranks = [...ranks, ranks[0]];
  if (!Array.isArray(ranks) || ranks.length !== n + 1) {
    throw new TypeError(
      `${where}: rank must be a number, ${n} or ${n + 1} ranks for a tensor with ${n} modes, ` +
        `got ${Array.isArray(rank) ? `${rank.length} ranks` : String(rank)}`,
    );
  }
  ranks.forEach((r, k) => {
    if (typeof r !== "number" || !Number.isInteger(r) || r < 1) {
      throw new RangeError(`${where}: rank ${k} must be a positive integer, got ${r}`);
    }
  });
  if (ranks[0] !== ranks[n]) {
    throw new RangeError(
      `${where}: the first and last TR ranks must be equal, got ${ranks[0]} and ${ranks[n]}`,
    );
  }
  return ranks.slice();
}

/** TR-SVD of the C-contiguous `x` starting at `mode`, and the relative error of the fit. */
function trSvd(
  x: NDArray,
  rank: readonly number[],
  mode: number,
  method: SvdMethod,
  where: string,
): { factors: NDArray[]; error: number } {
  const n = x.ndim;
  const order = Array.from({ length: n }, (_, k) => (mode + k) % n);
  const t = mode === 0 ? x : x.transpose(order).copy();
  const shape = t.shape;
  const ranks = order.map((m) => rank[m]);
  const normX2 = sqNorm(t);
  const r0 = ranks[0];
  if (n === 1) {
    if (r0 !== 1) {
      throw new RangeError(`${where}: a tensor with 1 mode has TR rank 1, got rank ${r0}`);
    }
    return { factors: [t.reshape([1, shape[0], 1])], error: 0 };
  }
  const first = t.reshape([shape[0], -1]);
  const [rows, cols] = first.shape;
  if (r0 * ranks[1] > Math.min(rows, cols)) {
    throw new RangeError(
      `${where}: rank[${mode}] · rank[${(mode + 1) % n}] = ${r0 * ranks[1]} is larger than ` +
        `the first unfolding (${rows}×${cols}) allows: reduce these ranks or start at another mode`,
    );
  }
  const r1 = ranks[1];
  const { U } = leadingSvd(first, r0 * r1, method);
  const factors: NDArray[] = [U.reshape([shape[0], r0, r1]).transpose([1, 0, 2]).copy()];
  // The rest, (r₀, r₁, …) → (r₁, …, r₀): the wrapped rank travels as the last index.
  let rest = matmul(U.T, first).reshape([r0, r1, -1]).transpose([1, 2, 0]).copy();
  let rPrev = r1;
  for (let k = 1; k < n - 1; k++) {
    const m = rest.reshape([rPrev * shape[k], -1]);
    const r = Math.min(m.shape[0], m.shape[1], ranks[k + 1]);
    const lead = leadingSvd(m, r, method);
    factors.push(lead.U.reshape([rPrev, shape[k], r]));
    rest = matmul(lead.U.T, m);
    rPrev = r;
  }
  const last = rest.reshape([rPrev, shape[n - 1], r0]);
  factors.push(last);
  const error = normX2 > 0 ? Math.sqrt(Math.max(normX2 - sqNorm(last), 0) / normX2) : 0;
  const back = mode === 0 ? factors : [...factors.slice(n - mode), ...factors.slice(0, n - mode)];
  return { factors: back, error };
}

/**
 * Tensor-ring decomposition by TR-SVD (TensorLy's `tensor_ring`): the first unfolding (at
 * `mode`) is split into r₀·r₁ singular vectors, the rest by TT-SVD with the wrapped rank
 * carried along. `rank` is one number for every bond, N ranks, or N + 1 ranks with
 * `rank[0] === rank[N]`; later ranks are capped at what each unfolding allows. The first
 * split mixes the two ranks it creates, so a tensor of these TR ranks is recovered exactly
 * (to rounding) when no later step truncates (as in TensorLy's test), not in general.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const rng = nd.random.defaultRng(0);
 * const cores = [[2, 6, 3], [3, 5, 4], [4, 2, 2]].map((s) => rng.random(s));
 * const t = nd.decomposition.trToTensor(cores);
 * const tr = nd.decomposition.tensorRing(t, [2, 3, 4]);
 * assert.deepEqual(tr.rank, [2, 3, 4, 2]);
 * nd.testing.assertAllClose(tr.toTensor(), t, { atol: 1e-10 });
 * ```
 */
export function tensorRing(t: ArrayLike, rank: TRRank, opts: TensorRingOpts = {}): TRTensor {
  return ringImpl(t, rank, opts, "tensorRing").tr;
}

function ringImpl(
  t: ArrayLike,
  rank: TRRank,
  opts: TensorRingOpts,
  where: string,
): { tr: TRTensor; error: number } {
  const x = workTensor(t, where);
  const n = x.ndim;
  const ranks = checkTrRank(rank, n, where);
  const mode = opts.mode ?? 0;
  if (!Number.isInteger(mode) || mode < 0 || mode >= n) {
    throw new RangeError(`${where}: mode ${mode} is out of range for a tensor with ${n} modes`);
  }
  const method = checkSvd(opts.svd, where, "symeig_svd");
  const { factors, error } = trSvd(x, ranks, mode, method, where);
  return { tr: new TRTensor(factors), error };
}

/**
 * TR-SVD as an estimator (TensorLy's `TensorRing`): `fitTransform(t)` runs {@link tensorRing},
 * keeps the result in `decomposition` and the relative error of the fit in `errors`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const model = new nd.decomposition.TensorRing([1, 2, 2]);
 * const tr = model.fitTransform(nd.random.defaultRng(0).random([3, 4, 5]));
 * assert.deepEqual(tr.rank, [1, 2, 2, 1]);
 * assert.equal(model.errors.length, 1);
 * ```
 */
export class TensorRing {
  /** The rank given at construction. */
  readonly rank: TRRank;
  /** The options given at construction. */
  readonly opts: Readonly<TensorRingOpts>;
  #last: TRTensor | null = null;
  #errors: number[] = [];

  /** An estimator of the given rank and options. */
  constructor(rank: TRRank, opts: TensorRingOpts = {}) {
    this.rank = checkRankLike(rank, "TensorRing");
    this.opts = { ...opts };
  }

  /** Decomposes `t`, keeps and returns the decomposition. */
  fitTransform(t: ArrayLike): TRTensor {
    const { tr, error } = ringImpl(t, this.rank, this.opts, "TensorRing.fitTransform");
    this.#errors = [error];
    return (this.#last = tr);
  }

  /** The last decomposition (null before the first fit). */
  get decomposition(): TRTensor | null {
    return this.#last;
  }

  /** The relative error of the last fit, one entry (empty before the first fit). */
  get errors(): readonly number[] {
    return this.#errors;
  }

  /** A short description. */
  toString(): string {
    return `Rank-${JSON.stringify(this.rank)} tensor-ring decomposition via TR-SVD.`;
  }
}
