/**
 * `CPTensor`: a tensor in CP (CANDECOMP/PARAFAC) form, `Σ_r w_r · a_r ∘ b_r ∘ …`.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { isInexact } from "../core/dtype.ts";
import { matmul } from "../linalg/matmul.ts";
import { multiply } from "../ops/elementwise.ts";
import { sum } from "../ops/reduce/reductions.ts";
import { ones } from "../ops/creation.ts";
import { khatriRao } from "../tenalg/khatri_rao.ts";
import { norm as vecNorm } from "../linalg/norm.ts";
import type { ArrayLike } from "../core/_array_like.ts";

/**
 * A CP tensor: `weights` (R) and one factor matrix (I_k × R) per mode. Construction checks
 * that the factors are matrices with the same number of columns and that the weights match;
 * integer and bool inputs become float64, `weights` defaults to ones. Immutable: methods
 * return new tensors.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const cp = new nd.decomposition.CPTensor(null, [nd.ones([2, 1]), nd.full([3, 1], 2)]);
 * assert.deepEqual(cp.shape, [2, 3]);
 * assert.equal(cp.rank, 1);
 * nd.testing.assertAllClose(cp.toTensor(), nd.full([2, 3], 2));
 * assert.equal(cp.norm(), Math.sqrt(24));
 * ```
 */
export class CPTensor {
  /** The R component weights. */
  readonly weights: NDArray;
  /** One I_k × R factor per mode. */
  readonly factors: readonly NDArray[];

  /** A CP tensor from weights (null: ones) and factors. */
  constructor(weights: ArrayLike | null, factors: readonly ArrayLike[]) {
    if (!Array.isArray(factors) || factors.length === 0) {
      throw new TypeError("CPTensor: factors must be a non-empty array of matrices");
    }
    const fs = factors.map((f) => asFloat(toArray(f, "CPTensor")));
    const r = fs[0].ndim === 2 ? fs[0].shape[1] : -1;
    fs.forEach((f, k) => {
      if (f.ndim !== 2 || f.shape[1] !== r) {
        throw new TypeError(
          `CPTensor: factor ${k} has shape ${fmtShape(f.shape)}: every factor must be a ` +
            `matrix with the same number of columns (${r} for factor 0)`,
        );
      }
    });
    const w = weights === null
      ? ones([r], { dtype: fs[0].dtype })
      : asFloat(toArray(weights, "CPTensor"));
    if (w.ndim !== 1 || w.shape[0] !== r) {
      throw new TypeError(
        `CPTensor: weights of shape ${fmtShape(w.shape)} do not match rank ${r}`,
      );
    }
    this.weights = w;
    this.factors = Object.freeze(fs);
  }

  /** The full tensor's shape. */
  get shape(): number[] {
    return this.factors.map((f) => f.shape[0]);
  }

  /** The number of components R. */
  get rank(): number {
    return this.factors[0].shape[1];
  }

  /** The full tensor (see {@link cpToTensor}). */
  toTensor(): NDArray {
    return cpToTensor(this);
  }

  /**
   * The Frobenius norm, from the factors' Gram matrices (`wᵀ (∘ₖ FₖᵀFₖ) w`): the full tensor
   * is never formed.
   */
  norm(): number {
    let g: NDArray | null = null;
    for (const f of this.factors) {
      const gram = matmul(f.T, f);
      g = g === null ? gram : multiply(g, gram);
    }
    const w = this.weights;
    const sq = sum(multiply(matmul(g!, w), w)).item() as number;
    return Math.sqrt(Math.max(sq, 0));
  }

  /** The same tensor with unit-norm factor columns, their norms moved to the weights. */
  normalize(): CPTensor {
    return cpNormalize(this);
  }

  /** A short description for notebooks. */
  toString(): string {
    return `CPTensor(shape=${fmtShape(this.shape)}, rank=${this.rank})`;
  }

  /** Jupyter's display: rank and shapes. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const rows = this.factors.map((f, k) =>
      `<tr><td>${k}</td><td>${fmtShape(f.shape)}</td><td>${f.dtype}</td></tr>`
    ).join("");
    return {
      "text/plain": this.toString(),
      "text/html": `<div><b>CPTensor</b> of shape ${fmtShape(this.shape)}, rank ${this.rank}` +
        `<table><tr><th>mode</th><th>factor</th><th>dtype</th></tr>${rows}</table></div>`,
    };
  }
}

/** `a` as a float array: integers and bools become float64 (floats and complex stay). */
export function asFloat(a: NDArray): NDArray {
  return isInexact(a.dtype) ? a : a.astype("float64");
}

/** A CP tensor from a `CPTensor` or `{ weights, factors }`. */
export type CPLikeInput = CPTensor | { weights?: ArrayLike | null; factors: readonly ArrayLike[] };

function asCP(cp: CPLikeInput): CPTensor {
  return cp instanceof CPTensor ? cp : new CPTensor(cp.weights ?? null, cp.factors);
}

/**
 * The full tensor of a CP tensor: `unfold(t, 0) = (F₀ · diag(w)) · khatriRao(F₁, …)ᵀ`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.cpToTensor({ weights: [2], factors: [[[1], [2]], [[1], [3]]] });
 * assert.deepEqual(t.toArray(), [[2, 6], [4, 12]]);
 * ```
 */
export function cpToTensor(cp: CPLikeInput): NDArray {
  const c = asCP(cp);
  const [f0, ...rest] = c.factors;
  const left = multiply(f0, c.weights);
  if (rest.length === 0) return sum(left, { axis: 1 });
  return matmul(left, khatriRao(rest).T).reshape(c.shape);
}

/**
 * Normalizes every factor's columns to unit Euclidean norm, multiplying the weights by the
 * norms (TensorLy's `cp_normalize`; zero columns stay zero).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const cp = nd.decomposition.cpNormalize({ factors: [[[3], [4]], [[2], [0]]] });
 * assert.deepEqual(cp.weights.toArray(), [10]);
 * assert.deepEqual(cp.factors[0].toArray(), [[0.6], [0.8]]);
 * ```
 */
export function cpNormalize(cp: CPLikeInput): CPTensor {
  const c = asCP(cp);
  let w = c.weights;
  const factors = c.factors.map((f) => {
    const n = vecNorm(f, { axis: 0 });
    const safe = (n.data as Float64Array).map((x) => (x === 0 ? 1 : x));
    const scale = new NDArray(n.dtype, safe as never, n.shape);
    w = multiply(w, n);
    return f.div(scale);
  });
  return new CPTensor(w, factors);
}

/** Options of {@link cpFlipSign}. */
export interface CPFlipSignOpts {
  /** The mode that absorbs the signs (default 0). */
  mode?: number;
}

/**
 * Flips column signs so that every factor but one has columns of non-negative sum, the
 * remaining mode absorbing the signs (TensorLy's `cp_flip_sign`): the tensor is unchanged,
 * and decompositions from different starts become comparable.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const cp = nd.decomposition.cpFlipSign({ factors: [[[1], [2]], [[-1], [-3]]] });
 * assert.deepEqual(cp.factors[1].toArray(), [[1], [3]]);
 * assert.deepEqual(cp.factors[0].toArray(), [[-1], [-2]]);
 * ```
 */
export function cpFlipSign(cp: CPLikeInput, opts: CPFlipSignOpts = {}): CPTensor {
  const c = asCP(cp);
  const mode = opts.mode ?? 0;
  if (!Number.isInteger(mode) || mode < 0 || mode >= c.factors.length) {
    throw new RangeError(
      `cpFlipSign: mode ${mode} is out of range for a tensor with ${c.factors.length} modes`,
    );
  }
  let total = ones([c.rank], { dtype: c.factors[0].dtype }) as NDArray;
  const factors = c.factors.map((f, k) => {
    if (k === mode) return f;
    const signs = (sum(f, { axis: 0 }).data as Float64Array).map((x) => (x < 0 ? -1 : 1));
    const s = new NDArray(f.dtype, signs as never, [c.rank]);
    total = multiply(total, s);
    return multiply(f, s);
  });
  factors[mode] = multiply(factors[mode], total);
  return new CPTensor(c.weights, factors);
}
